package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func randMatrix(rng *rand.Rand, rows, cols int, scale float64) *Matrix {
	m := NewMatrix(rows, cols)
	for k := range m.Data {
		m.Data[k] = scale * (2*rng.Float64() - 1)
	}
	return m
}

// TestLayerGradients checks every layer's Backward against central finite
// differences: max |analytic − numeric|/max(1, |numeric|) ≤ 1e−6.
func TestLayerGradients(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	build := map[string]func() (Layer, error){
		"linear": func() (Layer, error) { return NewLinear(4, 3, XavierNormal, rng) },
		"silu":   func() (Layer, error) { return NewActivation(SiLUAct) },
		"tanh":   func() (Layer, error) { return NewActivation(TanhAct) },
		"relu":   func() (Layer, error) { return NewActivation(ReLUAct) },
		"mlp":    func() (Layer, error) { return NewMLP([]int{4, 5, 5, 3}, TanhAct, rng) },
		"bspline-kan": func() (Layer, error) {
			k, err := NewBSplineKAN(4, 3, BSplineConfig{}, rng)
			if err != nil {
				return nil, err
			}
			for i := range k.coef {
				k.coef[i] = rng.NormFloat64() // make the spline term dominant
			}
			return k, nil
		},
		"kan-net":     func() (Layer, error) { return NewKAN([]int{4, 3, 2}, BSplineConfig{Grid: 7, Lo: -2, Hi: 2}, rng) },
		"fourier-kan": func() (Layer, error) { return NewFourierKAN(4, 3, 4, rng) },
	}
	for name, f := range build {
		t.Run(name, func(t *testing.T) {
			l, err := f()
			require.NoError(t, err)
			// Inputs avoid ReLU's kink at 0 and cover the spline grid.
			x := randMatrix(rng, 6, 4, 1.2)
			for k, v := range x.Data {
				if math.Abs(v) < 1e-3 {
					x.Data[k] = 0.5
				}
			}
			res, err := GradCheck(l, x, 1e-6, 7)
			require.NoError(t, err)
			assert.Less(t, res.MaxInputErr, 1e-6, "worst %s", res.Worst)
			assert.Less(t, res.MaxParamErr, 1e-6, "worst %s", res.Worst)
		})
	}
}

func TestLossGradients(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pred := randMatrix(rng, 5, 3, 2)
	reg := randMatrix(rng, 5, 3, 2)
	labels := NewMatrix(5, 1)
	for r := range 5 {
		labels.Data[r] = float64(r % 3)
	}
	for _, c := range []struct {
		loss   Loss
		target *Matrix
	}{{MSE{}, reg}, {SoftmaxCrossEntropy{}, labels}} {
		_, g, err := c.loss.Loss(pred, c.target)
		require.NoError(t, err)
		const h = 1e-6
		for k := range pred.Data {
			old := pred.Data[k]
			pred.Data[k] = old + h
			fp, _, _ := c.loss.Loss(pred, c.target)
			pred.Data[k] = old - h
			fm, _, _ := c.loss.Loss(pred, c.target)
			pred.Data[k] = old
			assert.InDelta(t, (fp-fm)/(2*h), g.Data[k], 1e-8, "%s entry %d", c.loss, k)
		}
	}
	// Cross-entropy of uniform logits is log(classes).
	l, _, err := SoftmaxCrossEntropy{}.Loss(NewMatrix(5, 3), labels)
	require.NoError(t, err)
	assert.InDelta(t, math.Log(3), l, 1e-15)
}

// cubicBSpline is the closed-form uniform cubic B-spline on knots 0..4
// (unit spacing), written independently of the Cox–de Boor recursion.
func cubicBSpline(u float64) float64 {
	switch {
	case u < 0 || u >= 4:
		return 0
	case u < 1:
		return u * u * u / 6
	case u < 2:
		v := u - 1
		return (-3*v*v*v + 3*v*v + 3*v + 1) / 6
	case u < 3:
		v := u - 2
		return (3*v*v*v - 6*v*v + 4) / 6
	default:
		v := 4 - u
		return v * v * v / 6
	}
}

func TestBSplineBasis(t *testing.T) {
	l, err := NewBSplineKAN(1, 1, BSplineConfig{}, rand.New(rand.NewPCG(1, 1)))
	require.NoError(t, err)
	require.Len(t, l.Knots(), 12)
	assert.InDelta(t, -1-3*0.4, l.Knots()[0], 1e-15)
	assert.InDelta(t, 1+3*0.4, l.Knots()[11], 1e-15)
	b, db := make([]float64, 8), make([]float64, 8)
	for _, x := range []float64{-1, -0.73, -0.2, 0, 0.31, 0.999, 1} {
		require.NoError(t, l.Basis(x, b, db))
		var sum, dsum float64
		for m := range b {
			// B_m is the cardinal cubic spline shifted to start at knot m.
			u := (x - l.Knots()[m]) / 0.4
			assert.InDelta(t, cubicBSpline(u), b[m], 1e-12, "B_%d(%g)", m, x)
			sum += b[m]
			dsum += db[m]
		}
		assert.InDelta(t, 1, sum, 1e-12, "partition of unity at %g", x)
		assert.InDelta(t, 0, dsum, 1e-10, "derivative of the partition of unity at %g", x)
	}
	// Outside the extended grid every basis vanishes.
	require.NoError(t, l.Basis(3, b, db))
	for m := range b {
		assert.Zero(t, b[m])
	}
	assert.Error(t, l.Basis(0, b[:3], db))
	assert.Error(t, l.Basis(math.NaN(), b, db))
}

func TestParameterCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	k, err := NewKAN([]int{2, 5, 1}, BSplineConfig{}, rng)
	require.NoError(t, err)
	assert.Equal(t, 15*10, NumParams(k), "G+k+2 = 10 per edge")
	f, err := NewFourierKAN(3, 4, 6, rng)
	require.NoError(t, err)
	assert.Equal(t, 3*4*2*6+4, NumParams(f))
	m, err := NewMLP([]int{2, 8, 1}, SiLUAct, rng)
	require.NoError(t, err)
	assert.Equal(t, MLPParams([]int{2, 8, 1}), NumParams(m))
	assert.Equal(t, 3*8+9, NumParams(m))
	w, err := MLPWidthsFor(2, 1, 2, 255)
	require.NoError(t, err)
	assert.Equal(t, []int{2, 14, 14, 1}, w, fmt.Sprint(MLPParams(w)))
}

func TestLayerErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	_, err := NewLinear(0, 2, XavierUniform, rng)
	assert.ErrorContains(t, err, "must be positive")
	_, err = NewLinear(2, 2, XavierUniform, nil)
	assert.ErrorContains(t, err, "nil random source")
	_, err = NewBSplineKAN(2, 2, BSplineConfig{Lo: 1, Hi: -1}, rng)
	assert.ErrorContains(t, err, "bad grid")
	_, err = NewActivation(Activation(7))
	assert.ErrorContains(t, err, "unknown activation")
	lin, err := NewLinear(2, 2, XavierUniform, rng)
	require.NoError(t, err)
	_, err = lin.Backward(NewMatrix(1, 2))
	assert.ErrorContains(t, err, "before Forward")
	_, err = lin.Forward(NewMatrix(1, 3))
	assert.ErrorContains(t, err, "3 columns, want 2")
	x := NewMatrix(1, 2)
	x.Data[0] = math.Inf(1)
	_, err = lin.Forward(x)
	assert.ErrorContains(t, err, "non-finite")
	_, err = lin.Forward(NewMatrix(2, 2))
	require.NoError(t, err)
	_, err = lin.Backward(NewMatrix(3, 2))
	assert.ErrorContains(t, err, "upstream gradient is 3×2, want 2×2")
	_, _, err = SoftmaxCrossEntropy{}.Loss(NewMatrix(2, 3), &Matrix{Rows: 2, Cols: 1, Data: []float64{0, 3}})
	assert.ErrorContains(t, err, "label 3")
	_, err = NewMatrixFrom(2, 2, []float64{1})
	assert.ErrorContains(t, err, "needs 4 values")
	_, err = FromRows([][]float64{{1, 2}, {3}})
	assert.ErrorContains(t, err, "row 1")
}
