package tensornet

import (
	"fmt"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/zmat"
)

func randomMatrix(rng *rand.Rand, m, n int) []complex128 {
	a := make([]complex128, m*n)
	for i := range a {
		a[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	return a
}

// lowRank returns an m×n matrix of rank r (a product of m×r and r×n).
func lowRank(rng *rand.Rand, m, n, r int) []complex128 {
	x, y := randomMatrix(rng, m, r), randomMatrix(rng, r, n)
	a := make([]complex128, m*n)
	for i := range m {
		for k := range r {
			for j := range n {
				a[i*n+j] += x[i*r+k] * y[k*n+j]
			}
		}
	}
	return a
}

// repeated returns Q1·diag(2, 2, 2, 1, …)·Q2 for unitary Q1, Q2 from the
// QR of random matrices: a triple singular value.
func repeated(t *testing.T, rng *rand.Rand, m, n int) []complex128 {
	p := min(m, n)
	q1, _, err := zmat.QR(matrix(m, p, randomMatrix(rng, m, p)))
	require.NoError(t, err)
	q2, _, err := zmat.QR(matrix(n, p, randomMatrix(rng, n, p)))
	require.NoError(t, err)
	a := make([]complex128, m*n)
	for k := range p {
		s := 1.0
		if k < 3 {
			s = 2
		}
		for i := range m {
			for j := range n {
				a[i*n+j] += q1.Data[i*p+k] * complex(s, 0) * cmplx.Conj(q2.Data[j*p+k])
			}
		}
	}
	return a
}

// TestJacobiSVD checks the small-matrix kernel on tall, wide, square,
// rank-deficient and repeated-value matrices: reconstruction and
// orthonormality to 1e−12 (relative to ‖A‖) and singular values equal to
// zmat.SVD's.
func TestJacobiSVD(t *testing.T) {
	rng := rand.New(rand.NewPCG(51, 1))
	cases := map[string][]complex128{}
	shapes := map[string][2]int{}
	add := func(name string, m, n int, a []complex128) { cases[name], shapes[name] = a, [2]int{m, n} }
	for _, sh := range [][2]int{{1, 1}, {2, 2}, {4, 2}, {2, 4}, {8, 8}, {16, 4}, {4, 16}, {16, 16}, {32, 16}, {16, 32}} {
		add(fmt.Sprintf("random %dx%d", sh[0], sh[1]), sh[0], sh[1], randomMatrix(rng, sh[0], sh[1]))
	}
	add("rank 1 8x8", 8, 8, lowRank(rng, 8, 8, 1))
	add("rank 3 16x12", 16, 12, lowRank(rng, 16, 12, 3))
	add("rank 2 6x14", 6, 14, lowRank(rng, 6, 14, 2))
	add("repeated 8x8", 8, 8, repeated(t, rng, 8, 8))
	add("repeated 12x6", 12, 6, repeated(t, rng, 12, 6))
	add("product state 2x2", 2, 2, []complex128{0.5, 0.5i, -0.5, -0.5i})
	for name, a := range cases {
		m, n := shapes[name][0], shapes[name][1]
		p := min(m, n)
		var j jacobi
		require.True(t, j.factor(a, m, n), name)
		scale := norm(a)
		for r := range m {
			for c := range n {
				var v complex128
				for k := range p {
					v += j.u[r*p+k] * complex(j.s[k], 0) * j.vh[k*n+c]
				}
				require.InDelta(t, 0, cmplx.Abs(v-a[r*n+c]), 1e-12*scale, "%s: A(%d,%d)", name, r, c)
			}
		}
		for k1 := range p {
			if k1 > 0 {
				require.GreaterOrEqual(t, j.s[k1-1], j.s[k1], "%s: descending", name)
			}
			for k2 := range p {
				var uu, vv complex128
				for r := range m {
					uu += cmplx.Conj(j.u[r*p+k1]) * j.u[r*p+k2]
				}
				for c := range n {
					vv += j.vh[k1*n+c] * cmplx.Conj(j.vh[k2*n+c])
				}
				want := complex128(0)
				if k1 == k2 {
					want = 1
				}
				if j.s[k1] > 1e-13*scale && j.s[k2] > 1e-13*scale { // U's columns for zero σ are not formed
					require.InDelta(t, 0, cmplx.Abs(uu-want), 1e-12, "%s: UᴴU(%d,%d)", name, k1, k2)
				}
				require.InDelta(t, 0, cmplx.Abs(vv-want), 1e-12, "%s: VᴴV(%d,%d)", name, k1, k2)
			}
		}
		_, ref, _, err := zmat.SVD(matrix(m, n, a))
		require.NoError(t, err)
		for k := range p {
			assert.InDelta(t, ref[k], j.s[k], 1e-12*scale, "%s: σ_%d", name, k)
		}
	}
	var j jacobi
	assert.False(t, j.factor(make([]complex128, 4), 2, 2), "the zero matrix goes to zmat")
}

func BenchmarkSmallSVD(b *testing.B) {
	rng := rand.New(rand.NewPCG(52, 1))
	for _, n := range []int{2, 4, 8, 16, 24, 32} {
		a := randomMatrix(rng, n, n)
		b.Run(fmt.Sprintf("jacobi/n=%d", n), func(b *testing.B) {
			var j jacobi
			for b.Loop() {
				j.factor(a, n, n)
			}
		})
		b.Run(fmt.Sprintf("zmat/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, _, _, err := zmat.SVD(matrix(n, n, a)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
