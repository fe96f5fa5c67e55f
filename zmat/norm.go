package zmat

import "math"

// scaledSumSq accumulates a sum of squares as scale²·ssq, the way LAPACK's lassq does, so that
// norms of vectors with entries near the overflow or underflow limits stay exact to rounding.
type scaledSumSq struct {
	scale, ssq float64
}

func (s *scaledSumSq) add(x float64) {
	if x == 0 {
		return
	}
	ax := math.Abs(x)
	if s.scale < ax {
		r := s.scale / ax
		s.ssq = 1 + s.ssq*r*r
		s.scale = ax
		return
	}
	r := ax / s.scale
	s.ssq += r * r
}

func (s *scaledSumSq) addComplex(v []complex128) {
	for _, z := range v {
		s.add(real(z))
		s.add(imag(z))
	}
}

func (s *scaledSumSq) norm() float64 {
	return s.scale * math.Sqrt(s.ssq)
}

// norm2 returns the Euclidean norm of v. The plain sum of squares is used when it cannot have
// overflowed or lost the small entries to underflow; otherwise the scaled sum decides.
func norm2(v []complex128) float64 {
	var sum float64
	for _, z := range v {
		sum += real(z)*real(z) + imag(z)*imag(z)
	}
	const (
		tiny = 0x1p-500 // squares of entries above 2^-511 keep their precision
		huge = 0x1p+500
	)
	if sum > tiny && sum < huge {
		return math.Sqrt(sum)
	}
	if sum == 0 && allZero(v) {
		return 0
	}
	var acc scaledSumSq
	acc.addComplex(v)
	return acc.norm()
}

func allZero(v []complex128) bool {
	for _, z := range v {
		if z != 0 {
			return false
		}
	}
	return true
}
