package kernel

// Mat4 applies the row-major 4×4 matrix m to the amplitudes at b|off[l],
// l = 0…3, for every base index b in [lo, hi).
func Mat4(d []complex128, s *Sites, off [4]uint64, m *[16]complex128, lo, hi uint64) {
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		i0, i1, i2, i3 := b|off[0], b|off[1], b|off[2], b|off[3]
		a0, a1, a2, a3 := d[i0], d[i1], d[i2], d[i3]
		d[i0] = m[0]*a0 + m[1]*a1 + m[2]*a2 + m[3]*a3
		d[i1] = m[4]*a0 + m[5]*a1 + m[6]*a2 + m[7]*a3
		d[i2] = m[8]*a0 + m[9]*a1 + m[10]*a2 + m[11]*a3
		d[i3] = m[12]*a0 + m[13]*a1 + m[14]*a2 + m[15]*a3
		b = s.next(b)
	}
}

// MatK applies the row-major k×k matrix m (k = len(off)) to the amplitudes
// at b|off[l] for every base index b in [lo, hi). buf must hold k values;
// each concurrent caller needs its own.
func MatK(d []complex128, s *Sites, off []uint64, m []complex128, buf []complex128, lo, hi uint64) {
	k := len(off)
	buf = buf[:k]
	m = m[:k*k]
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		for l, o := range off {
			buf[l] = d[b|o]
		}
		for r, o := range off {
			row := m[r*k : r*k+k]
			var acc complex128
			for c, a := range buf {
				acc += row[c] * a
			}
			d[b|o] = acc
		}
		b = s.next(b)
	}
}

// Mat2x2 applies two independent 2×2 matrices, m to the pair (off[0],
// off[1]) and n to the pair (off[2], off[3]), for every base index b in
// [lo, hi): a 4×4 gate that never mixes the two pairs (RXX, RYY, RZX mix
// |00⟩ with |11⟩ and |01⟩ with |10⟩) at half the cost of Mat4.
func Mat2x2(d []complex128, s *Sites, off [4]uint64, m, n [4]complex128, lo, hi uint64) {
	if s.runs() {
		b := s.Base(lo)
		for j := lo; j < hi; {
			c := s.runLen(j, hi)
			x0 := d[b|off[0] : (b|off[0])+c]
			x1 := d[b|off[1] : (b|off[1])+c][:len(x0)]
			y0 := d[b|off[2] : (b|off[2])+c][:len(x0)]
			y1 := d[b|off[3] : (b|off[3])+c][:len(x0)]
			for r := range x0 {
				a0, a1 := x0[r], x1[r]
				x0[r] = m[0]*a0 + m[1]*a1
				x1[r] = m[2]*a0 + m[3]*a1
				c0, c1 := y0[r], y1[r]
				y0[r] = n[0]*c0 + n[1]*c1
				y1[r] = n[2]*c0 + n[3]*c1
			}
			j += c
			b = s.next(b + c - 1)
		}
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		i0, i1, i2, i3 := b|off[0], b|off[1], b|off[2], b|off[3]
		a0, a1 := d[i0], d[i1]
		d[i0] = m[0]*a0 + m[1]*a1
		d[i1] = m[2]*a0 + m[3]*a1
		c0, c1 := d[i2], d[i3]
		d[i2] = n[0]*c0 + n[1]*c1
		d[i3] = n[2]*c0 + n[3]*c1
		b = s.next(b)
	}
}
