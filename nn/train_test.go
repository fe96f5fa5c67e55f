package nn

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lineData samples y = 2x₀ − 3x₁ + 0.5 (plus optional noise).
func lineData(n int, noise float64, seed uint64) Dataset {
	rng := rand.New(rand.NewPCG(seed, 9))
	x, y := NewMatrix(n, 2), NewMatrix(n, 1)
	for r := range n {
		a, b := 2*rng.Float64()-1, 2*rng.Float64()-1
		x.Set(r, 0, a)
		x.Set(r, 1, b)
		y.Data[r] = 2*a - 3*b + 0.5 + noise*rng.NormFloat64()
	}
	return Dataset{X: x, Y: y}
}

func TestAdamFirstStep(t *testing.T) {
	// After one step from zero moments, Adam moves each coordinate by
	// lr·g/(|g|+ε): bias correction makes m̂ = g and v̂ = g².
	v := []float64{1, -2, 0.5}
	g := []float64{0.3, -4, 0}
	a := NewAdam(0.1)
	require.NoError(t, a.Step([]Param{{Name: "p", Value: v, Grad: g}}))
	assert.InDelta(t, 1-0.1*0.3/(0.3+1e-8), v[0], 1e-15)
	assert.InDelta(t, -2+0.1*4/(4+1e-8), v[1], 1e-15)
	assert.Equal(t, 0.5, v[2])
	assert.Error(t, (&Adam{LR: -1}).Step(nil))
}

func TestTrainLBFGSRecoversLine(t *testing.T) {
	data := lineData(50, 0, 1)
	lin, err := NewLinear(2, 1, XavierUniform, rand.New(rand.NewPCG(1, 1)))
	require.NoError(t, err)
	h, err := Train(context.Background(), lin, data, TrainConfig{Loss: MSE{}, Optimizer: LBFGSOpt, Steps: 50})
	require.NoError(t, err)
	assert.InDelta(t, 2, lin.Weights()[0], 1e-7)
	assert.InDelta(t, -3, lin.Weights()[1], 1e-7)
	assert.InDelta(t, 0.5, lin.Bias()[0], 1e-7)
	assert.NotEmpty(t, h.Train)
	assert.Positive(t, h.Evals)
}

func TestTrainAdamRecoversLine(t *testing.T) {
	data := lineData(200, 0, 2)
	lin, err := NewLinear(2, 1, XavierUniform, rand.New(rand.NewPCG(2, 2)))
	require.NoError(t, err)
	h, err := Train(context.Background(), lin, data, TrainConfig{Loss: MSE{}, Steps: 300, LR: 0.05, BatchSize: 32, Seed: 3})
	require.NoError(t, err)
	assert.InDelta(t, 2, lin.Weights()[0], 1e-3)
	assert.InDelta(t, -3, lin.Weights()[1], 1e-3)
	assert.InDelta(t, 0.5, lin.Bias()[0], 1e-3)
	assert.Len(t, h.Train, 300)
	assert.Equal(t, 300*7, h.Evals, "7 mini-batches per epoch")

	// Same seed, same result.
	lin2, _ := NewLinear(2, 1, XavierUniform, rand.New(rand.NewPCG(2, 2)))
	_, err = Train(context.Background(), lin2, data, TrainConfig{Loss: MSE{}, Steps: 300, LR: 0.05, BatchSize: 32, Seed: 3})
	require.NoError(t, err)
	assert.Equal(t, lin.Weights(), lin2.Weights())
}

func TestEarlyStoppingRestoresBest(t *testing.T) {
	// An over-parameterised MLP on 15 noisy points overfits; the restored
	// parameters must be those with the lowest validation loss.
	train := lineData(15, 0.5, 4)
	val := lineData(200, 0.5, 5)
	for _, opt := range []Optimizer{AdamOpt, LBFGSOpt} {
		m, err := NewMLP([]int{2, 32, 32, 1}, TanhAct, rand.New(rand.NewPCG(6, 6)))
		require.NoError(t, err)
		h, err := Train(context.Background(), m, train, TrainConfig{
			Loss: MSE{}, Optimizer: opt, Steps: 400, LR: 0.01, Validation: &val, Patience: 20,
		})
		require.NoError(t, err)
		require.NotEmpty(t, h.Val)
		best := slices.Min(h.Val)
		assert.Equal(t, best, h.Val[h.BestStep], "%s", opt)
		got, err := Evaluate(m, val, MSE{})
		require.NoError(t, err)
		assert.InDelta(t, best, got, 1e-12, "%s: restored parameters", opt)
		assert.Less(t, len(h.Val), 400, "%s should stop early: %s", opt, h.Status)
	}
}

func TestTrainCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	lin, _ := NewLinear(2, 1, XavierUniform, rand.New(rand.NewPCG(1, 1)))
	for _, opt := range []Optimizer{AdamOpt, LBFGSOpt} {
		_, err := Train(ctx, lin, lineData(10, 0, 1), TrainConfig{Loss: MSE{}, Optimizer: opt, Steps: 5})
		assert.ErrorIs(t, err, context.Canceled)
	}
}

func TestTrainConfigErrors(t *testing.T) {
	lin, _ := NewLinear(2, 1, XavierUniform, rand.New(rand.NewPCG(1, 1)))
	d := lineData(10, 0, 1)
	_, err := Train(context.Background(), lin, d, TrainConfig{Steps: 5})
	assert.ErrorContains(t, err, "no loss")
	_, err = Train(context.Background(), lin, d, TrainConfig{Loss: MSE{}})
	assert.ErrorContains(t, err, "steps 0")
	_, err = Train(context.Background(), lin, d, TrainConfig{Loss: MSE{}, Steps: 3, Patience: 2})
	assert.ErrorContains(t, err, "needs a validation set")
	wrong := Dataset{X: NewMatrix(10, 3), Y: NewMatrix(10, 1)}
	_, err = Train(context.Background(), lin, wrong, TrainConfig{Loss: MSE{}, Steps: 3})
	assert.ErrorContains(t, err, "3 columns, want 2")
}

func TestFitClassification(t *testing.T) {
	// Two well-separated Gaussian blobs: a linear classifier is perfect.
	rng := rand.New(rand.NewPCG(8, 8))
	x, y := NewMatrix(100, 2), NewMatrix(100, 1)
	for r := range 100 {
		c := r % 2
		y.Data[r] = float64(c)
		x.Set(r, 0, float64(4*c-2)+0.3*rng.NormFloat64())
		x.Set(r, 1, 0.3*rng.NormFloat64())
	}
	d := Dataset{X: x, Y: y}
	lin, _ := NewLinear(2, 2, XavierUniform, rng)
	res, err := Fit(context.Background(), lin, d, d, TrainConfig{Loss: SoftmaxCrossEntropy{}, Optimizer: LBFGSOpt, Steps: 30})
	require.NoError(t, err)
	assert.Equal(t, 1.0, res.TestAccuracy)
	assert.True(t, math.IsNaN(res.TestRMSE))
	assert.Equal(t, 6, res.Params)
}

func TestBatchesAndSplit(t *testing.T) {
	b := ShuffledBatches(10, 4, rand.New(rand.NewPCG(1, 2)))
	require.Len(t, b, 3)
	assert.Len(t, b[2], 2)
	var all []int
	for _, s := range b {
		all = append(all, s...)
	}
	slices.Sort(all)
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, all)
	assert.Equal(t, b, ShuffledBatches(10, 4, rand.New(rand.NewPCG(1, 2))))

	labels := make([]int, 100)
	for i := range labels {
		labels[i] = i % 4 // 25 per class
	}
	tr, te, err := StratifiedSplit(labels, 0.2, rand.New(rand.NewPCG(3, 4)))
	require.NoError(t, err)
	assert.Len(t, te, 20)
	assert.Len(t, tr, 80)
	count := map[int]int{}
	for _, i := range te {
		count[labels[i]]++
	}
	assert.Equal(t, map[int]int{0: 5, 1: 5, 2: 5, 3: 5}, count)
	_, _, err = StratifiedSplit(labels, 1.5, rand.New(rand.NewPCG(3, 4)))
	assert.Error(t, err)
}
