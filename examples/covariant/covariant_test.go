package covariant

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/examples/repro"
)

func TestCovariantReproduction(t *testing.T) {
	dir := t.TempDir()
	res, err := covariant(context.Background(), repro.Options{Seed: 1, PlotDir: dir}, sizes{gradientIter: 6, spsaIter: 4})
	require.NoError(t, err)
	for _, c := range res.Checks {
		assert.True(t, c.OK, c.String())
	}
	assert.Len(t, res.Checks, 7)
	for _, key := range []string{"lambda_0.1", "lambda_0.785", "lambda_1.571", "graph10_lambda_0.1"} {
		m := res.Metrics[key].(map[string]any)
		q := m["qsvm"].(map[string]any)
		for _, f := range []string{"lambda", "test_accuracy", "train_accuracy", "dual_objective", "seconds"} {
			assert.Contains(t, q, f, key)
		}
		assert.Contains(t, m, "svm")
	}
	// λ = 0.1 agrees with the reference dual objective 11.98.
	q := res.Metrics["lambda_0.1"].(map[string]any)["qsvm"].(map[string]any)
	assert.InDelta(t, 11.98, q["dual_objective"].(float64), 0.05)
	tr := res.Metrics["trained"].(map[string]any)["qsvm"].(map[string]any)
	assert.Equal(t, 1.0, tr["test_accuracy"])
	assert.Equal(t, 0.1, tr["lambda_path"].([]float64)[0])
	assert.Contains(t, res.Metrics, "trained_spsa")
	assert.NotContains(t, res.Metrics, "graph10_trained")
	_, err = os.Stat(filepath.Join(dir, "covariant-graph7-lambda_1.571.png"))
	assert.NoError(t, err)
	_, err = json.Marshal(res)
	require.NoError(t, err)
}

func TestRegistered(t *testing.T) {
	rs := Reproductions()
	require.Len(t, rs, 1)
	assert.Equal(t, "covariant", rs[0].Name)
	assert.Contains(t, rs[0].Paper, "arXiv:2105.03406")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := rs[0].Run(ctx, repro.Options{Quick: true})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestGraphs(t *testing.T) {
	for _, g := range [][][2]int{Graph7Edges(), Graph10Edges()} {
		seen := map[[2]int]bool{}
		for _, e := range g {
			assert.NotEqual(t, e[0], e[1])
			assert.False(t, seen[e])
			seen[e] = true
		}
	}
	assert.Len(t, Graph7Edges(), 6)
	assert.Len(t, Graph10Edges(), 9)
}
