// Package backendtest is the conformance suite every backend.Simulator runs,
// the way gonum's testblas checks any BLAS implementation:
//
//	func TestConformance(t *testing.T) {
//		backendtest.Test(t, mysim.Simulator{}, backendtest.Config{Seed: 1})
//	}
//
// Test compares the backend against a deliberately simple dense reference
// simulator kept here (ReferenceAmplitudes): it applies each op's
// circuits.Op.FullMatrix by explicit index mapping over all 2^n basis states,
// a code path that shares nothing with the optimised kernels it checks. It
// covers random circuits of every gate kind (random 1- and 2-qubit
// unitaries, multi-controlled gates, distant and three-qubit gates,
// parameterised gates, a global phase) amplitude by amplitude — not up to a
// global phase —, norm conservation, circuit-times-inverse identities, GHZ,
// QFT of basis states and Bernstein–Vazirani against their exact states,
// marginals, Pauli-sum expectations, overlaps, shot sampling (a chi-square
// test at p ≥ 1e−4 and reproducibility for a fixed seed), terminal and
// mid-circuit measurement, and errors — never panics — for bad input.
//
// The helpers RandomCircuit, RandomUnitary, RandomPauliSum,
// ReferenceAmplitudes, ReferenceProbabilities, ReferenceExpectation and
// ChiSquarePValue are exported for backends' own tests.
//
// Conventions follow the repository: qubit 0 is the least significant bit of
// a basis index; tolerances default to 1e−10 against the reference and 1e−12
// for exact identities.
package backendtest
