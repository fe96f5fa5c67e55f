// Package statevec is the dense state-vector simulator: an n-qubit state is
// 2^n complex amplitudes, gates update them in place, and results
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
// Simulator's options: Threads (goroutines per gate), Fusion (the
// gate-fusion pass of package fusion, on by default from FusionMinQubits
// qubits) and Precision. With Precision Complex64, Run returns a *State64
// (RunState64 the concrete type): the same methods on complex64 amplitudes,
// half the memory — 31 qubits in 16 GiB — and about seven significant
// digits; New64 and FromAmplitudes64 make one directly.
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
// A state needs MemoryNeeded(n) = 16·2^n bytes (MemoryNeeded64(n) = 8·2^n
// for complex64). New, New64, FromAmplitudes, Clone and Amplitudes compare
// that with the memory available now (MemAvailable from /proc/meminfo on
// Linux, lowered to the room under a cgroup limit; 8 GiB assumed elsewhere)
// before allocating, and fail with an error that wraps ErrTooLarge, names
// the byte count and points to the matrix-product-state backend. States of
// 64 MiB or less skip the check. On a 24 GiB machine 30 qubits of
// complex128 and 31 of complex64 (16 GiB each) fit; 32 qubits never do.
//
// # Threads
//
// An operation that touches at least 2^16 amplitudes is split into
// contiguous chunks run on runtime.GOMAXPROCS(0) goroutines, or on
// Simulator.Threads / SetThreads goroutines when set, the calling goroutine
// taking one chunk; below that the fork/join costs more than a second core
// saves on the 2-core reference machine. Chunks touch disjoint amplitudes,
// so no locks are needed, and sums (norms, expectation values, marginals,
// overlaps) are taken over chunk boundaries fixed by the state size alone:
// results are bit-identical for every thread count. Sampling is one serial
// sweep.
//
// # Kernels
//
// Apply reads the op's matrix and picks a kernel by its structure, not its
// name, so a Unitary op (as the fusion pass emits) or an ApplyMatrix call
// with a diagonal or permutation matrix gets the same fast path as the
// named gate:
//
//   - diagonal (Z, S, T, P, RZ, RZZ, CZ, CP, CRZ, fused phase runs, …): only
//     the entries that differ from 1 are multiplied, so CZ and CP touch a
//     quarter of the state, CCZ an eighth; a −1 is a sign flip;
//   - one transposition with phases (X, Y, SWAP, iSWAP and their controlled
//     forms: CX, CCX, multi-controlled X, Fredkin): the two changed
//     amplitudes of each pair are exchanged, half the state for CX;
//   - real 2×2 (RY; H with half the multiplications), complex 2×2, a 4×4
//     that splits into two independent 2×2 blocks (RXX, RYY, RZX: half the
//     work of a dense 4×4), real and complex dense 4×4 (what fusion makes
//     of a pair of qubits), and a generic 2^k×2^k product for k ≤
//     MaxMatrixQubits, real or complex;
//   - in Simulator runs, a real 4×4 that is a scalar k times a butterfly —
//     two stages of 2×2 blocks with unit diagonals and a CZ's sign, the
//     form of (RY ⊗ RY)·CZ, which is what fusion makes of RY/CZ layers —
//     runs with four arithmetic operations per real number instead of the
//     dense kernel's seven. The scalars are deferred: the run keeps their
//     product and applies it, in one pass or folded into a later dense op,
//     before any measurement or reset and at the end (butterfly.go).
//     Results agree with the dense kernel to rounding.
//
// Controls never cost a scan: the base indices with a zero at every
// involved qubit are enumerated directly (zero bits inserted at the sorted
// positions, then ((b|mask)+1)&^mask to step), and controls and targets are
// or-ed in, so a gate with c controls visits exactly 2^(n−c) amplitudes or
// fewer. Loops take two shapes: contiguous runs, walked as halves side by
// side, when the lowest involved qubit is 10 or above, and otherwise single
// steps in four lanes, so that several memory streams are always in flight
// (one stream reaches only about 60 % of the bandwidth on the reference
// machine). The loops live in internal/kernel, generic over complex64 and
// complex128: values are widened to complex128 on load and rounded on
// store, so matrices and sums stay in float64 whatever the storage.
//
// # Performance
//
// Measured side by side on the 2-core development machine (24 qubits,
// one thread, ratios to one in-place eight-stream memory pass over the
// state; see bench/README.md): a Hadamard costs about 1.06 passes on high
// qubits and 1.13 averaged over all targets, a CNOT on high qubits 0.48×
// a Hadamard and a CZ 0.24×, a fused real two-qubit gate about 1.5 passes
// and a complex one 2.6; dense products on three or more qubits are bound
// by scalar arithmetic, not memory. A butterfly costs about 0.65× the
// dense real 4×4 when the state sits in cache (20 qubits, where both are
// bound by arithmetic) and 0.7–0.85× at 24 qubits. With fusion the 20
// random RY/CZ layers (710 gates) take 0.4–0.75 passes per gate at 24
// qubits and QFT-24 0.35–0.5, depending on how much of the state the
// host's shared L3 holds (bench/README.md). Building with GOAMD64=v3 lets the compiler
// fuse multiply-adds, 15–25 % faster on the dense kernels; the default
// build is portable and gives the same results to rounding.
package statevec
