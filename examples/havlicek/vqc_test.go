package havlicek

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/qmlkit/qmlkit/examples/repro"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestVQCQuick runs the quick reproduction end to end: every seed's VQC
// reaches test accuracy ≥ 0.9, the QSVM too, metrics nest by seed then
// model with the documented leaves, and quick mode stays within ~15 s.
func TestVQCQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("trains three VQCs; run without -short")
	}
	r := VQCReproduction()
	assert.Equal(t, "vqc", r.Name)
	start := time.Now()
	res, err := r.Run(context.Background(), repro.Options{Quick: true})
	require.NoError(t, err)
	elapsed := time.Since(start)
	t.Logf("quick run: %v\n%s", elapsed, res.Text)
	assert.Empty(t, res.Failed(), "checks: %v", res.Checks)
	require.Len(t, res.Checks, 3)
	for _, seed := range referenceSeeds {
		m, ok := res.Metrics["seed_"+seed].(map[string]any)
		require.True(t, ok, "seed %s", seed)
		for _, model := range []string{"vqc", "qsvm"} {
			leaf, ok := m[model].(map[string]any)
			require.True(t, ok, "seed %s model %s", seed, model)
			for _, k := range []string{"test_accuracy", "train_accuracy", "seconds"} {
				assert.Contains(t, leaf, k)
			}
			assert.GreaterOrEqual(t, leaf["test_accuracy"].(float64), 0.9, "seed %s %s", seed, model)
		}
	}
	_, err = json.Marshal(res)
	require.NoError(t, err)
	assert.Less(t, elapsed, 30*time.Second, "quick mode should take about 15 s or less")
}

// TestVQCHonoursCancellation checks that a cancelled context stops the run.
func TestVQCHonoursCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := VQCReproduction().Run(ctx, repro.Options{Quick: true})
	require.ErrorIs(t, err, context.Canceled)
}
