// Package pauli represents observables as real linear combinations of Pauli
// strings, the way Qiskit's SparsePauliOp and PennyLane's Hamiltonian do, so
// every simulator backend computes expectation values from the same data.
//
// A Term stores only its non-identity letters, so a Z on qubit 120 of a
// matrix-product state costs nothing extra. Labels follow Qiskit: in "XIZ"
// the rightmost letter acts on qubit 0.
package pauli
