package kernel

import "math/bits"

// The reductions below sum over a sub-range in index order, in float64
// whatever the amplitude type; callers fix the sub-ranges independently of
// the thread count and add the partial sums in order, so results do not
// depend on how many goroutines ran.

// SumSquares returns Σ |x_j|².
func SumSquares[C Complex](x []C) float64 {
	var s float64
	for _, v := range x {
		a := complex128(v)
		s += real(a)*real(a) + imag(a)*imag(a)
	}
	return s
}

// Scale multiplies every amplitude by c.
func Scale[C Complex](x []C, c complex128) {
	h := len(x) / 2
	scale(x[:h], c)
	scale(x[h:], c)
}

// Probabilities writes |x_j|² into p.
func Probabilities[C Complex](p []float64, x []C) {
	p = p[:len(x)]
	for i, v := range x {
		a := complex128(v)
		p[i] = real(a)*real(a) + imag(a)*imag(a)
	}
}

// Inner returns Σ conj(x_j)·y_j.
func Inner[C Complex](x, y []C) complex128 {
	y = y[:len(x)]
	var re, im float64
	for i, v := range x {
		a, b := complex128(v), complex128(y[i])
		re += real(a)*real(b) + imag(a)*imag(b)
		im += real(a)*imag(b) - imag(a)*real(b)
	}
	return complex(re, im)
}

// ZString returns Σ_j |x_j|²·(−1)^{popcount((start+j) & z)}: the
// expectation contribution of a Pauli string of Z letters on the
// amplitudes x, whose first index is start.
func ZString[C Complex](x []C, start, z uint64) float64 {
	var s float64
	for i, v := range x {
		a := complex128(v)
		p := real(a)*real(a) + imag(a)*imag(a)
		if bits.OnesCount64((start+uint64(i))&z)&1 == 1 {
			s -= p
		} else {
			s += p
		}
	}
	return s
}

// XZString returns Σ_b [(−1)^{|b&z|}·conj(x[b⊕f])·x[b] + (−1)^{|(b⊕f)&z|}·conj(x[b])·x[b⊕f]]
// over base indices b in [lo, hi) of s, whose Mask is one set bit of f: the
// expectation of X^f·Z^z before the i^{#Y} factor, summed pairwise so that
// each amplitude is read once.
func XZString[C Complex](x []C, s *Sites, f, z, lo, hi uint64) complex128 {
	var re, im float64
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		c := b ^ f
		a0, a1 := complex128(x[b]), complex128(x[c])
		// conj(a1)·a0 and conj(a0)·a1 are conjugates: their sum with
		// signs σ0, σ1 is (σ0+σ1)·Re + i(σ0−σ1)·Im of conj(a1)·a0.
		r := real(a1)*real(a0) + imag(a1)*imag(a0)
		q := real(a1)*imag(a0) - imag(a1)*real(a0)
		s0 := bits.OnesCount64(b&z) & 1
		s1 := bits.OnesCount64(c&z) & 1
		switch {
		case s0 == s1 && s0 == 0:
			re += 2 * r
		case s0 == s1:
			re -= 2 * r
		case s0 == 0:
			im += 2 * q
		default:
			im -= 2 * q
		}
		b = s.next(b)
	}
	return complex(re, im)
}

// QubitBlock returns, over base indices b in [lo, hi) of s (whose Mask is
// the qubit bit t), Σ|x[b]|², Σ|x[b|t]|² and Σ x[b]·conj(x[b|t]): the
// entries of a one-qubit reduced density matrix.
func QubitBlock[C Complex](x []C, s *Sites, t, lo, hi uint64) (p0, p1 float64, c01 complex128) {
	var re, im float64
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		a0, a1 := complex128(x[b]), complex128(x[b|t])
		p0 += real(a0)*real(a0) + imag(a0)*imag(a0)
		p1 += real(a1)*real(a1) + imag(a1)*imag(a1)
		re += real(a0)*real(a1) + imag(a0)*imag(a1)
		im += imag(a0)*real(a1) - real(a0)*imag(a1)
		b = s.next(b)
	}
	return p0, p1, complex(re, im)
}

// Marginal adds |x_j|² to p[k] where bit i of k is bit qubits[i] of the
// index start+j.
func Marginal[C Complex](p []float64, x []C, start uint64, qubits []uint) {
	for i, v := range x {
		idx := start + uint64(i)
		var k uint64
		for bit, q := range qubits {
			k |= (idx >> q & 1) << uint(bit)
		}
		a := complex128(v)
		p[k] += real(a)*real(a) + imag(a)*imag(a)
	}
}

// MarginalRange is Marginal for the ascending consecutive qubits
// shift, shift+1, …: the outcome is a bit field of the index.
func MarginalRange[C Complex](p []float64, x []C, start uint64, shift uint, mask uint64) {
	for i, v := range x {
		a := complex128(v)
		p[(start+uint64(i))>>shift&mask] += real(a)*real(a) + imag(a)*imag(a)
	}
}

// Widen copies x into dst (same length), converting to complex128.
func Widen[C Complex](dst []complex128, x []C) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = complex128(v)
	}
}
