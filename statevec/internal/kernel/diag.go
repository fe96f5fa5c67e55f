package kernel

// The diagonal kernels multiply single amplitudes by phases. Their runs
// are walked as four quarters side by side (two halves when two runs are
// already in flight), so that a diagonal gate on high qubits keeps as many
// memory streams busy as a dense one (see streams in doc.go).

// split4 cuts the run x into quarters walked side by side and returns what
// is left over when the length is not a multiple of 4.
func split4[C Complex](x []C) (x0, x1, x2, x3, xr []C) {
	q := len(x) / 4
	return x[:q], x[q : 2*q][:q], x[2*q : 3*q][:q], x[3*q : 4*q][:q], x[4*q:]
}

// scale multiplies every amplitude of x by p.
func scale[C Complex](x []C, p complex128) {
	x0, x1, x2, x3, xr := split4(x)
	for r := range x0 {
		x0[r] = C(p * complex128(x0[r]))
		x1[r] = C(p * complex128(x1[r]))
		x2[r] = C(p * complex128(x2[r]))
		x3[r] = C(p * complex128(x3[r]))
	}
	for r := range xr {
		xr[r] = C(p * complex128(xr[r]))
	}
}

// flip negates every amplitude of x.
func flip[C Complex](x []C) {
	x0, x1, x2, x3, xr := split4(x)
	for r := range x0 {
		x0[r] = -x0[r]
		x1[r] = -x1[r]
		x2[r] = -x2[r]
		x3[r] = -x3[r]
	}
	for r := range xr {
		xr[r] = -xr[r]
	}
}

// Phase multiplies the amplitude at b|off by p for every base index b in
// [lo, hi): Z, S, T, P and their controlled forms touch only the amplitudes
// with every control and the target set (a quarter of the state for CZ/CP).
// p = −1 (Z, CZ, CCZ) is a sign flip, exact in either precision.
func Phase[C Complex](d []C, s *Sites, off uint64, p complex128, lo, hi uint64) {
	if !s.longRuns() {
		if p == -1 {
			negateAtStep(d, s, off, lo, hi)
		} else {
			scaleAtStep(d, s, off, p, lo, hi)
		}
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; {
		c := s.runLen(j, hi)
		if x := d[b|off : (b|off)+c]; p == -1 {
			flip(x)
		} else {
			scale(x, p)
		}
		j += c
		b = s.next(b + c - 1)
	}
}

// Diag2 multiplies the amplitudes at b|o0 by p0 and at b|o1 by p1 for
// every base index b in [lo, hi): RZ, CRZ and other diagonals with two
// entries that differ from 1.
func Diag2[C Complex](d []C, s *Sites, o0, o1 uint64, p0, p1 complex128, lo, hi uint64) {
	if !s.longRuns() {
		diag2Step(d, s, o0, o1, p0, p1, lo, hi)
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; {
		c := s.runLen(j, hi)
		x0, x1, y0, y1, xr, yr := split2(d[b|o0:(b|o0)+c], d[b|o1:(b|o1)+c])
		for r := range x0 {
			x0[r] = C(p0 * complex128(x0[r]))
			y0[r] = C(p1 * complex128(y0[r]))
			x1[r] = C(p0 * complex128(x1[r]))
			y1[r] = C(p1 * complex128(y1[r]))
		}
		for r := range xr {
			xr[r] = C(p0 * complex128(xr[r]))
			yr[r] = C(p1 * complex128(yr[r]))
		}
		j += c
		b = s.next(b + c - 1)
	}
}

// Diag multiplies the amplitude at b|offs[l] by p[l] for every l and every
// base index b in [lo, hi): any diagonal gate (RZ, RZZ, controlled
// diagonals, fused runs of diagonal gates), given only the entries that
// differ from 1.
func Diag[C Complex](d []C, s *Sites, offs []uint64, p []complex128, lo, hi uint64) {
	p = p[:len(offs)]
	if !s.longRuns() {
		diagKStep(d, s, offs, p, lo, hi)
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; {
		c := s.runLen(j, hi)
		for l, off := range offs {
			scale(d[b|off:(b|off)+c], p[l])
		}
		j += c
		b = s.next(b + c - 1)
	}
}

// Diag4 multiplies the amplitudes at b|off[l] by p[l], l = 0…3, for every
// base index b in [lo, hi): two-qubit diagonals such as RZZ, unrolled.
func Diag4[C Complex](d []C, s *Sites, off [4]uint64, p [4]complex128, lo, hi uint64) {
	if !s.longRuns() {
		diag4Step(d, s, off, p, lo, hi)
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; {
		c := s.runLen(j, hi)
		x0, x1, y0, y1, xr, yr := split2(d[b|off[0]:(b|off[0])+c], d[b|off[1]:(b|off[1])+c])
		z0, z1, w0, w1, zr, wr := split2(d[b|off[2]:(b|off[2])+c], d[b|off[3]:(b|off[3])+c])
		z0, z1, w0, w1 = z0[:len(x0)], z1[:len(x0)], w0[:len(x0)], w1[:len(x0)]
		for r := range x0 {
			x0[r] = C(p[0] * complex128(x0[r]))
			y0[r] = C(p[1] * complex128(y0[r]))
			z0[r] = C(p[2] * complex128(z0[r]))
			w0[r] = C(p[3] * complex128(w0[r]))
			x1[r] = C(p[0] * complex128(x1[r]))
			y1[r] = C(p[1] * complex128(y1[r]))
			z1[r] = C(p[2] * complex128(z1[r]))
			w1[r] = C(p[3] * complex128(w1[r]))
		}
		for r := range xr {
			xr[r] = C(p[0] * complex128(xr[r]))
			yr[r] = C(p[1] * complex128(yr[r]))
			zr[r] = C(p[2] * complex128(zr[r]))
			wr[r] = C(p[3] * complex128(wr[r]))
		}
		j += c
		b = s.next(b + c - 1)
	}
}
