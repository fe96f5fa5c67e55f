package kernel

import "math/bits"

// runShift is the lowest involved bit position from which kernels iterate
// over contiguous runs (2^runShift base indices or more) instead of single
// base indices.
const runShift = 4

// Sites describes the amplitudes an operation reaches: every base index b
// has zero bits at the positions in Mask, and the operation combines the
// amplitudes at b|off for the offsets the kernel is given (controls and
// target bits already or-ed in).
type Sites struct {
	Mask  uint64    // bits of every involved qubit (targets and controls)
	Count uint64    // number of base indices: 2^(n − popcount(Mask))
	pos   [64]uint8 // involved bit positions, ascending
	npos  int
}

// NewSites describes an operation on the targets and controls of an
// n-qubit register. The qubits must be distinct and below n (the caller
// has validated them).
func NewSites(n int, targets, controls []int) Sites {
	var s Sites
	for _, q := range targets {
		s.Mask |= 1 << uint(q)
	}
	for _, q := range controls {
		s.Mask |= 1 << uint(q)
	}
	m := s.Mask
	for m != 0 {
		p := bits.TrailingZeros64(m)
		s.pos[s.npos] = uint8(p)
		s.npos++
		m &= m - 1
	}
	s.Count = 1 << uint(n-s.npos)
	return s
}

// Base returns the j-th base index: j with a zero bit inserted at every
// involved position, lowest first.
func (s *Sites) Base(j uint64) uint64 {
	for _, p := range s.pos[:s.npos] {
		low := j & (1<<p - 1)
		j = low | (j-low)<<1
	}
	return j
}

// next returns the base index after b.
func (s *Sites) next(b uint64) uint64 { return ((b | s.Mask) + 1) &^ s.Mask }

// runs reports whether kernels should iterate over contiguous runs.
func (s *Sites) runs() bool { return s.pos[0] >= runShift }

// runLen returns how many consecutive base indices from j lie in [j, hi):
// base indices come in runs of 2^pos[0] consecutive integers.
func (s *Sites) runLen(j, hi uint64) uint64 {
	l := uint64(1) << s.pos[0]
	return min(hi-j, l-j&(l-1))
}

// adjacent reports whether the pair offsets o0, o1 differ in bit 0 only and
// bit 0 is the lowest involved position: the pairs are then neighbours
// (b, b+1), and kernels read them two at a time from contiguous segments.
func (s *Sites) adjacent(o0, o1 uint64) bool { return s.pos[0] == 0 && o0^o1 == 1 }

// pairRunLen returns, when adjacent holds, how many base indices from j lie
// in [j, hi) and in j's segment: 2^(pos[1]−1) base indices b, b+2, b+4, …
// whose pairs fill 2^pos[1] contiguous amplitudes.
func (s *Sites) pairRunLen(j, hi uint64) uint64 {
	l := s.Count
	if s.npos > 1 {
		l = 1 << (s.pos[1] - 1)
	}
	return min(hi-j, l-j&(l-1))
}
