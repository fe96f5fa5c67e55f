package tensornet

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/statevec"
)

// randomLayers is the honest-truncation circuit: depth layers of RY with
// random angles on every qubit followed by CZ on alternating neighbour
// pairs ((0,1), (2,3), … on even layers, (1,2), (3,4), … on odd ones).
func randomLayers(n, depth int, seed uint64) *circuits.Circuit {
	rng := rand.New(rand.NewPCG(seed, 17))
	c := circuits.New(n)
	for d := range depth {
		for q := range n {
			c.RY(2*math.Pi*rng.Float64(), q)
		}
		for q := d % 2; q+1 < n; q += 2 {
			c.CZ(q, q+1)
		}
	}
	return c
}

// trueFidelity returns |⟨ψ_exact|ψ⟩|² for the normalised MPS st.
func trueFidelity(t *testing.T, exact []complex128, st *State) float64 {
	t.Helper()
	got, err := st.Amplitudes()
	require.NoError(t, err)
	var ov complex128
	var norm float64
	for i, a := range got {
		ov += cmplx.Conj(exact[i]) * a
		norm += real(a)*real(a) + imag(a)*imag(a)
	}
	require.InDelta(t, 1, norm, 1e-12, "the returned state is normalised")
	return real(ov)*real(ov) + imag(ov)*imag(ov)
}

// TestHonestTruncation runs the 20-qubit random-layers circuit (depth 10,
// the acceptance case) at max bond 8, 16 and 32 and compares the fidelity
// estimate with the true fidelity against statevec; depth 20, where the
// fidelity drops to 0.3–0.8, checks the estimate where it matters.
func TestHonestTruncation(t *testing.T) {
	n, depths := 20, []int{10, 20}
	if testing.Short() {
		n, depths = 14, []int{10}
	}
	for _, depth := range depths {
		c := randomLayers(n, depth, 1)
		ref, _, err := statevec.Simulator{}.RunState(c)
		require.NoError(t, err)
		exact := ref.Data()
		for _, bond := range []int{8, 16, 32} {
			for _, renorm := range []bool{false, true} {
				st, _, err := Simulator{MaxBond: bond, Renormalize: renorm}.RunState(c)
				require.NoError(t, err)
				est, f := st.FidelityEstimate(), trueFidelity(t, exact, st)
				t.Logf("n=%d depth %d, max bond %2d, renormalize %-5v: estimate %.6f, true fidelity %.6f, |Δ| = %.2g, max bond reached %d",
					n, depth, bond, renorm, est, f, math.Abs(est-f), st.MaxBondReached())
				assert.InDelta(t, f, est, 0.05, "depth %d, max bond %d", depth, bond)
				assert.LessOrEqual(t, st.MaxBondReached(), bond)
			}
		}
	}
}

// TestSingleTruncationIsExact: when one split truncates, the estimate is
// the exact fidelity. RY(θ) then CX has Schmidt values cos(θ/2), sin(θ/2);
// at max bond 1 the state becomes |00⟩ with fidelity cos²(θ/2).
func TestSingleTruncationIsExact(t *testing.T) {
	theta := 1.1
	c := circuits.New(2).RY(theta, 0).CX(0, 1)
	st, _, err := Simulator{MaxBond: 1}.RunState(c)
	require.NoError(t, err)
	want := math.Pow(math.Cos(theta/2), 2)
	assert.InDelta(t, want, st.FidelityEstimate(), 1e-14)
	exact := []complex128{complex(math.Cos(theta/2), 0), 0, 0, complex(math.Sin(theta/2), 0)}
	assert.InDelta(t, want, trueFidelity(t, exact, st), 1e-14)
	assert.Equal(t, []int{1}, st.BondDims())
}

// TestCutoffModes checks how each mode reads Cutoff on a Bell-like state
// with Schmidt values c = cos(θ/2) > s = sin(θ/2), s² = 0.1.
func TestCutoffModes(t *testing.T) {
	theta := 2 * math.Asin(math.Sqrt(0.1))
	c := circuits.New(2).RY(theta, 0).CX(0, 1)
	s, big := math.Sqrt(0.1), math.Sqrt(0.9)
	for _, tc := range []struct {
		mode   CutoffMode
		cutoff float64
		keep   int
	}{
		{CutoffRel, 0.99 * s / big, 2}, {CutoffRel, 1.01 * s / big, 1},
		{CutoffAbs, 0.99 * s, 2}, {CutoffAbs, 1.01 * s, 1},
		{CutoffRelSum2, 0.099, 2}, {CutoffRelSum2, 0.101, 1},
		{CutoffSum2, 0.099, 2}, {CutoffSum2, 0.101, 1},
	} {
		t.Run(fmt.Sprintf("%v/%g", tc.mode, tc.cutoff), func(t *testing.T) {
			st, _, err := Simulator{Cutoff: tc.cutoff, CutoffMode: tc.mode}.RunState(c)
			require.NoError(t, err)
			assert.Equal(t, []int{tc.keep}, st.BondDims())
			want := 1.0
			if tc.keep == 1 {
				want = 0.9
			}
			assert.InDelta(t, want, st.FidelityEstimate(), 1e-14)
		})
	}
}

func TestTruncationSettingErrors(t *testing.T) {
	c := circuits.GHZ(3)
	for name, sim := range map[string]Simulator{
		"negative max bond": {MaxBond: -1},
		"negative cutoff":   {Cutoff: -1e-3},
		"NaN cutoff":        {Cutoff: math.NaN()},
		"infinite cutoff":   {Cutoff: math.Inf(1)},
		"unknown mode":      {CutoffMode: CutoffMode(9)},
	} {
		_, err := sim.Run(c)
		assert.Error(t, err, name)
	}
	m, err := ParseCutoffMode("rsum2")
	require.NoError(t, err)
	assert.Equal(t, CutoffRelSum2, m)
	_, err = ParseCutoffMode("relative")
	assert.Error(t, err)
}
