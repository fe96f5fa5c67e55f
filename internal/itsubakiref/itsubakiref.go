package itsubakiref

import (
	"fmt"
	"math"
	"math/cmplx"

	"github.com/itsubaki/q"
	"github.com/itsubaki/q/math/matrix"
	"github.com/itsubaki/q/quantum/gate"

	"github.com/qmlkit/qmlkit/circuits"
)

// Run simulates the bound circuit c from |0…0⟩ on itsubaki/q and returns
// the amplitudes in qmlkit's order, global phase included. Measurements
// and resets are refused: the reference is for unitary circuits.
func Run(c *circuits.Circuit) ([]complex128, error) {
	if err := c.ValidateBound(); err != nil {
		return nil, fmt.Errorf("itsubaki: %w", err)
	}
	r := New(c.NumQubits)
	for i, op := range c.Ops {
		if err := r.apply(op); err != nil {
			return nil, fmt.Errorf("itsubaki: op %d: %w", i, err)
		}
	}
	amp := r.Amplitudes()
	if c.GlobalPhase != 0 { // itsubaki has no global phase
		ph := cmplx.Rect(1, c.GlobalPhase)
		for i := range amp {
			amp[i] *= ph
		}
	}
	return amp, nil
}

// Replay is an itsubaki/q simulator with our qubit k at its qubit n−1−k,
// for applying ops one at a time (the per-gate benchmarks).
type Replay struct {
	sim *q.Q
	reg []q.Qubit // reg[k] is our qubit k
}

// New returns |0…0⟩ on n qubits.
func New(n int) *Replay {
	sim := q.New()
	all := sim.Zeros(n)
	reg := make([]q.Qubit, n)
	for k := range reg {
		reg[k] = all[n-1-k]
	}
	return &Replay{sim: sim, reg: reg}
}

// qs maps our qubits to itsubaki's.
func (r *Replay) qs(ks []int) []q.Qubit {
	out := make([]q.Qubit, len(ks))
	for i, k := range ks {
		out[i] = r.reg[k]
	}
	return out
}

// c2 applies the 2×2 matrix g to target t where every control is 1.
func (r *Replay) c2(g *matrix.Matrix, controls []int, t int) {
	if len(controls) == 0 {
		r.sim.G(g, r.reg[t])
		return
	}
	r.sim.Controlled(g, r.qs(controls), []q.Qubit{r.reg[t]})
}

func (r *Replay) cx(controls []int, t int) {
	r.sim.ControlledNot(r.qs(controls), []q.Qubit{r.reg[t]})
}

func with(controls []int, more ...int) []int {
	return append(append([]int(nil), controls...), more...)
}

func sxMatrix() *matrix.Matrix {
	return matrix.New(
		[]complex128{0.5 + 0.5i, 0.5 - 0.5i},
		[]complex128{0.5 - 0.5i, 0.5 + 0.5i},
	)
}

// Apply applies one bound unitary op (or barrier) after checking it.
func (r *Replay) Apply(op circuits.Op) error {
	if err := op.Validate(len(r.reg), 0, 0); err != nil {
		return fmt.Errorf("itsubaki: %s: %w", op.Name(), err)
	}
	if err := r.apply(op); err != nil {
		return fmt.Errorf("itsubaki: %w", err)
	}
	return nil
}

// Amplitudes returns the state in qmlkit's order (single ops carry no
// global phase).
func (r *Replay) Amplitudes() []complex128 { return r.sim.Amplitude() }

// apply replays one valid, bound op. itsubaki's U, RX, RY, RZ, R (= P), S, T, H,
// X, Y, Z agree with Qiskit's definitions (U(θ,φ,λ) has −e^{iλ}sin θ/2 top
// right, RZ = diag(e^{−iθ/2}, e^{iθ/2}), R(λ) = diag(1, e^{iλ}), T =
// diag(1, e^{iπ/4})), so those are used by name.
func (r *Replay) apply(op circuits.Op) error {
	ctl := op.Controls
	angle := func(i int) float64 { return op.Params[i].Value }
	var tg int
	if len(op.Targets) > 0 {
		tg = op.Targets[0]
	}
	switch op.Gate {
	case circuits.I, circuits.Barrier:
	case circuits.X:
		if len(ctl) == 0 {
			r.sim.X(r.reg[tg])
		} else {
			r.cx(ctl, tg)
		}
	case circuits.Y:
		r.c2(gate.Y(), ctl, tg)
	case circuits.Z:
		if len(ctl) == 0 {
			r.sim.Z(r.reg[tg])
		} else {
			r.sim.ControlledZ(r.qs(ctl), []q.Qubit{r.reg[tg]})
		}
	case circuits.H:
		if len(ctl) == 0 {
			r.sim.H(r.reg[tg])
		} else {
			r.sim.ControlledH(r.qs(ctl), []q.Qubit{r.reg[tg]})
		}
	case circuits.S:
		r.c2(gate.S(), ctl, tg)
	case circuits.Sdg:
		r.c2(gate.S().Dagger(), ctl, tg)
	case circuits.T:
		r.c2(gate.T(), ctl, tg)
	case circuits.Tdg:
		r.c2(gate.T().Dagger(), ctl, tg)
	case circuits.SX:
		r.c2(sxMatrix(), ctl, tg)
	case circuits.SXdg:
		r.c2(sxMatrix().Dagger(), ctl, tg)
	case circuits.RX:
		r.c2(gate.RX(angle(0)), ctl, tg)
	case circuits.RY:
		if len(ctl) == 0 {
			r.sim.RY(angle(0), r.reg[tg])
		} else {
			r.c2(gate.RY(angle(0)), ctl, tg)
		}
	case circuits.RZ:
		r.c2(gate.RZ(angle(0)), ctl, tg)
	case circuits.P:
		if len(ctl) == 0 {
			r.sim.R(angle(0), r.reg[tg])
		} else {
			r.sim.ControlledR(angle(0), r.qs(ctl), []q.Qubit{r.reg[tg]})
		}
	case circuits.U:
		if len(ctl) == 0 {
			r.sim.U(angle(0), angle(1), angle(2), r.reg[tg])
		} else {
			r.sim.ControlledU(angle(0), angle(1), angle(2), r.qs(ctl), []q.Qubit{r.reg[tg]})
		}
	case circuits.SWAP:
		a, b := op.Targets[0], op.Targets[1]
		if len(ctl) == 0 {
			r.sim.Swap(r.reg[a], r.reg[b])
			return nil
		}
		r.cx([]int{a}, b)
		r.cx(with(ctl, b), a)
		r.cx([]int{a}, b)
	case circuits.RZZ:
		r.rzz(angle(0), ctl, op.Targets[0], op.Targets[1])
	case circuits.RXX:
		r.rxx(angle(0), ctl, op.Targets[0], op.Targets[1])
	case circuits.RYY:
		r.ryy(angle(0), ctl, op.Targets[0], op.Targets[1])
	case circuits.RZX:
		a, b := op.Targets[0], op.Targets[1]
		r.sim.H(r.reg[b])
		r.rzz(angle(0), ctl, a, b)
		r.sim.H(r.reg[b])
	case circuits.ISWAP:
		// iSWAP = exp(iπ/4·(XX+YY)) = RXX(−π/2)·RYY(−π/2); XX and YY commute.
		r.rxx(-math.Pi/2, ctl, op.Targets[0], op.Targets[1])
		r.ryy(-math.Pi/2, ctl, op.Targets[0], op.Targets[1])
	case circuits.Unitary:
		r.unitary(op.Matrix, op.Targets, ctl)
	default:
		return fmt.Errorf("%s is not supported", op.Name())
	}
	return nil
}

// rzz: exp(−iθZZ/2) = CX(a,b)·RZ_b(θ)·CX(a,b); only the middle gate needs
// the controls, the CNOTs cancel where they are off.
func (r *Replay) rzz(theta float64, ctl []int, a, b int) {
	r.cx([]int{a}, b)
	r.c2(gate.RZ(theta), ctl, b)
	r.cx([]int{a}, b)
}

// rxx: H⊗H conjugates ZZ into XX.
func (r *Replay) rxx(theta float64, ctl []int, a, b int) {
	r.sim.H(r.reg[a], r.reg[b])
	r.rzz(theta, ctl, a, b)
	r.sim.H(r.reg[a], r.reg[b])
}

// ryy: S·X·S† = Y, so exp(−iθYY/2) = (S⊗S)·RXX(θ)·(S†⊗S†).
func (r *Replay) ryy(theta float64, ctl []int, a, b int) {
	r.sim.G(gate.S().Dagger(), r.reg[a], r.reg[b])
	r.rxx(theta, ctl, a, b)
	r.sim.G(gate.S(), r.reg[a], r.reg[b])
}
