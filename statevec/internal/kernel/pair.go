package kernel

// The pair kernels update the two amplitudes at b|o0 and b|o1 for every
// base index b in [lo, hi): the |0⟩ and |1⟩ components of a one-qubit gate
// (o1 = o0 | target bit, o0 = the control bits), or the |01⟩ and |10⟩
// components of a SWAP-like gate. Only those amplitudes are read or written.
//
// Each kernel has three loop shapes. When the pair differs in bit 0 and bit
// 0 is the lowest involved qubit, pairs are neighbours in contiguous
// segments (adjacent). When the lowest involved qubit is at runShift or
// above, base indices come in runs and the two halves are contiguous
// sub-slices (runs). Otherwise base indices are stepped one at a time.

// Swap exchanges the amplitudes at b|o0 and b|o1: X, CX, Toffoli,
// multi-controlled X, SWAP, Fredkin.
func Swap(d []complex128, s *Sites, o0, o1, lo, hi uint64) {
	switch {
	case s.adjacent(o0, o1):
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.pairRunLen(j, hi)
			seg := d[b|o0 : (b|o0)+2*c]
			for i := 0; i+1 < len(seg); i += 2 {
				seg[i], seg[i+1] = seg[i+1], seg[i]
			}
			j += c
			b = s.next(b + 2*(c-1))
		}
	case s.runs():
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.runLen(j, hi)
			x := d[b|o0 : (b|o0)+c]
			y := d[b|o1 : (b|o1)+c]
			y = y[:len(x)]
			for r := range x {
				x[r], y[r] = y[r], x[r]
			}
			j += c
			b = s.next(b + c - 1)
		}
	default:
		b := s.Base(lo)
		for j := lo; j < hi; j++ {
			i0, i1 := b|o0, b|o1
			d[i0], d[i1] = d[i1], d[i0]
			b = s.next(b)
		}
	}
}

// SwapPhase sets new[b|o0] = p01·old[b|o1] and new[b|o1] = p10·old[b|o0]:
// Y, CY, iSWAP and any anti-diagonal 2×2.
func SwapPhase(d []complex128, s *Sites, o0, o1 uint64, p01, p10 complex128, lo, hi uint64) {
	switch {
	case s.adjacent(o0, o1):
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.pairRunLen(j, hi)
			seg := d[b|o0 : (b|o0)+2*c]
			for i := 0; i+1 < len(seg); i += 2 {
				seg[i], seg[i+1] = p01*seg[i+1], p10*seg[i]
			}
			j += c
			b = s.next(b + 2*(c-1))
		}
	case s.runs():
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.runLen(j, hi)
			x := d[b|o0 : (b|o0)+c]
			y := d[b|o1 : (b|o1)+c]
			y = y[:len(x)]
			for r := range x {
				x[r], y[r] = p01*y[r], p10*x[r]
			}
			j += c
			b = s.next(b + c - 1)
		}
	default:
		b := s.Base(lo)
		for j := lo; j < hi; j++ {
			i0, i1 := b|o0, b|o1
			d[i0], d[i1] = p01*d[i1], p10*d[i0]
			b = s.next(b)
		}
	}
}

// Mat2 applies the row-major 2×2 matrix m to each pair.
func Mat2(d []complex128, s *Sites, o0, o1 uint64, m [4]complex128, lo, hi uint64) {
	m00, m01, m10, m11 := m[0], m[1], m[2], m[3]
	switch {
	case s.adjacent(o0, o1):
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.pairRunLen(j, hi)
			seg := d[b|o0 : (b|o0)+2*c]
			for i := 0; i+1 < len(seg); i += 2 {
				a0, a1 := seg[i], seg[i+1]
				seg[i] = m00*a0 + m01*a1
				seg[i+1] = m10*a0 + m11*a1
			}
			j += c
			b = s.next(b + 2*(c-1))
		}
	case s.runs():
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.runLen(j, hi)
			x := d[b|o0 : (b|o0)+c]
			y := d[b|o1 : (b|o1)+c]
			y = y[:len(x)]
			for r := range x {
				a0, a1 := x[r], y[r]
				x[r] = m00*a0 + m01*a1
				y[r] = m10*a0 + m11*a1
			}
			j += c
			b = s.next(b + c - 1)
		}
	default:
		b := s.Base(lo)
		for j := lo; j < hi; j++ {
			i0, i1 := b|o0, b|o1
			a0, a1 := d[i0], d[i1]
			d[i0] = m00*a0 + m01*a1
			d[i1] = m10*a0 + m11*a1
			b = s.next(b)
		}
	}
}

// Real2 applies a real row-major 2×2 matrix (RY, and any real gate) with
// half the multiplications of Mat2.
func Real2(d []complex128, s *Sites, o0, o1 uint64, m [4]float64, lo, hi uint64) {
	m00, m01, m10, m11 := m[0], m[1], m[2], m[3]
	switch {
	case s.adjacent(o0, o1):
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.pairRunLen(j, hi)
			seg := d[b|o0 : (b|o0)+2*c]
			for i := 0; i+1 < len(seg); i += 2 {
				a0, a1 := seg[i], seg[i+1]
				seg[i] = complex(m00*real(a0)+m01*real(a1), m00*imag(a0)+m01*imag(a1))
				seg[i+1] = complex(m10*real(a0)+m11*real(a1), m10*imag(a0)+m11*imag(a1))
			}
			j += c
			b = s.next(b + 2*(c-1))
		}
	case s.runs():
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.runLen(j, hi)
			x := d[b|o0 : (b|o0)+c]
			y := d[b|o1 : (b|o1)+c]
			y = y[:len(x)]
			for r := range x {
				a0, a1 := x[r], y[r]
				x[r] = complex(m00*real(a0)+m01*real(a1), m00*imag(a0)+m01*imag(a1))
				y[r] = complex(m10*real(a0)+m11*real(a1), m10*imag(a0)+m11*imag(a1))
			}
			j += c
			b = s.next(b + c - 1)
		}
	default:
		b := s.Base(lo)
		for j := lo; j < hi; j++ {
			i0, i1 := b|o0, b|o1
			a0, a1 := d[i0], d[i1]
			d[i0] = complex(m00*real(a0)+m01*real(a1), m00*imag(a0)+m01*imag(a1))
			d[i1] = complex(m10*real(a0)+m11*real(a1), m10*imag(a0)+m11*imag(a1))
			b = s.next(b)
		}
	}
}

// Hadamard applies h·[[1, 1], [1, −1]] (h = 1/√2 for the Hadamard gate).
func Hadamard(d []complex128, s *Sites, o0, o1 uint64, h float64, lo, hi uint64) {
	switch {
	case s.adjacent(o0, o1):
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.pairRunLen(j, hi)
			seg := d[b|o0 : (b|o0)+2*c]
			for i := 0; i+1 < len(seg); i += 2 {
				a0, a1 := seg[i], seg[i+1]
				seg[i] = complex(h*(real(a0)+real(a1)), h*(imag(a0)+imag(a1)))
				seg[i+1] = complex(h*(real(a0)-real(a1)), h*(imag(a0)-imag(a1)))
			}
			j += c
			b = s.next(b + 2*(c-1))
		}
	case s.runs():
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.runLen(j, hi)
			x := d[b|o0 : (b|o0)+c]
			y := d[b|o1 : (b|o1)+c]
			y = y[:len(x)]
			for r := range x {
				a0, a1 := x[r], y[r]
				x[r] = complex(h*(real(a0)+real(a1)), h*(imag(a0)+imag(a1)))
				y[r] = complex(h*(real(a0)-real(a1)), h*(imag(a0)-imag(a1)))
			}
			j += c
			b = s.next(b + c - 1)
		}
	default:
		b := s.Base(lo)
		for j := lo; j < hi; j++ {
			i0, i1 := b|o0, b|o1
			a0, a1 := d[i0], d[i1]
			d[i0] = complex(h*(real(a0)+real(a1)), h*(imag(a0)+imag(a1)))
			d[i1] = complex(h*(real(a0)-real(a1)), h*(imag(a0)-imag(a1)))
			b = s.next(b)
		}
	}
}
