// Package statevec is the dense state-vector simulator: an n-qubit state is
// 2^n complex128 amplitudes, gates update them in place, and results
// (amplitudes, probabilities, marginals, samples, Pauli expectation values,
// overlaps, one-qubit reduced density matrices) are read from them exactly,
// up to floating-point rounding.
//
// # Use
//
// Simulator implements backend.Simulator: Simulator{Seed: 1}.Run(c) runs a
// bound circuit from |0…0⟩ and returns a *State, which implements
// backend.State. RunState returns the concrete *State and the classical
// bits. For finer control, New(n) or FromAmplitudes(a) make a State, and
// Apply, ApplyMatrix, Run, Measure and ResetQubit change it in place.
//
// # Conventions
//
// Qubit 0 is the least significant bit of a basis-state index (Qiskit's
// order): amplitude i belongs to the basis state with qubit q equal to bit q
// of i, and bitstrings print qubit n−1 leftmost ("001" is X on qubit 0 of
// three). Gate matrices are circuits.Gate.Matrix, which follows Qiskit.
// Terminal measurements — those no later gate or reset depends on — are not
// performed, so the final state is the pre-measurement state and its
// classical bits read Deferred; mid-circuit measurements and resets collapse
// the state with outcomes from a seeded generator.
//
// # Memory guard
//
// A state needs MemoryNeeded(n) = 16·2^n bytes. New, FromAmplitudes, Clone
// and Amplitudes compare that with the memory available now (MemAvailable
// from /proc/meminfo on Linux, lowered to the room under a cgroup limit;
// 8 GiB assumed elsewhere) before allocating, and fail with an error that
// wraps ErrTooLarge, names the byte count and points to the
// matrix-product-state backend. States of 64 MiB or less skip the check.
//
// # Threads
//
// An operation that touches at least 2^16 amplitudes is split into
// contiguous chunks run on runtime.GOMAXPROCS(0) goroutines, or on
// Simulator.Threads / State.SetThreads goroutines when set; below that the
// fork/join costs more than a second core saves on the 2-core reference
// machine. Chunks touch disjoint amplitudes, so no locks are needed, and
// sums (norms, expectation values, marginals, overlaps) are taken over
// chunk boundaries fixed by the state size alone: results are bit-identical
// for every thread count. Sampling is one serial sweep.
//
// # Kernels
//
// Apply reads the op's matrix and picks a kernel by its structure, not its
// name, so a Unitary op or ApplyMatrix call with a diagonal or permutation
// matrix gets the same fast path as the named gate:
//
//   - diagonal (Z, S, T, P, RZ, RZZ, CZ, CP, CRZ, …): only the entries that
//     differ from 1 are multiplied, so CZ and CP touch a quarter of the
//     state, CCZ an eighth;
//   - one transposition with phases (X, Y, SWAP, iSWAP and their controlled
//     forms: CX, CCX, multi-controlled X, Fredkin): the two changed
//     amplitudes of each pair are exchanged, half the state for CX;
//   - real 2×2 (RY; H with half the multiplications), complex 2×2, a 4×4
//     that splits into two independent 2×2 blocks (RXX, RYY, RZX: half the
//     work of a dense 4×4), dense 4×4, and a generic 2^k×2^k product for
//     k ≤ MaxMatrixQubits.
//
// Controls never cost a scan: the base indices with a zero at every
// involved qubit are enumerated directly (zero bits inserted at the sorted
// positions, then ((b|mask)+1)&^mask to step), and controls and targets are
// or-ed in, so a gate with c controls visits exactly 2^(n−c) amplitudes or
// fewer. Loops take three shapes: neighbouring pairs when the target is
// qubit 0, contiguous runs when the lowest involved qubit is 4 or above,
// and single steps otherwise. The loops live in internal/kernel behind a
// range-based interface; replacing them (SIMD, fusion, complex64) does not
// touch this package's API. They are written for complex128 only: Go does
// not allow real() and imag() on a type parameter (go.dev/issue/50937), so
// the real-matrix paths (H, RY, scaling) would need full complex products:
// measured 1.33× slower for H at 20 qubits, while generic complex-matrix
// kernels cost the same as concrete ones.
package statevec
