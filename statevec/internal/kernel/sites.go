package kernel

import "math/bits"

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

// longRunShift is the lowest involved position from which the pair and
// dense kernels walk runs (halves side by side) rather than four lanes of
// single steps: measured on a Hadamard at 24 qubits, runs of 2^10
// amplitudes and longer are faster as runs (0.92 against 1.11 passes),
// shorter ones as lanes (1.26 against 1.90 at 2^8).
const longRunShift = 10

// longRuns reports whether runs are at least 2^longRunShift long.
func (s *Sites) longRuns() bool { return s.pos[0] >= longRunShift }

// laneSkew staggers the starts of the four lanes of a step loop by this
// many base indices: lanes a multiple of 4 KiB apart would share cache sets
// and make loads and stores of different lanes alias.
const laneSkew = 24

// lanes splits [lo, hi) into four consecutive lanes [st[k], st[k+1])
// (st[4] = hi), the starts staggered by laneSkew, and returns the length m
// all four have; lanes 0–2 are laneSkew base indices longer than lane 3,
// give or take the remainder. ok is false for ranges too short to split.
func lanes(lo, hi uint64) (st [5]uint64, m uint64, ok bool) {
	return skewedLanes(lo, hi, laneSkew)
}

// skewedLanes is lanes with the starts staggered by skew units: loops that
// walk runs of base indices split a range of runs, and stagger by about
// laneSkew base indices' worth of runs.
func skewedLanes(lo, hi, skew uint64) (st [5]uint64, m uint64, ok bool) {
	n := hi - lo
	if n < 16*skew {
		return st, 0, false
	}
	q := n / 4
	for k := range uint64(4) {
		st[k] = lo + k*(q+skew)
	}
	st[4] = hi
	return st, hi - st[3], true
}

// runLen returns how many consecutive base indices from j lie in [j, hi):
// base indices come in runs of 2^pos[0] consecutive integers.
func (s *Sites) runLen(j, hi uint64) uint64 {
	l := uint64(1) << s.pos[0]
	return min(hi-j, l-j&(l-1))
}
