// Package itsubakiref replays qmlkit circuits on github.com/itsubaki/q
// v0.0.11, an independent pure-Go simulator: the oracle the state-vector
// tests compare against, and the peer the benchmarks time. It holds the
// one translation between the two libraries' qubit orders and gate sets.
//
// itsubaki's qubit 0 is the most significant bit of an amplitude index;
// our qubit k is therefore its qubit n−1−k, and then both libraries put
// qubit k at bit k of the index, so amplitude slices compare entry by
// entry. Gates with an itsubaki call of their own (H, X, Z, RY, R = P, U,
// Swap and their controlled forms) use it, so a benchmark times what a
// user of that library sees; the rest are built from its generic
// (controlled) 2×2 gate: Sdg, Tdg, SX, SXdg from explicit matrices, the
// two-qubit rotations from CNOT decompositions, and Unitary ops from a
// two-level (Givens) decomposition into multi-controlled 2×2 gates.
package itsubakiref
