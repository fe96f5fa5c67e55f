// Package kernels builds quantum feature maps and quantum kernels.
//
// A FeatureMap turns a data vector into a bound circuit U(x); the fidelity
// kernel is K(x, y) = |⟨0|U(x)†U(y)|0⟩|². PauliFeatureMap reproduces
// Qiskit's PauliFeatureMap and ZZFeatureMap gate for gate (Hadamards, then
// exp(−i·(α/2)·φ_S(x)·P_S) per Pauli word and entanglement tuple, no final
// layer), so kernel values compare one to one with Qiskit's.
package kernels
