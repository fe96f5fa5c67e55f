package cbe

import (
	"fmt"
	"math"

	"github.com/qmlkit/qmlkit/circuits"
)

// CircuitCost is the size of one circuit as package circuits counts it.
type CircuitCost struct {
	Qubits int
	// Gates is Circuit.Size(): unitary ops, each multi-controlled gate
	// counted once.
	Gates int
	// Depth is Circuit.Depth().
	Depth int
	// Ops is Circuit.CountOps(), by gate name.
	Ops map[string]int
}

func costOf(c *circuits.Circuit) CircuitCost {
	return CircuitCost{Qubits: c.NumQubits, Gates: c.Size(), Depth: c.Depth(), Ops: c.CountOps()}
}

// QuantumCost collects the circuit costs of the quantum solver.
type QuantumCost struct {
	// Qubits is the width of the widest circuit: n_x + n_v, plus one
	// ancilla with shot readout.
	Qubits int
	// Prep is the initial-state preparation (filled in by the solver).
	Prep CircuitCost
	// Stream is one stream: the half-step Fourier circuit, or one shift
	// of the integer-shift mode.
	Stream CircuitCost
	// StreamPeriod is the CFL-counter period: the integer-shift mode
	// applies Stream once every StreamPeriod streams (1 otherwise).
	StreamPeriod int
	// Kick is the velocity kick (zero without a field).
	Kick CircuitCost
	// Step is the evolution circuit of one step, stream + kick + stream,
	// composed so that its depth overlaps the parts (with a CFL period
	// p > 1 a step applies the shift only 2/p times on average).
	Step CircuitCost
	// Readout is the density readout circuit, run on copies of the state.
	Readout CircuitCost
	// HadamardTest is the phase-estimation circuit for mode 1 (shot
	// readout only; the other modes differ in their CNOT count).
	HadamardTest CircuitCost
	// ReadoutCircuitsPerStep is how many readout-type circuits one step
	// runs: 1 with exact readout; with shot readout a real and an
	// imaginary Hadamard test per mode, 2M, plus the readout circuit for
	// MagnitudePhaseEstimate; 0 without a field.
	ReadoutCircuitsPerStep int
	// ShotsPerStep is Shots·ReadoutCircuitsPerStep: each shot consumes
	// one copy of the state at the half step.
	ShotsPerStep int64
}

// QuantumStepCost builds the solver's circuits for grid g, coupling and
// options (the kick for a representative acceleration: the counts do not
// depend on a(x), every rotation is emitted) and returns their costs.
func QuantumStepCost(g Grid, coupling Coupling, opt QuantumOptions) (QuantumCost, error) {
	xr, vr, err := quantumLayout(g)
	if err != nil {
		return QuantumCost{}, err
	}
	opt, period, cells, err := checkQuantumOptions(Problem{Grid: g, Coupling: coupling}, opt)
	if err != nil {
		return QuantumCost{}, err
	}
	var stream *circuits.Circuit
	if opt.Stream == StreamIntegerShift {
		stream, err = IntegerShiftCircuit(g, cells)
	} else {
		stream, err = StreamCircuit(g, opt.Dt/2)
	}
	if err != nil {
		return QuantumCost{}, err
	}
	qc := QuantumCost{Qubits: xr.size + vr.size, Stream: costOf(stream), StreamPeriod: period}
	step := stream.Copy()
	if coupling != FreeStreaming {
		a := make([]float64, g.Nx)
		for i := range a {
			a[i] = math.Sin(2 * math.Pi * float64(i) / float64(g.Nx))
		}
		kick, err := KickCircuit(g, a, opt.Dt)
		if err != nil {
			return QuantumCost{}, err
		}
		qc.Kick = costOf(kick)
		if step, err = step.Compose(kick, nil); err != nil {
			return QuantumCost{}, fmt.Errorf("cbe: step cost: %w", err)
		}
		readout, err := ReadoutCircuit(g)
		if err != nil {
			return QuantumCost{}, err
		}
		qc.Readout = costOf(readout)
		qc.ReadoutCircuitsPerStep = 1
		if opt.Readout == ReadoutShots {
			ht, err := HadamardTestCircuit(g, 1, false)
			if err != nil {
				return QuantumCost{}, err
			}
			qc.HadamardTest = costOf(ht)
			qc.Qubits++
			qc.ReadoutCircuitsPerStep = 2 * opt.Modes
			if opt.Estimator == MagnitudePhaseEstimate {
				qc.ReadoutCircuitsPerStep++
			}
			qc.ShotsPerStep = opt.Shots * int64(qc.ReadoutCircuitsPerStep)
		}
	}
	if step, err = step.Compose(stream, nil); err != nil {
		return QuantumCost{}, fmt.Errorf("cbe: step cost: %w", err)
	}
	qc.Step = costOf(step)
	return qc, nil
}

// FourierStreamGates is the gate count of StreamCircuit:
// n_x(n_x + n_v + 2).
func FourierStreamGates(nx, nv int) int { return nx * (nx + nv + 2) }

// KickGates is the gate count of KickCircuit on n_x ≥ 1 x qubits:
// n_v(n_v+1) for the two swap-free v QFTs, n_v uniformly controlled RZs of
// 2^{n_x} RZ + 2^{n_x} CNOT, and the x diagonal's 2^{n_x}−1 RZ + 2^{n_x}−2
// CNOT.
func KickGates(nx, nv int) int { return nv*(nv+1) + (nv+1)<<(nx+1) - 3 }

// ReadoutGates is the gate count of ReadoutCircuit: n_x(n_x+1)/2 + n_v.
func ReadoutGates(nx, nv int) int { return nx*(nx+1)/2 + nv }
