package statevec

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/itsubaki/q"
	"github.com/itsubaki/q/math/matrix"
	"github.com/itsubaki/q/quantum/gate"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/backend/backendtest"
	"github.com/qmlkit/qmlkit/circuits"
)

// oracle replays circuits on github.com/itsubaki/q, whose qubit 0 is the
// most significant bit. Our qubit k is its qubit n−1−k: then both
// libraries put qubit k at bit k of the amplitude index, and the amplitude
// slices compare index by index. The conversion lives here only.
//
// itsubaki's U, RX, RY, RZ, R (= P), S, T, H, X, Y, Z agree with Qiskit's
// definitions (checked against conventions.md: U(θ,φ,λ) has −e^{iλ}sin θ/2
// top right, RZ = diag(e^{−iθ/2}, e^{iθ/2}), R(λ) = diag(1, e^{iλ}),
// T = diag(1, e^{iπ/4})), so those are used by name. Sdg, Tdg, SX, SXdg
// come from explicit matrices; two-qubit gates from decompositions into
// one-qubit gates and CNOTs; Unitary ops from a two-level (Givens)
// decomposition into multi-controlled 2×2 gates.
type oracle struct {
	sim *q.Q
	reg []q.Qubit // reg[k] is our qubit k
}

func newOracle(n int) *oracle {
	sim := q.New()
	all := sim.Zeros(n)
	reg := make([]q.Qubit, n)
	for k := range reg {
		reg[k] = all[n-1-k]
	}
	return &oracle{sim: sim, reg: reg}
}

func (o *oracle) qs(ks []int) []q.Qubit {
	out := make([]q.Qubit, len(ks))
	for i, k := range ks {
		out[i] = o.reg[k]
	}
	return out
}

// c2 applies the 2×2 matrix g to target t where every control is 1.
func (o *oracle) c2(g *matrix.Matrix, controls []int, t int) {
	if len(controls) == 0 {
		o.sim.G(g, o.reg[t])
		return
	}
	o.sim.Controlled(g, o.qs(controls), []q.Qubit{o.reg[t]})
}

func (o *oracle) cx(controls []int, t int) {
	o.sim.ControlledNot(o.qs(controls), []q.Qubit{o.reg[t]})
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

// apply replays one bound op.
func (o *oracle) apply(t *testing.T, op circuits.Op) {
	ctl := op.Controls
	angle := func(i int) float64 { return op.Params[i].Value }
	var tg int
	if len(op.Targets) > 0 {
		tg = op.Targets[0]
	}
	switch op.Gate {
	case circuits.I:
	case circuits.X:
		if len(ctl) == 0 {
			o.sim.X(o.reg[tg])
		} else {
			o.cx(ctl, tg)
		}
	case circuits.Y:
		o.c2(gate.Y(), ctl, tg)
	case circuits.Z:
		if len(ctl) == 0 {
			o.sim.Z(o.reg[tg])
		} else {
			o.sim.ControlledZ(o.qs(ctl), []q.Qubit{o.reg[tg]})
		}
	case circuits.H:
		if len(ctl) == 0 {
			o.sim.H(o.reg[tg])
		} else {
			o.sim.ControlledH(o.qs(ctl), []q.Qubit{o.reg[tg]})
		}
	case circuits.S:
		o.c2(gate.S(), ctl, tg)
	case circuits.Sdg:
		o.c2(gate.S().Dagger(), ctl, tg)
	case circuits.T:
		o.c2(gate.T(), ctl, tg)
	case circuits.Tdg:
		o.c2(gate.T().Dagger(), ctl, tg)
	case circuits.SX:
		o.c2(sxMatrix(), ctl, tg)
	case circuits.SXdg:
		o.c2(sxMatrix().Dagger(), ctl, tg)
	case circuits.RX:
		o.c2(gate.RX(angle(0)), ctl, tg)
	case circuits.RY:
		o.c2(gate.RY(angle(0)), ctl, tg)
	case circuits.RZ:
		o.c2(gate.RZ(angle(0)), ctl, tg)
	case circuits.P:
		o.sim.ControlledR(angle(0), o.qs(ctl), []q.Qubit{o.reg[tg]})
	case circuits.U:
		if len(ctl) == 0 {
			o.sim.U(angle(0), angle(1), angle(2), o.reg[tg])
		} else {
			o.sim.ControlledU(angle(0), angle(1), angle(2), o.qs(ctl), []q.Qubit{o.reg[tg]})
		}
	case circuits.SWAP:
		a, b := op.Targets[0], op.Targets[1]
		if len(ctl) == 0 {
			o.sim.Swap(o.reg[a], o.reg[b])
			return
		}
		o.cx([]int{a}, b)
		o.cx(with(ctl, b), a)
		o.cx([]int{a}, b)
	case circuits.RZZ:
		o.rzz(angle(0), ctl, op.Targets[0], op.Targets[1])
	case circuits.RXX:
		o.rxx(angle(0), ctl, op.Targets[0], op.Targets[1])
	case circuits.RYY:
		o.ryy(angle(0), ctl, op.Targets[0], op.Targets[1])
	case circuits.RZX:
		a, b := op.Targets[0], op.Targets[1]
		o.sim.H(o.reg[b])
		o.rzz(angle(0), ctl, a, b)
		o.sim.H(o.reg[b])
	case circuits.ISWAP:
		// iSWAP = exp(iπ/4·(XX+YY)) = RXX(−π/2)·RYY(−π/2); XX and YY commute.
		o.rxx(-math.Pi/2, ctl, op.Targets[0], op.Targets[1])
		o.ryy(-math.Pi/2, ctl, op.Targets[0], op.Targets[1])
	case circuits.Unitary:
		o.unitary(op.Matrix, op.Targets, ctl)
	default:
		t.Fatalf("oracle: no translation for %s", op.Name())
	}
}

// rzz: exp(−iθZZ/2) = CX(a,b)·RZ_b(θ)·CX(a,b); only the middle gate needs
// the controls, the CNOTs cancel where they are off.
func (o *oracle) rzz(theta float64, ctl []int, a, b int) {
	o.cx([]int{a}, b)
	o.c2(gate.RZ(theta), ctl, b)
	o.cx([]int{a}, b)
}

// rxx: H⊗H conjugates ZZ into XX.
func (o *oracle) rxx(theta float64, ctl []int, a, b int) {
	o.sim.H(o.reg[a], o.reg[b])
	o.rzz(theta, ctl, a, b)
	o.sim.H(o.reg[a], o.reg[b])
}

// ryy: S·X·S† = Y, so exp(−iθYY/2) = (S⊗S)·RXX(θ)·(S†⊗S†).
func (o *oracle) ryy(theta float64, ctl []int, a, b int) {
	sdg := gate.S().Dagger()
	o.sim.G(sdg, o.reg[a], o.reg[b])
	o.rxx(theta, ctl, a, b)
	o.sim.G(gate.S(), o.reg[a], o.reg[b])
}

// unitary applies the 2^k×2^k matrix m (local bit i is targets[i]) as a
// diagonal of phases followed by two-level unitaries: Givens rotations
// G_1…G_m reduce m to a diagonal D (G_m⋯G_1·m = D), so m = G_1†⋯G_m†·D.
func (o *oracle) unitary(m []complex128, targets, ctl []int) {
	d := 1 << len(targets)
	w := append([]complex128(nil), m...)
	type twoLevel struct {
		lo, hi int
		v      [4]complex128 // G† in the basis (|lo⟩, |hi⟩)
	}
	var rots []twoLevel
	for c := 0; c < d-1; c++ {
		for r := d - 1; r > c; r-- {
			a, b := w[c*d+c], w[r*d+c]
			if b == 0 {
				continue
			}
			nrm := complex(math.Hypot(cmplx.Abs(a), cmplx.Abs(b)), 0)
			g := [4]complex128{cmplx.Conj(a) / nrm, cmplx.Conj(b) / nrm, -b / nrm, a / nrm}
			for col := 0; col < d; col++ {
				x, y := w[c*d+col], w[r*d+col]
				w[c*d+col] = g[0]*x + g[1]*y
				w[r*d+col] = g[2]*x + g[3]*y
			}
			rots = append(rots, twoLevel{c, r, [4]complex128{
				cmplx.Conj(g[0]), cmplx.Conj(g[2]), cmplx.Conj(g[1]), cmplx.Conj(g[3]),
			}})
		}
	}
	for l := 0; l < d; l++ {
		o.basisPhase(cmplx.Phase(w[l*d+l]), l, targets, ctl)
	}
	for i := len(rots) - 1; i >= 0; i-- {
		o.twoLevel(rots[i].v, rots[i].lo, rots[i].hi, targets, ctl)
	}
}

// basisPhase multiplies local basis state l by e^{iφ}.
func (o *oracle) basisPhase(phi float64, l int, targets, ctl []int) {
	var flip []q.Qubit
	controls := append([]int(nil), ctl...)
	for i, t := range targets {
		if l>>i&1 == 0 {
			flip = append(flip, o.reg[t])
		}
		if i > 0 {
			controls = append(controls, t)
		}
	}
	o.sim.X(flip...)
	o.sim.ControlledR(phi, o.qs(controls), []q.Qubit{o.reg[targets[0]]})
	o.sim.X(flip...)
}

// twoLevel applies v on the span of local states lo < hi. With h the
// highest bit where they differ (lo has 0 there), CNOTs from bit h onto the
// other differing bits map hi to lo⊕2^h and fix lo; v then acts on bit h,
// controlled by every other target bit equalling lo's (X-conjugated where
// that bit is 0) and by the op's controls.
func (o *oracle) twoLevel(v [4]complex128, lo, hi int, targets, ctl []int) {
	diff := lo ^ hi
	h := 0
	for diff>>(h+1) != 0 {
		h++
	}
	var others []int
	for i := range targets {
		if i != h && diff>>i&1 == 1 {
			others = append(others, targets[i])
		}
	}
	perm := func() {
		for _, t := range others {
			o.cx([]int{targets[h]}, t)
		}
	}
	var flip []q.Qubit
	controls := append([]int(nil), ctl...)
	for i, t := range targets {
		if i == h {
			continue
		}
		controls = append(controls, t)
		if lo>>i&1 == 0 {
			flip = append(flip, o.reg[t])
		}
	}
	perm()
	o.sim.X(flip...)
	o.c2(matrix.New(v[0:2], v[2:4]), controls, targets[h])
	o.sim.X(flip...)
	perm()
}

// run returns the oracle's amplitudes for a bound unitary circuit.
func (o *oracle) run(t *testing.T, c *circuits.Circuit) []complex128 {
	for _, op := range c.Ops {
		o.apply(t, op)
	}
	amp := o.sim.Amplitude()
	ph := cmplx.Rect(1, c.GlobalPhase) // itsubaki has no global phase
	for i := range amp {
		amp[i] *= ph
	}
	return amp
}

func TestAgainstItsubaki(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 7))
	opts := backendtest.DefaultCircuitOptions()
	opts.MaxUnitaryQubits = 3
	circuitsRun := 200
	if testing.Short() {
		circuitsRun = 60
	}
	for i := 0; i < circuitsRun; i++ {
		n := 1 + i%10
		c := backendtest.RandomCircuit(rng, n, 3*n+10, opts)
		want := newOracle(n).run(t, c)
		st, err := New(n)
		require.NoError(t, err)
		_, err = st.Run(c, nil)
		require.NoError(t, err)
		for k, a := range st.Data() {
			if d := cmplx.Abs(a - want[k]); d > 1e-10 {
				t.Fatalf("circuit %d (%d qubits): amplitude %d = %v, itsubaki %v (|Δ| = %.3g)\n%v", i, n, k, a, want[k], d, c)
			}
		}
		// Every simulator variant (fusion, threads, precision) on a share
		// of the circuits.
		sim := variants()[i%len(variants())]
		got, err := sim.Run(c)
		require.NoError(t, err)
		amp, err := got.Amplitudes()
		require.NoError(t, err)
		tol := 1e-10
		if sim.Precision == Complex64 {
			tol = 1e-5
		}
		for k, a := range amp {
			if d := cmplx.Abs(a - want[k]); d > tol {
				t.Fatalf("%s, circuit %d (%d qubits): amplitude %d = %v, itsubaki %v (|Δ| = %.3g)", sim.label(), i, n, k, a, want[k], d)
			}
		}
	}
}

// TestOracleOrder pins the qubit-order conversion: X on our qubit 0 of 3
// is index 1 in both libraries.
func TestOracleOrder(t *testing.T) {
	c := circuits.New(3).X(0)
	amp := newOracle(3).run(t, c)
	require.InDelta(t, 1, real(amp[1]), 1e-15, fmt.Sprint(amp))
}
