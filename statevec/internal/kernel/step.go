package kernel

// The step loops visit base indices one at a time, for any set of involved
// qubits and any target: the shape every kernel falls back on when its
// runs are short (lowest involved qubit below longRunShift). They walk four
// lanes — four consecutive stretches of the base range — in lockstep, so
// that four memory streams are in flight instead of one (see Streams in
// doc.go); a lane's leftover after the common length is walked alone.
// Measured on a Hadamard at 24 qubits against the eight-stream pass, one
// thread: 1.06–1.64 passes for targets 0–8 with four lanes, 1.7–2.1 with
// one.

// swapStep is the four-lane step loop of the swap kernel.
func swapStep[C Complex](d []C, s *Sites, o0, o1 uint64, lo, hi uint64) {
	st, span, ok := lanes(lo, hi)
	if !ok {
		swapOne(d, s, o0, o1, lo, hi)
		return
	}
	b0, b1, b2, b3 := s.Base(st[0]), s.Base(st[1]), s.Base(st[2]), s.Base(st[3])
	for j := uint64(0); j < span; j++ {
		d[b0|o0], d[b0|o1] = d[b0|o1], d[b0|o0]
		d[b1|o0], d[b1|o1] = d[b1|o1], d[b1|o0]
		d[b2|o0], d[b2|o1] = d[b2|o1], d[b2|o0]
		d[b3|o0], d[b3|o1] = d[b3|o1], d[b3|o0]
		b0, b1, b2, b3 = s.next(b0), s.next(b1), s.next(b2), s.next(b3)
	}
	for k := range 4 {
		swapOne(d, s, o0, o1, st[k]+span, st[k+1])
	}
}

// swapOne is swapStep with one lane.
func swapOne[C Complex](d []C, s *Sites, o0, o1 uint64, lo, hi uint64) {
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		d[b|o0], d[b|o1] = d[b|o1], d[b|o0]
		b = s.next(b)
	}
}

// swapPhaseStep is the four-lane step loop of the swapPhase kernel.
func swapPhaseStep[C Complex](d []C, s *Sites, o0, o1 uint64, p01, p10 complex128, lo, hi uint64) {
	st, span, ok := lanes(lo, hi)
	if !ok {
		swapPhaseOne(d, s, o0, o1, p01, p10, lo, hi)
		return
	}
	b0, b1, b2, b3 := s.Base(st[0]), s.Base(st[1]), s.Base(st[2]), s.Base(st[3])
	for j := uint64(0); j < span; j++ {
		d[b0|o0], d[b0|o1] = phasePair(d[b0|o0], d[b0|o1], p01, p10)
		d[b1|o0], d[b1|o1] = phasePair(d[b1|o0], d[b1|o1], p01, p10)
		d[b2|o0], d[b2|o1] = phasePair(d[b2|o0], d[b2|o1], p01, p10)
		d[b3|o0], d[b3|o1] = phasePair(d[b3|o0], d[b3|o1], p01, p10)
		b0, b1, b2, b3 = s.next(b0), s.next(b1), s.next(b2), s.next(b3)
	}
	for k := range 4 {
		swapPhaseOne(d, s, o0, o1, p01, p10, st[k]+span, st[k+1])
	}
}

// swapPhaseOne is swapPhaseStep with one lane.
func swapPhaseOne[C Complex](d []C, s *Sites, o0, o1 uint64, p01, p10 complex128, lo, hi uint64) {
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		d[b|o0], d[b|o1] = phasePair(d[b|o0], d[b|o1], p01, p10)
		b = s.next(b)
	}
}

// mat2Step is the four-lane step loop of the mat2 kernel.
func mat2Step[C Complex](d []C, s *Sites, o0, o1 uint64, m [4]complex128, lo, hi uint64) {
	st, span, ok := lanes(lo, hi)
	if !ok {
		mat2One(d, s, o0, o1, m, lo, hi)
		return
	}
	m00, m01, m10, m11 := m[0], m[1], m[2], m[3]
	b0, b1, b2, b3 := s.Base(st[0]), s.Base(st[1]), s.Base(st[2]), s.Base(st[3])
	for j := uint64(0); j < span; j++ {
		d[b0|o0], d[b0|o1] = mat2Pair(d[b0|o0], d[b0|o1], m00, m01, m10, m11)
		d[b1|o0], d[b1|o1] = mat2Pair(d[b1|o0], d[b1|o1], m00, m01, m10, m11)
		d[b2|o0], d[b2|o1] = mat2Pair(d[b2|o0], d[b2|o1], m00, m01, m10, m11)
		d[b3|o0], d[b3|o1] = mat2Pair(d[b3|o0], d[b3|o1], m00, m01, m10, m11)
		b0, b1, b2, b3 = s.next(b0), s.next(b1), s.next(b2), s.next(b3)
	}
	for k := range 4 {
		mat2One(d, s, o0, o1, m, st[k]+span, st[k+1])
	}
}

// mat2One is mat2Step with one lane.
func mat2One[C Complex](d []C, s *Sites, o0, o1 uint64, m [4]complex128, lo, hi uint64) {
	m00, m01, m10, m11 := m[0], m[1], m[2], m[3]
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		d[b|o0], d[b|o1] = mat2Pair(d[b|o0], d[b|o1], m00, m01, m10, m11)
		b = s.next(b)
	}
}

// real2Step is the four-lane step loop of the real2 kernel.
func real2Step[C Complex](d []C, s *Sites, o0, o1 uint64, m [4]float64, lo, hi uint64) {
	st, span, ok := lanes(lo, hi)
	if !ok {
		real2One(d, s, o0, o1, m, lo, hi)
		return
	}
	m00, m01, m10, m11 := m[0], m[1], m[2], m[3]
	b0, b1, b2, b3 := s.Base(st[0]), s.Base(st[1]), s.Base(st[2]), s.Base(st[3])
	for j := uint64(0); j < span; j++ {
		d[b0|o0], d[b0|o1] = real2Pair(d[b0|o0], d[b0|o1], m00, m01, m10, m11)
		d[b1|o0], d[b1|o1] = real2Pair(d[b1|o0], d[b1|o1], m00, m01, m10, m11)
		d[b2|o0], d[b2|o1] = real2Pair(d[b2|o0], d[b2|o1], m00, m01, m10, m11)
		d[b3|o0], d[b3|o1] = real2Pair(d[b3|o0], d[b3|o1], m00, m01, m10, m11)
		b0, b1, b2, b3 = s.next(b0), s.next(b1), s.next(b2), s.next(b3)
	}
	for k := range 4 {
		real2One(d, s, o0, o1, m, st[k]+span, st[k+1])
	}
}

// real2One is real2Step with one lane.
func real2One[C Complex](d []C, s *Sites, o0, o1 uint64, m [4]float64, lo, hi uint64) {
	m00, m01, m10, m11 := m[0], m[1], m[2], m[3]
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		d[b|o0], d[b|o1] = real2Pair(d[b|o0], d[b|o1], m00, m01, m10, m11)
		b = s.next(b)
	}
}

// hadamardStep is the four-lane step loop of the hadamard kernel.
func hadamardStep[C Complex](d []C, s *Sites, o0, o1 uint64, h float64, lo, hi uint64) {
	st, span, ok := lanes(lo, hi)
	if !ok {
		hadamardOne(d, s, o0, o1, h, lo, hi)
		return
	}
	b0, b1, b2, b3 := s.Base(st[0]), s.Base(st[1]), s.Base(st[2]), s.Base(st[3])
	for j := uint64(0); j < span; j++ {
		d[b0|o0], d[b0|o1] = hadamardPair(d[b0|o0], d[b0|o1], h)
		d[b1|o0], d[b1|o1] = hadamardPair(d[b1|o0], d[b1|o1], h)
		d[b2|o0], d[b2|o1] = hadamardPair(d[b2|o0], d[b2|o1], h)
		d[b3|o0], d[b3|o1] = hadamardPair(d[b3|o0], d[b3|o1], h)
		b0, b1, b2, b3 = s.next(b0), s.next(b1), s.next(b2), s.next(b3)
	}
	for k := range 4 {
		hadamardOne(d, s, o0, o1, h, st[k]+span, st[k+1])
	}
}

// hadamardOne is hadamardStep with one lane.
func hadamardOne[C Complex](d []C, s *Sites, o0, o1 uint64, h float64, lo, hi uint64) {
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		d[b|o0], d[b|o1] = hadamardPair(d[b|o0], d[b|o1], h)
		b = s.next(b)
	}
}

// scaleAtStep is the four-lane step loop of the scaleAt kernel.
func scaleAtStep[C Complex](d []C, s *Sites, off uint64, p complex128, lo, hi uint64) {
	st, span, ok := lanes(lo, hi)
	if !ok {
		scaleAtOne(d, s, off, p, lo, hi)
		return
	}
	b0, b1, b2, b3 := s.Base(st[0]), s.Base(st[1]), s.Base(st[2]), s.Base(st[3])
	for j := uint64(0); j < span; j++ {
		d[b0|off] = C(p * complex128(d[b0|off]))
		d[b1|off] = C(p * complex128(d[b1|off]))
		d[b2|off] = C(p * complex128(d[b2|off]))
		d[b3|off] = C(p * complex128(d[b3|off]))
		b0, b1, b2, b3 = s.next(b0), s.next(b1), s.next(b2), s.next(b3)
	}
	for k := range 4 {
		scaleAtOne(d, s, off, p, st[k]+span, st[k+1])
	}
}

// scaleAtOne is scaleAtStep with one lane.
func scaleAtOne[C Complex](d []C, s *Sites, off uint64, p complex128, lo, hi uint64) {
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		d[b|off] = C(p * complex128(d[b|off]))
		b = s.next(b)
	}
}

// negateAtStep is the four-lane step loop of the negateAt kernel.
func negateAtStep[C Complex](d []C, s *Sites, off uint64, lo, hi uint64) {
	st, span, ok := lanes(lo, hi)
	if !ok {
		negateAtOne(d, s, off, lo, hi)
		return
	}
	b0, b1, b2, b3 := s.Base(st[0]), s.Base(st[1]), s.Base(st[2]), s.Base(st[3])
	for j := uint64(0); j < span; j++ {
		d[b0|off] = -d[b0|off]
		d[b1|off] = -d[b1|off]
		d[b2|off] = -d[b2|off]
		d[b3|off] = -d[b3|off]
		b0, b1, b2, b3 = s.next(b0), s.next(b1), s.next(b2), s.next(b3)
	}
	for k := range 4 {
		negateAtOne(d, s, off, st[k]+span, st[k+1])
	}
}

// negateAtOne is negateAtStep with one lane.
func negateAtOne[C Complex](d []C, s *Sites, off uint64, lo, hi uint64) {
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		d[b|off] = -d[b|off]
		b = s.next(b)
	}
}

// diag2Step is the four-lane step loop of the diag2 kernel.
func diag2Step[C Complex](d []C, s *Sites, o0, o1 uint64, p0, p1 complex128, lo, hi uint64) {
	st, span, ok := lanes(lo, hi)
	if !ok {
		diag2One(d, s, o0, o1, p0, p1, lo, hi)
		return
	}
	b0, b1, b2, b3 := s.Base(st[0]), s.Base(st[1]), s.Base(st[2]), s.Base(st[3])
	for j := uint64(0); j < span; j++ {
		d[b0|o0] = C(p0 * complex128(d[b0|o0]))
		d[b0|o1] = C(p1 * complex128(d[b0|o1]))
		d[b1|o0] = C(p0 * complex128(d[b1|o0]))
		d[b1|o1] = C(p1 * complex128(d[b1|o1]))
		d[b2|o0] = C(p0 * complex128(d[b2|o0]))
		d[b2|o1] = C(p1 * complex128(d[b2|o1]))
		d[b3|o0] = C(p0 * complex128(d[b3|o0]))
		d[b3|o1] = C(p1 * complex128(d[b3|o1]))
		b0, b1, b2, b3 = s.next(b0), s.next(b1), s.next(b2), s.next(b3)
	}
	for k := range 4 {
		diag2One(d, s, o0, o1, p0, p1, st[k]+span, st[k+1])
	}
}

// diag2One is diag2Step with one lane.
func diag2One[C Complex](d []C, s *Sites, o0, o1 uint64, p0, p1 complex128, lo, hi uint64) {
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		d[b|o0] = C(p0 * complex128(d[b|o0]))
		d[b|o1] = C(p1 * complex128(d[b|o1]))
		b = s.next(b)
	}
}

// diag4Step is the four-lane step loop of the diag4 kernel.
func diag4Step[C Complex](d []C, s *Sites, off [4]uint64, p [4]complex128, lo, hi uint64) {
	st, span, ok := lanes(lo, hi)
	if !ok {
		diag4One(d, s, off, p, lo, hi)
		return
	}
	b0, b1, b2, b3 := s.Base(st[0]), s.Base(st[1]), s.Base(st[2]), s.Base(st[3])
	for j := uint64(0); j < span; j++ {
		d[b0|off[0]] = C(p[0] * complex128(d[b0|off[0]]))
		d[b0|off[1]] = C(p[1] * complex128(d[b0|off[1]]))
		d[b0|off[2]] = C(p[2] * complex128(d[b0|off[2]]))
		d[b0|off[3]] = C(p[3] * complex128(d[b0|off[3]]))
		d[b1|off[0]] = C(p[0] * complex128(d[b1|off[0]]))
		d[b1|off[1]] = C(p[1] * complex128(d[b1|off[1]]))
		d[b1|off[2]] = C(p[2] * complex128(d[b1|off[2]]))
		d[b1|off[3]] = C(p[3] * complex128(d[b1|off[3]]))
		d[b2|off[0]] = C(p[0] * complex128(d[b2|off[0]]))
		d[b2|off[1]] = C(p[1] * complex128(d[b2|off[1]]))
		d[b2|off[2]] = C(p[2] * complex128(d[b2|off[2]]))
		d[b2|off[3]] = C(p[3] * complex128(d[b2|off[3]]))
		d[b3|off[0]] = C(p[0] * complex128(d[b3|off[0]]))
		d[b3|off[1]] = C(p[1] * complex128(d[b3|off[1]]))
		d[b3|off[2]] = C(p[2] * complex128(d[b3|off[2]]))
		d[b3|off[3]] = C(p[3] * complex128(d[b3|off[3]]))
		b0, b1, b2, b3 = s.next(b0), s.next(b1), s.next(b2), s.next(b3)
	}
	for k := range 4 {
		diag4One(d, s, off, p, st[k]+span, st[k+1])
	}
}

// diag4One is diag4Step with one lane.
func diag4One[C Complex](d []C, s *Sites, off [4]uint64, p [4]complex128, lo, hi uint64) {
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		d[b|off[0]] = C(p[0] * complex128(d[b|off[0]]))
		d[b|off[1]] = C(p[1] * complex128(d[b|off[1]]))
		d[b|off[2]] = C(p[2] * complex128(d[b|off[2]]))
		d[b|off[3]] = C(p[3] * complex128(d[b|off[3]]))
		b = s.next(b)
	}
}

// diagKStep is the four-lane step loop of the diagK kernel.
func diagKStep[C Complex](d []C, s *Sites, offs []uint64, p []complex128, lo, hi uint64) {
	st, span, ok := lanes(lo, hi)
	if !ok {
		diagKOne(d, s, offs, p, lo, hi)
		return
	}
	p = p[:len(offs)]
	b0, b1, b2, b3 := s.Base(st[0]), s.Base(st[1]), s.Base(st[2]), s.Base(st[3])
	for j := uint64(0); j < span; j++ {
		for l, off := range offs {
			d[b0|off] = C(p[l] * complex128(d[b0|off]))
		}
		for l, off := range offs {
			d[b1|off] = C(p[l] * complex128(d[b1|off]))
		}
		for l, off := range offs {
			d[b2|off] = C(p[l] * complex128(d[b2|off]))
		}
		for l, off := range offs {
			d[b3|off] = C(p[l] * complex128(d[b3|off]))
		}
		b0, b1, b2, b3 = s.next(b0), s.next(b1), s.next(b2), s.next(b3)
	}
	for k := range 4 {
		diagKOne(d, s, offs, p, st[k]+span, st[k+1])
	}
}

// diagKOne is diagKStep with one lane.
func diagKOne[C Complex](d []C, s *Sites, offs []uint64, p []complex128, lo, hi uint64) {
	p = p[:len(offs)]
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		for l, off := range offs {
			d[b|off] = C(p[l] * complex128(d[b|off]))
		}
		b = s.next(b)
	}
}

// mat2x2Step is the four-lane step loop of the mat2x2 kernel.
func mat2x2Step[C Complex](d []C, s *Sites, off [4]uint64, m, n [4]complex128, lo, hi uint64) {
	st, span, ok := lanes(lo, hi)
	if !ok {
		mat2x2One(d, s, off, m, n, lo, hi)
		return
	}
	b0, b1, b2, b3 := s.Base(st[0]), s.Base(st[1]), s.Base(st[2]), s.Base(st[3])
	for j := uint64(0); j < span; j++ {
		d[b0|off[0]], d[b0|off[1]] = mat2Pair(d[b0|off[0]], d[b0|off[1]], m[0], m[1], m[2], m[3])
		d[b0|off[2]], d[b0|off[3]] = mat2Pair(d[b0|off[2]], d[b0|off[3]], n[0], n[1], n[2], n[3])
		d[b1|off[0]], d[b1|off[1]] = mat2Pair(d[b1|off[0]], d[b1|off[1]], m[0], m[1], m[2], m[3])
		d[b1|off[2]], d[b1|off[3]] = mat2Pair(d[b1|off[2]], d[b1|off[3]], n[0], n[1], n[2], n[3])
		d[b2|off[0]], d[b2|off[1]] = mat2Pair(d[b2|off[0]], d[b2|off[1]], m[0], m[1], m[2], m[3])
		d[b2|off[2]], d[b2|off[3]] = mat2Pair(d[b2|off[2]], d[b2|off[3]], n[0], n[1], n[2], n[3])
		d[b3|off[0]], d[b3|off[1]] = mat2Pair(d[b3|off[0]], d[b3|off[1]], m[0], m[1], m[2], m[3])
		d[b3|off[2]], d[b3|off[3]] = mat2Pair(d[b3|off[2]], d[b3|off[3]], n[0], n[1], n[2], n[3])
		b0, b1, b2, b3 = s.next(b0), s.next(b1), s.next(b2), s.next(b3)
	}
	for k := range 4 {
		mat2x2One(d, s, off, m, n, st[k]+span, st[k+1])
	}
}

// mat2x2One is mat2x2Step with one lane.
func mat2x2One[C Complex](d []C, s *Sites, off [4]uint64, m, n [4]complex128, lo, hi uint64) {
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		d[b|off[0]], d[b|off[1]] = mat2Pair(d[b|off[0]], d[b|off[1]], m[0], m[1], m[2], m[3])
		d[b|off[2]], d[b|off[3]] = mat2Pair(d[b|off[2]], d[b|off[3]], n[0], n[1], n[2], n[3])
		b = s.next(b)
	}
}

// mat4Step is the four-lane step loop of the mat4 kernel.
func mat4Step[C Complex](d []C, s *Sites, off [4]uint64, m *[16]complex128, lo, hi uint64) {
	st, span, ok := lanes(lo, hi)
	if !ok {
		mat4One(d, s, off, m, lo, hi)
		return
	}
	var re, im [16]float64
	for i, v := range m {
		re[i], im[i] = real(v), imag(v)
	}
	b0, b1, b2, b3 := s.Base(st[0]), s.Base(st[1]), s.Base(st[2]), s.Base(st[3])
	for j := uint64(0); j < span; j++ {
		i0_b0, i1_b0, i2_b0, i3_b0 := b0|off[0], b0|off[1], b0|off[2], b0|off[3]
		a0_b0, a1_b0, a2_b0, a3_b0 := complex128(d[i0_b0]), complex128(d[i1_b0]), complex128(d[i2_b0]), complex128(d[i3_b0])
		d[i0_b0] = C(complex(re[0]*real(a0_b0)-im[0]*imag(a0_b0)+re[1]*real(a1_b0)-im[1]*imag(a1_b0)+re[2]*real(a2_b0)-im[2]*imag(a2_b0)+re[3]*real(a3_b0)-im[3]*imag(a3_b0),
			re[0]*imag(a0_b0)+im[0]*real(a0_b0)+re[1]*imag(a1_b0)+im[1]*real(a1_b0)+re[2]*imag(a2_b0)+im[2]*real(a2_b0)+re[3]*imag(a3_b0)+im[3]*real(a3_b0)))
		d[i1_b0] = C(complex(re[4]*real(a0_b0)-im[4]*imag(a0_b0)+re[5]*real(a1_b0)-im[5]*imag(a1_b0)+re[6]*real(a2_b0)-im[6]*imag(a2_b0)+re[7]*real(a3_b0)-im[7]*imag(a3_b0),
			re[4]*imag(a0_b0)+im[4]*real(a0_b0)+re[5]*imag(a1_b0)+im[5]*real(a1_b0)+re[6]*imag(a2_b0)+im[6]*real(a2_b0)+re[7]*imag(a3_b0)+im[7]*real(a3_b0)))
		d[i2_b0] = C(complex(re[8]*real(a0_b0)-im[8]*imag(a0_b0)+re[9]*real(a1_b0)-im[9]*imag(a1_b0)+re[10]*real(a2_b0)-im[10]*imag(a2_b0)+re[11]*real(a3_b0)-im[11]*imag(a3_b0),
			re[8]*imag(a0_b0)+im[8]*real(a0_b0)+re[9]*imag(a1_b0)+im[9]*real(a1_b0)+re[10]*imag(a2_b0)+im[10]*real(a2_b0)+re[11]*imag(a3_b0)+im[11]*real(a3_b0)))
		d[i3_b0] = C(complex(re[12]*real(a0_b0)-im[12]*imag(a0_b0)+re[13]*real(a1_b0)-im[13]*imag(a1_b0)+re[14]*real(a2_b0)-im[14]*imag(a2_b0)+re[15]*real(a3_b0)-im[15]*imag(a3_b0),
			re[12]*imag(a0_b0)+im[12]*real(a0_b0)+re[13]*imag(a1_b0)+im[13]*real(a1_b0)+re[14]*imag(a2_b0)+im[14]*real(a2_b0)+re[15]*imag(a3_b0)+im[15]*real(a3_b0)))
		i0_b1, i1_b1, i2_b1, i3_b1 := b1|off[0], b1|off[1], b1|off[2], b1|off[3]
		a0_b1, a1_b1, a2_b1, a3_b1 := complex128(d[i0_b1]), complex128(d[i1_b1]), complex128(d[i2_b1]), complex128(d[i3_b1])
		d[i0_b1] = C(complex(re[0]*real(a0_b1)-im[0]*imag(a0_b1)+re[1]*real(a1_b1)-im[1]*imag(a1_b1)+re[2]*real(a2_b1)-im[2]*imag(a2_b1)+re[3]*real(a3_b1)-im[3]*imag(a3_b1),
			re[0]*imag(a0_b1)+im[0]*real(a0_b1)+re[1]*imag(a1_b1)+im[1]*real(a1_b1)+re[2]*imag(a2_b1)+im[2]*real(a2_b1)+re[3]*imag(a3_b1)+im[3]*real(a3_b1)))
		d[i1_b1] = C(complex(re[4]*real(a0_b1)-im[4]*imag(a0_b1)+re[5]*real(a1_b1)-im[5]*imag(a1_b1)+re[6]*real(a2_b1)-im[6]*imag(a2_b1)+re[7]*real(a3_b1)-im[7]*imag(a3_b1),
			re[4]*imag(a0_b1)+im[4]*real(a0_b1)+re[5]*imag(a1_b1)+im[5]*real(a1_b1)+re[6]*imag(a2_b1)+im[6]*real(a2_b1)+re[7]*imag(a3_b1)+im[7]*real(a3_b1)))
		d[i2_b1] = C(complex(re[8]*real(a0_b1)-im[8]*imag(a0_b1)+re[9]*real(a1_b1)-im[9]*imag(a1_b1)+re[10]*real(a2_b1)-im[10]*imag(a2_b1)+re[11]*real(a3_b1)-im[11]*imag(a3_b1),
			re[8]*imag(a0_b1)+im[8]*real(a0_b1)+re[9]*imag(a1_b1)+im[9]*real(a1_b1)+re[10]*imag(a2_b1)+im[10]*real(a2_b1)+re[11]*imag(a3_b1)+im[11]*real(a3_b1)))
		d[i3_b1] = C(complex(re[12]*real(a0_b1)-im[12]*imag(a0_b1)+re[13]*real(a1_b1)-im[13]*imag(a1_b1)+re[14]*real(a2_b1)-im[14]*imag(a2_b1)+re[15]*real(a3_b1)-im[15]*imag(a3_b1),
			re[12]*imag(a0_b1)+im[12]*real(a0_b1)+re[13]*imag(a1_b1)+im[13]*real(a1_b1)+re[14]*imag(a2_b1)+im[14]*real(a2_b1)+re[15]*imag(a3_b1)+im[15]*real(a3_b1)))
		i0_b2, i1_b2, i2_b2, i3_b2 := b2|off[0], b2|off[1], b2|off[2], b2|off[3]
		a0_b2, a1_b2, a2_b2, a3_b2 := complex128(d[i0_b2]), complex128(d[i1_b2]), complex128(d[i2_b2]), complex128(d[i3_b2])
		d[i0_b2] = C(complex(re[0]*real(a0_b2)-im[0]*imag(a0_b2)+re[1]*real(a1_b2)-im[1]*imag(a1_b2)+re[2]*real(a2_b2)-im[2]*imag(a2_b2)+re[3]*real(a3_b2)-im[3]*imag(a3_b2),
			re[0]*imag(a0_b2)+im[0]*real(a0_b2)+re[1]*imag(a1_b2)+im[1]*real(a1_b2)+re[2]*imag(a2_b2)+im[2]*real(a2_b2)+re[3]*imag(a3_b2)+im[3]*real(a3_b2)))
		d[i1_b2] = C(complex(re[4]*real(a0_b2)-im[4]*imag(a0_b2)+re[5]*real(a1_b2)-im[5]*imag(a1_b2)+re[6]*real(a2_b2)-im[6]*imag(a2_b2)+re[7]*real(a3_b2)-im[7]*imag(a3_b2),
			re[4]*imag(a0_b2)+im[4]*real(a0_b2)+re[5]*imag(a1_b2)+im[5]*real(a1_b2)+re[6]*imag(a2_b2)+im[6]*real(a2_b2)+re[7]*imag(a3_b2)+im[7]*real(a3_b2)))
		d[i2_b2] = C(complex(re[8]*real(a0_b2)-im[8]*imag(a0_b2)+re[9]*real(a1_b2)-im[9]*imag(a1_b2)+re[10]*real(a2_b2)-im[10]*imag(a2_b2)+re[11]*real(a3_b2)-im[11]*imag(a3_b2),
			re[8]*imag(a0_b2)+im[8]*real(a0_b2)+re[9]*imag(a1_b2)+im[9]*real(a1_b2)+re[10]*imag(a2_b2)+im[10]*real(a2_b2)+re[11]*imag(a3_b2)+im[11]*real(a3_b2)))
		d[i3_b2] = C(complex(re[12]*real(a0_b2)-im[12]*imag(a0_b2)+re[13]*real(a1_b2)-im[13]*imag(a1_b2)+re[14]*real(a2_b2)-im[14]*imag(a2_b2)+re[15]*real(a3_b2)-im[15]*imag(a3_b2),
			re[12]*imag(a0_b2)+im[12]*real(a0_b2)+re[13]*imag(a1_b2)+im[13]*real(a1_b2)+re[14]*imag(a2_b2)+im[14]*real(a2_b2)+re[15]*imag(a3_b2)+im[15]*real(a3_b2)))
		i0_b3, i1_b3, i2_b3, i3_b3 := b3|off[0], b3|off[1], b3|off[2], b3|off[3]
		a0_b3, a1_b3, a2_b3, a3_b3 := complex128(d[i0_b3]), complex128(d[i1_b3]), complex128(d[i2_b3]), complex128(d[i3_b3])
		d[i0_b3] = C(complex(re[0]*real(a0_b3)-im[0]*imag(a0_b3)+re[1]*real(a1_b3)-im[1]*imag(a1_b3)+re[2]*real(a2_b3)-im[2]*imag(a2_b3)+re[3]*real(a3_b3)-im[3]*imag(a3_b3),
			re[0]*imag(a0_b3)+im[0]*real(a0_b3)+re[1]*imag(a1_b3)+im[1]*real(a1_b3)+re[2]*imag(a2_b3)+im[2]*real(a2_b3)+re[3]*imag(a3_b3)+im[3]*real(a3_b3)))
		d[i1_b3] = C(complex(re[4]*real(a0_b3)-im[4]*imag(a0_b3)+re[5]*real(a1_b3)-im[5]*imag(a1_b3)+re[6]*real(a2_b3)-im[6]*imag(a2_b3)+re[7]*real(a3_b3)-im[7]*imag(a3_b3),
			re[4]*imag(a0_b3)+im[4]*real(a0_b3)+re[5]*imag(a1_b3)+im[5]*real(a1_b3)+re[6]*imag(a2_b3)+im[6]*real(a2_b3)+re[7]*imag(a3_b3)+im[7]*real(a3_b3)))
		d[i2_b3] = C(complex(re[8]*real(a0_b3)-im[8]*imag(a0_b3)+re[9]*real(a1_b3)-im[9]*imag(a1_b3)+re[10]*real(a2_b3)-im[10]*imag(a2_b3)+re[11]*real(a3_b3)-im[11]*imag(a3_b3),
			re[8]*imag(a0_b3)+im[8]*real(a0_b3)+re[9]*imag(a1_b3)+im[9]*real(a1_b3)+re[10]*imag(a2_b3)+im[10]*real(a2_b3)+re[11]*imag(a3_b3)+im[11]*real(a3_b3)))
		d[i3_b3] = C(complex(re[12]*real(a0_b3)-im[12]*imag(a0_b3)+re[13]*real(a1_b3)-im[13]*imag(a1_b3)+re[14]*real(a2_b3)-im[14]*imag(a2_b3)+re[15]*real(a3_b3)-im[15]*imag(a3_b3),
			re[12]*imag(a0_b3)+im[12]*real(a0_b3)+re[13]*imag(a1_b3)+im[13]*real(a1_b3)+re[14]*imag(a2_b3)+im[14]*real(a2_b3)+re[15]*imag(a3_b3)+im[15]*real(a3_b3)))
		b0, b1, b2, b3 = s.next(b0), s.next(b1), s.next(b2), s.next(b3)
	}
	for k := range 4 {
		mat4One(d, s, off, m, st[k]+span, st[k+1])
	}
}

// mat4One is mat4Step with one lane.
func mat4One[C Complex](d []C, s *Sites, off [4]uint64, m *[16]complex128, lo, hi uint64) {
	var re, im [16]float64
	for i, v := range m {
		re[i], im[i] = real(v), imag(v)
	}
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		i0_b, i1_b, i2_b, i3_b := b|off[0], b|off[1], b|off[2], b|off[3]
		a0_b, a1_b, a2_b, a3_b := complex128(d[i0_b]), complex128(d[i1_b]), complex128(d[i2_b]), complex128(d[i3_b])
		d[i0_b] = C(complex(re[0]*real(a0_b)-im[0]*imag(a0_b)+re[1]*real(a1_b)-im[1]*imag(a1_b)+re[2]*real(a2_b)-im[2]*imag(a2_b)+re[3]*real(a3_b)-im[3]*imag(a3_b),
			re[0]*imag(a0_b)+im[0]*real(a0_b)+re[1]*imag(a1_b)+im[1]*real(a1_b)+re[2]*imag(a2_b)+im[2]*real(a2_b)+re[3]*imag(a3_b)+im[3]*real(a3_b)))
		d[i1_b] = C(complex(re[4]*real(a0_b)-im[4]*imag(a0_b)+re[5]*real(a1_b)-im[5]*imag(a1_b)+re[6]*real(a2_b)-im[6]*imag(a2_b)+re[7]*real(a3_b)-im[7]*imag(a3_b),
			re[4]*imag(a0_b)+im[4]*real(a0_b)+re[5]*imag(a1_b)+im[5]*real(a1_b)+re[6]*imag(a2_b)+im[6]*real(a2_b)+re[7]*imag(a3_b)+im[7]*real(a3_b)))
		d[i2_b] = C(complex(re[8]*real(a0_b)-im[8]*imag(a0_b)+re[9]*real(a1_b)-im[9]*imag(a1_b)+re[10]*real(a2_b)-im[10]*imag(a2_b)+re[11]*real(a3_b)-im[11]*imag(a3_b),
			re[8]*imag(a0_b)+im[8]*real(a0_b)+re[9]*imag(a1_b)+im[9]*real(a1_b)+re[10]*imag(a2_b)+im[10]*real(a2_b)+re[11]*imag(a3_b)+im[11]*real(a3_b)))
		d[i3_b] = C(complex(re[12]*real(a0_b)-im[12]*imag(a0_b)+re[13]*real(a1_b)-im[13]*imag(a1_b)+re[14]*real(a2_b)-im[14]*imag(a2_b)+re[15]*real(a3_b)-im[15]*imag(a3_b),
			re[12]*imag(a0_b)+im[12]*real(a0_b)+re[13]*imag(a1_b)+im[13]*real(a1_b)+re[14]*imag(a2_b)+im[14]*real(a2_b)+re[15]*imag(a3_b)+im[15]*real(a3_b)))
		b = s.next(b)
	}
}

// real4Step is the four-lane step loop of the real4 kernel.
func real4Step[C Complex](d []C, s *Sites, off [4]uint64, m *[16]float64, lo, hi uint64) {
	st, span, ok := lanes(lo, hi)
	if !ok {
		real4One(d, s, off, m, lo, hi)
		return
	}
	b0, b1, b2, b3 := s.Base(st[0]), s.Base(st[1]), s.Base(st[2]), s.Base(st[3])
	for j := uint64(0); j < span; j++ {
		i0_b0, i1_b0, i2_b0, i3_b0 := b0|off[0], b0|off[1], b0|off[2], b0|off[3]
		a0_b0, a1_b0, a2_b0, a3_b0 := complex128(d[i0_b0]), complex128(d[i1_b0]), complex128(d[i2_b0]), complex128(d[i3_b0])
		d[i0_b0] = C(complex(m[0]*real(a0_b0)+m[1]*real(a1_b0)+m[2]*real(a2_b0)+m[3]*real(a3_b0),
			m[0]*imag(a0_b0)+m[1]*imag(a1_b0)+m[2]*imag(a2_b0)+m[3]*imag(a3_b0)))
		d[i1_b0] = C(complex(m[4]*real(a0_b0)+m[5]*real(a1_b0)+m[6]*real(a2_b0)+m[7]*real(a3_b0),
			m[4]*imag(a0_b0)+m[5]*imag(a1_b0)+m[6]*imag(a2_b0)+m[7]*imag(a3_b0)))
		d[i2_b0] = C(complex(m[8]*real(a0_b0)+m[9]*real(a1_b0)+m[10]*real(a2_b0)+m[11]*real(a3_b0),
			m[8]*imag(a0_b0)+m[9]*imag(a1_b0)+m[10]*imag(a2_b0)+m[11]*imag(a3_b0)))
		d[i3_b0] = C(complex(m[12]*real(a0_b0)+m[13]*real(a1_b0)+m[14]*real(a2_b0)+m[15]*real(a3_b0),
			m[12]*imag(a0_b0)+m[13]*imag(a1_b0)+m[14]*imag(a2_b0)+m[15]*imag(a3_b0)))
		i0_b1, i1_b1, i2_b1, i3_b1 := b1|off[0], b1|off[1], b1|off[2], b1|off[3]
		a0_b1, a1_b1, a2_b1, a3_b1 := complex128(d[i0_b1]), complex128(d[i1_b1]), complex128(d[i2_b1]), complex128(d[i3_b1])
		d[i0_b1] = C(complex(m[0]*real(a0_b1)+m[1]*real(a1_b1)+m[2]*real(a2_b1)+m[3]*real(a3_b1),
			m[0]*imag(a0_b1)+m[1]*imag(a1_b1)+m[2]*imag(a2_b1)+m[3]*imag(a3_b1)))
		d[i1_b1] = C(complex(m[4]*real(a0_b1)+m[5]*real(a1_b1)+m[6]*real(a2_b1)+m[7]*real(a3_b1),
			m[4]*imag(a0_b1)+m[5]*imag(a1_b1)+m[6]*imag(a2_b1)+m[7]*imag(a3_b1)))
		d[i2_b1] = C(complex(m[8]*real(a0_b1)+m[9]*real(a1_b1)+m[10]*real(a2_b1)+m[11]*real(a3_b1),
			m[8]*imag(a0_b1)+m[9]*imag(a1_b1)+m[10]*imag(a2_b1)+m[11]*imag(a3_b1)))
		d[i3_b1] = C(complex(m[12]*real(a0_b1)+m[13]*real(a1_b1)+m[14]*real(a2_b1)+m[15]*real(a3_b1),
			m[12]*imag(a0_b1)+m[13]*imag(a1_b1)+m[14]*imag(a2_b1)+m[15]*imag(a3_b1)))
		i0_b2, i1_b2, i2_b2, i3_b2 := b2|off[0], b2|off[1], b2|off[2], b2|off[3]
		a0_b2, a1_b2, a2_b2, a3_b2 := complex128(d[i0_b2]), complex128(d[i1_b2]), complex128(d[i2_b2]), complex128(d[i3_b2])
		d[i0_b2] = C(complex(m[0]*real(a0_b2)+m[1]*real(a1_b2)+m[2]*real(a2_b2)+m[3]*real(a3_b2),
			m[0]*imag(a0_b2)+m[1]*imag(a1_b2)+m[2]*imag(a2_b2)+m[3]*imag(a3_b2)))
		d[i1_b2] = C(complex(m[4]*real(a0_b2)+m[5]*real(a1_b2)+m[6]*real(a2_b2)+m[7]*real(a3_b2),
			m[4]*imag(a0_b2)+m[5]*imag(a1_b2)+m[6]*imag(a2_b2)+m[7]*imag(a3_b2)))
		d[i2_b2] = C(complex(m[8]*real(a0_b2)+m[9]*real(a1_b2)+m[10]*real(a2_b2)+m[11]*real(a3_b2),
			m[8]*imag(a0_b2)+m[9]*imag(a1_b2)+m[10]*imag(a2_b2)+m[11]*imag(a3_b2)))
		d[i3_b2] = C(complex(m[12]*real(a0_b2)+m[13]*real(a1_b2)+m[14]*real(a2_b2)+m[15]*real(a3_b2),
			m[12]*imag(a0_b2)+m[13]*imag(a1_b2)+m[14]*imag(a2_b2)+m[15]*imag(a3_b2)))
		i0_b3, i1_b3, i2_b3, i3_b3 := b3|off[0], b3|off[1], b3|off[2], b3|off[3]
		a0_b3, a1_b3, a2_b3, a3_b3 := complex128(d[i0_b3]), complex128(d[i1_b3]), complex128(d[i2_b3]), complex128(d[i3_b3])
		d[i0_b3] = C(complex(m[0]*real(a0_b3)+m[1]*real(a1_b3)+m[2]*real(a2_b3)+m[3]*real(a3_b3),
			m[0]*imag(a0_b3)+m[1]*imag(a1_b3)+m[2]*imag(a2_b3)+m[3]*imag(a3_b3)))
		d[i1_b3] = C(complex(m[4]*real(a0_b3)+m[5]*real(a1_b3)+m[6]*real(a2_b3)+m[7]*real(a3_b3),
			m[4]*imag(a0_b3)+m[5]*imag(a1_b3)+m[6]*imag(a2_b3)+m[7]*imag(a3_b3)))
		d[i2_b3] = C(complex(m[8]*real(a0_b3)+m[9]*real(a1_b3)+m[10]*real(a2_b3)+m[11]*real(a3_b3),
			m[8]*imag(a0_b3)+m[9]*imag(a1_b3)+m[10]*imag(a2_b3)+m[11]*imag(a3_b3)))
		d[i3_b3] = C(complex(m[12]*real(a0_b3)+m[13]*real(a1_b3)+m[14]*real(a2_b3)+m[15]*real(a3_b3),
			m[12]*imag(a0_b3)+m[13]*imag(a1_b3)+m[14]*imag(a2_b3)+m[15]*imag(a3_b3)))
		b0, b1, b2, b3 = s.next(b0), s.next(b1), s.next(b2), s.next(b3)
	}
	for k := range 4 {
		real4One(d, s, off, m, st[k]+span, st[k+1])
	}
}

// real4One is real4Step with one lane.
func real4One[C Complex](d []C, s *Sites, off [4]uint64, m *[16]float64, lo, hi uint64) {
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		i0_b, i1_b, i2_b, i3_b := b|off[0], b|off[1], b|off[2], b|off[3]
		a0_b, a1_b, a2_b, a3_b := complex128(d[i0_b]), complex128(d[i1_b]), complex128(d[i2_b]), complex128(d[i3_b])
		d[i0_b] = C(complex(m[0]*real(a0_b)+m[1]*real(a1_b)+m[2]*real(a2_b)+m[3]*real(a3_b),
			m[0]*imag(a0_b)+m[1]*imag(a1_b)+m[2]*imag(a2_b)+m[3]*imag(a3_b)))
		d[i1_b] = C(complex(m[4]*real(a0_b)+m[5]*real(a1_b)+m[6]*real(a2_b)+m[7]*real(a3_b),
			m[4]*imag(a0_b)+m[5]*imag(a1_b)+m[6]*imag(a2_b)+m[7]*imag(a3_b)))
		d[i2_b] = C(complex(m[8]*real(a0_b)+m[9]*real(a1_b)+m[10]*real(a2_b)+m[11]*real(a3_b),
			m[8]*imag(a0_b)+m[9]*imag(a1_b)+m[10]*imag(a2_b)+m[11]*imag(a3_b)))
		d[i3_b] = C(complex(m[12]*real(a0_b)+m[13]*real(a1_b)+m[14]*real(a2_b)+m[15]*real(a3_b),
			m[12]*imag(a0_b)+m[13]*imag(a1_b)+m[14]*imag(a2_b)+m[15]*imag(a3_b)))
		b = s.next(b)
	}
}
