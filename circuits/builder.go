package circuits

import "math"

// The builders below append ops in Qiskit's argument order (angles first,
// then qubits; controls before targets) and return the circuit for chaining.
// They do not check their arguments: Validate does, before any simulation.

// Gate appends base gate g with the given parameters on targets.
func (c *Circuit) Gate(g Gate, params []Param, targets ...int) *Circuit {
	return c.Append(Op{Gate: g, Targets: targets, Params: params})
}

// Controlled appends base gate g on targets, active when every control is 1.
func (c *Circuit) Controlled(g Gate, params []Param, controls []int, targets ...int) *Circuit {
	return c.Append(Op{Gate: g, Targets: targets, Controls: controls, Params: params})
}

// each appends a parameterless one-qubit gate on every listed qubit.
func (c *Circuit) each(g Gate, qubits []int) *Circuit {
	for _, q := range qubits {
		c.Append(Op{Gate: g, Targets: []int{q}})
	}
	return c
}

// ID appends identity gates.
func (c *Circuit) ID(qubits ...int) *Circuit { return c.each(I, qubits) }

// X appends Pauli X on each qubit.
func (c *Circuit) X(qubits ...int) *Circuit { return c.each(X, qubits) }

// Y appends Pauli Y on each qubit.
func (c *Circuit) Y(qubits ...int) *Circuit { return c.each(Y, qubits) }

// Z appends Pauli Z on each qubit.
func (c *Circuit) Z(qubits ...int) *Circuit { return c.each(Z, qubits) }

// H appends a Hadamard on each qubit.
func (c *Circuit) H(qubits ...int) *Circuit { return c.each(H, qubits) }

// S appends S = P(π/2) on each qubit.
func (c *Circuit) S(qubits ...int) *Circuit { return c.each(S, qubits) }

// Sdg appends S† on each qubit.
func (c *Circuit) Sdg(qubits ...int) *Circuit { return c.each(Sdg, qubits) }

// T appends T = P(π/4) on each qubit.
func (c *Circuit) T(qubits ...int) *Circuit { return c.each(T, qubits) }

// Tdg appends T† on each qubit.
func (c *Circuit) Tdg(qubits ...int) *Circuit { return c.each(Tdg, qubits) }

// SX appends √X on each qubit.
func (c *Circuit) SX(qubits ...int) *Circuit { return c.each(SX, qubits) }

// SXdg appends √X† on each qubit.
func (c *Circuit) SXdg(qubits ...int) *Circuit { return c.each(SXdg, qubits) }

// RX appends RX(θ) on q.
func (c *Circuit) RX(theta float64, q int) *Circuit { return c.Gate(RX, Nums(theta), q) }

// RY appends RY(θ) on q.
func (c *Circuit) RY(theta float64, q int) *Circuit { return c.Gate(RY, Nums(theta), q) }

// RZ appends RZ(θ) on q.
func (c *Circuit) RZ(theta float64, q int) *Circuit { return c.Gate(RZ, Nums(theta), q) }

// P appends the phase gate P(λ) (qelib1's u1) on q.
func (c *Circuit) P(lambda float64, q int) *Circuit { return c.Gate(P, Nums(lambda), q) }

// U appends U(θ,φ,λ) (qelib1's u3) on q.
func (c *Circuit) U(theta, phi, lambda float64, q int) *Circuit {
	return c.Gate(U, Nums(theta, phi, lambda), q)
}

// U2 appends u2(φ,λ) = U(π/2,φ,λ) on q.
func (c *Circuit) U2(phi, lambda float64, q int) *Circuit {
	return c.Gate(U, Nums(math.Pi/2, phi, lambda), q)
}

// CX appends a CNOT with the given control and target.
func (c *Circuit) CX(control, target int) *Circuit {
	return c.Controlled(X, nil, []int{control}, target)
}

// CY appends a controlled Y.
func (c *Circuit) CY(control, target int) *Circuit {
	return c.Controlled(Y, nil, []int{control}, target)
}

// CZ appends a controlled Z.
func (c *Circuit) CZ(control, target int) *Circuit {
	return c.Controlled(Z, nil, []int{control}, target)
}

// CH appends a controlled Hadamard.
func (c *Circuit) CH(control, target int) *Circuit {
	return c.Controlled(H, nil, []int{control}, target)
}

// CSX appends a controlled √X.
func (c *Circuit) CSX(control, target int) *Circuit {
	return c.Controlled(SX, nil, []int{control}, target)
}

// CRX appends a controlled RX(θ).
func (c *Circuit) CRX(theta float64, control, target int) *Circuit {
	return c.Controlled(RX, Nums(theta), []int{control}, target)
}

// CRY appends a controlled RY(θ).
func (c *Circuit) CRY(theta float64, control, target int) *Circuit {
	return c.Controlled(RY, Nums(theta), []int{control}, target)
}

// CRZ appends a controlled RZ(θ). Note crz ≠ cp: RZ and P differ by a
// global phase, which becomes relative once controlled.
func (c *Circuit) CRZ(theta float64, control, target int) *Circuit {
	return c.Controlled(RZ, Nums(theta), []int{control}, target)
}

// CP appends a controlled phase P(λ) (qelib1's cu1).
func (c *Circuit) CP(lambda float64, control, target int) *Circuit {
	return c.Controlled(P, Nums(lambda), []int{control}, target)
}

// CU appends Qiskit's cu(θ,φ,λ,γ): the controlled e^{iγ}·U(θ,φ,λ), built as
// P(γ) on the control and a controlled U.
func (c *Circuit) CU(theta, phi, lambda, gamma float64, control, target int) *Circuit {
	if gamma != 0 {
		c.P(gamma, control)
	}
	return c.Controlled(U, Nums(theta, phi, lambda), []int{control}, target)
}

// CCX appends a Toffoli gate.
func (c *Circuit) CCX(c1, c2, target int) *Circuit {
	return c.Controlled(X, nil, []int{c1, c2}, target)
}

// CCZ appends a doubly controlled Z.
func (c *Circuit) CCZ(c1, c2, target int) *Circuit {
	return c.Controlled(Z, nil, []int{c1, c2}, target)
}

// MCX appends an X on target controlled by every qubit in controls.
func (c *Circuit) MCX(controls []int, target int) *Circuit {
	return c.Controlled(X, nil, controls, target)
}

// MCP appends a phase P(λ) on target controlled by every qubit in controls.
func (c *Circuit) MCP(lambda float64, controls []int, target int) *Circuit {
	return c.Controlled(P, Nums(lambda), controls, target)
}

// SWAP exchanges two qubits.
func (c *Circuit) SWAP(a, b int) *Circuit { return c.Gate(SWAP, nil, a, b) }

// CSWAP appends a Fredkin gate.
func (c *Circuit) CSWAP(control, a, b int) *Circuit {
	return c.Controlled(SWAP, nil, []int{control}, a, b)
}

// ISWAP appends an iSWAP on (a, b).
func (c *Circuit) ISWAP(a, b int) *Circuit { return c.Gate(ISWAP, nil, a, b) }

// RXX appends exp(−iθ X⊗X/2) on (a, b).
func (c *Circuit) RXX(theta float64, a, b int) *Circuit { return c.Gate(RXX, Nums(theta), a, b) }

// RYY appends exp(−iθ Y⊗Y/2) on (a, b).
func (c *Circuit) RYY(theta float64, a, b int) *Circuit { return c.Gate(RYY, Nums(theta), a, b) }

// RZZ appends exp(−iθ Z⊗Z/2) on (a, b).
func (c *Circuit) RZZ(theta float64, a, b int) *Circuit { return c.Gate(RZZ, Nums(theta), a, b) }

// RZX appends exp(−iθ Z_a X_b/2).
func (c *Circuit) RZX(theta float64, a, b int) *Circuit { return c.Gate(RZX, Nums(theta), a, b) }

// UnitaryGate appends an arbitrary unitary (row-major, first target least
// significant) on targets.
func (c *Circuit) UnitaryGate(matrix []complex128, targets ...int) *Circuit {
	return c.Append(Op{Gate: Unitary, Targets: targets, Matrix: matrix})
}

// RCCX appends qelib1's relative-phase Toffoli (a Toffoli up to a diagonal
// phase, in three CNOTs) as its defining sequence of gates.
func (c *Circuit) RCCX(a, b, target int) *Circuit {
	q := math.Pi / 4
	c.U2(0, math.Pi, target).P(q, target).CX(b, target).P(-q, target)
	c.CX(a, target).P(q, target).CX(b, target).P(-q, target)
	return c.U2(0, math.Pi, target)
}

// RC3X appends qelib1's relative-phase three-controlled X (rc3x) as its
// defining sequence of gates.
func (c *Circuit) RC3X(a, b, cc, target int) *Circuit {
	q := math.Pi / 4
	d := target
	c.U2(0, math.Pi, d).P(q, d).CX(cc, d).P(-q, d).U2(0, math.Pi, d)
	c.CX(a, d).P(q, d).CX(b, d).P(-q, d).CX(a, d).P(q, d).CX(b, d).P(-q, d)
	c.U2(0, math.Pi, d).P(q, d).CX(cc, d).P(-q, d)
	return c.U2(0, math.Pi, d)
}

// Measure measures qubit q into classical bit clbit.
func (c *Circuit) Measure(q, clbit int) *Circuit {
	return c.Append(Op{Gate: Measure, Targets: []int{q}, Clbits: []int{clbit}})
}

// MeasureAll adds a barrier and measures qubit i into a new classical bit
// i of a register "meas", as Qiskit's measure_all does.
func (c *Circuit) MeasureAll() *Circuit {
	start := c.NumClbits
	c.CRegs = append(c.CRegs, Register{Name: "meas", Start: start, Size: c.NumQubits})
	c.NumClbits += c.NumQubits
	c.Barrier()
	for q := 0; q < c.NumQubits; q++ {
		c.Measure(q, start+q)
	}
	return c
}

// Reset returns each listed qubit to |0⟩.
func (c *Circuit) Reset(qubits ...int) *Circuit { return c.each(Reset, qubits) }

// Barrier appends a barrier on the listed qubits, or on all when none are given.
func (c *Circuit) Barrier(qubits ...int) *Circuit {
	if len(qubits) == 0 {
		qubits = make([]int, c.NumQubits)
		for i := range qubits {
			qubits[i] = i
		}
	}
	return c.Append(Op{Gate: Barrier, Targets: qubits})
}
