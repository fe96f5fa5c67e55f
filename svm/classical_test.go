package svm

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKernelsHandValues(t *testing.T) {
	X := [][]float64{{0, 0}, {1, 2}}
	Y := [][]float64{{1, 2}, {-1, 0.5}, {3, -1}}

	K, err := RBF(X, Y, 0.5)
	require.NoError(t, err)
	r, c := K.Dims()
	require.Equal(t, [2]int{2, 3}, [2]int{r, c})
	assert.InDelta(t, math.Exp(-0.5*5), K.At(0, 0), 1e-15)
	assert.InDelta(t, 1, K.At(1, 0), 0)
	assert.InDelta(t, math.Exp(-0.5*(4+2.25)), K.At(1, 1), 1e-15)
	assert.InDelta(t, math.Exp(-0.5*(4+9)), K.At(1, 2), 1e-15)

	L, err := Linear(X, Y)
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 0, 0, 5, 0, 1}, L.RawMatrix().Data)

	P, err := Polynomial(X, Y, 0.5, 1, 3)
	require.NoError(t, err)
	assert.InDelta(t, 1, P.At(0, 2), 0)
	assert.InDelta(t, math.Pow(3.5, 3), P.At(1, 0), 1e-12)
	assert.InDelta(t, 1, P.At(1, 1), 1e-15)     // 0.5·0 + 1
	assert.InDelta(t, 3.375, P.At(1, 2), 1e-15) // (0.5·1 + 1)³
}

func TestGammaScaleSmall(t *testing.T) {
	// entries 1, 2, 3, 4, 5, 9: mean 4, variance (9+4+1+0+1+25)/6 = 40/6.
	g, err := GammaScale([][]float64{{1, 2}, {3, 4}, {5, 9}})
	require.NoError(t, err)
	assert.InDelta(t, 1/(2*40.0/6), g, 1e-15)

	g, err = GammaScale([][]float64{{3, 3}, {3, 3}})
	require.NoError(t, err)
	assert.Equal(t, 1.0, g, "constant data: scikit-learn falls back to 1")
}

func TestKernelErrors(t *testing.T) {
	X := [][]float64{{0, 1}}
	_, err := RBF(X, [][]float64{{1}}, 1)
	assert.ErrorContains(t, err, "X has 2 features but Y has 1")
	_, err = RBF(X, X, 0)
	assert.ErrorContains(t, err, "gamma must be positive")
	_, err = Linear(nil, X)
	assert.ErrorContains(t, err, "X has no rows")
	_, err = Linear(X, [][]float64{{1, 2}, {3}})
	assert.ErrorContains(t, err, "Y row 1 has 1 columns, row 0 has 2")
	_, err = Linear(X, [][]float64{{1, math.NaN()}})
	assert.ErrorContains(t, err, "Y[0][1] = NaN is not finite")
	_, err = Polynomial(X, X, 1, 0, 0)
	assert.ErrorContains(t, err, "degree must be ≥ 1")
	_, err = Polynomial(X, X, 1, math.Inf(1), 2)
	assert.ErrorContains(t, err, "coef0 must be finite")
	_, err = GammaScale([][]float64{{}})
	assert.ErrorContains(t, err, "no columns")
}
