package zmat

import (
	"fmt"
	"math/cmplx"
	"testing"

	"github.com/stretchr/testify/require"
)

func requireReconstructs(t *testing.T, x, y, a *Dense, tol float64) {
	t.Helper()
	rec := naiveProduct(x, false, y, false)
	diff := rec.clone()
	for i := range a.Rows {
		for j := range a.Cols {
			diff.Data[i*diff.Cols+j] -= a.Data[i*a.Stride+j]
		}
	}
	require.LessOrEqual(t, frob(diff), tol*frob(a))
}

func TestQR(t *testing.T) {
	rng := newRNG(30)
	for _, sh := range [][2]int{{1, 1}, {5, 1}, {1, 5}, {6, 6}, {20, 7}, {7, 20}, {90, 40}, {180, 190}} {
		t.Run(fmt.Sprintf("%dx%d", sh[0], sh[1]), func(t *testing.T) {
			m, n := sh[0], sh[1]
			k := min(m, n)
			a := randDense(t, m, n, rng)
			q, r, err := QR(a)
			require.NoError(t, err)
			require.Equal(t, []int{m, k, k, n}, []int{q.Rows, q.Cols, r.Rows, r.Cols})
			requireOrthonormalColumns(t, q, 1e-13, "Q")
			for i := range k {
				d := r.Data[i*n+i]
				require.Zero(t, imag(d), "diag(R) is real")
				require.Greater(t, real(d), 0.0, "diag(R) is positive for full-rank A")
				for j := range i {
					require.Zero(t, r.Data[i*n+j], "R is upper triangular")
				}
			}
			requireReconstructs(t, q, r, a, 1e-13)

			l, qq, err := LQ(a)
			require.NoError(t, err)
			require.Equal(t, []int{m, k, k, n}, []int{l.Rows, l.Cols, qq.Rows, qq.Cols})
			requireOrthonormalColumns(t, qq.conjTranspose(), 1e-13, "Qᴴ of LQ")
			for i := range m {
				for j := i + 1; j < k; j++ {
					require.Zero(t, l.Data[i*k+j], "L is lower triangular")
				}
			}
			requireReconstructs(t, l, qq, a, 1e-13)
		})
	}
}

func TestQRUniqueness(t *testing.T) {
	// With diag(R) > 0 the factorisation of a full-rank matrix is unique: QR of Q·D·R' for a
	// random unitary Q and upper-triangular R' with positive diagonal returns exactly those.
	rng := newRNG(31)
	q0 := randUnitaryColumns(t, 12, 5, rng)
	r0 := randDense(t, 5, 5, rng)
	for i := range 5 {
		for j := range i {
			r0.Data[i*5+j] = 0
		}
		r0.Data[i*5+i] = complex(cmplx.Abs(r0.Data[i*5+i])+0.5, 0)
	}
	q, r, err := QR(naiveProduct(q0, false, r0, false))
	require.NoError(t, err)
	for i := range q.Data {
		require.InDelta(t, 0, cmplx.Abs(q.Data[i]-q0.Data[i]), 1e-13)
	}
	for i := range r.Data {
		require.InDelta(t, 0, cmplx.Abs(r.Data[i]-r0.Data[i]), 1e-13)
	}
}

func TestQRRankDeficientAndZero(t *testing.T) {
	rng := newRNG(32)
	a := naiveProduct(randDense(t, 15, 2, rng), false, randDense(t, 2, 6, rng), false)
	q, r, err := QR(a)
	require.NoError(t, err)
	requireOrthonormalColumns(t, q, 1e-13, "Q")
	requireReconstructs(t, q, r, a, 1e-13)
	z, _ := New(4, 3)
	q, r, err = QR(z)
	require.NoError(t, err)
	requireOrthonormalColumns(t, q, 0, "Q of zero")
	require.Zero(t, frob(r))
}

func TestQRErrors(t *testing.T) {
	_, _, err := QR(nil)
	require.ErrorIs(t, err, ErrShape)
	a, _ := FromSlice(1, 2, []complex128{1, cmplx.NaN()})
	_, _, err = QR(a)
	require.ErrorIs(t, err, ErrNotFinite)
	_, _, err = LQ(a)
	require.ErrorIs(t, err, ErrNotFinite)
}
