package kernel

// Phase multiplies the amplitude at b|off by p for every base index b in
// [lo, hi): Z, S, T, P and their controlled forms touch only the amplitudes
// with every control and the target set (a quarter of the state for CZ/CP).
func Phase(d []complex128, s *Sites, off uint64, p complex128, lo, hi uint64) {
	if s.runs() {
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.runLen(j, hi)
			x := d[b|off : (b|off)+c]
			for r := range x {
				x[r] *= p
			}
			j += c
			b = s.next(b + c - 1)
		}
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		d[b|off] *= p
		b = s.next(b)
	}
}

// Diag2 multiplies the amplitudes at b|o0 by p0 and at b|o1 by p1 for
// every base index b in [lo, hi): RZ, CRZ and other diagonals with two
// entries that differ from 1.
func Diag2(d []complex128, s *Sites, o0, o1 uint64, p0, p1 complex128, lo, hi uint64) {
	if s.runs() {
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.runLen(j, hi)
			x := d[b|o0 : (b|o0)+c]
			y := d[b|o1 : (b|o1)+c]
			y = y[:len(x)]
			for r := range x {
				x[r] *= p0
				y[r] *= p1
			}
			j += c
			b = s.next(b + c - 1)
		}
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		d[b|o0] *= p0
		d[b|o1] *= p1
		b = s.next(b)
	}
}

// Diag multiplies the amplitude at b|offs[l] by p[l] for every l and every
// base index b in [lo, hi): any diagonal gate (RZ, RZZ, controlled
// diagonals), given only the entries that differ from 1.
func Diag(d []complex128, s *Sites, offs []uint64, p []complex128, lo, hi uint64) {
	p = p[:len(offs)]
	if s.runs() {
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.runLen(j, hi)
			for l, off := range offs {
				x := d[b|off : (b|off)+c]
				pl := p[l]
				for r := range x {
					x[r] *= pl
				}
			}
			j += c
			b = s.next(b + c - 1)
		}
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		for l, off := range offs {
			d[b|off] *= p[l]
		}
		b = s.next(b)
	}
}

// Diag4 multiplies the amplitudes at b|off[l] by p[l], l = 0…3, for every
// base index b in [lo, hi): two-qubit diagonals such as RZZ, unrolled.
func Diag4(d []complex128, s *Sites, off [4]uint64, p [4]complex128, lo, hi uint64) {
	if s.runs() {
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.runLen(j, hi)
			for l := range off {
				x := d[b|off[l] : (b|off[l])+c]
				pl := p[l]
				for r := range x {
					x[r] *= pl
				}
			}
			j += c
			b = s.next(b + c - 1)
		}
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		d[b|off[0]] *= p[0]
		d[b|off[1]] *= p[1]
		d[b|off[2]] *= p[2]
		d[b|off[3]] *= p[3]
		b = s.next(b)
	}
}
