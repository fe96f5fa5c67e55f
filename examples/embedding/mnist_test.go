package embedding

import (
	"context"
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/datasets"
	"github.com/qmlkit/qmlkit/examples/repro"
)

func TestDistillPicksRealSamplesPerClass(t *testing.T) {
	d, err := datasets.Digits()
	require.NoError(t, err)
	x, y, err := distill(d, 5, 40, 1)
	require.NoError(t, err)
	require.Equal(t, len(x), len(y))
	counts := map[int]int{}
	for i, row := range x {
		counts[y[i]]++
		found := false
		for j, r := range d.X {
			if &r[0] == &row[0] {
				found = d.Y[j] == y[i]
				break
			}
		}
		assert.True(t, found, "sample %d is a real image of its class", i)
	}
	for c := range 10 {
		assert.True(t, counts[c] >= 3 && counts[c] <= 5, "class %d: %d", c, counts[c])
	}
	x2, _, err := distill(d, 5, 40, 1)
	require.NoError(t, err)
	assert.Equal(t, x, x2, "seeded")
}

func TestFeaturesScaleTrainingToUnitBox(t *testing.T) {
	d, err := datasets.Digits()
	require.NoError(t, err)
	xtr, xte, err := features(d.X[:300], d.X[300:400], 16)
	require.NoError(t, err)
	require.Len(t, xtr[0], 16)
	require.Len(t, xte, 100)
	for j := range 16 {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, r := range xtr {
			lo, hi = min(lo, r[j]), max(hi, r[j])
		}
		assert.InDelta(t, -1, lo, 1e-12)
		assert.InDelta(t, 1, hi, 1e-12)
	}
}

func TestMNISTReproductionSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the MNIST files (about 1.5 s)")
	}
	res, err := mnist(context.Background(), repro.Options{Seed: 1}, sizes{k: 6, pool: 40})
	require.NoError(t, err)
	m := res.Metrics["mnist_raw"].(map[string]any)
	for _, model := range []string{"qsvm", "qsvm_mps", "svm"} {
		l := m[model].(map[string]any)
		acc := l["test_accuracy"].(float64)
		assert.True(t, acc > 0.2 && acc <= 1, "%s accuracy %v", model, acc)
		assert.Contains(t, l, "seconds")
	}
	// The MPS kernel is exact here (bond dimension ≤ 2): same predictions.
	assert.Equal(t, m["qsvm"].(map[string]any)["test_accuracy"], m["qsvm_mps"].(map[string]any)["test_accuracy"])
	assert.InEpsilon(t, m["qsvm"].(map[string]any)["dual_objective"].(float64), m["qsvm_mps"].(map[string]any)["dual_objective"].(float64), 1e-6)
	assert.Contains(t, res.Text, "0.882 ± 0.010")
	assert.Contains(t, res.Paper, "not_reproduced")
	_, err = json.Marshal(res)
	require.NoError(t, err)
}

func TestRegistered(t *testing.T) {
	rs := Reproductions()
	require.Len(t, rs, 1)
	assert.Equal(t, "mnist-qsvm", rs[0].Name)
	assert.Contains(t, rs[0].Paper, "arXiv:2508.00024")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := rs[0].Run(ctx, repro.Options{Quick: true})
	assert.ErrorIs(t, err, context.Canceled)
}
