package ml

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Points m + 3t·u + s·v with u = (0.6, 0.8), v = (−0.8, 0.6), and t, s
// centred and uncorrelated: the principal axes are u and ±v with sample
// variances 9·Σt²/4 = 22.5 and Σs²/4 = 2.5.
func TestPCAKnownAxes(t *testing.T) {
	ts := []float64{-2, -1, 0, 1, 2}
	ss := []float64{1, -2, 0, 2, -1}
	u := []float64{0.6, 0.8}
	v := []float64{-0.8, 0.6}
	var X [][]float64
	for i := range ts {
		X = append(X, []float64{1 + 3*ts[i]*u[0] + ss[i]*v[0], 2 + 3*ts[i]*u[1] + ss[i]*v[1]})
	}
	p, err := FitPCA(X, 2)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{1, 2}, p.Mean, 1e-14)
	assert.InDeltaSlice(t, []float64{0.6, 0.8}, p.Components[0], 1e-14)
	// −v has its largest-magnitude entry (0.8) positive.
	assert.InDeltaSlice(t, []float64{0.8, -0.6}, p.Components[1], 1e-14)
	assert.InDeltaSlice(t, []float64{22.5, 2.5}, p.ExplainedVariance, 1e-12)
	assert.InDeltaSlice(t, []float64{0.9, 0.1}, p.ExplainedVarianceRatio, 1e-14)
	assert.InDeltaSlice(t, []float64{math.Sqrt(90), math.Sqrt(10)}, p.SingularValues, 1e-12)

	Z, err := p.Transform(X)
	require.NoError(t, err)
	for i := range ts {
		assert.InDeltaSlice(t, []float64{3 * ts[i], -ss[i]}, Z[i], 1e-13)
	}
	back, err := p.InverseTransform(Z)
	require.NoError(t, err)
	requireMatrixNear(t, X, back, 1e-13)
}

// Data on a plane in 3-D: two components reconstruct it exactly and carry
// all the variance.
func TestPCAPlane(t *testing.T) {
	var X [][]float64
	for i := range 6 {
		a, b := float64(i), float64(i*i%5)
		X = append(X, []float64{a + b, a - b, 2*a + 0.5*b})
	}
	p, err := FitPCA(X, 2)
	require.NoError(t, err)
	assert.InDelta(t, 1, p.ExplainedVarianceRatio[0]+p.ExplainedVarianceRatio[1], 1e-14)
	assert.InDelta(t, 0, dot(p.Components[0], p.Components[1]), 1e-14)
	Z, err := p.Transform(X)
	require.NoError(t, err)
	back, err := p.InverseTransform(Z)
	require.NoError(t, err)
	requireMatrixNear(t, X, back, 1e-12)

	one, err := FitPCA(X, 1)
	require.NoError(t, err)
	assert.InDeltaSlice(t, p.Components[0], one.Components[0], 1e-14)
}

func TestPCAErrors(t *testing.T) {
	X := [][]float64{{1, 2}, {3, 4}, {5, 7}}
	_, err := FitPCA(X, 3)
	assert.ErrorContains(t, err, "nComponents must be in 1..2")
	_, err = FitPCA(X, 0)
	assert.ErrorContains(t, err, "got 0")
	_, err = FitPCA(X[:1], 1)
	assert.ErrorContains(t, err, "at least 2 samples")
	_, err = FitPCA([][]float64{{1, 2}, {3}}, 1)
	assert.ErrorContains(t, err, "row 1 has 1 columns")
	p, err := FitPCA(X, 1)
	require.NoError(t, err)
	_, err = p.Transform([][]float64{{1, 2, 3}})
	assert.ErrorContains(t, err, "3 columns, the fitted model expects 2")
	_, err = p.InverseTransform([][]float64{{1, 2}})
	assert.ErrorContains(t, err, "2 columns, the fitted model expects 1")
}
