package ml

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func requireMatrixNear(t *testing.T, want, got [][]float64, tol float64) {
	t.Helper()
	require.Len(t, got, len(want))
	for i := range want {
		require.InDeltaSlice(t, want[i], got[i], tol, "row %d", i)
	}
}

func TestStandardScaler(t *testing.T) {
	X := [][]float64{{1, 10, 0.1}, {3, 10, 0.1}, {5, 10, 0.1}}
	s, err := FitStandardScaler(X)
	require.NoError(t, err)
	sd := math.Sqrt(8.0 / 3) // population std of 1, 3, 5
	assert.InDeltaSlice(t, []float64{3, 10, 0.1}, s.Mean, 1e-15)
	assert.InDeltaSlice(t, []float64{sd, 1, 1}, s.Scale, 1e-15, "constant columns get scale 1")

	Z, err := s.Transform(X)
	require.NoError(t, err)
	requireMatrixNear(t, [][]float64{{-2 / sd, 0, 0}, {0, 0, 0}, {2 / sd, 0, 0}}, Z, 1e-15)

	back, err := s.InverseTransform(Z)
	require.NoError(t, err)
	requireMatrixNear(t, X, back, 1e-14)

	test, err := s.Transform([][]float64{{7, 11, 0}})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{4 / sd, 1, -0.1}, test[0], 1e-15)

	_, err = s.Transform([][]float64{{1, 2}})
	assert.ErrorContains(t, err, "X has 2 columns, the fitted model expects 3")
	_, err = FitStandardScaler([][]float64{{1}, {math.NaN()}})
	assert.ErrorContains(t, err, "X[1][0] = NaN is not finite")
	_, err = FitStandardScaler(nil)
	assert.ErrorContains(t, err, "no rows")
}

func TestMinMaxScaler(t *testing.T) {
	X := [][]float64{{0, 5}, {10, 5}, {5, 5}}
	s, err := FitMinMaxScaler(X, -1, 1)
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 5}, s.DataMin)
	assert.Equal(t, []float64{10, 5}, s.DataMax)

	Z, err := s.Transform(X)
	require.NoError(t, err)
	requireMatrixNear(t, [][]float64{{-1, -1}, {1, -1}, {0, -1}}, Z, 1e-15)

	// Outside the training range the map stays linear: 20 → 3, −5 → −2;
	// the constant column moves with slope (high − low)/1.
	out, err := s.Transform([][]float64{{20, 6}, {-5, 4}})
	require.NoError(t, err)
	requireMatrixNear(t, [][]float64{{3, 1}, {-2, -3}}, out, 1e-15)

	back, err := s.InverseTransform(out)
	require.NoError(t, err)
	requireMatrixNear(t, [][]float64{{20, 6}, {-5, 4}}, back, 1e-14)

	pi, err := FitMinMaxScaler([][]float64{{2}, {4}}, 0, math.Pi)
	require.NoError(t, err)
	got, err := pi.Transform([][]float64{{3}})
	require.NoError(t, err)
	assert.InDelta(t, math.Pi/2, got[0][0], 1e-15)

	_, err = FitMinMaxScaler(X, 1, 1)
	assert.ErrorContains(t, err, "need finite low < high, got [1, 1]")
	_, err = s.InverseTransform([][]float64{{1}})
	assert.ErrorContains(t, err, "Z has 1 columns, the fitted model expects 2")
}
