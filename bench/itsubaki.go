package bench

import (
	"fmt"
	"math/cmplx"

	"github.com/itsubaki/q"
	"github.com/itsubaki/q/math/matrix"

	"github.com/qmlkit/qmlkit/circuits"
)

// RunItsubaki simulates the bound circuit c on github.com/itsubaki/q
// v0.0.11, the pure-Go simulator of the peer table, and returns its
// amplitudes in qmlkit's order. itsubaki's qubit 0 is the most significant
// bit, so our qubit k is its qubit n−1−k; then both put qubit k at bit k of
// the index. Each op maps to itsubaki's own call for that gate (H, X, CNOT,
// CZ, RY, R, CR, Swap, …, which match Qiskit's matrices), so the timing is
// what a user of that library sees; other ops go through its generic
// controlled-matrix path. Measurements, resets and multi-qubit Unitary ops
// are refused: the benchmark circuits have none.
func RunItsubaki(c *circuits.Circuit) ([]complex128, error) {
	if err := c.ValidateBound(); err != nil {
		return nil, fmt.Errorf("bench: itsubaki: %w", err)
	}
	r := newItsubaki(c.NumQubits)
	for i, op := range c.Ops {
		if err := r.apply(op); err != nil {
			return nil, fmt.Errorf("bench: itsubaki: op %d: %w", i, err)
		}
	}
	amp := r.sim.Amplitude()
	if c.GlobalPhase != 0 { // itsubaki has no global phase
		ph := cmplx.Rect(1, c.GlobalPhase)
		for i := range amp {
			amp[i] *= ph
		}
	}
	return amp, nil
}

// itsubaki is an itsubaki/q simulator with our qubit k at its qubit n−1−k.
type itsubaki struct {
	sim *q.Q
	reg []q.Qubit // reg[k] is our qubit k
}

// newItsubaki returns |0…0⟩ on n qubits.
func newItsubaki(n int) *itsubaki {
	sim := q.New()
	all := sim.Zeros(n)
	reg := make([]q.Qubit, n)
	for k := range reg {
		reg[k] = all[n-1-k]
	}
	return &itsubaki{sim: sim, reg: reg}
}

// pick maps our qubits to itsubaki's.
func (r *itsubaki) pick(ks []int) []q.Qubit {
	out := make([]q.Qubit, len(ks))
	for i, k := range ks {
		out[i] = r.reg[k]
	}
	return out
}

// apply applies one bound op with itsubaki's call for its gate.
func (r *itsubaki) apply(op circuits.Op) error {
	if op.Gate == circuits.Barrier {
		return nil
	}
	if !op.Gate.IsUnitary() || (op.Gate != circuits.SWAP && len(op.Targets) != 1) ||
		(op.Gate == circuits.SWAP && len(op.Controls) > 0) {
		return fmt.Errorf("%s is not supported", op.Name())
	}
	sim, reg := r.sim, r.reg
	t := op.Targets[0]
	ctl := op.Controls
	var angle float64
	if len(op.Params) > 0 {
		angle = op.Params[0].Value
	}
	switch {
	case op.Gate == circuits.H && len(ctl) == 0:
		sim.H(reg[t])
	case op.Gate == circuits.X && len(ctl) == 0:
		sim.X(reg[t])
	case op.Gate == circuits.X:
		sim.ControlledNot(r.pick(ctl), []q.Qubit{reg[t]})
	case op.Gate == circuits.Z && len(ctl) == 0:
		sim.Z(reg[t])
	case op.Gate == circuits.Z:
		sim.ControlledZ(r.pick(ctl), []q.Qubit{reg[t]})
	case op.Gate == circuits.RY && len(ctl) == 0:
		sim.RY(angle, reg[t])
	case op.Gate == circuits.P && len(ctl) == 0:
		sim.R(angle, reg[t])
	case op.Gate == circuits.P:
		sim.ControlledR(angle, r.pick(ctl), []q.Qubit{reg[t]})
	case op.Gate == circuits.SWAP:
		sim.Swap(reg[op.Targets[0]], reg[op.Targets[1]])
	default:
		m, err := op.BaseMatrix(nil)
		if err != nil {
			return err
		}
		g := matrix.New([]complex128{m[0], m[1]}, []complex128{m[2], m[3]})
		if len(ctl) == 0 {
			sim.G(g, reg[t])
		} else {
			sim.Controlled(g, r.pick(ctl), []q.Qubit{reg[t]})
		}
	}
	return nil
}
