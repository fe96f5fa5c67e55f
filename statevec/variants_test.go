package statevec

import (
	"fmt"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/backend/backendtest"
	"github.com/qmlkit/qmlkit/circuits"
)

// single64 holds the tolerances of complex64 states: amplitudes are stored
// to float32 rounding (6e−8 relative) and errors add up over a few hundred
// gates, so 1e−5 leaves a margin of two orders of magnitude.
func single64(cfg backendtest.Config) backendtest.Config {
	cfg.Tol, cfg.ExactTol, cfg.NormTol = 1e-5, 1e-5, 1e-5
	return cfg
}

// variants lists the simulator settings every conformance test runs under:
// fusion off, the default two-qubit width and four qubits (forced on the
// suite's small circuits), with one and two goroutines, in both precisions.
func variants() []Simulator {
	var out []Simulator
	for _, p := range []Precision{Complex128, Complex64} {
		for _, f := range []int{-1, 2, 4} {
			for _, th := range []int{1, 2} {
				out = append(out, Simulator{Seed: 3, Threads: th, Precision: p, Fusion: f})
			}
		}
	}
	return out
}

func (sim Simulator) label() string {
	return fmt.Sprintf("%v/fusion=%d/threads=%d", sim.Precision, sim.Fusion, sim.Threads)
}

func TestConformanceVariants(t *testing.T) {
	for _, sim := range variants() {
		t.Run(sim.label(), func(t *testing.T) {
			cfg := backendtest.Config{Seed: 14, RandomCircuits: 24, Circuits: wideUnitaries()}
			if sim.Precision == Complex64 {
				cfg = single64(cfg)
			}
			backendtest.Test(t, sim, cfg)
		})
	}
}

// splitSim64 is splitSim for complex64 states: every operation split across
// goroutines, for the race detector and the chunk edges.
type splitSim64 struct{ threads int }

func (splitSim64) Name() string { return "statevec-split64" }

func (s splitSim64) Run(c *circuits.Circuit) (backend.State, error) {
	if err := c.ValidateBound(); err != nil {
		return nil, err
	}
	st, err := New64(c.NumQubits)
	if err != nil {
		return nil, err
	}
	st.threads, st.parallelMin = s.threads, 2
	if _, err := st.Run(c, rand.New(rand.NewPCG(5, 5))); err != nil {
		return nil, err
	}
	return st, nil
}

func TestConformanceSplit64(t *testing.T) {
	backendtest.Test(t, splitSim64{threads: 2}, single64(backendtest.Config{Seed: 15, RandomCircuits: 20, Circuits: wideUnitaries()}))
}

// TestFusionIdentical runs circuits wide enough for default fusion, with
// mid-circuit measurements and resets, fused and unfused with the same
// seed: the classical bits must agree and the states to 1e−12.
func TestFusionIdentical(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 16))
	n := FusionMinQubits
	runs := 6
	if testing.Short() {
		runs = 3
	}
	for i := range runs {
		c := backendtest.RandomCircuit(rng, n, 120, backendtest.DefaultCircuitOptions())
		c.NumClbits = 3
		// Measurements and a reset in the middle: the fused circuit must
		// keep them in place and draw the same outcomes.
		mid := append([]circuits.Op(nil), c.Ops[:60]...)
		mid = append(mid,
			circuits.Op{Gate: circuits.Measure, Targets: []int{0, 5}, Clbits: []int{0, 1}},
			circuits.Op{Gate: circuits.Reset, Targets: []int{3}},
			circuits.Op{Gate: circuits.Barrier, Targets: []int{1, 2}})
		c.Ops = append(mid, c.Ops[60:]...)
		c.Measure(7, 2)
		for _, threads := range []int{1, 2} {
			off, offBits, err := Simulator{Seed: uint64(i), Threads: threads, Fusion: -1}.RunState(c)
			require.NoError(t, err)
			for _, k := range []int{0, 1, 2, 3, 5} {
				on, onBits, err := Simulator{Seed: uint64(i), Threads: threads, Fusion: k}.RunState(c)
				require.NoError(t, err)
				assert.Equal(t, offBits, onBits, "circuit %d, fusion %d", i, k)
				for j, a := range off.Data() {
					require.InDelta(t, 0, cmplx.Abs(a-on.Data()[j]), 1e-12, "circuit %d, fusion %d, amplitude %d", i, k, j)
				}
			}
		}
	}
}

// TestPrecisionAgreement runs the same circuits in both precisions: the
// complex64 state agrees with the complex128 one to 1e−5 and its sums
// (norm, expectation, marginals) too.
func TestPrecisionAgreement(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 17))
	for range 5 {
		n := 10 + rng.IntN(4)
		c := backendtest.RandomCircuit(rng, n, 200, backendtest.DefaultCircuitOptions())
		obs := backendtest.RandomPauliSum(rng, n, 4)
		d, _, err := Simulator{}.RunState(c)
		require.NoError(t, err)
		s, _, err := Simulator{Precision: Complex64}.RunState64(c)
		require.NoError(t, err)
		for j, a := range d.Data() {
			require.InDelta(t, 0, cmplx.Abs(a-complex128(s.Data()[j])), 1e-5, "amplitude %d", j)
		}
		assert.InDelta(t, 1, s.Norm(), 1e-5)
		e1, err := d.Expectation(obs)
		require.NoError(t, err)
		e2, err := s.Expectation(obs)
		require.NoError(t, err)
		assert.InDelta(t, e1, e2, 1e-5)
		m1, err := d.Marginal([]int{0, n - 1})
		require.NoError(t, err)
		m2, err := s.Marginal([]int{0, n - 1})
		require.NoError(t, err)
		assert.InDeltaSlice(t, m1, m2, 1e-5)
	}
}
