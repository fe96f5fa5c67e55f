package cbe

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"gonum.org/v1/gonum/dsp/fourier"
)

func TestRadix2MatchesGonum(t *testing.T) {
	for _, n := range []int{2, 4, 8, 16, 32, 64, 128, 256, 1024} {
		x := randomState(Grid{Nx: n, Nv: 1}, uint64(n))
		ref := fourier.NewCmplxFFT(n)
		want := ref.Coefficients(nil, x)
		wantInv := ref.Sequence(nil, x)
		r := newRadix2(n)
		got := append([]complex128(nil), x...)
		r.forward(got)
		assert.Less(t, relL2(got, want), 1e-14, "forward n = %d", n)
		got = append(got[:0], x...)
		r.inverse(got)
		assert.Less(t, relL2(got, wantInv), 1e-14, "inverse n = %d", n)

		// The row-batched transform equals one transform per column.
		const width = 3
		a := randomState(Grid{Nx: width, Nv: n}, 11)
		b := append([]complex128(nil), a...)
		r.transformRows(a, width, r.fwd)
		col := make([]complex128, n)
		for c := range width {
			for j := range col {
				col[j] = b[c+width*j]
			}
			ref.Coefficients(col, col)
			for j := range col {
				b[c+width*j] = col[j]
			}
		}
		assert.Less(t, relL2(a, b), 1e-14, "rows n = %d", n)
	}
}

func TestNewPlanChoosesRadix2ForPowersOfTwo(t *testing.T) {
	_, ok := newPlan(64).(*radix2)
	assert.True(t, ok)
	_, ok = newPlan(48).(gonumPlan)
	assert.True(t, ok)
}
