package kernel

// The dense kernels apply a full 2^k × 2^k matrix to the 2^k amplitudes at
// b|off[l] for every base index b in [lo, hi): gates without structure to
// exploit, and the products the fusion pass builds. They read every
// amplitude once and write it once, so for k = 2 they stay close to one
// memory pass; the arithmetic grows as 2^k per amplitude and passes the
// memory time from k = 3 on (scalar code on the reference machine).
//
// Complex matrices are split into real and imaginary parts before the loop:
// each output is then two sums of products, which the compiler turns into
// chains of fused multiply-adds when FMA may be assumed (GOAMD64=v3).

// Mat4 applies the row-major complex 4×4 matrix m.
func Mat4[C Complex](d []C, s *Sites, off [4]uint64, m *[16]complex128, lo, hi uint64) {
	if !s.longRuns() {
		mat4Step(d, s, off, m, lo, hi)
		return
	}
	var re, im [16]float64
	for i, v := range m {
		re[i], im[i] = real(v), imag(v)
	}
	b := s.Base(lo)
	for j := lo; j < hi; {
		c := s.runLen(j, hi)
		// Each run as two halves side by side: eight memory streams.
		x0, x1, y0, y1, xr, yr := split2(d[b|off[0]:(b|off[0])+c], d[b|off[1]:(b|off[1])+c])
		z0, z1, w0, w1, zr, wr := split2(d[b|off[2]:(b|off[2])+c], d[b|off[3]:(b|off[3])+c])
		z0, z1, w0, w1 = z0[:len(x0)], z1[:len(x0)], w0[:len(x0)], w1[:len(x0)]
		x1, y1 = x1[:len(x0)], y1[:len(x0)]
		for r := range x0 {
			a0 := complex128(x0[r])
			a1 := complex128(y0[r])
			a2 := complex128(z0[r])
			a3 := complex128(w0[r])
			a0r, a0i, a1r, a1i := real(a0), imag(a0), real(a1), imag(a1)
			a2r, a2i, a3r, a3i := real(a2), imag(a2), real(a3), imag(a3)
			x0[r] = C(complex(re[0]*a0r-im[0]*a0i+re[1]*a1r-im[1]*a1i+re[2]*a2r-im[2]*a2i+re[3]*a3r-im[3]*a3i,
				re[0]*a0i+im[0]*a0r+re[1]*a1i+im[1]*a1r+re[2]*a2i+im[2]*a2r+re[3]*a3i+im[3]*a3r))
			y0[r] = C(complex(re[4]*a0r-im[4]*a0i+re[5]*a1r-im[5]*a1i+re[6]*a2r-im[6]*a2i+re[7]*a3r-im[7]*a3i,
				re[4]*a0i+im[4]*a0r+re[5]*a1i+im[5]*a1r+re[6]*a2i+im[6]*a2r+re[7]*a3i+im[7]*a3r))
			z0[r] = C(complex(re[8]*a0r-im[8]*a0i+re[9]*a1r-im[9]*a1i+re[10]*a2r-im[10]*a2i+re[11]*a3r-im[11]*a3i,
				re[8]*a0i+im[8]*a0r+re[9]*a1i+im[9]*a1r+re[10]*a2i+im[10]*a2r+re[11]*a3i+im[11]*a3r))
			w0[r] = C(complex(re[12]*a0r-im[12]*a0i+re[13]*a1r-im[13]*a1i+re[14]*a2r-im[14]*a2i+re[15]*a3r-im[15]*a3i,
				re[12]*a0i+im[12]*a0r+re[13]*a1i+im[13]*a1r+re[14]*a2i+im[14]*a2r+re[15]*a3i+im[15]*a3r))
			a0_ := complex128(x1[r])
			a1_ := complex128(y1[r])
			a2_ := complex128(z1[r])
			a3_ := complex128(w1[r])
			a0r_, a0i_, a1r_, a1i_ := real(a0_), imag(a0_), real(a1_), imag(a1_)
			a2r_, a2i_, a3r_, a3i_ := real(a2_), imag(a2_), real(a3_), imag(a3_)
			x1[r] = C(complex(re[0]*a0r_-im[0]*a0i_+re[1]*a1r_-im[1]*a1i_+re[2]*a2r_-im[2]*a2i_+re[3]*a3r_-im[3]*a3i_,
				re[0]*a0i_+im[0]*a0r_+re[1]*a1i_+im[1]*a1r_+re[2]*a2i_+im[2]*a2r_+re[3]*a3i_+im[3]*a3r_))
			y1[r] = C(complex(re[4]*a0r_-im[4]*a0i_+re[5]*a1r_-im[5]*a1i_+re[6]*a2r_-im[6]*a2i_+re[7]*a3r_-im[7]*a3i_,
				re[4]*a0i_+im[4]*a0r_+re[5]*a1i_+im[5]*a1r_+re[6]*a2i_+im[6]*a2r_+re[7]*a3i_+im[7]*a3r_))
			z1[r] = C(complex(re[8]*a0r_-im[8]*a0i_+re[9]*a1r_-im[9]*a1i_+re[10]*a2r_-im[10]*a2i_+re[11]*a3r_-im[11]*a3i_,
				re[8]*a0i_+im[8]*a0r_+re[9]*a1i_+im[9]*a1r_+re[10]*a2i_+im[10]*a2r_+re[11]*a3i_+im[11]*a3r_))
			w1[r] = C(complex(re[12]*a0r_-im[12]*a0i_+re[13]*a1r_-im[13]*a1i_+re[14]*a2r_-im[14]*a2i_+re[15]*a3r_-im[15]*a3i_,
				re[12]*a0i_+im[12]*a0r_+re[13]*a1i_+im[13]*a1r_+re[14]*a2i_+im[14]*a2r_+re[15]*a3i_+im[15]*a3r_))
		}
		zr, wr = zr[:len(xr)], wr[:len(xr)]
		for r := range xr {
			a0 := complex128(xr[r])
			a1 := complex128(yr[r])
			a2 := complex128(zr[r])
			a3 := complex128(wr[r])
			a0r, a0i, a1r, a1i := real(a0), imag(a0), real(a1), imag(a1)
			a2r, a2i, a3r, a3i := real(a2), imag(a2), real(a3), imag(a3)
			xr[r] = C(complex(re[0]*a0r-im[0]*a0i+re[1]*a1r-im[1]*a1i+re[2]*a2r-im[2]*a2i+re[3]*a3r-im[3]*a3i,
				re[0]*a0i+im[0]*a0r+re[1]*a1i+im[1]*a1r+re[2]*a2i+im[2]*a2r+re[3]*a3i+im[3]*a3r))
			yr[r] = C(complex(re[4]*a0r-im[4]*a0i+re[5]*a1r-im[5]*a1i+re[6]*a2r-im[6]*a2i+re[7]*a3r-im[7]*a3i,
				re[4]*a0i+im[4]*a0r+re[5]*a1i+im[5]*a1r+re[6]*a2i+im[6]*a2r+re[7]*a3i+im[7]*a3r))
			zr[r] = C(complex(re[8]*a0r-im[8]*a0i+re[9]*a1r-im[9]*a1i+re[10]*a2r-im[10]*a2i+re[11]*a3r-im[11]*a3i,
				re[8]*a0i+im[8]*a0r+re[9]*a1i+im[9]*a1r+re[10]*a2i+im[10]*a2r+re[11]*a3i+im[11]*a3r))
			wr[r] = C(complex(re[12]*a0r-im[12]*a0i+re[13]*a1r-im[13]*a1i+re[14]*a2r-im[14]*a2i+re[15]*a3r-im[15]*a3i,
				re[12]*a0i+im[12]*a0r+re[13]*a1i+im[13]*a1r+re[14]*a2i+im[14]*a2r+re[15]*a3i+im[15]*a3r))
		}
		j += c
		b = s.next(b + c - 1)
	}
}

// Real4 applies a real row-major 4×4 matrix (products of RY, H, CZ, CX, …)
// with half the multiplications of Mat4.
func Real4[C Complex](d []C, s *Sites, off [4]uint64, m *[16]float64, lo, hi uint64) {

	if !s.longRuns() {
		real4Step(d, s, off, m, lo, hi)
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; {
		c := s.runLen(j, hi)
		// Each run as two halves side by side: eight memory streams.
		x0, x1, y0, y1, xr, yr := split2(d[b|off[0]:(b|off[0])+c], d[b|off[1]:(b|off[1])+c])
		z0, z1, w0, w1, zr, wr := split2(d[b|off[2]:(b|off[2])+c], d[b|off[3]:(b|off[3])+c])
		z0, z1, w0, w1 = z0[:len(x0)], z1[:len(x0)], w0[:len(x0)], w1[:len(x0)]
		x1, y1 = x1[:len(x0)], y1[:len(x0)]
		for r := range x0 {
			a0 := complex128(x0[r])
			a1 := complex128(y0[r])
			a2 := complex128(z0[r])
			a3 := complex128(w0[r])
			a0r, a0i, a1r, a1i := real(a0), imag(a0), real(a1), imag(a1)
			a2r, a2i, a3r, a3i := real(a2), imag(a2), real(a3), imag(a3)
			x0[r] = C(complex(m[0]*a0r+m[1]*a1r+m[2]*a2r+m[3]*a3r,
				m[0]*a0i+m[1]*a1i+m[2]*a2i+m[3]*a3i))
			y0[r] = C(complex(m[4]*a0r+m[5]*a1r+m[6]*a2r+m[7]*a3r,
				m[4]*a0i+m[5]*a1i+m[6]*a2i+m[7]*a3i))
			z0[r] = C(complex(m[8]*a0r+m[9]*a1r+m[10]*a2r+m[11]*a3r,
				m[8]*a0i+m[9]*a1i+m[10]*a2i+m[11]*a3i))
			w0[r] = C(complex(m[12]*a0r+m[13]*a1r+m[14]*a2r+m[15]*a3r,
				m[12]*a0i+m[13]*a1i+m[14]*a2i+m[15]*a3i))
			a0_ := complex128(x1[r])
			a1_ := complex128(y1[r])
			a2_ := complex128(z1[r])
			a3_ := complex128(w1[r])
			a0r_, a0i_, a1r_, a1i_ := real(a0_), imag(a0_), real(a1_), imag(a1_)
			a2r_, a2i_, a3r_, a3i_ := real(a2_), imag(a2_), real(a3_), imag(a3_)
			x1[r] = C(complex(m[0]*a0r_+m[1]*a1r_+m[2]*a2r_+m[3]*a3r_,
				m[0]*a0i_+m[1]*a1i_+m[2]*a2i_+m[3]*a3i_))
			y1[r] = C(complex(m[4]*a0r_+m[5]*a1r_+m[6]*a2r_+m[7]*a3r_,
				m[4]*a0i_+m[5]*a1i_+m[6]*a2i_+m[7]*a3i_))
			z1[r] = C(complex(m[8]*a0r_+m[9]*a1r_+m[10]*a2r_+m[11]*a3r_,
				m[8]*a0i_+m[9]*a1i_+m[10]*a2i_+m[11]*a3i_))
			w1[r] = C(complex(m[12]*a0r_+m[13]*a1r_+m[14]*a2r_+m[15]*a3r_,
				m[12]*a0i_+m[13]*a1i_+m[14]*a2i_+m[15]*a3i_))
		}
		zr, wr = zr[:len(xr)], wr[:len(xr)]
		for r := range xr {
			a0 := complex128(xr[r])
			a1 := complex128(yr[r])
			a2 := complex128(zr[r])
			a3 := complex128(wr[r])
			a0r, a0i, a1r, a1i := real(a0), imag(a0), real(a1), imag(a1)
			a2r, a2i, a3r, a3i := real(a2), imag(a2), real(a3), imag(a3)
			xr[r] = C(complex(m[0]*a0r+m[1]*a1r+m[2]*a2r+m[3]*a3r,
				m[0]*a0i+m[1]*a1i+m[2]*a2i+m[3]*a3i))
			yr[r] = C(complex(m[4]*a0r+m[5]*a1r+m[6]*a2r+m[7]*a3r,
				m[4]*a0i+m[5]*a1i+m[6]*a2i+m[7]*a3i))
			zr[r] = C(complex(m[8]*a0r+m[9]*a1r+m[10]*a2r+m[11]*a3r,
				m[8]*a0i+m[9]*a1i+m[10]*a2i+m[11]*a3i))
			wr[r] = C(complex(m[12]*a0r+m[13]*a1r+m[14]*a2r+m[15]*a3r,
				m[12]*a0i+m[13]*a1i+m[14]*a2i+m[15]*a3i))
		}
		j += c
		b = s.next(b + c - 1)
	}
}

// MatK applies a complex row-major k×k matrix (k = len(off)), given as its
// real parts re and imaginary parts im. buf must hold k values; each
// concurrent caller needs its own.
func MatK[C Complex](d []C, s *Sites, off []uint64, re, im []float64, buf []complex128, lo, hi uint64) {
	k := len(off)
	buf = buf[:k]
	re, im = re[:k*k], im[:k*k]
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		for l, o := range off {
			buf[l] = complex128(d[b|o])
		}
		for r, o := range off {
			rr, ri := re[r*k:r*k+k], im[r*k:r*k+k]
			var sr, si float64
			for c, a := range buf {
				sr += rr[c]*real(a) - ri[c]*imag(a)
				si += rr[c]*imag(a) + ri[c]*real(a)
			}
			d[b|o] = C(complex(sr, si))
		}
		b = s.next(b)
	}
}

// RealK applies a real row-major k×k matrix m (k = len(off)); buf must hold
// k values.
func RealK[C Complex](d []C, s *Sites, off []uint64, m []float64, buf []complex128, lo, hi uint64) {
	k := len(off)
	buf = buf[:k]
	m = m[:k*k]
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		for l, o := range off {
			buf[l] = complex128(d[b|o])
		}
		for r, o := range off {
			row := m[r*k : r*k+k]
			var sr, si float64
			for c, a := range buf {
				sr += row[c] * real(a)
				si += row[c] * imag(a)
			}
			d[b|o] = C(complex(sr, si))
		}
		b = s.next(b)
	}
}

// Mat2x2 applies two independent 2×2 matrices, m to the pair (off[0],
// off[1]) and n to the pair (off[2], off[3]), for every base index b in
// [lo, hi): a 4×4 gate that never mixes the two pairs (RXX, RYY, RZX mix
// |00⟩ with |11⟩ and |01⟩ with |10⟩) at half the cost of Mat4.
func Mat2x2[C Complex](d []C, s *Sites, off [4]uint64, m, n [4]complex128, lo, hi uint64) {
	if !s.longRuns() {
		mat2x2Step(d, s, off, m, n, lo, hi)
		return
	}
	b := s.Base(lo)
	for j := lo; j < hi; {
		c := s.runLen(j, hi)
		x0, x1, y0, y1, xr, yr := split2(d[b|off[0]:(b|off[0])+c], d[b|off[1]:(b|off[1])+c])
		z0, z1, w0, w1, zr, wr := split2(d[b|off[2]:(b|off[2])+c], d[b|off[3]:(b|off[3])+c])
		z0, z1, w0, w1 = z0[:len(x0)], z1[:len(x0)], w0[:len(x0)], w1[:len(x0)]
		for r := range x0 {
			x0[r], y0[r] = mat2Pair(x0[r], y0[r], m[0], m[1], m[2], m[3])
			z0[r], w0[r] = mat2Pair(z0[r], w0[r], n[0], n[1], n[2], n[3])
			x1[r], y1[r] = mat2Pair(x1[r], y1[r], m[0], m[1], m[2], m[3])
			z1[r], w1[r] = mat2Pair(z1[r], w1[r], n[0], n[1], n[2], n[3])
		}
		zr, wr = zr[:len(xr)], wr[:len(xr)]
		for r := range xr {
			xr[r], yr[r] = mat2Pair(xr[r], yr[r], m[0], m[1], m[2], m[3])
			zr[r], wr[r] = mat2Pair(zr[r], wr[r], n[0], n[1], n[2], n[3])
		}
		j += c
		b = s.next(b + c - 1)
	}
}
