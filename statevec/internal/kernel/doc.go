// Package kernel holds the loops that update and reduce a dense complex128
// state vector in place. It knows nothing about gates or circuits: callers
// (package statevec) classify a gate's matrix and pick a kernel, describe
// the qubits it touches with Sites, and split the base-index range [0,
// Sites.Count) across goroutines. Every kernel accepts any sub-range, and
// disjoint sub-ranges touch disjoint amplitudes, so chunks can run in
// parallel without locks and give bit-identical results.
//
// Replacing this package (SIMD, fusion, complex64 storage) does not change
// statevec's public API.
//
// Index arithmetic: a base index has a zero bit at every qubit the gate
// involves. The j-th base index is j with zero bits inserted at those
// positions (Sites.Base); successive base indices follow from
// ((b | Mask) + 1) &^ Mask, three instructions whatever the number of
// qubits. When the lowest involved qubit is at position 4 (runShift) or
// above, base indices come in runs of at least 16 consecutive integers and
// the kernels loop over contiguous sub-slices instead, which lets the
// compiler drop bounds checks in the inner loop; when a pair kernel's pair
// differs in bit 0, the pairs are neighbours and are read two at a time
// from contiguous segments. Shorter runs cost more in loop set-up than they
// save (measured at 20 qubits: runs of 4 and 8 were 5–10 % slower than
// single steps).
package kernel
