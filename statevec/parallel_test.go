package statevec

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/backend/backendtest"
	"github.com/qmlkit/qmlkit/circuits"
)

// splitSim runs every operation split across goroutines even on tiny
// states (threshold 2 amplitudes), so the conformance suite and the race
// detector exercise the parallel paths and chunk edges.
type splitSim struct {
	threads int
}

func (splitSim) Name() string { return "statevec-split" }

func (s splitSim) Run(c *circuits.Circuit) (backend.State, error) {
	if err := c.ValidateBound(); err != nil {
		return nil, err
	}
	st, err := New(c.NumQubits)
	if err != nil {
		return nil, err
	}
	st.threads, st.parallelMin = s.threads, 2
	if _, err := st.Run(c, rand.New(rand.NewPCG(5, 5))); err != nil {
		return nil, err
	}
	return st, nil
}

func TestConformanceSplit(t *testing.T) {
	for _, threads := range []int{2, 3} {
		backendtest.Test(t, splitSim{threads: threads}, backendtest.Config{Seed: 13, RandomCircuits: 30, Circuits: wideUnitaries()})
	}
}

// TestThreadCountDeterminism checks that states, sums and samples are
// bit-identical for 1, 2 and 3 goroutines (forced parallel) on a state
// large enough for several reduction chunks.
func TestThreadCountDeterminism(t *testing.T) {
	n := 16
	if testing.Short() {
		n = 15
	}
	rng := rand.New(rand.NewPCG(6, 6))
	c := backendtest.RandomCircuit(rng, n, 60, backendtest.DefaultCircuitOptions())
	obs := backendtest.RandomPauliSum(rng, n, 5)
	type result struct {
		amp     []complex128
		norm    float64
		exp     float64
		marg    []float64
		samples []uint64
		rdm     [4]complex128
	}
	var results []result
	for _, threads := range []int{1, 2, 3} {
		st, err := New(n)
		require.NoError(t, err)
		st.threads, st.parallelMin = threads, 2
		_, err = st.Run(c, nil)
		require.NoError(t, err)
		e, err := st.Expectation(obs)
		require.NoError(t, err)
		m, err := st.Marginal([]int{3, 0, 7})
		require.NoError(t, err)
		smp, err := st.SampleIndices(1000, rand.New(rand.NewPCG(1, 2)))
		require.NoError(t, err)
		rdm, err := st.ReducedDensityMatrix(5)
		require.NoError(t, err)
		results = append(results, result{st.Data(), st.Norm(), e, m, smp, rdm})
	}
	for _, r := range results[1:] {
		assert.Equal(t, results[0].amp, r.amp)
		assert.Equal(t, results[0].norm, r.norm)
		assert.Equal(t, results[0].exp, r.exp)
		assert.Equal(t, results[0].marg, r.marg)
		assert.Equal(t, results[0].samples, r.samples)
		assert.Equal(t, results[0].rdm, r.rdm)
	}
}
