package zmat

import (
	"fmt"
	"math"
	"math/cmplx"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// checkSVD asserts the defining properties of a thin SVD of a to the given tolerance and
// returns s.
func checkSVD(t *testing.T, a *Dense, tol float64) []float64 {
	t.Helper()
	u, s, vh, err := SVD(a)
	require.NoError(t, err)
	m, n := a.Rows, a.Cols
	k := min(m, n)
	require.Equal(t, []int{m, k}, []int{u.Rows, u.Cols})
	require.Equal(t, []int{k, n}, []int{vh.Rows, vh.Cols})
	require.Len(t, s, k)
	for i := range s {
		require.GreaterOrEqual(t, s[i], 0.0)
		if i > 0 {
			require.LessOrEqual(t, s[i], s[i-1])
		}
	}
	requireOrthonormalColumns(t, u, tol, "U")
	v := vh.conjTranspose()
	requireOrthonormalColumns(t, v, tol, "V")
	us := u.clone()
	for i := range m {
		for j := range k {
			us.Data[i*k+j] *= complex(s[j], 0)
		}
	}
	rec := naiveProduct(us, false, vh, false)
	diff := rec.clone()
	for i := range diff.Data {
		diff.Data[i] -= a.Data[i]
	}
	require.LessOrEqual(t, frob(diff), tol*frob(a), "reconstruction")
	return s
}

// embeddingSingularValues returns the singular values of a from gonum's real SVD of the real
// embedding [[Re, −Im], [Im, Re]], whose singular values are those of a, each twice.
func embeddingSingularValues(t *testing.T, a *Dense) []float64 {
	t.Helper()
	m, n := a.Rows, a.Cols
	e := mat.NewDense(2*m, 2*n, nil)
	for i := range m {
		for j := range n {
			z := a.Data[i*a.Stride+j]
			e.Set(i, j, real(z))
			e.Set(i, j+n, -imag(z))
			e.Set(i+m, j, imag(z))
			e.Set(i+m, j+n, real(z))
		}
	}
	var svd mat.SVD
	require.True(t, svd.Factorize(e, mat.SVDNone))
	all := svd.Values(nil)
	k := min(m, n)
	out := make([]float64, k)
	for i := range k {
		require.InDelta(t, all[2*i], all[2*i+1], 1e-12*all[0]+1e-300, "embedding values come in pairs")
		out[i] = all[2*i]
	}
	return out
}

func TestSVDShapes(t *testing.T) {
	rng := newRNG(1)
	shapes := [][2]int{{1, 1}, {1, 7}, {7, 1}, {2, 2}, {5, 3}, {3, 5}, {17, 17}, {40, 9}, {9, 40}, {33, 20}, {20, 33}, {30, 25}, {25, 30}, {64, 64}, {100, 30}}
	if !testing.Short() {
		shapes = append(shapes, [2]int{150, 150}, [2]int{200, 64}, [2]int{64, 200})
	}
	for _, sh := range shapes {
		t.Run(fmt.Sprintf("%dx%d", sh[0], sh[1]), func(t *testing.T) {
			a := randDense(t, sh[0], sh[1], rng)
			s := checkSVD(t, a, 1e-12)
			ref := embeddingSingularValues(t, a)
			for i := range s {
				require.InDelta(t, ref[i], s[i], 1e-12*ref[0])
			}
		})
	}
}

func TestSVDRankDeficient(t *testing.T) {
	rng := newRNG(2)
	for _, c := range []struct{ m, n, r int }{{30, 20, 5}, {20, 30, 5}, {25, 25, 1}, {60, 40, 39}, {12, 40, 3}} {
		t.Run(fmt.Sprintf("%dx%d_rank%d", c.m, c.n, c.r), func(t *testing.T) {
			a := naiveProduct(randDense(t, c.m, c.r, rng), false, randDense(t, c.r, c.n, rng), false)
			s := checkSVD(t, a, 1e-12)
			ref := embeddingSingularValues(t, a)
			for i := range s {
				require.InDelta(t, ref[i], s[i], 1e-12*ref[0])
				if i >= c.r {
					require.Less(t, s[i], 1e-13*s[0], "value %d beyond the rank", i)
				}
			}
		})
	}
}

func TestSVDKnownValues(t *testing.T) {
	rng := newRNG(3)
	cases := []struct {
		name string
		m, n int
		s    []float64
	}{
		{"repeated", 12, 8, []float64{3, 3, 3, 2, 2, 1, 1, 1}},
		{"repeated_wide", 6, 15, []float64{5, 5, 5, 5, 0.5, 0.5}},
		{"repeated_with_zeros", 10, 10, []float64{2, 2, 2, 1, 1, 0, 0, 0, 0, 0}},
		{"graded", 9, 9, []float64{1, 1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12, 1e-14, 1e-16}},
		{"all_equal", 16, 16, slices.Repeat([]float64{1}, 16)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := withSingularValues(t, c.m, c.n, c.s, rng)
			s := checkSVD(t, a, 1e-12)
			for i := range s {
				require.InDelta(t, c.s[i], s[i], 1e-13*c.s[0], "value %d", i)
			}
		})
	}
}

func TestSVDZeroAndScaled(t *testing.T) {
	for _, sh := range [][2]int{{1, 1}, {4, 3}, {3, 4}} {
		a, err := New(sh[0], sh[1])
		require.NoError(t, err)
		u, s, vh, err := SVD(a)
		require.NoError(t, err)
		require.Equal(t, make([]float64, min(sh[0], sh[1])), s)
		requireOrthonormalColumns(t, u, 1e-15, "U")
		requireOrthonormalColumns(t, vh.conjTranspose(), 1e-15, "V")
	}
	rng := newRNG(4)
	for _, scale := range []float64{1e-300, 1e-160, 1e160, 1e300} {
		a := randDense(t, 7, 5, rng)
		ref := embeddingSingularValues(t, a)
		scaleComplex(a.Data, complex(scale, 0))
		u, s, vh, err := SVD(a)
		require.NoError(t, err)
		for i := range s {
			require.InDelta(t, ref[i], s[i]/scale, 1e-12*ref[0], "scale %g value %d", scale, i)
		}
		requireOrthonormalColumns(t, u, 1e-12, "U")
		requireOrthonormalColumns(t, vh.conjTranspose(), 1e-12, "V")
	}
}

func TestSVDRejectsBadInput(t *testing.T) {
	a, err := FromSlice(2, 2, []complex128{1, 2, complex(math.NaN(), 0), 4})
	require.NoError(t, err)
	_, _, _, err = SVD(a)
	require.ErrorIs(t, err, ErrNotFinite)
	require.ErrorContains(t, err, "(1, 0)")
	a.Data[2] = cmplx.Inf()
	_, _, _, err = SVD(a)
	require.ErrorIs(t, err, ErrNotFinite)
	huge, err := FromSlice(2, 2, []complex128{1e308, 1e308, 1e308, 1e308})
	require.NoError(t, err)
	_, _, _, err = SVD(huge)
	require.ErrorIs(t, err, ErrArgument)
	_, _, _, err = SVD(nil)
	require.ErrorIs(t, err, ErrShape)
	_, _, _, err = SVD(&Dense{Rows: 2, Cols: 2, Stride: 2, Data: make([]complex128, 3)})
	require.ErrorIs(t, err, ErrShape)
}

func TestSVDSameForAnyGOMAXPROCS(t *testing.T) {
	if testing.Short() {
		t.Skip("300×300 SVDs")
	}
	// 300×300 is above the sizes where the reflector updates and Dbdsqr split across goroutines.
	a := randDense(t, 300, 300, newRNG(6))
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	u1, s1, vh1, err := SVD(a)
	require.NoError(t, err)
	runtime.GOMAXPROCS(4)
	u2, s2, vh2, err := SVD(a)
	require.NoError(t, err)
	require.Equal(t, s1, s2)
	require.Equal(t, u1.Data, u2.Data)
	require.Equal(t, vh1.Data, vh2.Data)
}

func TestSVDOfView(t *testing.T) {
	big := randDense(t, 20, 30, newRNG(7))
	view, err := big.Slice(3, 15, 4, 28)
	require.NoError(t, err)
	contiguous, err := view.Copy()
	require.NoError(t, err)
	u1, s1, vh1, err := SVD(view)
	require.NoError(t, err)
	u2, s2, vh2, err := SVD(contiguous)
	require.NoError(t, err)
	require.Equal(t, s2, s1)
	require.Equal(t, u2.Data, u1.Data)
	require.Equal(t, vh2.Data, vh1.Data)
}
