// Package backend is the contract between circuits and simulators: one
// Simulator interface that runs a circuit, one State interface that answers
// amplitudes, probabilities, samples, expectation values and overlaps.
//
// The dense state-vector simulator (package statevec) and the
// matrix-product-state simulator (package tensornet) both implement it, and
// neither imports the other: code that only needs results (kernels,
// variational models, the command-line tool) takes a backend.Simulator and
// works with either. The conformance suite in backend/backendtest checks any
// implementation the way gonum's testblas checks any BLAS.
package backend
