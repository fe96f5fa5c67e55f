package statevec

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"math/cmplx"

	"github.com/qmlkit/qmlkit/statevec/internal/kernel"
)

// State is a dense n-qubit state vector: 2^n complex128 amplitudes, the
// amplitude of basis state i = Σ_q b_q·2^q at index i (qubit 0 least
// significant). Methods that change the state work in place. A State is
// not safe for concurrent use; its methods parallelise internally.
type State struct {
	n   int
	amp []complex128
	// threads is the goroutine count per operation; 0 means GOMAXPROCS.
	threads int
	// parallelMin overrides defaultParallelMin when nonzero (tests use it
	// to drive the parallel paths on small states).
	parallelMin uint64
}

// New returns the n-qubit state |0…0⟩. It refuses n outside [1, MaxQubits]
// and, before allocating, a state whose amplitudes would not fit in the
// memory available now (the error wraps ErrTooLarge).
func New(n int) (*State, error) {
	if err := checkQubitCount(n); err != nil {
		return nil, err
	}
	if err := checkMemory(n, bytesPerAmplitude, "amplitudes"); err != nil {
		return nil, err
	}
	s := &State{n: n, amp: make([]complex128, 1<<uint(n))}
	s.amp[0] = 1
	return s, nil
}

// FromAmplitudes returns a state holding a copy of a, whose length must be a
// power of two of at least 2, with finite entries. It does not normalise
// (see Normalize).
func FromAmplitudes(a []complex128) (*State, error) {
	if len(a) < 2 || len(a)&(len(a)-1) != 0 {
		return nil, fmt.Errorf("statevec: %d amplitudes is not a power of two ≥ 2", len(a))
	}
	for i, v := range a {
		if cmplx.IsNaN(v) || cmplx.IsInf(v) {
			return nil, fmt.Errorf("statevec: amplitude %d is %v", i, v)
		}
	}
	n := bits.TrailingZeros(uint(len(a)))
	if err := checkQubitCount(n); err != nil {
		return nil, err
	}
	if err := checkMemory(n, bytesPerAmplitude, "amplitudes"); err != nil {
		return nil, err
	}
	return &State{n: n, amp: append([]complex128(nil), a...)}, nil
}

// NumQubits returns the register width n.
func (s *State) NumQubits() int { return s.n }

// Len returns the number of amplitudes, 2^n.
func (s *State) Len() int { return len(s.amp) }

// Data returns the live amplitude slice, not a copy: writes change the
// state. It is for performance-sensitive callers (gradient and kernel
// code) that read or set amplitudes in bulk; keep the norm in mind.
func (s *State) Data() []complex128 { return s.amp }

// SetThreads sets how many goroutines each operation may use; 0 (the
// default) means runtime.GOMAXPROCS(0). Results do not depend on it.
func (s *State) SetThreads(threads int) error {
	if threads < 0 {
		return fmt.Errorf("statevec: negative thread count %d", threads)
	}
	s.threads = threads
	return nil
}

// Clone returns a copy of s with the same thread setting; like New it
// refuses a copy that would not fit in available memory.
func (s *State) Clone() (*State, error) {
	if err := checkMemory(s.n, bytesPerAmplitude, "amplitudes"); err != nil {
		return nil, err
	}
	c := *s
	c.amp = make([]complex128, len(s.amp))
	s.copyInto(c.amp)
	return &c, nil
}

// CopyFrom overwrites s with the amplitudes of o, which must have the same
// width; it allocates nothing.
func (s *State) CopyFrom(o *State) error {
	if o == nil {
		return errors.New("statevec: copy from a nil state")
	}
	if o.n != s.n {
		return fmt.Errorf("statevec: copy from a %d-qubit state into a %d-qubit state", o.n, s.n)
	}
	o.copyInto(s.amp)
	return nil
}

// copyInto copies the amplitudes into dst (same length) in parallel chunks.
func (s *State) copyInto(dst []complex128) {
	src := s.amp
	s.forRange(uint64(len(src)), uint64(len(src)), func(lo, hi uint64) {
		copy(dst[lo:hi], src[lo:hi])
	})
}

// Norm returns ‖ψ‖ = √(Σ|a_i|²).
func (s *State) Norm() float64 { return math.Sqrt(s.normSquared()) }

// normSquared returns Σ|a_i|², summed in fixed chunks so the value does not
// depend on the thread count.
func (s *State) normSquared() float64 {
	x := s.amp
	return sumParts(reduce(s, uint64(len(x)), func(lo, hi uint64) float64 {
		return kernel.SumSquares(x[lo:hi])
	}))
}

// Normalize scales the state to unit norm. It fails for the zero vector.
func (s *State) Normalize() error {
	nrm := s.Norm()
	if nrm == 0 || math.IsNaN(nrm) || math.IsInf(nrm, 0) {
		return fmt.Errorf("statevec: cannot normalise a state of norm %v", nrm)
	}
	s.scaleReal(1 / nrm)
	return nil
}

// scaleReal multiplies every amplitude by f.
func (s *State) scaleReal(f float64) {
	x := s.amp
	s.forRange(uint64(len(x)), uint64(len(x)), func(lo, hi uint64) {
		kernel.ScaleReal(x[lo:hi], f)
	})
}

// scale multiplies every amplitude by c.
func (s *State) scale(c complex128) {
	x := s.amp
	s.forRange(uint64(len(x)), uint64(len(x)), func(lo, hi uint64) {
		kernel.Scale(x[lo:hi], c)
	})
}

// checkQubit validates one qubit index.
func (s *State) checkQubit(q int) error {
	if q < 0 || q >= s.n {
		return fmt.Errorf("statevec: qubit %d out of range [0, %d)", q, s.n)
	}
	return nil
}

// checkDistinct validates a list of distinct in-range qubits.
func (s *State) checkDistinct(qubits []int) error {
	var seen uint64
	for _, q := range qubits {
		if err := s.checkQubit(q); err != nil {
			return err
		}
		if seen&(1<<uint(q)) != 0 {
			return fmt.Errorf("statevec: qubit %d listed twice", q)
		}
		seen |= 1 << uint(q)
	}
	return nil
}
