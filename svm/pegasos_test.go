package svm

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// naivePegasos transcribes the spec's update with a full loop over every
// sample (zero α contribute nothing), for comparison with FitPegasos.
func naivePegasos(K *mat.Dense, y []float64, C float64, steps int, seed uint64) []int {
	n := len(y)
	alpha := make([]int, n)
	rng := rand.New(rand.NewPCG(seed, seed))
	for t := 1; t <= steps; t++ {
		i := rng.IntN(n)
		var v float64
		for j := range n {
			v += float64(alpha[j]) * y[j] * (K.At(i, j) + 1)
		}
		if y[i]*(C/float64(t))*v < 1 {
			alpha[i]++
		}
	}
	return alpha
}

func blobs(n int, sep float64, seed uint64) ([][]float64, []int) {
	rng := rand.New(rand.NewPCG(seed, seed))
	x := make([][]float64, n)
	y := make([]int, n)
	for i := range x {
		y[i] = 3 + 4*(i%2) // labels 3 and 7
		c := sep
		if y[i] == 3 {
			c = -sep
		}
		x[i] = []float64{c + 0.5*rng.NormFloat64(), 0.5 * rng.NormFloat64()}
	}
	return x, y
}

func TestPegasosMatchesNaive(t *testing.T) {
	x, y := blobs(40, 0.5, 1)
	K, err := RBF(x, x, 0.7)
	require.NoError(t, err)
	m, err := FitPegasos(K, y, 100, 500, 42)
	require.NoError(t, err)
	assert.Equal(t, 3, m.Positive, "smallest label maps to +1")
	assert.Equal(t, 7, m.Negative)

	ypm := make([]float64, len(y))
	for i := range y {
		ypm[i] = 1
		if y[i] == 7 {
			ypm[i] = -1
		}
	}
	assert.Equal(t, naivePegasos(K, ypm, 100, 500, 42), m.Alpha)

	dec, err := m.DecisionFunction(K)
	require.NoError(t, err)
	for r := range dec {
		var want float64
		for j := range y {
			want += float64(m.Alpha[j]) * ypm[j] * (K.At(r, j) + 1)
		}
		assert.InDelta(t, want, dec[r], 1e-9)
	}
}

func TestPegasosFirstStepAlwaysUpdates(t *testing.T) {
	x, y := blobs(10, 1, 2)
	K, err := Linear(x, x)
	require.NoError(t, err)
	m, err := FitPegasos(K, y, 1, 1, 9)
	require.NoError(t, err)
	total := 0
	for _, a := range m.Alpha {
		total += a
	}
	assert.Equal(t, 1, total, "v = 0 < 1 at t = 1")
	assert.Len(t, m.Support, 1)
}

func TestPegasosSeparatesBlobs(t *testing.T) {
	x, y := blobs(60, 2, 3)
	xt, yt := blobs(40, 2, 4)
	K, err := RBF(x, x, 0.5)
	require.NoError(t, err)
	Kt, err := RBF(xt, x, 0.5)
	require.NoError(t, err)
	m, err := FitPegasos(K, y, 1000, 2000, 5)
	require.NoError(t, err)
	pred, err := m.Predict(Kt)
	require.NoError(t, err)
	assert.Equal(t, yt, pred)
}

func TestPegasosErrors(t *testing.T) {
	K := mat.NewSymDense(2, []float64{1, 0, 0, 1})
	_, err := FitPegasos(K, []int{1, 1}, 1, 10, 0)
	assert.ErrorContains(t, err, "exactly two classes, got 1")
	_, err = FitPegasos(K, []int{1, 2, 3}, 1, 10, 0)
	assert.ErrorContains(t, err, "3 labels for a 2×2")
	_, err = FitPegasos(K, []int{1, 2}, 0, 10, 0)
	assert.ErrorContains(t, err, "C must be positive")
	_, err = FitPegasos(K, []int{1, 2}, 1, 0, 0)
	assert.ErrorContains(t, err, "steps must be ≥ 1")
	_, err = FitPegasos(mat.NewDense(2, 3, nil), []int{1, 2}, 1, 1, 0)
	assert.ErrorContains(t, err, "square")
	m, err := FitPegasos(K, []int{1, 2}, 1, 5, 0)
	require.NoError(t, err)
	_, err = m.Predict(mat.NewDense(1, 3, nil))
	assert.ErrorContains(t, err, "3 columns")
}
