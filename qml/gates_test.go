package qml

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDerivativeMatrices checks every derivative rule against central
// differences of circuits.Gate.Matrix, and M = ∂B·B† against ∂B.
func TestDerivativeMatrices(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, g := range []circuits.Gate{circuits.RX, circuits.RY, circuits.RZ, circuits.P, circuits.U,
		circuits.RXX, circuits.RYY, circuits.RZZ, circuits.RZX} {
		a := make([]float64, g.NumParams())
		for i := range a {
			a[i] = 4*rng.Float64() - 2
		}
		b, err := g.Matrix(a...)
		require.NoError(t, err)
		dim := int(math.Sqrt(float64(len(b))))
		for j := range a {
			const h = 1e-6
			ap, am := append([]float64(nil), a...), append([]float64(nil), a...)
			ap[j] += h
			am[j] -= h
			bp, err := g.Matrix(ap...)
			require.NoError(t, err)
			bm, err := g.Matrix(am...)
			require.NoError(t, err)
			db, err := baseDerivative(g, a, j)
			require.NoError(t, err)
			m, err := derivativeGenerator(g, a, j, b)
			require.NoError(t, err)
			// M·B must equal ∂B.
			for r := 0; r < dim; r++ {
				for c := 0; c < dim; c++ {
					fd := (bp[r*dim+c] - bm[r*dim+c]) / complex(2*h, 0)
					assert.InDelta(t, 0, cmplx.Abs(db[r*dim+c]-fd), 1e-9, "%v angle %d entry (%d,%d)", g, j, r, c)
					var mb complex128
					for k := 0; k < dim; k++ {
						mb += m[r*dim+k] * b[k*dim+c]
					}
					assert.InDelta(t, 0, cmplx.Abs(mb-db[r*dim+c]), 1e-12, "%v angle %d: M·B entry (%d,%d)", g, j, r, c)
				}
			}
		}
	}
}

// TestShiftRules checks the rules on the trigonometric functions they
// are derived for: frequencies {1} for two terms, {½, 1} for four.
func TestShiftRules(t *testing.T) {
	check := func(rule shiftRule, omega, phase, x float64) float64 {
		var d float64
		for k, s := range rule.Shifts {
			d += rule.Coeffs[k] * math.Sin(omega*(x+s)+phase)
		}
		return d - omega*math.Cos(omega*x+phase)
	}
	for _, x := range []float64{-1.3, 0, 0.4, 2.9} {
		assert.InDelta(t, 0, check(twoTermRule, 1, 0.3, x), 1e-15)
		assert.InDelta(t, 0, check(fourTermRule, 1, 0.3, x), 1e-15)
		assert.InDelta(t, 0, check(fourTermRule, 0.5, -0.7, x), 1e-15)
		// The two-term rule is wrong for frequency ½, which is why
		// controlled rotations need four terms.
		assert.Greater(t, math.Abs(check(twoTermRule, 0.5, -0.7, x))+math.Abs(check(twoTermRule, 0.5, 0.8, x)), 1e-3)
	}
	assert.InDelta(t, (math.Sqrt2+1)/(4*math.Sqrt2), dPlus, 1e-16)
	assert.InDelta(t, (math.Sqrt2-1)/(4*math.Sqrt2), dMinus, 1e-16)
}
