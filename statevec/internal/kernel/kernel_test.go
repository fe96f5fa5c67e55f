package kernel

import (
	"math"
	"math/bits"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The kernels are checked against the slowest obvious method: scan all 2^n
// indices and act where the involved bits are zero. Each kernel runs over a
// random split of its base range into chunks, as the parallel driver cuts
// it, so partial runs at chunk edges are exercised.

type setup struct {
	n      int
	qubits []int
	sites  Sites
	data   []complex128
	chunks [][2]uint64
}

func newSetup(rng *rand.Rand, k int) setup {
	n := k + rng.IntN(8)
	qubits := rng.Perm(n)[:k]
	switch rng.IntN(4) {
	case 0:
		// Every involved qubit at longRunShift or above: the runs shapes.
		n = longRunShift + k + rng.IntN(2)
		qubits = rng.Perm(n - longRunShift)[:k]
		for i := range qubits {
			qubits[i] += longRunShift
		}
	case 1:
		// Enough base indices for the four lanes of the step loops.
		n = k + 9 + rng.IntN(2)
		qubits = rng.Perm(longRunShift)[:k]
	}
	s := setup{n: n, qubits: qubits, sites: NewSites(n, qubits, nil)}
	s.data = make([]complex128, 1<<n)
	for i := range s.data {
		s.data[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	for lo := uint64(0); lo < s.sites.Count; {
		hi := min(s.sites.Count, lo+1+uint64(rng.IntN(int(s.sites.Count))))
		s.chunks = append(s.chunks, [2]uint64{lo, hi})
		lo = hi
	}
	return s
}

// bases lists the base indices by scanning.
func (s *setup) bases() []uint64 {
	var out []uint64
	for i := uint64(0); i < uint64(len(s.data)); i++ {
		if i&s.sites.Mask == 0 {
			out = append(out, i)
		}
	}
	return out
}

func (s *setup) each(f func(lo, hi uint64)) {
	for _, c := range s.chunks {
		f(c[0], c[1])
	}
}

func randomComplex(rng *rand.Rand) complex128 { return complex(rng.NormFloat64(), rng.NormFloat64()) }

// offsets returns 2^t offsets over the first t qubits of s, or-ed with the
// remaining qubits as controls.
func (s *setup) offsets(t int) []uint64 {
	var ctrl uint64
	for _, q := range s.qubits[t:] {
		ctrl |= 1 << q
	}
	off := make([]uint64, 1<<t)
	for l := range off {
		off[l] = ctrl
		for i := 0; i < t; i++ {
			if l>>i&1 == 1 {
				off[l] |= 1 << s.qubits[i]
			}
		}
	}
	return off
}

func requireClose(t *testing.T, want, got []complex128) {
	t.Helper()
	for i := range want {
		if d := cmplx.Abs(want[i] - got[i]); !(d <= 1e-12) {
			require.InDelta(t, 0, d, 1e-12, "index %d", i)
		}
	}
}

func TestSitesBase(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for range 200 {
		s := newSetup(rng, 1+rng.IntN(4))
		want := s.bases()
		require.Len(t, want, int(s.sites.Count))
		b := s.sites.Base(0)
		for j, w := range want {
			require.Equal(t, w, s.sites.Base(uint64(j)))
			require.Equal(t, w, b)
			b = s.sites.next(b)
		}
	}
}

func TestPairKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	for trial := range 300 {
		s := newSetup(rng, 1+rng.IntN(4))
		off := s.offsets(1)
		if trial%3 == 0 && len(s.qubits) >= 2 { // a SWAP-like pair
			off = s.offsets(2)[1:3]
		}
		o0, o1 := off[0], off[1]
		m := [4]complex128{randomComplex(rng), randomComplex(rng), randomComplex(rng), randomComplex(rng)}
		r := [4]float64{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()}
		h := rng.NormFloat64()
		naive := func(f func(a, b complex128) (complex128, complex128)) []complex128 {
			out := append([]complex128(nil), s.data...)
			for _, b := range s.bases() {
				out[b|o0], out[b|o1] = f(out[b|o0], out[b|o1])
			}
			return out
		}
		for name, c := range map[string]struct {
			want []complex128
			run  func(x []complex128, lo, hi uint64)
		}{
			"swap": {naive(func(a, b complex128) (complex128, complex128) { return b, a }),
				func(x []complex128, lo, hi uint64) { Swap(x, &s.sites, o0, o1, lo, hi) }},
			"swapPhase": {naive(func(a, b complex128) (complex128, complex128) { return m[1] * b, m[2] * a }),
				func(x []complex128, lo, hi uint64) { SwapPhase(x, &s.sites, o0, o1, m[1], m[2], lo, hi) }},
			"mat2": {naive(func(a, b complex128) (complex128, complex128) { return m[0]*a + m[1]*b, m[2]*a + m[3]*b }),
				func(x []complex128, lo, hi uint64) { Mat2(x, &s.sites, o0, o1, m, lo, hi) }},
			"real2": {naive(func(a, b complex128) (complex128, complex128) {
				return complex(r[0], 0)*a + complex(r[1], 0)*b, complex(r[2], 0)*a + complex(r[3], 0)*b
			}), func(x []complex128, lo, hi uint64) { Real2(x, &s.sites, o0, o1, r, lo, hi) }},
			"hadamard": {naive(func(a, b complex128) (complex128, complex128) {
				return complex(h, 0) * (a + b), complex(h, 0) * (a - b)
			}), func(x []complex128, lo, hi uint64) { Hadamard(x, &s.sites, o0, o1, h, lo, hi) }},
			"phase": {naive(func(a, b complex128) (complex128, complex128) { return a, m[0] * b }),
				func(x []complex128, lo, hi uint64) { Phase(x, &s.sites, o1, m[0], lo, hi) }},
			"diag2": {naive(func(a, b complex128) (complex128, complex128) { return m[0] * a, m[3] * b }),
				func(x []complex128, lo, hi uint64) { Diag2(x, &s.sites, o0, o1, m[0], m[3], lo, hi) }},
			"negate": {naive(func(a, b complex128) (complex128, complex128) { return a, -b }),
				func(x []complex128, lo, hi uint64) { Phase(x, &s.sites, o1, -1, lo, hi) }},
			"diag": {naive(func(a, b complex128) (complex128, complex128) { return m[0] * a, m[3] * b }),
				func(x []complex128, lo, hi uint64) {
					Diag(x, &s.sites, []uint64{o0, o1}, []complex128{m[0], m[3]}, lo, hi)
				}},
		} {
			got := append([]complex128(nil), s.data...)
			s.each(func(lo, hi uint64) { c.run(got, lo, hi) })
			t.Run(name, func(t *testing.T) { requireClose(t, c.want, got) })
		}
	}
}

func TestDenseKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for range 100 {
		k := 2 + rng.IntN(2)
		s := newSetup(rng, k+rng.IntN(2))
		off := s.offsets(k)
		d := len(off)
		m := make([]complex128, d*d)
		for i := range m {
			m[i] = randomComplex(rng)
		}
		want := append([]complex128(nil), s.data...)
		for _, b := range s.bases() {
			in := make([]complex128, d)
			for l, o := range off {
				in[l] = want[b|o]
			}
			for r, o := range off {
				var acc complex128
				for c := range in {
					acc += m[r*d+c] * in[c]
				}
				want[b|o] = acc
			}
		}
		re, im := make([]float64, d*d), make([]float64, d*d)
		for i, v := range m {
			re[i], im[i] = real(v), imag(v)
		}
		got := append([]complex128(nil), s.data...)
		s.each(func(lo, hi uint64) { MatK(got, &s.sites, off, re, im, make([]complex128, d), lo, hi) })
		requireClose(t, want, got)
		if k == 2 {
			got4 := append([]complex128(nil), s.data...)
			m4 := [16]complex128(m)
			s.each(func(lo, hi uint64) { Mat4(got4, &s.sites, [4]uint64(off), &m4, lo, hi) })
			requireClose(t, want, got4)
		}
	}
}

// TestRealDenseKernels checks Real4 and RealK against MatK with the same
// real matrix, including the four-neighbour shape of Real4 (qubits 0 and 1,
// no controls).
func TestRealDenseKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for trial := range 100 {
		k := 2 + rng.IntN(2)
		s := newSetup(rng, k+rng.IntN(2))
		if trial%4 == 0 {
			k = 2
			s.qubits = []int{0, 1}
			s.sites = NewSites(s.n, s.qubits, nil)
			s.chunks = [][2]uint64{{0, s.sites.Count / 3}, {s.sites.Count / 3, s.sites.Count}}
		}
		off := s.offsets(k)
		d := len(off)
		m := make([]float64, d*d)
		for i := range m {
			m[i] = rng.NormFloat64()
		}
		want := append([]complex128(nil), s.data...)
		MatK(want, &s.sites, off, m, make([]float64, d*d), make([]complex128, d), 0, s.sites.Count)
		got := append([]complex128(nil), s.data...)
		s.each(func(lo, hi uint64) { RealK(got, &s.sites, off, m, make([]complex128, d), lo, hi) })
		requireClose(t, want, got)
		if k == 2 {
			got4 := append([]complex128(nil), s.data...)
			m4 := [16]float64(m)
			s.each(func(lo, hi uint64) { Real4(got4, &s.sites, [4]uint64(off), &m4, lo, hi) })
			requireClose(t, want, got4)
			var c4 [16]complex128
			for i, v := range m {
				c4[i] = complex(v, 0.5*v)
			}
			want = append(want[:0], s.data...)
			re, im := make([]float64, 16), make([]float64, 16)
			for i, v := range c4 {
				re[i], im[i] = real(v), imag(v)
			}
			MatK(want, &s.sites, off, re, im, make([]complex128, d), 0, s.sites.Count)
			got4 = append(got4[:0], s.data...)
			s.each(func(lo, hi uint64) { Mat4(got4, &s.sites, [4]uint64(off), &c4, lo, hi) })
			requireClose(t, want, got4)
		}
	}
}

// TestComplex64 runs the complex64 instantiations on rounded copies of the
// data and compares with complex128 to single-precision rounding.
func TestComplex64(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for range 50 {
		s := newSetup(rng, 2)
		off := s.offsets(2)
		var m [16]complex128
		var r [16]float64
		for i := range m {
			m[i], r[i] = randomComplex(rng), rng.NormFloat64()
		}
		single := make([]complex64, len(s.data))
		double := make([]complex128, len(s.data))
		for i, v := range s.data {
			single[i] = complex64(v)
			double[i] = complex128(single[i])
		}
		o := [4]uint64(off)
		s.each(func(lo, hi uint64) {
			Mat4(single, &s.sites, o, &m, lo, hi)
			Real4(single, &s.sites, o, &r, lo, hi)
			Hadamard(single, &s.sites, o[0], o[1], 0.7, lo, hi)
			Phase(single, &s.sites, o[3], -1, lo, hi)
			Swap(single, &s.sites, o[1], o[2], lo, hi)
		})
		s.each(func(lo, hi uint64) {
			Mat4(double, &s.sites, o, &m, lo, hi)
			Real4(double, &s.sites, o, &r, lo, hi)
			Hadamard(double, &s.sites, o[0], o[1], 0.7, lo, hi)
			Phase(double, &s.sites, o[3], -1, lo, hi)
			Swap(double, &s.sites, o[1], o[2], lo, hi)
		})
		scale := math.Sqrt(SumSquares(double) / float64(len(double)))
		for i := range double {
			require.InDelta(t, 0, cmplx.Abs(complex128(single[i])-double[i])/scale, 1e-5, "index %d", i)
		}
		assert.InDelta(t, SumSquares(double), SumSquares(single), 1e-5*SumSquares(double))
	}
}

func TestReductions(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	for range 100 {
		s := newSetup(rng, 1)
		n := s.n
		x := s.data
		f := uint64(rng.IntN(1<<n)) | 1<<s.qubits[0]
		f &= 1<<(s.qubits[0]+1) - 1 // highest set bit is the sites' qubit
		z := uint64(rng.IntN(1 << n))
		// Pauli string X^f Z^z: ⟨x| X^f Z^z |x⟩ = Σ_j conj(x[j⊕f])·(−1)^{|j∧z|}·x[j].
		var want complex128
		var wantZ float64
		for j := range x {
			sign := complex(float64(1-2*(bits.OnesCount64(uint64(j)&z)&1)), 0)
			want += cmplx.Conj(x[uint64(j)^f]) * sign * x[j]
			wantZ += real(sign) * (real(x[j])*real(x[j]) + imag(x[j])*imag(x[j]))
		}
		var got complex128
		s.each(func(lo, hi uint64) { got += XZString(x, &s.sites, f, z, lo, hi) })
		assert.InDelta(t, 0, cmplx.Abs(got-want), 1e-9)
		assert.InDelta(t, wantZ, ZString(x[:len(x)/2], 0, z)+ZString(x[len(x)/2:], uint64(len(x)/2), z), 1e-9)

		tb := uint64(1) << s.qubits[0]
		var p0, p1 float64
		var c01 complex128
		for j := range x {
			if uint64(j)&tb == 0 {
				p0 += real(x[j] * cmplx.Conj(x[j]))
				c01 += x[j] * cmplx.Conj(x[uint64(j)|tb])
			} else {
				p1 += real(x[j] * cmplx.Conj(x[j]))
			}
		}
		var g0, g1 float64
		var g01 complex128
		s.each(func(lo, hi uint64) {
			a, b, c := QubitBlock(x, &s.sites, tb, lo, hi)
			g0, g1, g01 = g0+a, g1+b, g01+c
		})
		assert.InDelta(t, p0, g0, 1e-9)
		assert.InDelta(t, p1, g1, 1e-9)
		assert.InDelta(t, 0, cmplx.Abs(c01-g01), 1e-9)

		qs := rng.Perm(n)[:1+rng.IntN(n)]
		uq := make([]uint, len(qs))
		wantM := make([]float64, 1<<len(qs))
		for i, q := range qs {
			uq[i] = uint(q)
		}
		for j, a := range x {
			k := 0
			for i, q := range qs {
				k |= (j >> q & 1) << i
			}
			wantM[k] += real(a)*real(a) + imag(a)*imag(a)
		}
		gotM := make([]float64, len(wantM))
		cut := len(x) / 3
		Marginal(gotM, x[:cut], 0, uq)
		Marginal(gotM, x[cut:], uint64(cut), uq)
		assert.InDeltaSlice(t, wantM, gotM, 1e-9)

		shift := uint(rng.IntN(n))
		width := 1 + rng.IntN(n-int(shift))
		wantR := make([]float64, 1<<width)
		for j, a := range x {
			wantR[j>>shift&(1<<width-1)] += real(a)*real(a) + imag(a)*imag(a)
		}
		gotR := make([]float64, len(wantR))
		MarginalRange(gotR, x, 0, shift, 1<<width-1)
		assert.InDeltaSlice(t, wantR, gotR, 1e-9)
	}
}

// TestTwoQubitSpecial checks Mat2x2 and Diag4 against Mat4 with the
// equivalent 4×4 matrix.
func TestTwoQubitSpecial(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for range 100 {
		s := newSetup(rng, 2+rng.IntN(2))
		off := [4]uint64(s.offsets(2))
		perm := [3][4]int{{0, 1, 2, 3}, {0, 2, 1, 3}, {0, 3, 1, 2}}[rng.IntN(3)]
		var m, n, p [4]complex128
		var full, diag [16]complex128
		for i := range m {
			m[i], n[i], p[i] = randomComplex(rng), randomComplex(rng), randomComplex(rng)
			diag[i*5] = p[i]
		}
		for i, blk := range [2][4]complex128{m, n} {
			a, b := perm[2*i], perm[2*i+1]
			full[a*4+a], full[a*4+b], full[b*4+a], full[b*4+b] = blk[0], blk[1], blk[2], blk[3]
		}
		sub := [4]uint64{off[perm[0]], off[perm[1]], off[perm[2]], off[perm[3]]}
		for _, c := range []struct {
			m   *[16]complex128
			run func(x []complex128, lo, hi uint64)
		}{
			{&full, func(x []complex128, lo, hi uint64) { Mat2x2(x, &s.sites, sub, m, n, lo, hi) }},
			{&diag, func(x []complex128, lo, hi uint64) { Diag4(x, &s.sites, off, p, lo, hi) }},
		} {
			want := append([]complex128(nil), s.data...)
			Mat4(want, &s.sites, off, c.m, 0, s.sites.Count)
			got := append([]complex128(nil), s.data...)
			s.each(func(lo, hi uint64) { c.run(got, lo, hi) })
			requireClose(t, want, got)
		}
	}
}

// TestScaleAndReduce checks the whole-vector loops on lengths that do and
// do not divide into their four side-by-side parts (ScaleReal, with eight,
// lives in internal/memorypass).
func TestScaleAndReduce(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for _, n := range []int{1, 7, 8, 9, 100, 1027} {
		x := make([]complex128, n)
		y := make([]complex128, n)
		for i := range x {
			x[i], y[i] = randomComplex(rng), randomComplex(rng)
		}
		a := make([]complex128, n)
		for i, v := range x {
			a[i] = 0.5 * v
		}
		b := append([]complex128(nil), x...)
		Scale(b, 2i)
		p := make([]float64, n)
		Probabilities(p, x)
		w := make([]complex128, n)
		Widen(w, a)
		var inner complex128
		var sum float64
		for i, v := range x {
			require.Equal(t, 2i*v, b[i])
			require.Equal(t, a[i], w[i])
			require.InDelta(t, cmplx.Abs(v)*cmplx.Abs(v), p[i], 1e-12)
			inner += cmplx.Conj(v) * y[i]
			sum += p[i]
		}
		assert.InDelta(t, 0, cmplx.Abs(inner-Inner(x, y)), 1e-9)
		assert.InDelta(t, sum, SumSquares(x), 1e-9)
	}
}
