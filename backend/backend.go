package backend

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
)

// Simulator turns a bound circuit into a State. Implementations carry their
// options (precision, threads, truncation, seed for mid-circuit
// measurements) as struct fields.
type Simulator interface {
	// Name is the backend's command-line name: "statevec", "mps".
	Name() string
	// Run validates c, requires every parameter bound, and simulates it from
	// |0…0⟩. Measurements that no later gate depends on are not applied, so
	// the returned state is the pre-measurement state; mid-circuit
	// measurements and resets collapse the state using the simulator's seed.
	Run(c *circuits.Circuit) (State, error)
}

// State is the result of a simulation. Bit strings and indices follow the
// qubit-order rule: bits[q] is qubit q; index = Σ_q bits[q]·2^q.
type State interface {
	// NumQubits is the register width.
	NumQubits() int
	// Amplitude returns ⟨bits|ψ⟩, bits[q] ∈ {0, 1} for q < NumQubits().
	Amplitude(bits []byte) (complex128, error)
	// Amplitudes returns the dense state vector (a copy); it fails when
	// 2^n amplitudes would not fit in memory or exceed MaxDenseQubits.
	Amplitudes() ([]complex128, error)
	// Probabilities returns the marginal distribution of the listed qubits
	// (index Σ_k b_{qubits[k]}·2^k), or of all qubits when none are listed.
	Probabilities(qubits ...int) ([]float64, error)
	// Sample draws shots measurement outcomes of all qubits, keyed by
	// bitstring (qubit n−1 leftmost), from rng.
	Sample(shots int, rng *rand.Rand) (Counts, error)
	// Expectation returns ⟨ψ|O|ψ⟩ for a Hermitian Pauli sum O.
	Expectation(obs pauli.Sum) (float64, error)
	// Overlap returns ⟨ψ|φ⟩ where ψ is the receiver and φ is other; both
	// must come from the same backend and have the same width.
	Overlap(other State) (complex128, error)
}

// Counts maps measured bitstrings (qubit n−1 leftmost) to how often they occurred.
type Counts map[string]int

// MaxDenseQubits bounds the width for which a backend will return dense
// amplitude or probability vectors from a non-dense representation.
const MaxDenseQubits = 30

// Outcome is a basis state (bits[q] is qubit q) with its probability.
type Outcome struct {
	Bits        []byte
	Probability float64
}

// OutcomeLister is implemented by states that can list their likely outcomes
// without a dense probability vector, which matters past ~30 qubits: a
// 127-qubit GHZ state has two outcomes but 2^127 basis states.
type OutcomeLister interface {
	// Outcomes returns every outcome with probability above minProb, most
	// likely first, at most limit of them (all when limit ≤ 0).
	Outcomes(minProb float64, limit int) ([]Outcome, error)
}

// SortOutcomes orders outcomes most likely first, ties by bitstring (qubit
// n−1 leftmost), the order every listing of outcomes uses.
func SortOutcomes(out []Outcome) {
	slices.SortStableFunc(out, func(a, b Outcome) int {
		if c := cmp.Compare(b.Probability, a.Probability); c != 0 {
			return c
		}
		return strings.Compare(circuits.BitsString(a.Bits), circuits.BitsString(b.Bits))
	})
}

// SortedUniforms checks a sampling request and draws shots uniform numbers
// in [0, 1) from rng in ascending order: both simulators then read every
// shot off one walk through the cumulative distribution in basis-index
// order, so the same seed draws the same outcomes on either.
func SortedUniforms(shots int, rng *rand.Rand) ([]float64, error) {
	if shots < 1 {
		return nil, fmt.Errorf("shots = %d, want ≥ 1", shots)
	}
	if rng == nil {
		return nil, errors.New("rng is nil")
	}
	u := make([]float64, shots)
	for i := range u {
		u[i] = rng.Float64()
	}
	slices.Sort(u)
	return u, nil
}
