package memorypass

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestScaleReal: every element is scaled, for lengths with and without a
// remainder after the eight streams, in both precisions.
func TestScaleReal(t *testing.T) {
	for _, n := range []int{0, 1, 7, 8, 9, 64, 1001} {
		x := make([]complex128, n)
		y := make([]complex64, n)
		for i := range x {
			x[i] = complex(float64(i), -2*float64(i))
			y[i] = complex64(x[i])
		}
		ScaleReal(x, 0.5)
		ScaleReal(y, 0.5)
		for i := range x {
			want := complex(float64(i)/2, -float64(i))
			assert.Equal(t, want, x[i], "n=%d i=%d", n, i)
			assert.Equal(t, complex64(want), y[i], "n=%d i=%d", n, i)
		}
	}
}
