package circuits

import (
	"fmt"
	"math"
	"math/cmplx"
	"slices"
)

// Op is one operation of a circuit: a base gate on Targets, applied only where
// every Controls qubit is 1, with angle Params. Unitary ops carry their matrix
// (row-major, 2^k × 2^k for k targets, first target least significant);
// Measure ops name one classical bit per target in Clbits.
type Op struct {
	Gate     Gate
	Targets  []int
	Controls []int
	Params   []Param
	Matrix   []complex128
	Clbits   []int
}

// Qubits returns the targets followed by the controls: the order in which
// FullMatrix indexes its rows.
func (op Op) Qubits() []int {
	q := make([]int, 0, len(op.Targets)+len(op.Controls))
	q = append(q, op.Targets...)
	return append(q, op.Controls...)
}

// Name returns the OpenQASM-style name of the operation including its
// controls: "cx", "ccx", "crz", "cu3", "c3x", "c3sqrtx", "cswap", and
// "c5x" style beyond qelib1's names.
func (op Op) Name() string {
	base := op.Gate.String()
	switch n := len(op.Controls); {
	case n == 0:
		return base
	case n == 1 && op.Gate == U:
		return "cu3" // qelib1's cu takes a fourth (phase) parameter
	case n == 1:
		return "c" + base
	case n == 2:
		return "cc" + base
	case n == 3 && op.Gate == SX:
		return "c3sqrtx"
	default:
		return fmt.Sprintf("c%d%s", n, base)
	}
}

// Bound reports whether every parameter of op is a number.
func (op Op) Bound() bool {
	for _, p := range op.Params {
		if p.Var {
			return false
		}
	}
	return true
}

// Angles evaluates op's parameters against theta.
func (op Op) Angles(theta []float64) ([]float64, error) {
	if len(op.Params) == 0 {
		return nil, nil
	}
	a := make([]float64, len(op.Params))
	for i, p := range op.Params {
		v, err := p.Eval(theta)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op.Name(), err)
		}
		a[i] = v
	}
	return a, nil
}

// BaseMatrix returns the matrix of the uncontrolled gate on op's targets at
// the angles op's parameters take for theta (nil theta for bound ops).
func (op Op) BaseMatrix(theta []float64) ([]complex128, error) {
	if op.Gate == Unitary {
		return slices.Clone(op.Matrix), nil
	}
	a, err := op.Angles(theta)
	if err != nil {
		return nil, err
	}
	return op.Gate.Matrix(a...)
}

// FullMatrix returns the unitary of op on Qubits() (targets, then controls),
// row index Σ_k b_k·2^k over that order: the base matrix where all controls
// are 1 and the identity elsewhere.
func (op Op) FullMatrix(theta []float64) ([]complex128, error) {
	base, err := op.BaseMatrix(theta)
	if err != nil {
		return nil, err
	}
	nt := len(op.Targets)
	dt := 1 << nt
	d := dt << len(op.Controls)
	m := make([]complex128, d*d)
	ctl := d - dt // every control bit set
	for r := 0; r < d; r++ {
		if r&ctl != ctl {
			m[r*d+r] = 1
			continue
		}
		for c := 0; c < dt; c++ {
			m[r*d+(ctl|c)] = base[(r&(dt-1))*dt+c]
		}
	}
	return m, nil
}

// Inverse returns the op that undoes op. Measure and reset have no inverse.
func (op Op) Inverse() (Op, error) {
	inv := Op{
		Gate:     op.Gate,
		Targets:  slices.Clone(op.Targets),
		Controls: slices.Clone(op.Controls),
	}
	neg := func() {
		inv.Params = make([]Param, len(op.Params))
		for i, p := range op.Params {
			inv.Params[i] = p.Neg()
		}
	}
	switch op.Gate {
	case Measure, Reset:
		return Op{}, fmt.Errorf("%s is not reversible", op.Gate)
	case Barrier:
	case S:
		inv.Gate = Sdg
	case Sdg:
		inv.Gate = S
	case T:
		inv.Gate = Tdg
	case Tdg:
		inv.Gate = T
	case SX:
		inv.Gate = SXdg
	case SXdg:
		inv.Gate = SX
	case RX, RY, RZ, P, RXX, RYY, RZZ, RZX:
		neg()
	case U:
		// U(θ,φ,λ)† = U(−θ,−λ,−φ).
		inv.Params = []Param{op.Params[0].Neg(), op.Params[2].Neg(), op.Params[1].Neg()}
	case ISWAP, Unitary:
		m, err := op.BaseMatrix(nil)
		if err != nil {
			return Op{}, err
		}
		k := 1 << len(op.Targets)
		inv.Gate = Unitary
		inv.Matrix = make([]complex128, k*k)
		for r := 0; r < k; r++ {
			for c := 0; c < k; c++ {
				inv.Matrix[c*k+r] = cmplx.Conj(m[r*k+c])
			}
		}
	default:
		if !op.Gate.IsSelfInverse() {
			return Op{}, fmt.Errorf("no inverse rule for gate %v", op.Gate)
		}
		inv.Params = slices.Clone(op.Params)
	}
	inv.Clbits = slices.Clone(op.Clbits)
	return inv, nil
}

// Clone returns a deep copy of op: no slice is shared with the original.
func (op Op) Clone() Op {
	return Op{
		Gate:     op.Gate,
		Targets:  slices.Clone(op.Targets),
		Controls: slices.Clone(op.Controls),
		Params:   slices.Clone(op.Params),
		Matrix:   slices.Clone(op.Matrix),
		Clbits:   slices.Clone(op.Clbits),
	}
}

// Validate checks op as part of a circuit of nq qubits, nc classical bits
// and np parameters: the checks Circuit.Validate runs on every op.
func (op Op) Validate(nq, nc, np int) error {
	if !op.Gate.Valid() {
		return fmt.Errorf("unknown gate kind %d", uint8(op.Gate))
	}
	if len(op.Targets) == 0 && op.Gate != Barrier {
		return fmt.Errorf("%s: no target qubits", op.Name())
	}
	if k := op.Gate.NumTargets(); k > 0 && len(op.Targets) != k {
		return fmt.Errorf("%s: takes %d target qubits, got %d", op.Name(), k, len(op.Targets))
	}
	if len(op.Controls) > 0 && !op.Gate.IsUnitary() {
		return fmt.Errorf("%s cannot be controlled", op.Gate)
	}
	if err := op.checkQubits(op.Targets, nq, nil); err != nil {
		return err
	}
	if err := op.checkQubits(op.Controls, nq, op.Targets); err != nil {
		return err
	}
	if len(op.Params) != op.Gate.NumParams() {
		return fmt.Errorf("%s: takes %d parameters, got %d", op.Name(), op.Gate.NumParams(), len(op.Params))
	}
	for i, p := range op.Params {
		if !p.finite() {
			return fmt.Errorf("%s: parameter %d is not finite (%v)", op.Name(), i, p.Value)
		}
		if p.Var && (p.Index < 0 || p.Index >= np) {
			return fmt.Errorf("%s: parameter %d refers to θ[%d] but the circuit has %d parameters", op.Name(), i, p.Index, np)
		}
	}
	switch op.Gate {
	case Unitary:
		if err := checkUnitary(op.Matrix, len(op.Targets)); err != nil {
			return fmt.Errorf("unitary on %d qubits: %w", len(op.Targets), err)
		}
	case Measure:
		if len(op.Clbits) != len(op.Targets) {
			return fmt.Errorf("measure: %d qubits but %d classical bits", len(op.Targets), len(op.Clbits))
		}
		written := make(map[int]bool, len(op.Clbits))
		for _, c := range op.Clbits {
			if c < 0 || c >= nc {
				return fmt.Errorf("measure: classical bit %d out of range [0, %d)", c, nc)
			}
			if written[c] {
				return fmt.Errorf("measure: classical bit %d written twice", c)
			}
			written[c] = true
		}
	default:
		if len(op.Matrix) != 0 {
			return fmt.Errorf("%s: only unitary ops carry a matrix", op.Name())
		}
	}
	return nil
}

// checkQubits checks qs are in range and distinct from each other and from
// earlier (barriers may repeat). Ops have few qubits, so the quadratic scan
// beats a map.
func (op Op) checkQubits(qs []int, nq int, earlier []int) error {
	for i, q := range qs {
		if q < 0 || q >= nq {
			return fmt.Errorf("%s: qubit index %d out of range [0, %d)", op.Name(), q, nq)
		}
		if op.Gate == Barrier {
			continue
		}
		if slices.Contains(qs[:i], q) || slices.Contains(earlier, q) {
			return fmt.Errorf("%s: qubit %d used twice", op.Name(), q)
		}
	}
	return nil
}

// UnitaryTolerance bounds ‖MᴴM − I‖ entrywise for a matrix to count as unitary.
const UnitaryTolerance = 1e-10

// checkUnitary verifies a row-major 2^k × 2^k matrix is unitary and finite.
func checkUnitary(m []complex128, k int) error {
	d := 1 << k
	if len(m) != d*d {
		return fmt.Errorf("matrix has %d entries, want %d×%d", len(m), d, d)
	}
	for i, v := range m {
		if cmplx.IsNaN(v) || cmplx.IsInf(v) {
			return fmt.Errorf("matrix entry %d is %v", i, v)
		}
	}
	for a := 0; a < d; a++ {
		for b := 0; b < d; b++ {
			var s complex128
			for r := 0; r < d; r++ {
				s += cmplx.Conj(m[r*d+a]) * m[r*d+b]
			}
			if a == b {
				s--
			}
			if cmplx.Abs(s) > UnitaryTolerance {
				return fmt.Errorf("matrix is not unitary: (MᴴM − I)[%d][%d] = %.3g", a, b, cmplx.Abs(s))
			}
		}
	}
	return nil
}

// isFinite reports whether v is a finite float.
func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
