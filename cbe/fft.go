package cbe

import (
	"math"
	"math/bits"

	"gonum.org/v1/gonum/dsp/fourier"
)

// fftPlan is an unnormalised in-place DFT of one length: forward uses
// e^{−2πi mj/n}, inverse e^{+2πi mj/n} (no 1/n).
type fftPlan interface {
	forward(x []complex128)
	inverse(x []complex128)
}

// newPlan returns the radix-2 transform for powers of two (it also
// transforms many rows at once, see transformRows) and gonum's mixed-radix
// FFT otherwise.
func newPlan(n int) fftPlan {
	if n >= 2 && bits.OnesCount(uint(n)) == 1 {
		return newRadix2(n)
	}
	return gonumPlan{fourier.NewCmplxFFT(n)}
}

type gonumPlan struct{ t *fourier.CmplxFFT }

func (g gonumPlan) forward(x []complex128) { g.t.Coefficients(x, x) }
func (g gonumPlan) inverse(x []complex128) { g.t.Sequence(x, x) }

// radix2 is an iterative decimation-in-time FFT for n = 2^p: bit-reversal
// permutation, one radix-2 pass when p is odd, then radix-4 passes (two
// radix-2 stages fused, three twiddle products instead of four). Every
// twiddle factor is evaluated directly by Sincos (none by recurrence), so
// the rounding error grows only like log2 n. BenchmarkFFT64 compares it
// with gonum's CmplxFFT.
type radix2 struct {
	n        int
	fwd, inv []complex128 // e^{∓2πik/n}, k < n
	swaps    [][2]int     // the pairs i < j exchanged by bit reversal
}

func newRadix2(n int) *radix2 {
	r := &radix2{n: n, fwd: make([]complex128, n), inv: make([]complex128, n)}
	for k := range r.fwd {
		sn, cs := math.Sincos(2 * math.Pi * float64(k) / float64(n))
		r.fwd[k] = complex(cs, -sn)
		r.inv[k] = complex(cs, sn)
	}
	shift := 64 - bits.TrailingZeros(uint(n))
	for i := range n {
		if j := int(bits.Reverse64(uint64(i)) >> shift); i < j {
			r.swaps = append(r.swaps, [2]int{i, j})
		}
	}
	return r
}

func (r *radix2) forward(x []complex128) { r.transform(x, r.fwd) }
func (r *radix2) inverse(x []complex128) { r.transform(x, r.inv) }

// transform is transformRows for width 1, written out so that the short
// inner loops carry no slicing overhead.
func (r *radix2) transform(x, tw []complex128) {
	n := r.n
	x = x[:n]
	for _, p := range r.swaps {
		x[p[0]], x[p[1]] = x[p[1]], x[p[0]]
	}
	q := 1
	if bits.TrailingZeros(uint(n))%2 == 1 {
		for i := 0; i+1 < n; i += 2 {
			a, b := x[i], x[i+1]
			x[i], x[i+1] = a+b, a-b
		}
		q = 2
	}
	if n < 4 {
		return
	}
	inverse := imag(tw[n/4]) > 0
	if q == 1 {
		// First radix-4 pass: all twiddles are 1.
		for i := 0; i+3 < n; i += 4 {
			x0, x1, x2, x3 := x[i], x[i+1], x[i+2], x[i+3]
			s0, d0 := x0+x1, x0-x1
			s1, d1 := x2+x3, quarterTurn(x2-x3, inverse)
			x[i], x[i+2] = s0+s1, s0-s1
			x[i+1], x[i+3] = d0+d1, d0-d1
		}
		q = 4
	}
	for ; q < n; q *= 4 {
		step := n / (4 * q)
		for start := 0; start < n; start += 4 * q {
			b := x[start : start+4*q]
			r0, r1, r2, r3 := b[:q], b[q:2*q], b[2*q:3*q], b[3*q:4*q]
			for k, x0 := range r0 {
				w1, w2, w3 := tw[k*step], tw[2*k*step], tw[3*k*step]
				t1 := w2 * r1[k]
				t2 := w1 * r2[k]
				t3 := w3 * r3[k]
				s0, d0 := x0+t1, x0-t1
				s1, d1 := t2+t3, quarterTurn(t2-t3, inverse)
				r0[k], r2[k] = s0+s1, s0-s1
				r1[k], r3[k] = d0+d1, d0-d1
			}
		}
	}
}

// transformRows transforms along the slow index of a, which holds n rows
// of the given width (element (j, i) at i + width·j), every butterfly
// running over whole contiguous rows; width 1 is a single transform. tw
// is r.fwd or r.inv; tw[n/4] is ∓i.
func (r *radix2) transformRows(a []complex128, width int, tw []complex128) {
	n := r.n
	a = a[:n*width]
	for _, s := range r.swaps {
		p, q := a[s[0]*width:(s[0]+1)*width], a[s[1]*width:(s[1]+1)*width]
		q = q[:len(p)]
		for c := range p {
			p[c], q[c] = q[c], p[c]
		}
	}
	q := 1
	if bits.TrailingZeros(uint(n))%2 == 1 {
		for start := 0; start < n; start += 2 {
			lo := a[start*width : (start+1)*width]
			hi := a[(start+1)*width : (start+2)*width]
			hi = hi[:len(lo)]
			for c, b := range hi {
				x := lo[c]
				lo[c], hi[c] = x+b, x-b
			}
		}
		q = 2
	}
	if n < 4 {
		return
	}
	inverse := imag(tw[n/4]) > 0 // tw[n/4] is −i forward, +i inverse
	for ; q < n; q *= 4 {
		step := n / (4 * q)
		for start := 0; start < n; start += 4 * q {
			for k := 0; k < q; k++ {
				w1, w2, w3 := tw[k*step], tw[2*k*step], tw[3*k*step]
				r0 := a[(start+k)*width : (start+k+1)*width]
				r1 := a[(start+k+q)*width : (start+k+q+1)*width]
				r2 := a[(start+k+2*q)*width : (start+k+2*q+1)*width]
				r3 := a[(start+k+3*q)*width : (start+k+3*q+1)*width]
				r1, r2, r3 = r1[:len(r0)], r2[:len(r0)], r3[:len(r0)]
				for c, x0 := range r0 {
					t1 := w2 * r1[c]
					t2 := w1 * r2[c]
					t3 := w3 * r3[c]
					s0, d0 := x0+t1, x0-t1
					s1, d1 := t2+t3, quarterTurn(t2-t3, inverse)
					r0[c], r2[c] = s0+s1, s0-s1
					r1[c], r3[c] = d0+d1, d0-d1
				}
			}
		}
	}
}

// quarterTurn multiplies by −i (forward) or +i (inverse) exactly.
func quarterTurn(z complex128, inverse bool) complex128 {
	if inverse {
		return complex(-imag(z), real(z))
	}
	return complex(imag(z), -real(z))
}
