package zmat

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

func newRNG(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }

// randDense returns an r×c matrix with independent standard complex Gaussian entries.
func randDense(t testing.TB, r, c int, rng *rand.Rand) *Dense {
	t.Helper()
	d, err := New(r, c)
	require.NoError(t, err)
	for i := range d.Data {
		d.Data[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	return d
}

// naiveProduct is the textbook triple loop for op(A)·op(B), the reference for every product.
func naiveProduct(a *Dense, ha bool, b *Dense, hb bool) *Dense {
	get := func(x *Dense, h bool, i, j int) complex128 {
		if h {
			return cmplx.Conj(x.Data[j*x.Stride+i])
		}
		return x.Data[i*x.Stride+j]
	}
	m, k := a.Rows, a.Cols
	if ha {
		m, k = k, m
	}
	n := b.Cols
	if hb {
		n = b.Rows
	}
	c := newDense(m, n)
	for i := range m {
		for j := range n {
			var s complex128
			for p := range k {
				s += get(a, ha, i, p) * get(b, hb, p, j)
			}
			c.Data[i*n+j] = s
		}
	}
	return c
}

// absProduct returns |op(A)|·|op(B)| elementwise, the scale of the rounding error of each entry.
func absProduct(a *Dense, ha bool, b *Dense, hb bool) [][]float64 {
	abs := func(x *Dense) *Dense {
		y := x.clone()
		for i := range y.Data {
			y.Data[i] = complex(cmplx.Abs(y.Data[i]), 0)
		}
		return y
	}
	p := naiveProduct(abs(a), ha, abs(b), hb)
	out := make([][]float64, p.Rows)
	for i := range out {
		out[i] = make([]float64, p.Cols)
		for j := range out[i] {
			out[i][j] = real(p.Data[i*p.Cols+j])
		}
	}
	return out
}

// requireClose asserts |got − want| ≤ tol·scale entrywise.
func requireProductClose(t *testing.T, got, want *Dense, scale [][]float64, tol float64) {
	t.Helper()
	require.Equal(t, want.Rows, got.Rows)
	require.Equal(t, want.Cols, got.Cols)
	for i := range want.Rows {
		for j := range want.Cols {
			g := got.Data[i*got.Stride+j]
			w := want.Data[i*want.Stride+j]
			require.LessOrEqualf(t, cmplx.Abs(g-w), tol*scale[i][j], "entry (%d,%d): got %v want %v", i, j, g, w)
		}
	}
}

// frob returns ‖X‖_F.
func frob(x *Dense) float64 {
	var s float64
	for i := range x.Rows {
		for _, z := range x.Data[i*x.Stride : i*x.Stride+x.Cols] {
			s += real(z)*real(z) + imag(z)*imag(z)
		}
	}
	return math.Sqrt(s)
}

// requireOrthonormalColumns asserts ‖XᴴX − I‖_max ≤ tol with the naive product.
func requireOrthonormalColumns(t *testing.T, x *Dense, tol float64, what string) {
	t.Helper()
	g := naiveProduct(x, true, x, false)
	for i := range g.Rows {
		for j := range g.Cols {
			want := complex128(0)
			if i == j {
				want = 1
			}
			require.LessOrEqualf(t, cmplx.Abs(g.Data[i*g.Cols+j]-want), tol, "%s: (XᴴX)(%d,%d) = %v", what, i, j, g.Data[i*g.Cols+j])
		}
	}
}

// randUnitaryColumns returns an n×k matrix with orthonormal columns from Gram–Schmidt (applied
// twice) on Gaussian vectors: independent of the package's Householder code.
func randUnitaryColumns(t testing.TB, n, k int, rng *rand.Rand) *Dense {
	t.Helper()
	g := randDense(t, n, k, rng)
	col := func(j int) []complex128 {
		v := make([]complex128, n)
		for i := range n {
			v[i] = g.Data[i*k+j]
		}
		return v
	}
	cols := make([][]complex128, k)
	for j := range k {
		v := col(j)
		for range 2 {
			for _, q := range cols[:j] {
				var dot complex128
				for i := range n {
					dot += cmplx.Conj(q[i]) * v[i]
				}
				for i := range n {
					v[i] -= dot * q[i]
				}
			}
		}
		var nrm float64
		for _, z := range v {
			nrm += real(z)*real(z) + imag(z)*imag(z)
		}
		nrm = math.Sqrt(nrm)
		for i := range v {
			v[i] /= complex(nrm, 0)
		}
		cols[j] = v
	}
	out := newDense(n, k)
	for j, v := range cols {
		for i := range n {
			out.Data[i*k+j] = v[i]
		}
	}
	return out
}

// withSingularValues returns U·diag(s)·Vᴴ for random U (m×k) and V (n×k) with orthonormal columns.
func withSingularValues(t testing.TB, m, n int, s []float64, rng *rand.Rand) *Dense {
	t.Helper()
	k := len(s)
	u := randUnitaryColumns(t, m, k, rng)
	v := randUnitaryColumns(t, n, k, rng)
	for i := range m {
		for j := range k {
			u.Data[i*k+j] *= complex(s[j], 0)
		}
	}
	return naiveProduct(u, false, v, true)
}
