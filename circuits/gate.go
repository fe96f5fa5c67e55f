package circuits

import (
	"fmt"
	"math"
	"math/cmplx"
)

// Gate names an operation kind. One- and two-qubit gates are base gates: a
// controlled gate is a base gate plus control qubits on its Op (cx is X with
// one control, ccx X with two, cswap SWAP with one, crz RZ with one, …), so
// simulators need one kernel per base gate and one generic way to add controls.
type Gate uint8

// The gate kinds. Matrices follow OpenQASM 2.0's qelib1.inc as Qiskit defines
// it (see Gate.Matrix).
const (
	InvalidGate Gate = iota

	// One-qubit gates without parameters.
	I
	X
	Y
	Z
	H
	S
	Sdg
	T
	Tdg
	SX
	SXdg

	// One-qubit gates with parameters.
	RX // RX(θ) = exp(−iθX/2)
	RY // RY(θ) = exp(−iθY/2)
	RZ // RZ(θ) = exp(−iθZ/2) = diag(e^{−iθ/2}, e^{iθ/2})
	P  // P(λ) = diag(1, e^{iλ}); qelib1's u1
	U  // U(θ,φ,λ); qelib1's u3; u2(φ,λ) = U(π/2,φ,λ)

	// Two-qubit gates. Their matrices index the first target as the least
	// significant bit (Qiskit's order).
	SWAP
	ISWAP
	RXX // exp(−iθ X⊗X/2)
	RYY // exp(−iθ Y⊗Y/2)
	RZZ // exp(−iθ Z⊗Z/2)
	RZX // exp(−iθ Z_a X_b/2) on targets (a, b)

	// Unitary is an arbitrary 2^k × 2^k matrix on k targets, stored in Op.Matrix.
	Unitary

	// Non-unitary operations.
	Measure // measure Targets[i] into Clbits[i]
	Reset   // reset Targets to |0⟩
	Barrier // no effect on the state; a boundary for gate fusion and drawing

	numGates
)

// gateFlags describe structure simulators exploit.
type gateFlags uint8

const (
	flagDiagonal    gateFlags = 1 << iota // matrix is diagonal
	flagPermutation                       // one nonzero per row and column
	flagReal                              // every matrix entry is real
	flagHermitian                         // the gate is its own inverse
)

type gateInfo struct {
	name    string // lower-case OpenQASM name of the uncontrolled gate
	targets int    // number of target qubits; 0 means "any" (Unitary, Barrier, …)
	params  int
	flags   gateFlags
}

var gateTable = [numGates]gateInfo{
	InvalidGate: {"invalid", 0, 0, 0},
	I:           {"id", 1, 0, flagDiagonal | flagPermutation | flagReal | flagHermitian},
	X:           {"x", 1, 0, flagPermutation | flagReal | flagHermitian},
	Y:           {"y", 1, 0, flagPermutation | flagHermitian},
	Z:           {"z", 1, 0, flagDiagonal | flagPermutation | flagReal | flagHermitian},
	H:           {"h", 1, 0, flagReal | flagHermitian},
	S:           {"s", 1, 0, flagDiagonal | flagPermutation},
	Sdg:         {"sdg", 1, 0, flagDiagonal | flagPermutation},
	T:           {"t", 1, 0, flagDiagonal | flagPermutation},
	Tdg:         {"tdg", 1, 0, flagDiagonal | flagPermutation},
	SX:          {"sx", 1, 0, 0},
	SXdg:        {"sxdg", 1, 0, 0},
	RX:          {"rx", 1, 1, 0},
	RY:          {"ry", 1, 1, flagReal},
	RZ:          {"rz", 1, 1, flagDiagonal},
	P:           {"p", 1, 1, flagDiagonal},
	U:           {"u", 1, 3, 0},
	SWAP:        {"swap", 2, 0, flagPermutation | flagReal | flagHermitian},
	ISWAP:       {"iswap", 2, 0, flagPermutation},
	RXX:         {"rxx", 2, 1, 0},
	RYY:         {"ryy", 2, 1, 0},
	RZZ:         {"rzz", 2, 1, flagDiagonal},
	RZX:         {"rzx", 2, 1, 0},
	Unitary:     {"unitary", 0, 0, 0},
	Measure:     {"measure", 0, 0, 0},
	Reset:       {"reset", 0, 0, 0},
	Barrier:     {"barrier", 0, 0, 0},
}

// String returns the gate's lower-case OpenQASM name ("x", "rz", "swap", …).
func (g Gate) String() string {
	if g >= numGates {
		return fmt.Sprintf("gate(%d)", uint8(g))
	}
	return gateTable[g].name
}

// Valid reports whether g is one of the defined gate kinds.
func (g Gate) Valid() bool { return g > InvalidGate && g < numGates }

// NumTargets is the number of target qubits of the base gate, or 0 for
// operations on any number of qubits (Unitary, Measure, Reset, Barrier).
func (g Gate) NumTargets() int {
	if !g.Valid() {
		return 0
	}
	return gateTable[g].targets
}

// NumParams is the number of angle parameters the gate takes.
func (g Gate) NumParams() int {
	if !g.Valid() {
		return 0
	}
	return gateTable[g].params
}

// IsUnitary reports whether g is a unitary gate (not measure, reset, barrier).
func (g Gate) IsUnitary() bool { return g.Valid() && g < Measure }

// IsDiagonal reports whether g's matrix is diagonal for every parameter value.
func (g Gate) IsDiagonal() bool { return g.Valid() && gateTable[g].flags&flagDiagonal != 0 }

// IsPermutation reports whether g's matrix has one nonzero entry per row and
// column (a permutation with phases).
func (g Gate) IsPermutation() bool { return g.Valid() && gateTable[g].flags&flagPermutation != 0 }

// IsReal reports whether g's matrix is real for every parameter value.
func (g Gate) IsReal() bool { return g.Valid() && gateTable[g].flags&flagReal != 0 }

// IsSelfInverse reports whether g is its own inverse.
func (g Gate) IsSelfInverse() bool { return g.Valid() && gateTable[g].flags&flagHermitian != 0 }

// GateByName maps an uncontrolled gate name as String returns it to its kind.
func GateByName(name string) (Gate, bool) {
	for g := Gate(1); g < numGates; g++ {
		if gateTable[g].name == name {
			return g, true
		}
	}
	return InvalidGate, false
}

// Matrix returns the base gate's unitary as a row-major 2^k × 2^k slice for
// k = NumTargets(), evaluated at the given angles. For two-qubit gates the
// row index is b0 + 2·b1 where b0 is the first target's bit (Qiskit's order).
// It returns an error for a wrong number of parameters, a non-finite angle,
// or a kind without a fixed matrix (Unitary, Measure, Reset, Barrier).
func (g Gate) Matrix(params ...float64) ([]complex128, error) {
	if !g.IsUnitary() || g == Unitary {
		return nil, fmt.Errorf("gate %v has no fixed matrix", g)
	}
	if len(params) != g.NumParams() {
		return nil, fmt.Errorf("gate %v takes %d parameters, got %d", g, g.NumParams(), len(params))
	}
	for i, p := range params {
		if math.IsNaN(p) || math.IsInf(p, 0) {
			return nil, fmt.Errorf("gate %v: parameter %d is %v", g, i, p)
		}
	}
	return g.matrix(params), nil
}

// matrix builds the matrix of a valid unitary base gate with checked params.
func (g Gate) matrix(p []float64) []complex128 {
	const r2 = 1 / math.Sqrt2
	switch g {
	case I:
		return []complex128{1, 0, 0, 1}
	case X:
		return []complex128{0, 1, 1, 0}
	case Y:
		return []complex128{0, -1i, 1i, 0}
	case Z:
		return []complex128{1, 0, 0, -1}
	case H:
		return []complex128{r2, r2, r2, -r2}
	case S:
		return []complex128{1, 0, 0, 1i}
	case Sdg:
		return []complex128{1, 0, 0, -1i}
	case T:
		return []complex128{1, 0, 0, cmplx.Rect(1, math.Pi/4)}
	case Tdg:
		return []complex128{1, 0, 0, cmplx.Rect(1, -math.Pi/4)}
	case SX:
		return []complex128{0.5 + 0.5i, 0.5 - 0.5i, 0.5 - 0.5i, 0.5 + 0.5i}
	case SXdg:
		return []complex128{0.5 - 0.5i, 0.5 + 0.5i, 0.5 + 0.5i, 0.5 - 0.5i}
	case RX:
		c, s := math.Cos(p[0]/2), math.Sin(p[0]/2)
		return []complex128{complex(c, 0), complex(0, -s), complex(0, -s), complex(c, 0)}
	case RY:
		c, s := math.Cos(p[0]/2), math.Sin(p[0]/2)
		return []complex128{complex(c, 0), complex(-s, 0), complex(s, 0), complex(c, 0)}
	case RZ:
		return []complex128{cmplx.Rect(1, -p[0]/2), 0, 0, cmplx.Rect(1, p[0]/2)}
	case P:
		return []complex128{1, 0, 0, cmplx.Rect(1, p[0])}
	case U:
		theta, phi, lambda := p[0], p[1], p[2]
		c, s := math.Cos(theta/2), math.Sin(theta/2)
		return []complex128{
			complex(c, 0), -cmplx.Rect(s, lambda),
			cmplx.Rect(s, phi), cmplx.Rect(c, phi+lambda),
		}
	case SWAP:
		return []complex128{
			1, 0, 0, 0,
			0, 0, 1, 0,
			0, 1, 0, 0,
			0, 0, 0, 1,
		}
	case ISWAP:
		return []complex128{
			1, 0, 0, 0,
			0, 0, 1i, 0,
			0, 1i, 0, 0,
			0, 0, 0, 1,
		}
	case RXX:
		c, s := complex(math.Cos(p[0]/2), 0), complex(0, -math.Sin(p[0]/2))
		return []complex128{
			c, 0, 0, s,
			0, c, s, 0,
			0, s, c, 0,
			s, 0, 0, c,
		}
	case RYY:
		c, s := complex(math.Cos(p[0]/2), 0), complex(0, math.Sin(p[0]/2))
		return []complex128{
			c, 0, 0, s,
			0, c, -s, 0,
			0, -s, c, 0,
			s, 0, 0, c,
		}
	case RZZ:
		m, q := cmplx.Rect(1, -p[0]/2), cmplx.Rect(1, p[0]/2)
		return []complex128{
			m, 0, 0, 0,
			0, q, 0, 0,
			0, 0, q, 0,
			0, 0, 0, m,
		}
	case RZX:
		// Z on the first target (bit b0), X on the second (bit b1): for b0 = 0
		// the second qubit sees RX(θ), for b0 = 1 it sees RX(−θ).
		c, s := complex(math.Cos(p[0]/2), 0), complex(0, -math.Sin(p[0]/2))
		return []complex128{
			c, 0, s, 0,
			0, c, 0, -s,
			s, 0, c, 0,
			0, -s, 0, c,
		}
	}
	panic(fmt.Sprintf("circuits: no matrix for gate %v", g))
}
