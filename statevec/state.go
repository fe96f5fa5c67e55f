package statevec

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"math/cmplx"
	"unsafe"

	"github.com/qmlkit/qmlkit/internal/memorypass"
	"github.com/qmlkit/qmlkit/statevec/internal/kernel"
)

// vector holds the amplitudes and settings that State (complex128) and
// State64 (complex64) share; the methods defined on it are the methods of
// both. Amplitude i belongs to basis state i = Σ_q b_q·2^q (qubit 0 least
// significant).
type vector[C kernel.Complex] struct {
	n   int
	amp []C
	// threads is the goroutine count per operation; 0 means GOMAXPROCS.
	threads int
	// parallelMin overrides defaultParallelMin when nonzero (tests use it
	// to drive the parallel paths on small states).
	parallelMin uint64
}

// State is a dense n-qubit state vector: 2^n complex128 amplitudes, the
// amplitude of basis state i = Σ_q b_q·2^q at index i (qubit 0 least
// significant). Methods that change the state work in place. A State is
// not safe for concurrent use; its methods parallelise internally.
type State struct {
	vector[complex128]
}

// State64 is State with complex64 amplitudes: half the memory (31 qubits in
// 16 GiB) and about seven significant digits per amplitude. Gate matrices,
// arithmetic and sums stay in float64; only storage is rounded, so results
// agree with State to about 1e−6 relative after hundreds of gates.
type State64 struct {
	vector[complex64]
}

// bytesPer returns the size of one amplitude.
func bytesPer[C kernel.Complex]() uint64 {
	var z C
	return uint64(unsafe.Sizeof(z))
}

// newVector allocates |0…0⟩ after the width and memory checks.
func newVector[C kernel.Complex](n int) (vector[C], error) {
	if err := checkQubitCount(n); err != nil {
		return vector[C]{}, err
	}
	if err := checkMemory(n, bytesPer[C](), "amplitudes"); err != nil {
		return vector[C]{}, err
	}
	v := vector[C]{n: n, amp: make([]C, 1<<uint(n))}
	v.amp[0] = 1
	return v, nil
}

// New returns the n-qubit state |0…0⟩. It refuses n outside [1, MaxQubits]
// and, before allocating, a state whose amplitudes would not fit in the
// memory available now (the error wraps ErrTooLarge).
func New(n int) (*State, error) {
	v, err := newVector[complex128](n)
	if err != nil {
		return nil, err
	}
	return &State{v}, nil
}

// New64 is New for a complex64 state: 8·2^n bytes.
func New64(n int) (*State64, error) {
	v, err := newVector[complex64](n)
	if err != nil {
		return nil, err
	}
	return &State64{v}, nil
}

// fromAmplitudes copies a after checking its length and entries.
func fromAmplitudes[C kernel.Complex](a []C) (vector[C], error) {
	if len(a) < 2 || len(a)&(len(a)-1) != 0 {
		return vector[C]{}, fmt.Errorf("statevec: %d amplitudes is not a power of two ≥ 2", len(a))
	}
	for i, v := range a {
		if c := complex128(v); cmplx.IsNaN(c) || cmplx.IsInf(c) {
			return vector[C]{}, fmt.Errorf("statevec: amplitude %d is %v", i, v)
		}
	}
	n := bits.TrailingZeros(uint(len(a)))
	if err := checkQubitCount(n); err != nil {
		return vector[C]{}, err
	}
	if err := checkMemory(n, bytesPer[C](), "amplitudes"); err != nil {
		return vector[C]{}, err
	}
	return vector[C]{n: n, amp: append([]C(nil), a...)}, nil
}

// FromAmplitudes returns a state holding a copy of a, whose length must be a
// power of two of at least 2, with finite entries. It does not normalise
// (see Normalize).
func FromAmplitudes(a []complex128) (*State, error) {
	v, err := fromAmplitudes(a)
	if err != nil {
		return nil, err
	}
	return &State{v}, nil
}

// FromAmplitudes64 is FromAmplitudes for a complex64 state.
func FromAmplitudes64(a []complex64) (*State64, error) {
	v, err := fromAmplitudes(a)
	if err != nil {
		return nil, err
	}
	return &State64{v}, nil
}

// NumQubits returns the register width n.
func (s *vector[C]) NumQubits() int { return s.n }

// Len returns the number of amplitudes, 2^n.
func (s *vector[C]) Len() int { return len(s.amp) }

// Data returns the live amplitude slice, not a copy: writes change the
// state. It is for performance-sensitive callers (gradient and kernel
// code) that read or set amplitudes in bulk; keep the norm in mind.
func (s *State) Data() []complex128 { return s.amp }

// Data returns the live amplitude slice, not a copy (see State.Data).
func (s *State64) Data() []complex64 { return s.amp }

// SetThreads sets how many goroutines each operation may use; 0 (the
// default) means runtime.GOMAXPROCS(0). Results do not depend on it.
func (s *vector[C]) SetThreads(threads int) error {
	if threads < 0 {
		return fmt.Errorf("statevec: negative thread count %d", threads)
	}
	s.threads = threads
	return nil
}

// clone copies the amplitudes into a new vector with the same settings.
func (s *vector[C]) clone() (vector[C], error) {
	if err := checkMemory(s.n, bytesPer[C](), "amplitudes"); err != nil {
		return vector[C]{}, err
	}
	c := *s
	c.amp = make([]C, len(s.amp))
	s.copyInto(c.amp)
	return c, nil
}

// Clone returns a copy of s with the same thread setting; like New it
// refuses a copy that would not fit in available memory.
func (s *State) Clone() (*State, error) {
	c, err := s.clone()
	if err != nil {
		return nil, err
	}
	return &State{c}, nil
}

// Clone returns a copy of s (see State.Clone).
func (s *State64) Clone() (*State64, error) {
	c, err := s.clone()
	if err != nil {
		return nil, err
	}
	return &State64{c}, nil
}

// copyFrom overwrites s with o's amplitudes after checking the widths.
func (s *vector[C]) copyFrom(o *vector[C]) error {
	if o.n != s.n {
		return fmt.Errorf("statevec: copy from a %d-qubit state into a %d-qubit state", o.n, s.n)
	}
	o.copyInto(s.amp)
	return nil
}

// CopyFrom overwrites s with the amplitudes of o, which must have the same
// width; it allocates nothing.
func (s *State) CopyFrom(o *State) error {
	if o == nil {
		return errors.New("statevec: copy from a nil state")
	}
	return s.copyFrom(&o.vector)
}

// CopyFrom overwrites s with the amplitudes of o (see State.CopyFrom).
func (s *State64) CopyFrom(o *State64) error {
	if o == nil {
		return errors.New("statevec: copy from a nil state")
	}
	return s.copyFrom(&o.vector)
}

// copyInto copies the amplitudes into dst (same length) in parallel chunks.
func (s *vector[C]) copyInto(dst []C) {
	src := s.amp
	s.forRange(uint64(len(src)), uint64(len(src)), func(lo, hi uint64) {
		copy(dst[lo:hi], src[lo:hi])
	})
}

// Norm returns ‖ψ‖ = √(Σ|a_i|²).
func (s *vector[C]) Norm() float64 { return math.Sqrt(s.normSquared()) }

// normSquared returns Σ|a_i|², summed in fixed chunks so the value does not
// depend on the thread count.
func (s *vector[C]) normSquared() float64 {
	x := s.amp
	return sumParts(reduce(s, uint64(len(x)), func(lo, hi uint64) float64 {
		return kernel.SumSquares(x[lo:hi])
	}))
}

// Normalize scales the state to unit norm. It fails for the zero vector.
func (s *vector[C]) Normalize() error {
	nrm := s.Norm()
	if nrm == 0 || math.IsNaN(nrm) || math.IsInf(nrm, 0) {
		return fmt.Errorf("statevec: cannot normalise a state of norm %v", nrm)
	}
	s.scaleReal(1 / nrm)
	return nil
}

// scaleReal multiplies every amplitude by f.
func (s *vector[C]) scaleReal(f float64) {
	x := s.amp
	s.forRange(uint64(len(x)), uint64(len(x)), func(lo, hi uint64) {
		memorypass.ScaleReal(x[lo:hi], f)
	})
}

// scale multiplies every amplitude by c.
func (s *vector[C]) scale(c complex128) {
	x := s.amp
	s.forRange(uint64(len(x)), uint64(len(x)), func(lo, hi uint64) {
		kernel.Scale(x[lo:hi], c)
	})
}

// checkQubit validates one qubit index.
func (s *vector[C]) checkQubit(q int) error {
	if q < 0 || q >= s.n {
		return fmt.Errorf("statevec: qubit %d out of range [0, %d)", q, s.n)
	}
	return nil
}

// checkDistinct validates a list of distinct in-range qubits.
func (s *vector[C]) checkDistinct(qubits []int) error {
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
