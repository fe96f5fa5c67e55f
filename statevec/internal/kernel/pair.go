package kernel

// The pair kernels update the two amplitudes at b|o0 and b|o1 for every
// base index b in [lo, hi): the |0⟩ and |1⟩ components of a one-qubit gate
// (o1 = o0 | target bit, o0 = the control bits), or the |01⟩ and |10⟩
// components of a SWAP-like gate. Only those amplitudes are read or written.
//
// Each kernel has two loop shapes. When the lowest involved qubit is at
// longRunShift or above, base indices come in long runs and the two halves
// of a pair are contiguous sub-slices (runs); each run is walked as two
// halves side by side, so four memory streams are in flight (see Streams
// in doc.go). Otherwise base indices are stepped one at a time in four
// lanes (step.go).
//
// The arithmetic of one pair lives in a small function per gate kind
// (hadamardPair, …) that every loop shape inlines.

// split2 cuts the runs x and y (same length) into halves walked side by
// side, and returns what is left over when the length is odd.
func split2[C Complex](x, y []C) (x0, x1, y0, y1, xr, yr []C) {
	h := len(x) / 2
	x0, x1, xr = x[:h], x[h : 2*h][:h], x[2*h:]
	y = y[:len(x)]
	y0, y1, yr = y[:h], y[h : 2*h][:h], y[2*h:]
	return x0, x1, y0, y1, xr, yr[:len(xr)]
}

// swapPair exchanges a pair.
func swapPair[C Complex](a, b C) (C, C) { return b, a }

// phasePair is the anti-diagonal 2×2 [[0, p01], [p10, 0]].
func phasePair[C Complex](a, b C, p01, p10 complex128) (C, C) {
	return C(p01 * complex128(b)), C(p10 * complex128(a))
}

// mat2Pair is the complex 2×2 [[m00, m01], [m10, m11]].
func mat2Pair[C Complex](a, b C, m00, m01, m10, m11 complex128) (C, C) {
	a0, a1 := complex128(a), complex128(b)
	return C(m00*a0 + m01*a1), C(m10*a0 + m11*a1)
}

// real2Pair is the real 2×2 [[m00, m01], [m10, m11]]: half the
// multiplications of mat2Pair.
func real2Pair[C Complex](a, b C, m00, m01, m10, m11 float64) (C, C) {
	a0, a1 := complex128(a), complex128(b)
	return C(complex(m00*real(a0)+m01*real(a1), m00*imag(a0)+m01*imag(a1))),
		C(complex(m10*real(a0)+m11*real(a1), m10*imag(a0)+m11*imag(a1)))
}

// hadamardPair is h·[[1, 1], [1, −1]]: two multiplications per component.
func hadamardPair[C Complex](a, b C, h float64) (C, C) {
	a0, a1 := complex128(a), complex128(b)
	return C(complex(h*(real(a0)+real(a1)), h*(imag(a0)+imag(a1)))),
		C(complex(h*(real(a0)-real(a1)), h*(imag(a0)-imag(a1))))
}

// Swap exchanges the amplitudes at b|o0 and b|o1: X, CX, Toffoli,
// multi-controlled X, SWAP, Fredkin. No arithmetic: complex64 states swap
// their own values.
func Swap[C Complex](d []C, s *Sites, o0, o1, lo, hi uint64) {
	if !s.longRuns() {
		swapStep(d, s, o0, o1, lo, hi)
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; {
		c := s.runLen(j, hi)
		x0, x1, y0, y1, xr, yr := split2(d[b|o0:(b|o0)+c], d[b|o1:(b|o1)+c])
		for r := range x0 {
			x0[r], y0[r] = swapPair(x0[r], y0[r])
			x1[r], y1[r] = swapPair(x1[r], y1[r])
		}
		for r := range xr {
			xr[r], yr[r] = swapPair(xr[r], yr[r])
		}
		j += c
		b = s.next(b + c - 1)
	}
}

// SwapPhase sets new[b|o0] = p01·old[b|o1] and new[b|o1] = p10·old[b|o0]:
// Y, CY, iSWAP and any anti-diagonal 2×2.
func SwapPhase[C Complex](d []C, s *Sites, o0, o1 uint64, p01, p10 complex128, lo, hi uint64) {
	if !s.longRuns() {
		swapPhaseStep(d, s, o0, o1, p01, p10, lo, hi)
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; {
		c := s.runLen(j, hi)
		x0, x1, y0, y1, xr, yr := split2(d[b|o0:(b|o0)+c], d[b|o1:(b|o1)+c])
		for r := range x0 {
			x0[r], y0[r] = phasePair(x0[r], y0[r], p01, p10)
			x1[r], y1[r] = phasePair(x1[r], y1[r], p01, p10)
		}
		for r := range xr {
			xr[r], yr[r] = phasePair(xr[r], yr[r], p01, p10)
		}
		j += c
		b = s.next(b + c - 1)
	}
}

// Mat2 applies the row-major 2×2 matrix m to each pair.
func Mat2[C Complex](d []C, s *Sites, o0, o1 uint64, m [4]complex128, lo, hi uint64) {
	m00, m01, m10, m11 := m[0], m[1], m[2], m[3]
	if !s.longRuns() {
		mat2Step(d, s, o0, o1, m, lo, hi)
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; {
		c := s.runLen(j, hi)
		x0, x1, y0, y1, xr, yr := split2(d[b|o0:(b|o0)+c], d[b|o1:(b|o1)+c])
		for r := range x0 {
			x0[r], y0[r] = mat2Pair(x0[r], y0[r], m00, m01, m10, m11)
			x1[r], y1[r] = mat2Pair(x1[r], y1[r], m00, m01, m10, m11)
		}
		for r := range xr {
			xr[r], yr[r] = mat2Pair(xr[r], yr[r], m00, m01, m10, m11)
		}
		j += c
		b = s.next(b + c - 1)
	}
}

// Real2 applies a real row-major 2×2 matrix (RY, and any real gate) with
// half the multiplications of Mat2.
func Real2[C Complex](d []C, s *Sites, o0, o1 uint64, m [4]float64, lo, hi uint64) {
	m00, m01, m10, m11 := m[0], m[1], m[2], m[3]
	if !s.longRuns() {
		real2Step(d, s, o0, o1, m, lo, hi)
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; {
		c := s.runLen(j, hi)
		x0, x1, y0, y1, xr, yr := split2(d[b|o0:(b|o0)+c], d[b|o1:(b|o1)+c])
		for r := range x0 {
			x0[r], y0[r] = real2Pair(x0[r], y0[r], m00, m01, m10, m11)
			x1[r], y1[r] = real2Pair(x1[r], y1[r], m00, m01, m10, m11)
		}
		for r := range xr {
			xr[r], yr[r] = real2Pair(xr[r], yr[r], m00, m01, m10, m11)
		}
		j += c
		b = s.next(b + c - 1)
	}
}

// Hadamard applies h·[[1, 1], [1, −1]] (h = 1/√2 for the Hadamard gate).
func Hadamard[C Complex](d []C, s *Sites, o0, o1 uint64, h float64, lo, hi uint64) {
	if !s.longRuns() {
		hadamardStep(d, s, o0, o1, h, lo, hi)
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; {
		c := s.runLen(j, hi)
		x0, x1, y0, y1, xr, yr := split2(d[b|o0:(b|o0)+c], d[b|o1:(b|o1)+c])
		for r := range x0 {
			x0[r], y0[r] = hadamardPair(x0[r], y0[r], h)
			x1[r], y1[r] = hadamardPair(x1[r], y1[r], h)
		}
		for r := range xr {
			xr[r], yr[r] = hadamardPair(xr[r], yr[r], h)
		}
		j += c
		b = s.next(b + c - 1)
	}
}
