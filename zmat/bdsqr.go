package zmat

import (
	"runtime"
	"slices"
	"sync"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/lapack/gonum"
)

// bdsqrMinColumns is the fewest rotation columns worth a goroutine of their own.
const bdsqrMinColumns = 64

// bidiagSVD diagonalises the real upper bidiagonal B (diagonal d, superdiagonal e) as
// B = U_b·diag(s)·V_bᵀ with gonum's Dbdsqr and returns s (in d, descending, ≥ 0), V_bᵀ and U_bᵀ
// as row-major n×n matrices.
//
// Nearly all the time goes into applying the plane rotations to the identity matrices that
// become V_bᵀ and U_bᵀ, and each of their columns sees the same rotations independently of
// the others. So the 2n columns are split among goroutines, each running the (cheap, O(n²))
// iteration on its own copy of d and e and rotating only its columns. The iteration does not
// depend on which columns it carries, so every goroutine computes the same rotations and the
// result is bitwise the same for any number of goroutines.
func bidiagSVD(d, e []float64) (s, vt, ut []float64, ok bool) {
	n := len(d)
	vt = make([]float64, n*n)
	ut = make([]float64, n*n)
	workers := min(runtime.GOMAXPROCS(0), max(1, 2*n/bdsqrMinColumns))
	results := make([][]float64, workers)
	oks := make([]bool, workers)
	if workers == 1 {
		s, ok = bdsqrColumns(d, e, 0, 2*n, vt, ut)
		return s, vt, ut, ok
	}
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*2*n/workers, (w+1)*2*n/workers
		wg.Go(func() {
			results[w], oks[w] = bdsqrColumns(d, e, lo, hi, vt, ut)
		})
	}
	wg.Wait()
	for w := 1; w < workers; w++ {
		if oks[w] != oks[0] || !slices.Equal(results[w], results[0]) {
			panic("zmat: Dbdsqr gave different singular values for different column blocks")
		}
	}
	return results[0], vt, ut, oks[0]
}

// bdsqrColumns runs Dbdsqr on copies of d and e, carrying columns [lo, hi) of the n×2n matrix
// [V_bᵀ | U_bᵀ], which start as identity columns, and writes them into vt and ut.
func bdsqrColumns(d, e []float64, lo, hi int, vt, ut []float64) ([]float64, bool) {
	n := len(d)
	vLo, vHi := min(lo, n), min(hi, n)
	uLo, uHi := max(lo, n)-n, max(hi, n)-n
	nv, nu := vHi-vLo, uHi-uLo
	vBlock := identityColumns(n, vLo, nv)
	uBlock := identityColumns(n, uLo, nu)
	dc := slices.Clone(d)
	ec := slices.Clone(e)
	work := make([]float64, max(1, 4*(n-1)))
	ok := gonum.Implementation{}.Dbdsqr(blas.Upper, n, nv, 0, nu, dc, ec, vBlock, max(1, nv), nil, 1, uBlock, max(1, nu), work)
	for i := range n {
		copy(vt[i*n+vLo:i*n+vHi], vBlock[i*nv:(i+1)*nv])
		copy(ut[i*n+uLo:i*n+uHi], uBlock[i*nu:(i+1)*nu])
	}
	return dc, ok
}

// identityColumns returns columns [c0, c0+k) of the n×n identity as a row-major n×k matrix.
func identityColumns(n, c0, k int) []float64 {
	out := make([]float64, n*k)
	for j := range k {
		out[(c0+j)*k+j] = 1
	}
	return out
}
