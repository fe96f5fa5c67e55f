package qml

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlkit/qmlkit/datasets"
	"github.com/qmlkit/qmlkit/kernels"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestClassifierLossGradient checks the VQC loss gradient in θ and b
// against central differences, and the loss against its definition.
func TestClassifierLossGradient(t *testing.T) {
	train, _, err := datasets.AdHocReference("1")
	require.NoError(t, err)
	v, err := NewVQC(VQCConfig{Depth: 2, Beta: 3})
	require.NoError(t, err)
	loss, err := v.NewLoss(train.X[:12], train.Y[:12])
	require.NoError(t, err)
	x := randomTheta(rand.New(rand.NewPCG(8, 9)), v.NumParams())
	g := make([]float64, len(x))
	loss.Grad(g, x)
	require.NoError(t, loss.Err())
	check, err := CheckGradient(func(p []float64) (float64, error) { return loss.Func(p), loss.Err() }, g, x, 1e-5)
	require.NoError(t, err)
	assert.Less(t, check.MaxAbsErr, 1e-8)

	states, err := v.Encode(train.X[:12])
	require.NoError(t, err)
	f, err := v.d.Expectations(x[:len(x)-1], v.obs, states)
	require.NoError(t, err)
	var want float64
	for i, fi := range f {
		s := float64(2*train.Y[i] - 1)
		want += math.Log(1 + math.Exp(-3*s*(fi+x[len(x)-1])))
	}
	assert.InDelta(t, want/12, loss.Func(x), 1e-14)
}

// TestVQCAdHoc trains the classifier on the ad hoc reference data with
// the paper's feature map and checks test accuracy ≥ 0.9.
func TestVQCAdHoc(t *testing.T) {
	seeds := []string{"0", "1", "12345"}
	if testing.Short() {
		seeds = seeds[:1]
	}
	for _, seed := range seeds {
		train, test, err := datasets.AdHocReference(seed)
		require.NoError(t, err)
		v, err := NewVQC(VQCConfig{FeatureMap: kernels.ZZFeatureMap(2, 2, kernels.Full), Depth: 4, Restarts: 2, Iterations: 150, Seed: 1})
		require.NoError(t, err)
		require.NoError(t, v.Fit(context.Background(), train.X, train.Y))
		acc, err := v.Score(test.X, test.Y)
		require.NoError(t, err)
		trainAcc, err := v.Score(train.X, train.Y)
		require.NoError(t, err)
		t.Logf("seed %s: train %.3f test %.3f loss %.4f", seed, trainAcc, acc, v.TrainLoss)
		assert.GreaterOrEqual(t, acc, 0.9, "seed %s", seed)
		assert.Len(t, v.Theta(), 20)
	}
}

func TestVQCErrors(t *testing.T) {
	v, err := NewVQC(VQCConfig{})
	require.NoError(t, err)
	_, err = v.Predict([][]float64{{1, 2}})
	assert.ErrorContains(t, err, "not trained")
	err = v.Fit(context.Background(), [][]float64{{1, 2}, {2, 3}}, []int{0, 2})
	assert.ErrorContains(t, err, "label 2 of sample 1")
	err = v.Fit(context.Background(), [][]float64{{1, 2, 3}}, []int{0})
	assert.ErrorContains(t, err, "3 features")
	err = v.Fit(context.Background(), [][]float64{{1, 2}}, []int{0, 1})
	assert.ErrorContains(t, err, "1 samples with 2 labels")
	_, err = NewVQC(VQCConfig{Beta: -1})
	assert.ErrorContains(t, err, "beta")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	train, _, err := datasets.AdHocReference("0")
	require.NoError(t, err)
	assert.ErrorIs(t, v.Fit(ctx, train.X, train.Y), context.Canceled)
}
