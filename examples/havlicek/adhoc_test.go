package havlicek

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

func TestAdHocReproduction(t *testing.T) {
	dir := t.TempDir()
	res, err := adhoc(context.Background(), repro.Options{Seed: 3, PlotDir: dir}, adhocSizes{generated: []generatedCase{{2, 10, 5}}})
	require.NoError(t, err)
	assert.Equal(t, "adhoc", res.Name)
	require.Len(t, res.Checks, 3)
	for _, c := range res.Checks {
		assert.True(t, c.OK, c.String())
	}
	for _, key := range []string{"seed_0", "seed_1", "seed_12345", "generated_n2_10"} {
		m, ok := res.Metrics[key].(map[string]any)
		require.True(t, ok, key)
		for _, model := range []string{"qsvm", "svm"} {
			l := m[model].(map[string]any)
			for _, f := range []string{"train_accuracy", "test_accuracy", "seconds", "dual_objective"} {
				assert.Contains(t, l, f, "%s/%s", key, model)
			}
		}
		_, err := os.Stat(filepath.Join(dir, "adhoc-"+key+".png"))
		assert.NoError(t, err)
	}
	// The generated data are separable by the ZZ kernel by construction.
	gen := res.Metrics["generated_n2_10"].(map[string]any)["qsvm"].(map[string]any)
	assert.GreaterOrEqual(t, gen["test_accuracy"].(float64), 0.9)
	assert.Contains(t, res.Text, "reference seed 12345")
	_, err = json.Marshal(res)
	require.NoError(t, err)
}

func TestAdHocRegistered(t *testing.T) {
	rs := Reproductions()
	require.NotEmpty(t, rs)
	assert.Equal(t, "adhoc", rs[0].Name)
	assert.Contains(t, rs[0].Paper, "arXiv:1804.11326")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := rs[0].Run(ctx, repro.Options{Quick: true})
	assert.ErrorIs(t, err, context.Canceled)
}
