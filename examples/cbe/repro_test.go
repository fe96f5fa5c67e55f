package cbe

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qmlkit/qmlkit/examples/repro"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReproductionsRegistered(t *testing.T) {
	rs := Reproductions()
	require.Len(t, rs, 3)
	for i, name := range []string{"cbe-freestream", "cbe-jeans", "landau"} {
		assert.Equal(t, name, rs[i].Name)
		assert.NotNil(t, rs[i].Run)
		assert.Contains(t, rs[i].Paper, "arXiv:2303.16490")
	}
}

func leaf(t *testing.T, m map[string]any, path ...string) map[string]any {
	t.Helper()
	for _, p := range path {
		next, ok := m[p].(map[string]any)
		require.True(t, ok, "metrics path %v: missing %q", path, p)
		m = next
	}
	return m
}

func requireChecksPass(t *testing.T, res *repro.Result) {
	t.Helper()
	for _, c := range res.Checks {
		assert.True(t, c.OK, c.String())
	}
	_, err := json.Marshal(res)
	require.NoError(t, err)
}

// The whole cbe-freestream reproduction is fast: run it and hold it to
// its checks (1e−12 against the exact solution, the spec's mode ratios).
func TestFreestreamReproduction(t *testing.T) {
	dir := t.TempDir()
	res, err := runFreestream(context.Background(), repro.Options{Quick: true, PlotDir: dir})
	require.NoError(t, err)
	requireChecksPass(t, res)
	assert.Len(t, res.Checks, 10)
	q := leaf(t, res.Metrics, "fs1", "quantum_exact")
	assert.Equal(t, 12, q["qubits"])
	assert.Equal(t, 168, q["gates_per_step"])
	assert.Less(t, q["l2_error"].(float64), 1e-12)
	shift := leaf(t, res.Metrics, "fs1", "quantum_integer_shift")
	assert.Equal(t, 8, shift["counter_period"])
	assert.Less(t, shift["l2_error"].(float64), 1e-12)
	assert.Contains(t, res.Text, "12 qubits")
	for _, name := range []string{"cbe-freestream-t0.png", "cbe-freestream-t1.png", "cbe-freestream-t3.png"} {
		_, err := os.Stat(filepath.Join(dir, name))
		assert.NoError(t, err, name)
	}
}

// cbe-jeans on shortened runs: the metrics layout, the lockstep agreement
// and conservation (the rates themselves need the full runs).
func TestJeansReproductionSmoke(t *testing.T) {
	dir := t.TempDir()
	sz := jeansSizes{shots: []int64{1e4, 1e6, 1e8}, seeds: 1, magPhaseShots: []int64{1e8}, partialSteps: 20, maxSteps: 40}
	res, err := jeans(context.Background(), repro.Options{Seed: 3, PlotDir: dir}, sz)
	require.NoError(t, err)
	_, err = json.Marshal(res)
	require.NoError(t, err)
	for _, c := range res.Checks {
		if strings.Contains(c.Name, "mass drift") || strings.Contains(c.Name, "max relative L2") {
			assert.True(t, c.OK, c.String())
		}
	}
	j1 := leaf(t, res.Metrics, "j1")
	for _, solver := range []string{"classical", "quantum_exact"} {
		l := leaf(t, j1, solver)
		for _, key := range []string{"growth_rate", "expected_growth_rate", "rel_error", "norm_drift", "mass_drift", "seconds"} {
			assert.Contains(t, l, key, solver)
		}
	}
	q := leaf(t, j1, "quantum_exact")
	assert.Equal(t, 12, q["qubits"])
	assert.Equal(t, 1103, q["gates_per_step"])
	assert.Equal(t, 925, q["depth_per_step"])
	assert.Less(t, q["l2_error"].(float64), 1e-10)
	shots, ok := j1["quantum_shots"].([]any)
	require.True(t, ok)
	require.Len(t, shots, 3)
	for i, s := range shots {
		e := s.(map[string]any)
		assert.Equal(t, sz.shots[i], e["shots"])
		assert.Equal(t, 13, e["qubits"])
		assert.Equal(t, 2*sz.shots[i], e["copies_per_step"])
		assert.Less(t, e["mass_drift"].(float64), 1e-12)
	}
	assert.Contains(t, leaf(t, res.Metrics, "j2", "quantum_exact")["note"], "first 20 of 40 steps")
	assert.Contains(t, leaf(t, res.Metrics, "stable", "classical"), "max_amplitude_ratio")
	for _, name := range []string{"cbe-jeans-growth.png", "cbe-jeans-shots.png"} {
		_, err := os.Stat(filepath.Join(dir, name))
		assert.NoError(t, err, name)
	}
}

func TestLandauReproduction(t *testing.T) {
	if testing.Short() {
		t.Skip("600 quantum steps")
	}
	res, err := runLandau(context.Background(), repro.Options{Quick: true})
	require.NoError(t, err)
	requireChecksPass(t, res)
	q := leaf(t, res.Metrics, "landau", "quantum_exact")
	assert.InEpsilon(t, -0.153359, q["growth_rate"].(float64), 0.03)
	assert.InEpsilon(t, 1.415662, q["frequency"].(float64), 0.01)
}

// The gate-count tables of both READMEs are the generated one.
func TestCostTableInREADMEs(t *testing.T) {
	table, err := costMarkdown()
	require.NoError(t, err)
	for _, path := range []string{"README.md", "../../cbe/README.md"} {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Contains(t, string(b), table, "%s: regenerate the table with costMarkdown", path)
	}
}

func TestReproductionsHonourCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, r := range Reproductions() {
		_, err := r.Run(ctx, repro.Options{Quick: true})
		assert.ErrorIs(t, err, context.Canceled, r.Name)
	}
}
