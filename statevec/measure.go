package statevec

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/statevec/internal/kernel"
)

// Measure measures qubit q in the computational basis with an outcome drawn
// from rng, collapses the state onto it and renormalises, and returns the
// outcome (0 or 1).
func (s *vector[C]) Measure(q int, rng *rand.Rand) (int, error) {
	if err := s.checkQubit(q); err != nil {
		return 0, err
	}
	if rng == nil {
		return 0, errors.New("statevec: measure: rng is nil")
	}
	return s.measure(q, rng)
}

// ResetQubit returns qubit q to |0⟩: it measures q (drawing from rng) and
// flips it when the outcome is 1, as a hardware reset does.
func (s *vector[C]) ResetQubit(q int, rng *rand.Rand) error {
	if err := s.checkQubit(q); err != nil {
		return err
	}
	if rng == nil {
		return errors.New("statevec: reset: rng is nil")
	}
	return s.reset(q, rng)
}

// measure draws the outcome of qubit q with probability ‖P_v ψ‖²/‖ψ‖² and
// projects onto it.
func (s *vector[C]) measure(q int, rng *rand.Rand) (int, error) {
	t := uint64(1) << uint(q)
	sites := kernel.NewSites(s.n, []int{q}, nil)
	p0, p1 := s.halfNorms(&sites, t)
	total := p0 + p1
	if total == 0 || math.IsNaN(total) || math.IsInf(total, 0) {
		return 0, fmt.Errorf("statevec: measure qubit %d: state norm² is %v", q, total)
	}
	v, keep, drop, p := 0, uint64(0), t, p0
	if rng.Float64()*total < p1 {
		v, keep, drop, p = 1, t, 0, p1
	}
	f := complex(1/math.Sqrt(p), 0)
	x := s.amp
	s.forRange(sites.Count, sites.Count*2, func(lo, hi uint64) {
		kernel.Phase(x, &sites, drop, 0, lo, hi)
		kernel.Phase(x, &sites, keep, f, lo, hi)
	})
	return v, nil
}

// reset measures q and flips it to |0⟩ when the outcome is 1.
func (s *vector[C]) reset(q int, rng *rand.Rand) error {
	v, err := s.measure(q, rng)
	if err != nil || v == 0 {
		return err
	}
	sites := kernel.NewSites(s.n, []int{q}, nil)
	x := s.amp
	t := uint64(1) << uint(q)
	s.forRange(sites.Count, sites.Count*2, func(lo, hi uint64) {
		kernel.Swap(x, &sites, 0, t, lo, hi)
	})
	return nil
}

// halfNorms returns the squared norms of the q = 0 and q = 1 halves.
func (s *vector[C]) halfNorms(sites *kernel.Sites, t uint64) (p0, p1 float64) {
	x := s.amp
	for _, b := range reduce(s, sites.Count, func(lo, hi uint64) rdmBlock {
		a, c, o := kernel.QubitBlock(x, sites, t, lo, hi)
		return rdmBlock{a, c, o}
	}) {
		p0 += b.p0
		p1 += b.p1
	}
	return p0, p1
}

// SampleIndices draws shots measurement outcomes of all qubits from rng and
// returns their basis-state indices in ascending order. It sorts shots
// uniform numbers and walks the cumulative distribution once:
// O(2^n + shots·log shots) time, one pass over the state, no collapse.
func (s *vector[C]) SampleIndices(shots int, rng *rand.Rand) ([]uint64, error) {
	u, err := backend.SortedUniforms(shots, rng)
	if err != nil {
		return nil, fmt.Errorf("statevec: sample: %w", err)
	}
	// total is summed in the same order as the walk below, so the final
	// cumulative value equals it exactly.
	var total float64
	for _, v := range s.amp {
		a := complex128(v)
		total += real(a)*real(a) + imag(a)*imag(a)
	}
	if total == 0 || math.IsNaN(total) || math.IsInf(total, 0) {
		return nil, fmt.Errorf("statevec: sample: state norm² is %v", total)
	}
	out := make([]uint64, shots)
	k := 0
	var cum float64
	last := uint64(0)
	for j, v := range s.amp {
		a := complex128(v)
		p := real(a)*real(a) + imag(a)*imag(a)
		if p == 0 {
			continue
		}
		cum += p
		last = uint64(j)
		for k < shots && u[k]*total < cum {
			out[k] = last
			k++
		}
		if k == shots {
			break
		}
	}
	// u·total can round up to total itself; such draws belong to the last
	// outcome of nonzero probability.
	for ; k < shots; k++ {
		out[k] = last
	}
	return out, nil
}

// SampleCounts draws shots outcomes as SampleIndices does and counts them
// by basis-state index.
func (s *vector[C]) SampleCounts(shots int, rng *rand.Rand) (map[uint64]int, error) {
	idx, err := s.SampleIndices(shots, rng)
	if err != nil {
		return nil, err
	}
	counts := make(map[uint64]int)
	for _, i := range idx {
		counts[i]++
	}
	return counts, nil
}

// Sample draws shots outcomes as SampleIndices does and counts them by
// bitstring, qubit n−1 leftmost (backend.State).
func (s *vector[C]) Sample(shots int, rng *rand.Rand) (backend.Counts, error) {
	idx, err := s.SampleIndices(shots, rng)
	if err != nil {
		return nil, err
	}
	counts := make(backend.Counts)
	// idx is sorted: format each distinct outcome once.
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && idx[j] == idx[i] {
			j++
		}
		counts[circuits.Bitstring(idx[i], s.n)] = j - i
		i = j
	}
	return counts, nil
}
