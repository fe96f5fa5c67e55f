package kernels

import (
	"fmt"

	"github.com/qmlkit/qmlkit/backend"
)

// Method chooses how a FidelityKernel computes its entries.
type Method int

const (
	// MethodAuto is MethodGram when the simulator is nil or statevec, and
	// MethodOverlap for any other backend.
	MethodAuto Method = iota
	// MethodGram simulates each distinct input once on the dense
	// state-vector simulator and forms |Ψ_X·Ψ_Yᴴ|² with blocked complex
	// matrix products (zmat.GramAbs2), in row blocks that keep the states in
	// memory under Options.MemoryBytes.
	MethodGram
	// MethodOverlap runs each distinct input once on Options.Simulator and
	// takes K = |⟨ψ_x|ψ_y⟩|² from backend.State.Overlap pair by pair: the
	// tensor-network (MPS) kernel.
	MethodOverlap
	// MethodComputeUncompute runs one circuit U(x)†U(y) per pair on
	// Options.Simulator and reads K = |⟨0…0|U(x)†U(y)|0…0⟩|²: Qiskit's
	// default ComputeUncompute fidelity, N² simulations, kept for
	// comparison.
	MethodComputeUncompute
)

// String returns the method's command-line name.
func (m Method) String() string {
	switch m {
	case MethodAuto:
		return "auto"
	case MethodGram:
		return "gram"
	case MethodOverlap:
		return "overlap"
	case MethodComputeUncompute:
		return "compute-uncompute"
	}
	return fmt.Sprintf("method(%d)", int(m))
}

// ParseMethod reads "auto", "gram", "overlap" or "compute-uncompute"
// ("pairwise" is accepted for the latter).
func ParseMethod(s string) (Method, error) {
	switch s {
	case "auto", "":
		return MethodAuto, nil
	case "gram":
		return MethodGram, nil
	case "overlap":
		return MethodOverlap, nil
	case "compute-uncompute", "pairwise":
		return MethodComputeUncompute, nil
	}
	return 0, fmt.Errorf("kernels: unknown method %q (want auto, gram, overlap or compute-uncompute)", s)
}

// Duplicates says which entries of a kernel matrix are evaluated and which
// are set to 1 without evaluation, with the meaning of Qiskit's
// evaluate_duplicates.
type Duplicates int

const (
	// DuplicatesOffDiagonal (Qiskit's default "off_diagonal") sets the
	// diagonal of a square K(X, X) to 1 and evaluates everything else, also
	// pairs of equal samples.
	DuplicatesOffDiagonal Duplicates = iota
	// DuplicatesAll ("all") evaluates every entry, the diagonal included.
	DuplicatesAll
	// DuplicatesNone ("none") sets every pair of equal samples to 1.
	DuplicatesNone
)

// String returns Qiskit's name.
func (d Duplicates) String() string {
	switch d {
	case DuplicatesOffDiagonal:
		return "off_diagonal"
	case DuplicatesAll:
		return "all"
	case DuplicatesNone:
		return "none"
	}
	return fmt.Sprintf("duplicates(%d)", int(d))
}

// Default memory bounds of a FidelityKernel.
const (
	// DefaultMemoryBytes bounds the dense states a Gram computation holds at
	// once (the product's temporaries take about as much again).
	DefaultMemoryBytes = 1 << 30
	// DefaultCacheBytes bounds the state cache.
	DefaultCacheBytes = 1 << 30
)

// Options configure a FidelityKernel. The zero value is the fast dense
// kernel with Qiskit's defaults: exact values, unit diagonal, no PSD
// projection, a 1 GiB state cache.
type Options struct {
	Method Method
	// Simulator runs the circuits of MethodOverlap and
	// MethodComputeUncompute; nil means statevec.Simulator{}. Its Run must
	// be safe for concurrent use (statevec's is), or set Workers to 1.
	Simulator backend.Simulator
	// Duplicates chooses which entries are set to 1 (see Duplicates).
	Duplicates Duplicates
	// Shots > 0 replaces every evaluated entry K by Binomial(Shots, K)/Shots
	// drawn from a PCG generator seeded (Seed, ·): the statistics of
	// estimating each fidelity from Shots measurements (Qiskit's shots and
	// seed_simulator). The same Seed gives the same matrix.
	Shots int
	Seed  uint64
	// EnforcePSD projects a square K(X, X) onto the nearest positive
	// semidefinite matrix (NearestPSD) after shot noise, as Qiskit's
	// enforce_psd does.
	EnforcePSD bool
	// MemoryBytes bounds the dense states MethodGram holds at once; 0 means
	// DefaultMemoryBytes. Larger problems are done in row blocks, simulating
	// some states more than once.
	MemoryBytes int64
	// CacheBytes bounds the cache of dense states kept between calls (keyed
	// by the exact data vector, least recently used evicted); 0 means
	// DefaultCacheBytes, negative disables it.
	CacheBytes int64
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	Workers int
}

func (o Options) validate() error {
	if o.Method < MethodAuto || o.Method > MethodComputeUncompute {
		return fmt.Errorf("kernels: unknown method %d", int(o.Method))
	}
	if o.Duplicates < DuplicatesOffDiagonal || o.Duplicates > DuplicatesNone {
		return fmt.Errorf("kernels: unknown duplicates rule %d", int(o.Duplicates))
	}
	if o.Shots < 0 {
		return fmt.Errorf("kernels: shots must be ≥ 0, got %d", o.Shots)
	}
	if o.MemoryBytes < 0 {
		return fmt.Errorf("kernels: MemoryBytes must be ≥ 0, got %d", o.MemoryBytes)
	}
	if o.Workers < 0 {
		return fmt.Errorf("kernels: Workers must be ≥ 0, got %d", o.Workers)
	}
	return nil
}
