// Package fusion is the gate-fusion pass between a circuit and the
// state-vector simulator: it multiplies runs of gates into single Unitary
// ops of a few qubits, so that the simulator sweeps the state once per
// fused op instead of once per gate. A sweep over a large state is bound by
// memory traffic, so fewer sweeps are faster even when each does more
// arithmetic.
//
// # Use
//
//	fused, err := fusion.Fuse(c, fusion.Options{})           // default widths
//	fused, err := fusion.Fuse(c, fusion.Options{MaxQubits: 3}) // wider dense ops
//
// statevec.Simulator calls Fuse itself (field Fusion); call it directly to
// inspect or reuse a fused circuit. The result is an ordinary bound
// circuit: any backend runs it.
//
// # How groups form
//
// The pass is greedy in circuit order, after qsim's fuser. Each gate may
// join open groups on its qubits (a group is open while no later gate has
// been placed after it on any of its qubits); it joins the subset whose
// product is estimated to save the most time, and the groups it does not
// join are closed and emitted before it. Measurements, resets and barriers
// close the groups on their qubits and keep their place, so mid-circuit
// measurements see exactly the state they would see unfused. A group of one
// gate is emitted unchanged (name and controls intact, so the simulator's
// structured kernels still apply); larger groups become the product matrix
// on their sorted qubits. Products of diagonal gates (Z, S, T, P, RZ, CZ,
// CP, RZZ, …) stay diagonal and may be wider (MaxDiagonalQubits): the
// simulator then multiplies only the entries that differ from 1, so the CP
// ladders of a QFT fuse into a few diagonal sweeps instead of dense ones.
//
// A real two-qubit group with its one-qubit gates on one side of its CZ —
// (A ⊗ B)·CZ, as RY/CZ layers fuse — runs on the simulator's butterfly
// kernel, about 40 % less arithmetic than a dense 4×4; one-qubit gates on
// both sides of the CZ make it dense. Where a brickwork meets the edge of
// the register the greedy pass puts an edge qubit's rotations of two
// layers on both sides, so afterwards such leading gates slide back into
// the previous group on their qubit when that group is a dense product
// anyway and stays one-sided. Nothing else acts on the qubit in between,
// so the effect, the number of ops and their qubits are unchanged.
//
// # Where the numbers come from
//
// The time estimates are memory passes (one in-place read-modify-write of
// the whole state): a diagonal gate costs the fraction of amplitudes it
// changes (a CZ a quarter), a transposition (X, CX, SWAP) the fraction it
// moves, a dense gate on w qubits the measured cost in denseCost, taken
// from statevec's BenchmarkDense at 24 qubits on the 2-core reference
// machine: about 1.4/1.5 passes for a real one/two-qubit matrix, 1.5/2.6
// complex, and from three qubits on the arithmetic of portable scalar code
// dominates (7.8 passes real, 11.8 complex, about 2× per added qubit).
// That is why the default dense width is 2 — qsim finds 2 best for random
// layers too — while the 4 qsim uses for QFT pays only with its AVX-512
// kernels; here the QFT's phases fuse as diagonals instead.
//
// Fused results agree with the unfused circuit to rounding: each product is
// formed in complex128 and differs from applying its gates one by one by
// about 1e−15 per gate (tested to 1e−12 against a dense reference).
package fusion
