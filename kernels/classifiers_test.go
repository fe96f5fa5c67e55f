package kernels

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/svm"
)

// blobs are two separable clusters in [0, π]².
func blobs(rng *rand.Rand, n int) ([][]float64, []int) {
	x := make([][]float64, n)
	y := make([]int, n)
	for i := range x {
		c := i % 2
		cx := 0.8 + 1.5*float64(c)
		x[i] = []float64{cx + 0.3*rng.NormFloat64(), cx + 0.3*rng.NormFloat64()}
		y[i] = c
	}
	return x, y
}

func TestQSVCIsSVMOnTheGram(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	xtr, ytr := blobs(rng, 30)
	xte, yte := blobs(rng, 20)
	fm := ZZFeatureMap(2, 1, Linear)
	fm.Bandwidth = 0.5
	k := mustKernel(t, fm, Options{})
	q := NewQSVC(k, 1)
	require.NoError(t, q.Fit(xtr, ytr))
	ktr := mustMatrix(t, k, xtr, nil)
	kte := mustMatrix(t, k, xte, xtr)
	model, err := svm.Fit(ktr, ytr, 1, nil)
	require.NoError(t, err)
	want, err := model.DecisionFunction(kte)
	require.NoError(t, err)
	got, err := q.DecisionFunction(xte)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	acc, err := q.Score(xte, yte)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, acc, 0.9)
	assert.InDelta(t, model.Pairs[0].Objective, q.Objective(), 0)

	rep, err := FitScore(k, 1, xtr, ytr, xte, yte)
	require.NoError(t, err)
	assert.Equal(t, acc, rep.TestAccuracy)
	assert.GreaterOrEqual(t, rep.TrainAccuracy, 0.9)
	assert.Greater(t, rep.DualObjective, 0.0)

	rbf, err := NewRBFScale(xtr)
	require.NoError(t, err)
	g, err := svm.GammaScale(xtr)
	require.NoError(t, err)
	assert.Equal(t, g, rbf.Gamma)
	rr, err := FitScore(rbf, 1, xtr, ytr, xte, yte)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, rr.TestAccuracy, 0.9)

	_, err = NewQSVC(k, 1).Predict(xte)
	assert.ErrorContains(t, err, "not fitted")
	assert.Error(t, NewQSVC(nil, 1).Fit(xtr, ytr))
}

func TestPegasosQSVC(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	xtr, ytr := blobs(rng, 40)
	xte, yte := blobs(rng, 20)
	fm := ZZFeatureMap(2, 1, Linear)
	fm.Bandwidth = 0.5
	k := mustKernel(t, fm, Options{})
	p := &PegasosQSVC{Kernel: k, C: 1000, Steps: 500, Seed: 1}
	require.NoError(t, p.Fit(xtr, ytr))
	acc, err := p.Score(xte, yte)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, acc, 0.85)
	// Same as svm.FitPegasos on the matrix.
	m, err := svm.FitPegasos(mustMatrix(t, k, xtr, nil), ytr, 1000, 500, 1)
	require.NoError(t, err)
	assert.Equal(t, m.Alpha, p.Model.Alpha)
	_, err = (&PegasosQSVC{Kernel: k}).Predict(xte)
	assert.Error(t, err)
}
