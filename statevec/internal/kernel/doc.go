// Package kernel holds the loops that update and reduce a dense state
// vector in place. It knows nothing about gates or circuits: callers
// (package statevec) classify a gate's matrix and pick a kernel, describe
// the qubits it touches with Sites, and split the base-index range [0,
// Sites.Count) across goroutines. Every kernel accepts any sub-range, and
// disjoint sub-ranges touch disjoint amplitudes, so chunks can run in
// parallel without locks and give bit-identical results.
//
// Kernels are generic over the amplitude type (Complex: complex128, or
// complex64 for states that trade precision for half the memory). Every
// value is widened to complex128 when loaded and rounded back when stored,
// so a complex64 state only loses precision in storage, and matrices and
// sums stay in float64. For complex128 the conversions are no-ops: the
// generic kernels compile to the same loops as the concrete ones did
// (measured within noise at 20 and 24 qubits).
//
// Index arithmetic: a base index has a zero bit at every qubit the gate
// involves. The j-th base index is j with zero bits inserted at those
// positions (Sites.Base); successive base indices follow from
// ((b | Mask) + 1) &^ Mask, three instructions whatever the number of
// qubits. When the lowest involved qubit is at position 10 (longRunShift)
// or above, base indices come in runs of at least 1024 consecutive
// integers and the kernels loop over contiguous sub-slices, which lets the
// compiler drop bounds checks in the inner loop; otherwise they step
// through base indices in four lanes (step.go). The butterfly kernel
// (butterfly.go), whose arithmetic is light enough for index and bounds
// checks to matter, also walks short runs as sub-slices: whole runs in four
// lanes, or for a lowest qubit 0 or 1 the two or four neighbouring
// amplitudes as fixed-size arrays.
//
// The loops repeat one shape per kernel on purpose. Go does not inline a
// function passed as a value (nor a method called through a type
// parameter), and a shared four-lane loop taking the 2×2 update as a
// closure ran 1.3–1.45× slower than the hand-written real2Step (18 qubits,
// in cache, one thread, side by side).
//
// # Streams
//
// A loop that walks one contiguous stream through a state larger than the
// caches is limited by how many cache misses one stream keeps in flight,
// not by the memory's bandwidth: on the reference machine an in-place pass
// over 24 qubits took 69 ms walked as one stream and 41 ms walked as eight
// eighths side by side (bench.BenchmarkMemoryPassStreams). The runs loops
// therefore walk each run as two halves (pair and dense kernels: four and
// eight streams) or four quarters (diagonal kernels), which made a
// Hadamard on high qubits about 1.2× faster and a CZ 1.9× (prototype
// loops timed side by side, 24 qubits, one thread).
package kernel

// Complex is the amplitude type of a state vector.
type Complex interface {
	complex64 | complex128
}
