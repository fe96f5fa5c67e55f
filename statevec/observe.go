package statevec

import (
	"errors"
	"fmt"
	"math/bits"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/statevec/internal/kernel"
)

// Compile-time checks that the state vector implements the backend contract.
var (
	_ backend.State     = (*State)(nil)
	_ backend.State     = (*State64)(nil)
	_ backend.Simulator = Simulator{}
)

// AmplitudeAt returns the amplitude of basis state i (qubit q is bit q of i).
func (s *vector[C]) AmplitudeAt(i uint64) (complex128, error) {
	if i >= uint64(len(s.amp)) {
		return 0, fmt.Errorf("statevec: basis index %d out of range [0, %d)", i, len(s.amp))
	}
	return complex128(s.amp[i]), nil
}

// Probability returns |⟨i|ψ⟩|² for basis state i.
func (s *vector[C]) Probability(i uint64) (float64, error) {
	a, err := s.AmplitudeAt(i)
	if err != nil {
		return 0, err
	}
	return real(a)*real(a) + imag(a)*imag(a), nil
}

// Amplitude returns ⟨bits|ψ⟩ where bits[q] ∈ {0, 1} is qubit q's value and
// len(bits) = NumQubits() (backend.State).
func (s *vector[C]) Amplitude(bits []byte) (complex128, error) {
	if len(bits) != s.n {
		return 0, fmt.Errorf("statevec: amplitude: %d bits for a %d-qubit state", len(bits), s.n)
	}
	var i uint64
	for q, b := range bits {
		if b > 1 {
			return 0, fmt.Errorf("statevec: amplitude: bit %d is %d, want 0 or 1", q, b)
		}
		i |= uint64(b) << uint(q)
	}
	return complex128(s.amp[i]), nil
}

// Amplitudes returns a copy of the state vector as complex128 (backend.State);
// Data gives the live slice without copying.
func (s *vector[C]) Amplitudes() ([]complex128, error) {
	if err := checkMemory(s.n, bytesPerAmplitude, "amplitudes"); err != nil {
		return nil, err
	}
	out := make([]complex128, len(s.amp))
	x := s.amp
	s.forRange(uint64(len(x)), uint64(len(x)), func(lo, hi uint64) {
		kernel.Widen(out[lo:hi], x[lo:hi])
	})
	return out, nil
}

// Probabilities returns the distribution of the listed qubits, index
// Σ_k b_{qubits[k]}·2^k (qubits[0] least significant), summed over the
// others; with no qubits it returns all 2^n basis-state probabilities.
// Entries sum to the squared norm (1 for a normalised state).
func (s *vector[C]) Probabilities(qubits ...int) ([]float64, error) {
	if len(qubits) == 0 {
		if err := checkMemory(s.n, 8, "probabilities"); err != nil {
			return nil, err
		}
		p := make([]float64, len(s.amp))
		x := s.amp
		s.forRange(uint64(len(x)), uint64(len(x)), func(lo, hi uint64) {
			kernel.Probabilities(p[lo:hi], x[lo:hi])
		})
		return p, nil
	}
	return s.Marginal(qubits)
}

// marginalParallelMax is the widest marginal computed with one histogram
// per fixed chunk (at most reduceChunks·2^16 floats); wider ones are one
// serial pass.
const marginalParallelMax = 16

// Marginal returns the distribution of the listed distinct qubits, index
// Σ_k b_{qubits[k]}·2^k (qubits[0] least significant).
func (s *vector[C]) Marginal(qubits []int) ([]float64, error) {
	if len(qubits) == 0 {
		return nil, errors.New("statevec: marginal: no qubits listed")
	}
	if err := s.checkDistinct(qubits); err != nil {
		return nil, fmt.Errorf("statevec: marginal: %w", err)
	}
	k := len(qubits)
	if err := checkMemory(k, 8, "marginal probabilities"); err != nil {
		return nil, err
	}
	uq := make([]uint, k)
	consecutive := true
	for i, q := range qubits {
		uq[i] = uint(q)
		consecutive = consecutive && q == qubits[0]+i
	}
	x := s.amp
	hist := func(p []float64, lo, hi uint64) {
		if consecutive {
			kernel.MarginalRange(p, x[lo:hi], lo, uq[0], 1<<uint(k)-1)
		} else {
			kernel.Marginal(p, x[lo:hi], lo, uq)
		}
	}
	if k > marginalParallelMax {
		p := make([]float64, 1<<uint(k))
		hist(p, 0, uint64(len(x)))
		return p, nil
	}
	parts := reduce(s, uint64(len(x)), func(lo, hi uint64) []float64 {
		p := make([]float64, 1<<uint(k))
		hist(p, lo, hi)
		return p
	})
	p := parts[0]
	for _, q := range parts[1:] {
		for i, v := range q {
			p[i] += v
		}
	}
	return p, nil
}

// ExpectationTerm returns ⟨ψ|t|ψ⟩ for one Pauli term, coefficient
// included. It reads the state once without copying it: with t = c·i^{#Y}·
// X^x·Z^z, a string of Z letters (x = 0) is the diagonal sum
// Σ|a_j|²·(−1)^{|j∧z|}, and otherwise the amplitudes j and j⊕x are visited
// in pairs.
func (s *vector[C]) ExpectationTerm(t pauli.Term) (float64, error) {
	if err := t.Validate(s.n); err != nil {
		return 0, fmt.Errorf("statevec: expectation: %w", err)
	}
	xm, zm, ny, err := t.Masks()
	if err != nil {
		return 0, fmt.Errorf("statevec: expectation: %w", err)
	}
	x := s.amp
	if xm == 0 {
		v := sumParts(reduce(s, uint64(len(x)), func(lo, hi uint64) float64 {
			return kernel.ZString(x[lo:hi], lo, zm)
		}))
		return t.Coeff * v, nil
	}
	sites := kernel.NewSites(s.n, []int{63 - bits.LeadingZeros64(xm)}, nil)
	w := sumParts(reduce(s, sites.Count, func(lo, hi uint64) complex128 {
		return kernel.XZString(x, &sites, xm, zm, lo, hi)
	}))
	var v float64
	switch ny % 4 { // Re(i^{ny}·w)
	case 0:
		v = real(w)
	case 1:
		v = -imag(w)
	case 2:
		v = -real(w)
	case 3:
		v = imag(w)
	}
	return t.Coeff * v, nil
}

// Expectation returns ⟨ψ|O|ψ⟩ for a Pauli sum O, term by term
// (backend.State).
func (s *vector[C]) Expectation(obs pauli.Sum) (float64, error) {
	if err := obs.Validate(s.n); err != nil {
		return 0, fmt.Errorf("statevec: expectation: %w", err)
	}
	var e float64
	for i, t := range obs {
		v, err := s.ExpectationTerm(t)
		if err != nil {
			return 0, fmt.Errorf("statevec: expectation: term %d: %w", i, err)
		}
		e += v
	}
	return e, nil
}

// inner returns ⟨s|o⟩ after checking the widths.
func (s *vector[C]) inner(o *vector[C]) (complex128, error) {
	if o.n != s.n {
		return 0, fmt.Errorf("statevec: inner product of a %d-qubit and a %d-qubit state", s.n, o.n)
	}
	x, y := s.amp, o.amp
	return sumParts(reduce(s, uint64(len(x)), func(lo, hi uint64) complex128 {
		return kernel.Inner(x[lo:hi], y[lo:hi])
	})), nil
}

// Inner returns ⟨s|o⟩ = Σ conj(s_i)·o_i for a state of the same width.
func (s *State) Inner(o *State) (complex128, error) {
	if o == nil {
		return 0, errors.New("statevec: inner product with a nil state")
	}
	return s.inner(&o.vector)
}

// Inner returns ⟨s|o⟩ for a complex64 state of the same width, summed in
// float64.
func (s *State64) Inner(o *State64) (complex128, error) {
	if o == nil {
		return 0, errors.New("statevec: inner product with a nil state")
	}
	return s.inner(&o.vector)
}

// Overlap returns ⟨s|other⟩ (backend.State); other must be a *State.
func (s *State) Overlap(other backend.State) (complex128, error) {
	o, ok := other.(*State)
	if !ok {
		return 0, fmt.Errorf("statevec: overlap with a %T, want *statevec.State", other)
	}
	return s.Inner(o)
}

// Overlap returns ⟨s|other⟩ (backend.State); other must be a *State64.
func (s *State64) Overlap(other backend.State) (complex128, error) {
	o, ok := other.(*State64)
	if !ok {
		return 0, fmt.Errorf("statevec: overlap with a %T, want *statevec.State64", other)
	}
	return s.Inner(o)
}

// rdmBlock holds the partial sums of a one-qubit reduced density matrix.
type rdmBlock struct {
	p0, p1 float64
	c01    complex128
}

// ReducedDensityMatrix returns the 2×2 density matrix of qubit q with the
// others traced out, row-major [ρ00, ρ01, ρ10, ρ11], ρ_ab = Σ_r
// ψ_{r,a}·conj(ψ_{r,b}).
func (s *vector[C]) ReducedDensityMatrix(q int) ([4]complex128, error) {
	if err := s.checkQubit(q); err != nil {
		return [4]complex128{}, fmt.Errorf("statevec: reduced density matrix: %w", err)
	}
	t := uint64(1) << uint(q)
	sites := kernel.NewSites(s.n, []int{q}, nil)
	x := s.amp
	var sum rdmBlock
	for _, b := range reduce(s, sites.Count, func(lo, hi uint64) rdmBlock {
		p0, p1, c := kernel.QubitBlock(x, &sites, t, lo, hi)
		return rdmBlock{p0, p1, c}
	}) {
		sum.p0 += b.p0
		sum.p1 += b.p1
		sum.c01 += b.c01
	}
	return [4]complex128{complex(sum.p0, 0), sum.c01, complex(real(sum.c01), -imag(sum.c01)), complex(sum.p1, 0)}, nil
}
