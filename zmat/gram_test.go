package zmat

import (
	"math"
	"math/cmplx"
	"testing"

	"github.com/stretchr/testify/require"
)

// randStates returns n normalised random states of dimension dim as the rows of a planar matrix.
func randStates(t *testing.T, n, dim int, seed uint64) (*Planar, *Dense) {
	t.Helper()
	d := randDense(t, n, dim, newRNG(seed))
	for i := range n {
		row := d.row(i)
		nrm := frob(&Dense{Rows: 1, Cols: dim, Stride: dim, Data: row})
		scaleComplex(row, complex(1/nrm, 0))
	}
	p, err := d.ToPlanar()
	require.NoError(t, err)
	return p, d
}

func naiveGram(a, b *Dense) []float64 {
	out := make([]float64, a.Rows*b.Rows)
	for i := range a.Rows {
		for j := range b.Rows {
			var s complex128
			for k := range a.Cols {
				s += a.Data[i*a.Cols+k] * cmplx.Conj(b.Data[j*b.Cols+k])
			}
			out[i*b.Rows+j] = real(s)*real(s) + imag(s)*imag(s)
		}
	}
	return out
}

func TestGramAbs2(t *testing.T) {
	// 300 rows spans three row blocks of gramBlockRows.
	pa, da := randStates(t, 300, 64, 20)
	pb, db := randStates(t, 7, 64, 21)
	got := make([]float64, 300*7)
	require.NoError(t, GramAbs2(got, pa, pb))
	want := naiveGram(da, db)
	for i := range want {
		// Normalised states: every |⟨b|a⟩| ≤ 1, so 1e-14 is a relative bound on the amplitude.
		require.InDelta(t, want[i], got[i], 1e-14, "entry %d", i)
	}
}

func TestGramAbs2Symmetric(t *testing.T) {
	pa, da := randStates(t, 300, 32, 22)
	got := make([]float64, 300*300)
	require.NoError(t, GramAbs2Symmetric(got, pa))
	want := naiveGram(da, da)
	general := make([]float64, 300*300)
	require.NoError(t, GramAbs2(general, pa, pa))
	for i := range 300 {
		require.InDelta(t, 1, got[i*300+i], 1e-14, "diagonal %d", i)
		for j := range 300 {
			require.Equal(t, got[i*300+j], got[j*300+i], "exact symmetry at (%d,%d)", i, j)
			require.InDelta(t, want[i*300+j], got[i*300+j], 1e-14)
			require.InDelta(t, general[i*300+j], got[i*300+j], 1e-14)
		}
	}
}

func TestGramErrors(t *testing.T) {
	pa, _ := randStates(t, 3, 4, 23)
	pb, _ := randStates(t, 2, 5, 24)
	require.ErrorIs(t, GramAbs2(make([]float64, 6), pa, pb), ErrShape)
	pc, _ := randStates(t, 2, 4, 25)
	err := GramAbs2(make([]float64, 5), pa, pc)
	require.ErrorIs(t, err, ErrShape)
	require.ErrorContains(t, err, "want 3×2 = 6")
	require.ErrorIs(t, GramAbs2Symmetric(make([]float64, 8), pa), ErrShape)
	require.ErrorIs(t, GramAbs2(pc.Re[:6], pa, pc), ErrShape)
	pa.Re[2] = math.Inf(-1)
	require.ErrorIs(t, GramAbs2Symmetric(make([]float64, 9), pa), ErrNotFinite)
	require.ErrorIs(t, GramAbs2(make([]float64, 6), pc, pa), ErrNotFinite)
}
