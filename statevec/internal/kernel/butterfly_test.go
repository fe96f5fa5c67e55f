package kernel

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// butterflyMatrix writes out the operator Butterfly4 applies, entry by
// entry from its definition, as a row-major 4×4 matrix.
func butterflyMatrix(f *Butterfly) [16]float64 {
	var m [16]float64
	for j := range 4 { // column j: the image of basis state j
		var p, v [4]float64
		p[j] = 1
		for l := range 4 {
			v[l] = p[l] + f.T[l]*p[l^1]
		}
		for l := range 4 {
			o := v[l] + f.A[l]*v[l^2]
			if l == 3 {
				o = -o
			}
			m[4*l+j] = o
		}
	}
	return m
}

// TestButterfly checks every loop shape of Butterfly4 (long runs, adjacent
// pairs, short runs of two and of more, four lanes or one) against the
// generic dense kernel applying the written-out matrix, over random chunk
// splits, and the complex64 instantiation against complex128.
func TestButterfly(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 11))
	shapes := []struct{ q0, n int }{
		{0, 4}, {0, 12}, {1, 5}, {1, 13}, {2, 14}, {4, 15}, {9, 12}, {10, 12}, {11, 14},
	}
	for trial := range 36 {
		sh := shapes[trial%len(shapes)]
		q1 := sh.q0 + 1 + rng.IntN(sh.n-sh.q0-1)
		sites := NewSites(sh.n, []int{q1, sh.q0}, nil)
		var f Butterfly
		for l := range 4 {
			f.T[l], f.A[l] = rng.NormFloat64(), rng.NormFloat64()
		}
		m := butterflyMatrix(&f)
		data := make([]complex128, 1<<sh.n)
		single := make([]complex64, len(data))
		for i := range data {
			single[i] = complex64(complex(rng.NormFloat64(), rng.NormFloat64()))
			data[i] = complex128(single[i])
		}
		off := []uint64{0, 1 << sh.q0, 1 << q1, 1<<sh.q0 | 1<<q1}
		want := append([]complex128(nil), data...)
		RealK(want, &sites, off, m[:], make([]complex128, 4), 0, sites.Count)
		var chunks [][2]uint64
		for lo := uint64(0); lo < sites.Count; {
			hi := lo + 1 + uint64(rng.IntN(int(sites.Count)))
			if trial%3 == 0 {
				hi = sites.Count // one chunk: the whole range in four lanes
			}
			hi = min(hi, sites.Count)
			chunks = append(chunks, [2]uint64{lo, hi})
			lo = hi
		}
		for _, c := range chunks {
			Butterfly4(data, &sites, &f, c[0], c[1])
			Butterfly4(single, &sites, &f, c[0], c[1])
		}
		scale := math.Sqrt(SumSquares(want) / float64(len(want)))
		for i := range want {
			require.InDelta(t, 0, cmplx.Abs(want[i]-data[i]), 1e-12*scale, "shape %v, index %d", sh, i)
			require.InDelta(t, 0, cmplx.Abs(want[i]-complex128(single[i])), 1e-5*scale, "complex64, shape %v, index %d", sh, i)
		}
	}
}
