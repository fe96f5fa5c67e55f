// Package circuits holds quantum circuits as plain data: a qubit count, a
// classical-bit count and a list of operations, each a base gate on target
// qubits with optional control qubits and angle parameters. Every simulator
// backend (statevec, tensornet) runs the same Circuit, and package
// circuits/qasm reads and writes it as OpenQASM.
//
// Conventions, shared by the whole module:
//
//   - Qubit 0 is the least significant bit of a basis-state index
//     (Qiskit's order); Bitstring prints qubit n−1 on the left, so X on
//     qubit 0 of three qubits reads "001".
//   - Gate matrices are those of OpenQASM 2.0's qelib1.inc as Qiskit
//     defines them: rz(θ) = diag(e^{−iθ/2}, e^{iθ/2}) differs from
//     p(θ) = u1(θ) by a global phase, so crz and cp differ.
//   - A controlled gate is its base gate plus Controls: cx is X with one
//     control, ccx X with two, cswap SWAP with one. Simulators therefore
//     need one kernel per base gate and one way to add controls.
//   - A parameter is a number or an affine reference offset + scale·θ[i]
//     into the circuit's parameter vector; Bind and BindNamed replace
//     references with numbers.
//
// Builders append without checking and return the circuit, so circuits read
// like Qiskit code:
//
//	c := circuits.New(2)
//	c.H(0).CX(0, 1)
//
// Validate reports out-of-range or repeated qubits, wrong parameter counts,
// non-finite angles, unbound parameters and non-unitary matrices as errors;
// simulators call it before running anything.
package circuits
