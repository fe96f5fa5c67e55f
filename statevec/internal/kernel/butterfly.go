package kernel

// Butterfly is a real two-qubit operator, up to a scalar factor, written
// as two stages of 2×2 blocks with unit diagonals: the form of products of
// one-qubit rotations and sign flips such as (RY ⊗ RY)·CZ, which is what
// the fusion pass makes of a brickwork of RY and CZ layers. Bit 0 of the
// local index l of the four amplitudes p_0…p_3 of a base index is the lower
// of the two qubits, bit 1 the higher; the kernel computes
//
//	v_l = p_l + T[l]·p_{l⊕1}                      (first stage, lower qubit)
//	o_l = v_l + A[l]·v_{l⊕2}   for l = 0, 1, 2   (second stage, higher qubit)
//	o_3 = −(v_3 + A[3]·v_1)
//
// Four multiplications and four additions per real number, against seven
// for the dense real 4×4 (Real4), and eight coefficients that stay in
// registers instead of sixteen. The sign on o_3 is the CZ such products
// carry. The scalar the unit diagonals leave out is the caller's to apply.
type Butterfly struct {
	T [4]float64
	A [4]float64
}

// Butterfly4 applies f to the two qubits s describes (no controls) for
// every base index in [lo, hi).
func Butterfly4[C Complex](d []C, s *Sites, f *Butterfly, lo, hi uint64) {
	if s.npos != 2 {
		panic("kernel: Butterfly4 needs exactly two qubits") // the caller passes the two targets
	}
	c := bflyCoef{f.T[0], f.T[1], f.T[2], f.T[3], f.A[0], f.A[1], f.A[2], -f.A[3]}
	switch q0 := s.pos[0]; {
	case q0 >= longRunShift:
		butterflyLong(d, s, &c, lo, hi)
	case q0 == 0:
		butterflyPairs(d, s, &c, lo, hi)
	default:
		butterflyShort(d, s, &c, lo, hi)
	}
}

// bflyCoef holds a Butterfly's coefficients as the loops use them (the
// last one negated).
type bflyCoef struct{ t0, t1, t2, t3, a0, a1, a2, a3 float64 }

// bfly applies the butterfly to one real component (real or imaginary
// parts) of the four amplitudes. Small enough to inline into every loop.
func bfly(p0, p1, p2, p3 float64, c *bflyCoef) (o0, o1, o2, o3 float64) {
	v0, v1 := p0+c.t0*p1, p1+c.t1*p0
	v2, v3 := p2+c.t2*p3, p3+c.t3*p2
	return v0 + c.a0*v2, v1 + c.a1*v3, v2 + c.a2*v0, c.a3*v1 - v3
}

// butterflyLong walks long runs, each as two halves side by side: eight
// memory streams.
func butterflyLong[C Complex](d []C, s *Sites, c *bflyCoef, lo, hi uint64) {
	h0, h1 := uint64(1)<<s.pos[0], uint64(1)<<s.pos[1]
	b := s.Base(lo)
	for j := lo; j < hi; {
		n := s.runLen(j, hi)
		x0, x1, y0, y1, xr, yr := split2(d[b:b+n], d[b+h0:b+h0+n])
		z0, z1, w0, w1, zr, wr := split2(d[b+h1:b+h1+n], d[b+h0+h1:b+h0+h1+n])
		z0, z1, w0, w1 = z0[:len(x0)], z1[:len(x0)], w0[:len(x0)], w1[:len(x0)]
		x1, y1 = x1[:len(x0)], y1[:len(x0)]
		for r := range x0 {
			p0, p1, p2, p3 := complex128(x0[r]), complex128(y0[r]), complex128(z0[r]), complex128(w0[r])
			r0, r1, r2, r3 := bfly(real(p0), real(p1), real(p2), real(p3), c)
			i0, i1, i2, i3 := bfly(imag(p0), imag(p1), imag(p2), imag(p3), c)
			x0[r], y0[r], z0[r], w0[r] = C(complex(r0, i0)), C(complex(r1, i1)), C(complex(r2, i2)), C(complex(r3, i3))
			p0, p1, p2, p3 = complex128(x1[r]), complex128(y1[r]), complex128(z1[r]), complex128(w1[r])
			r0, r1, r2, r3 = bfly(real(p0), real(p1), real(p2), real(p3), c)
			i0, i1, i2, i3 = bfly(imag(p0), imag(p1), imag(p2), imag(p3), c)
			x1[r], y1[r], z1[r], w1[r] = C(complex(r0, i0)), C(complex(r1, i1)), C(complex(r2, i2)), C(complex(r3, i3))
		}
		zr, wr = zr[:len(xr)], wr[:len(xr)]
		for r := range xr {
			p0, p1, p2, p3 := complex128(xr[r]), complex128(yr[r]), complex128(zr[r]), complex128(wr[r])
			r0, r1, r2, r3 := bfly(real(p0), real(p1), real(p2), real(p3), c)
			i0, i1, i2, i3 := bfly(imag(p0), imag(p1), imag(p2), imag(p3), c)
			xr[r], yr[r], zr[r], wr[r] = C(complex(r0, i0)), C(complex(r1, i1)), C(complex(r2, i2)), C(complex(r3, i3))
		}
		j += n
		b = s.next(b + n - 1)
	}
}

// butterflyPairs is the loop for a lower qubit 0: the amplitude pairs
// (p_0, p_1) and (p_2, p_3) are adjacent, read as two-element arrays, in
// four lanes.
func butterflyPairs[C Complex](d []C, s *Sites, c *bflyCoef, lo, hi uint64) {
	st, span, ok := lanes(lo, hi)
	if !ok {
		butterflyOne(d, s, c, lo, hi)
		return
	}
	h1 := uint64(1) << s.pos[1]
	bs := [4]uint64{s.Base(st[0]), s.Base(st[1]), s.Base(st[2]), s.Base(st[3])}
	for range span {
		for k := range bs {
			b := bs[k]
			xy := (*[2]C)(d[b : b+2])
			zw := (*[2]C)(d[b+h1 : b+h1+2])
			p0, p1, p2, p3 := complex128(xy[0]), complex128(xy[1]), complex128(zw[0]), complex128(zw[1])
			r0, r1, r2, r3 := bfly(real(p0), real(p1), real(p2), real(p3), c)
			i0, i1, i2, i3 := bfly(imag(p0), imag(p1), imag(p2), imag(p3), c)
			xy[0], xy[1], zw[0], zw[1] = C(complex(r0, i0)), C(complex(r1, i1)), C(complex(r2, i2)), C(complex(r3, i3))
			bs[k] = s.next(b)
		}
	}
	for k := range 4 {
		butterflyOne(d, s, c, st[k]+span, st[k+1])
	}
}

// butterflyShort is the loop for a lower qubit q0 in [1, longRunShift):
// base indices come in runs of 2^q0, the run of p_0 next to the run of p_1
// and the runs of p_2 and p_3 likewise. Whole runs are walked in four
// lanes; partial runs at the ends of [lo, hi) one index at a time.
func butterflyShort[C Complex](d []C, s *Sites, c *bflyCoef, lo, hi uint64) {
	n := uint64(1) << s.pos[0]
	h1 := uint64(1) << s.pos[1]
	first, last := (lo+n-1)/n, hi/n // whole runs
	if first >= last {
		butterflyOne(d, s, c, lo, hi)
		return
	}
	butterflyOne(d, s, c, lo, first*n)
	defer butterflyOne(d, s, c, last*n, hi)
	st, span, ok := skewedLanes(first, last, (laneSkew+n-1)/n)
	if !ok {
		butterflyOne(d, s, c, first*n, last*n)
		return
	}
	bs := [4]uint64{s.Base(st[0] * n), s.Base(st[1] * n), s.Base(st[2] * n), s.Base(st[3] * n)}
	for range span {
		for k := range bs {
			b := bs[k]
			if n == 2 {
				xy := (*[4]C)(d[b : b+4])
				zw := (*[4]C)(d[b+h1 : b+h1+4])
				p0, p1, p2, p3 := complex128(xy[0]), complex128(xy[2]), complex128(zw[0]), complex128(zw[2])
				r0, r1, r2, r3 := bfly(real(p0), real(p1), real(p2), real(p3), c)
				i0, i1, i2, i3 := bfly(imag(p0), imag(p1), imag(p2), imag(p3), c)
				xy[0], xy[2], zw[0], zw[2] = C(complex(r0, i0)), C(complex(r1, i1)), C(complex(r2, i2)), C(complex(r3, i3))
				p0, p1, p2, p3 = complex128(xy[1]), complex128(xy[3]), complex128(zw[1]), complex128(zw[3])
				r0, r1, r2, r3 = bfly(real(p0), real(p1), real(p2), real(p3), c)
				i0, i1, i2, i3 = bfly(imag(p0), imag(p1), imag(p2), imag(p3), c)
				xy[1], xy[3], zw[1], zw[3] = C(complex(r0, i0)), C(complex(r1, i1)), C(complex(r2, i2)), C(complex(r3, i3))
			} else {
				xy, zw := d[b:b+2*n], d[b+h1:b+h1+2*n]
				x, y := xy[:n], xy[n:2*n]
				z, w := zw[:n], zw[n:2*n]
				y, z, w = y[:len(x)], z[:len(x)], w[:len(x)]
				for r := range x {
					p0, p1, p2, p3 := complex128(x[r]), complex128(y[r]), complex128(z[r]), complex128(w[r])
					r0, r1, r2, r3 := bfly(real(p0), real(p1), real(p2), real(p3), c)
					i0, i1, i2, i3 := bfly(imag(p0), imag(p1), imag(p2), imag(p3), c)
					x[r], y[r], z[r], w[r] = C(complex(r0, i0)), C(complex(r1, i1)), C(complex(r2, i2)), C(complex(r3, i3))
				}
			}
			bs[k] = s.next(b + n - 1)
		}
	}
	for k := range 4 {
		butterflyOne(d, s, c, (st[k]+span)*n, st[k+1]*n)
	}
}

// butterflyOne steps through base indices one at a time.
func butterflyOne[C Complex](d []C, s *Sites, c *bflyCoef, lo, hi uint64) {
	h0, h1 := uint64(1)<<s.pos[0], uint64(1)<<s.pos[1]
	b := s.Base(lo)
	for j := lo; j < hi; j++ {
		p0, p1, p2, p3 := complex128(d[b]), complex128(d[b+h0]), complex128(d[b+h1]), complex128(d[b+h0+h1])
		r0, r1, r2, r3 := bfly(real(p0), real(p1), real(p2), real(p3), c)
		i0, i1, i2, i3 := bfly(imag(p0), imag(p1), imag(p2), imag(p3), c)
		d[b], d[b+h0], d[b+h1], d[b+h0+h1] = C(complex(r0, i0)), C(complex(r1, i1)), C(complex(r2, i2)), C(complex(r3, i3))
		b = s.next(b)
	}
}
