package cbe

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// paddedSplineCoefficients solves (c_{k−1} + 4c_k + c_{k+1})/6 = f_k on
// the grid padded by pad zeros each side with the Thomas algorithm — an
// independent route to the infinite-grid coefficients.
func paddedSplineCoefficients(f []float64, pad int) []float64 {
	n := len(f) + 2*pad
	d := make([]float64, n)
	copy(d[pad:], f)
	for i := range d {
		d[i] *= 6
	}
	cp := make([]float64, n)
	dp := make([]float64, n)
	cp[0], dp[0] = 1.0/4, d[0]/4
	for i := 1; i < n; i++ {
		m := 4 - cp[i-1]
		cp[i] = 1 / m
		dp[i] = (d[i] - dp[i-1]) / m
	}
	x := make([]float64, n)
	x[n-1] = dp[n-1]
	for i := n - 2; i >= 0; i-- {
		x[i] = dp[i] - cp[i]*x[i+1]
	}
	return x
}

func TestSplineCoefficientsMatchPaddedSolve(t *testing.T) {
	f := []float64{0.3, -1.2, 2.5, 0.7, 0.1, -0.4, 1.9, 0.05}
	in := make([]complex128, len(f))
	for i, v := range f {
		in[i] = complex(v, -2*v)
	}
	sp := newCubicSpline(len(f))
	c := sp.coefficients(in) // c_{−2}…c_{n+1}
	const pad = 40
	ref := paddedSplineCoefficients(f, pad)
	for k := -2; k < len(f)+2; k++ {
		want := ref[pad+k]
		assert.InDelta(t, want, real(c[k+2]), 1e-14, "k = %d", k)
		assert.InDelta(t, -2*want, imag(c[k+2]), 1e-14, "k = %d", k)
	}
}

func TestSplineShiftProperties(t *testing.T) {
	const n = 64
	gauss := func(u, centre, width float64) float64 {
		d := (u - centre) / width
		return math.Exp(-d * d / 2)
	}
	col := func(centre, width float64) []complex128 {
		c := make([]complex128, n)
		for j := range c {
			c[j] = complex(gauss(float64(j), centre, width), 0)
		}
		return c
	}
	sp := newCubicSpline(n)

	// A zero shift interpolates: the samples come back.
	x := col(30, 5)
	y := append([]complex128(nil), x...)
	sp.shift(y, 0)
	assert.Less(t, relL2(y, x), 1e-15)

	// Mass is conserved while nothing reaches the edges (tails e^{−72}).
	x = col(30, 2.5)
	y = append([]complex128(nil), x...)
	sp.shift(y, 3.37)
	assert.InDelta(t, 1, real(sum(y))/real(sum(x)), 1e-14)

	// Fourth-order accuracy: the error drops ~16× when the width doubles
	// in cells (i.e. the grid is refined twice).
	errAt := func(width float64) float64 {
		y := col(30, width)
		sp.shift(y, 0.37)
		e := 0.0
		for j, c := range y {
			e = math.Max(e, math.Abs(real(c)-gauss(float64(j)-0.37, 30, width)))
		}
		return e
	}
	e1, e2 := errAt(3), errAt(6)
	t.Logf("spline shift max error: width 3 cells %.2e, width 6 cells %.2e (ratio %.1f)", e1, e2, e1/e2)
	assert.Greater(t, e1/e2, 12.0)
	assert.Less(t, e2, 1e-4)

	// Values shifted in from beyond ±VMax are zero: a large shift empties
	// the column.
	y = col(30, 3)
	sp.shift(y, 80)
	assert.Equal(t, 0.0, l2(y))
	// A shift of half a column keeps only what stays inside.
	y = col(10, 2)
	sp.shift(y, -20)
	require.Less(t, l2(y), 1e-3)
}
