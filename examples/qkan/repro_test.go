package qkan

import (
	"context"
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlkit/qmlkit/examples/repro"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReproductionsRegistered(t *testing.T) {
	rs := Reproductions()
	require.Len(t, rs, 2)
	assert.Equal(t, "qkan-regression", rs[0].Name)
	assert.Equal(t, "qkan-digits", rs[1].Name)
	for _, r := range rs {
		assert.NotNil(t, r.Run)
		assert.Contains(t, r.Paper, "arXiv:2509.14026")
		assert.Contains(t, r.Paper, "arXiv:2404.19756")
	}
}

func TestTaskFormulas(t *testing.T) {
	want := map[string]struct {
		at  []float64
		val float64
	}{
		"sinc":    {[]float64{0}, 1},
		"exp-sin": {[]float64{0.5, 0}, math.E},
		"I.6.20":  {[]float64{0, 1}, 1 / math.Sqrt(2*math.Pi)},
		"I.9.18":  {[]float64{1, -1, -1, 1, -1, 1}, 1.0 / 12},
		"I.12.11": {[]float64{1, 0.5, 1, 1, math.Pi / 2}, 1.5},
		"I.14.3":  {[]float64{0.5, 0.5, -1}, -0.25},
		"I.26.2":  {[]float64{0.5, math.Pi / 2}, math.Pi / 6},
	}
	tasks := regressionTasks()
	require.Len(t, tasks, len(want))
	for _, task := range tasks {
		w, ok := want[task.name]
		require.True(t, ok, task.name)
		assert.InDelta(t, w.val, task.f(w.at), 1e-15, task.name)
		assert.Len(t, task.ranges, task.widths[0], task.name)
		assert.Len(t, task.vars, task.widths[0], task.name)
	}
}

func TestTaskSampling(t *testing.T) {
	task := regressionTasks()[3] // I.9.18: six inputs with asymmetric ranges
	d, err := task.sample(50, rand.New(rand.NewPCG(4, 0)))
	require.NoError(t, err)
	raw := make([]float64, len(task.ranges))
	for r := 0; r < d.Len(); r++ {
		for c, rg := range task.ranges {
			x := d.X.At(r, c)
			require.True(t, x >= -1 && x <= 1)
			raw[c] = rg[0] + (x+1)/2*(rg[1]-rg[0])
		}
		assert.InDelta(t, task.f(raw), d.Y.At(r, 0), 1e-12)
	}
}

func TestLoadDigits(t *testing.T) {
	x, labels, err := loadDigits()
	require.NoError(t, err)
	require.Equal(t, 1797, x.Rows)
	require.Equal(t, 64, x.Cols)
	for _, v := range x.Data {
		require.True(t, v >= 0 && v <= 1)
	}
	count := make([]int, 10)
	for _, l := range labels {
		count[l]++
	}
	// Class sizes of scikit-learn's digits.
	assert.Equal(t, []int{178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, count)
	// First image's first row of pixels: 0 0 5 13 9 1 0 0 (scaled by 1/16).
	assert.Equal(t, []float64{0, 0, 5.0 / 16, 13.0 / 16, 9.0 / 16, 1.0 / 16, 0, 0}, x.Row(0)[:8])
	assert.Equal(t, 0, labels[0])
}

// TestRegressionSmoke runs the whole pipeline at toy sizes and checks the
// metrics layout and the matched parameter counts.
func TestRegressionSmoke(t *testing.T) {
	res, err := regression(context.Background(), repro.Options{Seed: 1}, regSizes{train: 40, test: 40, steps: 3})
	require.NoError(t, err)
	assert.Equal(t, "qkan-regression", res.Name)
	for _, task := range regressionTasks() {
		m, ok := res.Metrics[task.name].(map[string]any)
		require.True(t, ok, task.name)
		edges := 0
		for k := 0; k+1 < len(task.widths); k++ {
			edges += task.widths[k] * task.widths[k+1]
		}
		keys := []string{"qkan", "kan", "fourier_kan", "mlp"}
		if task.name == "exp-sin" {
			keys = append(keys, "qkan_fast")
		}
		require.Len(t, m, len(keys), task.name)
		for _, key := range keys {
			leaf, ok := m[key].(map[string]any)
			require.True(t, ok, "%s/%s", task.name, key)
			rmse := leaf["test_rmse"].(float64)
			assert.False(t, math.IsNaN(rmse) || math.IsInf(rmse, 0), "%s/%s rmse", task.name, key)
			assert.Positive(t, leaf["params"].(int))
			assert.GreaterOrEqual(t, leaf["seconds"].(float64), 0.0)
		}
		assert.Equal(t, qkanParamsPerEdge*edges, m["qkan"].(map[string]any)["params"], task.name)
		assert.Equal(t, qkanParamsPerEdge*edges, m["kan"].(map[string]any)["params"], task.name)
	}
	assert.Contains(t, res.Text, "test RMSE")
	assert.Contains(t, res.Text, "Lowest test RMSE per task")
	_, err = json.Marshal(res)
	require.NoError(t, err)
}

func TestDigitsSmoke(t *testing.T) {
	res, err := digits(context.Background(), repro.Options{Seed: 2}, digitSizes{seeds: 1, epochs: 1, batch: 512, lr: 0.01})
	require.NoError(t, err)
	seed, ok := res.Metrics["seed_2"].(map[string]any)
	require.True(t, ok)
	mean, ok := res.Metrics["mean"].(map[string]any)
	require.True(t, ok)
	params := map[string]int{"qkan": 650 + 800, "kan": 650 + 800, "mlp": 650 + 808}
	for key, p := range params {
		leaf := seed[key].(map[string]any)
		assert.Equal(t, p, leaf["params"], key)
		acc := leaf["test_accuracy"].(float64)
		assert.True(t, acc > 0.1 && acc <= 1, "%s accuracy %g after one epoch", key, acc)
		assert.Contains(t, mean, key)
	}
	require.Len(t, res.Checks, 2)
	_, err = json.Marshal(res)
	require.NoError(t, err)
}

func TestReproductionsHonourCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, r := range Reproductions() {
		_, err := r.Run(ctx, repro.Options{Quick: true})
		assert.ErrorIs(t, err, context.Canceled, r.Name)
	}
}
