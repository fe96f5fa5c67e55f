package statevec

import (
	"errors"
	"fmt"
	"math/cmplx"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
)

// Deferred marks, in the classical bits Run returns, a bit whose value
// comes from a terminal measurement that Run did not perform: sample the
// final state (Sample, SampleCounts, Probabilities) for its distribution.
const Deferred byte = 2

// Run applies the bound circuit c to s in place and returns its classical
// bits (length c.NumClbits; bits no measurement writes stay 0).
//
// It validates c (circuits.ValidateBound) and requires c.NumQubits to equal
// the state's width before changing anything. It multiplies the state by
// e^{i·c.GlobalPhase}, skips barriers, and treats measurements in two
// ways. A terminal measurement — no later gate or reset acts on the
// qubit — is not performed: the state stays the pre-measurement state,
// as Qiskit's statevector simulation leaves it, and the classical bit is
// set to Deferred. A mid-circuit measurement collapses the state with an
// outcome drawn from rng and records it. A reset measures and flips the
// qubit to |0⟩. rng may be nil only for circuits with no mid-circuit
// measurement and no reset.
func (s *State) Run(c *circuits.Circuit, rng *rand.Rand) ([]byte, error) {
	if err := c.ValidateBound(); err != nil {
		return nil, fmt.Errorf("statevec: run: %w", err)
	}
	if c.NumQubits != s.n {
		return nil, fmt.Errorf("statevec: run: %d-qubit circuit on a %d-qubit state", c.NumQubits, s.n)
	}
	collapse, random := collapsingMeasurements(c)
	if random && rng == nil {
		return nil, errors.New("statevec: run: the circuit has a mid-circuit measurement or reset and needs a random source; rng is nil")
	}
	clbits := make([]byte, c.NumClbits)
	if c.GlobalPhase != 0 {
		s.scale(cmplx.Rect(1, c.GlobalPhase))
	}
	for i, op := range c.Ops {
		switch op.Gate {
		case circuits.Barrier:
		case circuits.Measure:
			for k, q := range op.Targets {
				if !collapse[i][k] {
					clbits[op.Clbits[k]] = Deferred
					continue
				}
				v, err := s.measure(q, rng)
				if err != nil {
					return nil, fmt.Errorf("statevec: run: op %d: %w", i, err)
				}
				clbits[op.Clbits[k]] = byte(v)
			}
		case circuits.Reset:
			for _, q := range op.Targets {
				if err := s.reset(q, rng); err != nil {
					return nil, fmt.Errorf("statevec: run: op %d: %w", i, err)
				}
			}
		default:
			if err := s.applyOp(op); err != nil {
				return nil, fmt.Errorf("statevec: run: op %d: %w", i, err)
			}
		}
	}
	return clbits, nil
}

// collapsingMeasurements marks, for every measure op and target, whether a
// later gate or reset acts on that qubit (the measurement must collapse),
// and reports whether the circuit needs random outcomes at all. Later
// measurements and barriers do not count: they leave the state alone.
func collapsingMeasurements(c *circuits.Circuit) (collapse [][]bool, random bool) {
	collapse = make([][]bool, len(c.Ops))
	touched := make([]bool, c.NumQubits)
	for i := len(c.Ops) - 1; i >= 0; i-- {
		op := c.Ops[i]
		switch op.Gate {
		case circuits.Barrier:
		case circuits.Measure:
			collapse[i] = make([]bool, len(op.Targets))
			for k, q := range op.Targets {
				collapse[i][k] = touched[q]
				random = random || touched[q]
			}
		case circuits.Reset:
			random = true
			for _, q := range op.Targets {
				touched[q] = true
			}
		default:
			for _, q := range op.Qubits() {
				touched[q] = true
			}
		}
	}
	return collapse, random
}

// Simulator is the dense state-vector backend ("statevec"): exact to
// rounding, memory 16·2^n bytes.
type Simulator struct {
	// Seed fixes the outcomes of mid-circuit measurements and resets: the
	// same circuit and seed give the same state on every run and machine.
	Seed uint64
	// Threads is the goroutine count per gate; 0 means GOMAXPROCS.
	Threads int
}

// seedStream is the second PCG word; fixed so that Seed alone decides.
const seedStream = 0x5eed5747e7ec

// Name returns "statevec".
func (Simulator) Name() string { return "statevec" }

// Run simulates the bound circuit c from |0…0⟩ (see State.Run for how
// measurements are treated) and returns the final *State.
func (sim Simulator) Run(c *circuits.Circuit) (backend.State, error) {
	st, _, err := sim.RunState(c)
	if err != nil {
		return nil, err
	}
	return st, nil
}

// RunState is Run returning the concrete state and the classical bits
// State.Run records.
func (sim Simulator) RunState(c *circuits.Circuit) (*State, []byte, error) {
	if sim.Threads < 0 {
		return nil, nil, fmt.Errorf("statevec: negative thread count %d", sim.Threads)
	}
	if err := c.ValidateBound(); err != nil {
		return nil, nil, fmt.Errorf("statevec: run: %w", err)
	}
	st, err := New(c.NumQubits)
	if err != nil {
		return nil, nil, err
	}
	st.threads = sim.Threads
	if c.GlobalPhase != 0 {
		// The state is |0…0⟩: the phase lands on one amplitude.
		st.amp[0] = cmplx.Rect(1, c.GlobalPhase)
		d := *c
		d.GlobalPhase = 0
		c = &d
	}
	rng := rand.New(rand.NewPCG(sim.Seed, seedStream))
	clbits, err := st.Run(c, rng)
	if err != nil {
		return nil, nil, err
	}
	return st, clbits, nil
}
