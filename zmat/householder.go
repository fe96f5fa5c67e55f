package zmat

import (
	"math"
	"math/cmplx"
	"runtime"
	"sync"
)

// makeReflector turns x into a Householder reflector H = I − τ·v·vᴴ, v(0) = 1, with
// Hᴴ·x = (β, 0, …, 0) and β real (LAPACK's zlarfg convention). On return x(0) = β and
// x(1:) = v(1:). A real β is what makes the bidiagonal matrix, and the diagonal of R, real.
// H is the identity (τ = 0) when x(1:) = 0 and x(0) is already real.
func makeReflector(x []complex128) (tau complex128, beta float64) {
	alpha := x[0]
	xnorm := norm2(x[1:])
	ar, ai := real(alpha), imag(alpha)
	if xnorm == 0 && ai == 0 {
		return 0, ar
	}
	beta = -math.Copysign(hypot3(ar, ai, xnorm), ar)
	tau = complex((beta-ar)/beta, -ai/beta)
	// |α − β| ≥ |β| ≥ ‖x(1:)‖, so the scaled entries are at most 1 in modulus; divide instead of
	// multiplying by the reciprocal when the reciprocal itself would overflow.
	den := alpha - complex(beta, 0)
	if scale := 1 / den; !cmplx.IsInf(scale) {
		scaleComplex(x[1:], scale)
	} else {
		for j := 1; j < len(x); j++ {
			x[j] /= den
		}
	}
	x[0] = complex(beta, 0)
	return tau, beta
}

// hypot3 returns √(a² + b² + c²) without overflow or underflow.
func hypot3(a, b, c float64) float64 {
	return math.Hypot(math.Hypot(a, b), c)
}

func scaleComplex(x []complex128, s complex128) {
	for j := range x {
		x[j] *= s
	}
}

// parallelMinElements is the smallest block a reflector update splits across goroutines: below
// it the fork and join (a few µs) cost more than the second core saves.
const parallelMinElements = 1 << 15

// parallelMinSpan is the fewest columns (or rows) one goroutine is given.
const parallelMinSpan = 32

// workersFor returns how many goroutines should share an update of `elements` entries that can
// be split into `span` independent columns or rows.
func workersFor(elements, span int) int {
	if elements < parallelMinElements {
		return 1
	}
	return max(1, min(runtime.GOMAXPROCS(0), span/parallelMinSpan))
}

// inParallel runs f on `workers` contiguous parts of [0, n) and waits for all of them.
func inParallel(workers, n int, f func(lo, hi int)) {
	if workers == 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*n/workers, (w+1)*n/workers
		wg.Go(func() { f(lo, hi) })
	}
	wg.Wait()
}

// reflectLeft applies C := (I − t·v·vᴴ)·C, with len(v) = c.Rows and work of length ≥ c.Cols.
// t = τ applies H, t = conj(τ) applies Hᴴ. Columns are independent, so large updates are split
// by columns across goroutines; every entry sees the same operations in the same order for any
// split, so the result does not depend on GOMAXPROCS.
func reflectLeft(c *Dense, v []complex128, t complex128, work []complex128) {
	if t == 0 {
		return
	}
	inParallel(workersFor(c.Rows*c.Cols, c.Cols), c.Cols, func(lo, hi int) {
		w := work[lo:hi]
		clear(w)
		for r, vr := range v {
			if vr != 0 {
				axpyComplex(w, cmplx.Conj(vr), c.row(r)[lo:hi])
			}
		}
		for r, vr := range v {
			if vr != 0 {
				axpyComplex(c.row(r)[lo:hi], -t*vr, w)
			}
		}
	})
}

// reflectRight applies C := C·(I − t·v·vᴴ), with len(v) = c.Cols, one row at a time so each row
// is read from memory once: y = row·v, row −= t·y·vᴴ. Large updates are split by rows.
func reflectRight(c *Dense, v []complex128, t complex128) {
	if t == 0 {
		return
	}
	vc := make([]complex128, len(v))
	for j, z := range v {
		vc[j] = conj(z)
	}
	inParallel(workersFor(c.Rows*c.Cols, c.Rows), c.Rows, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			row := c.row(r)
			y := dotPlain(row, v)
			axpyComplex(row, -t*y, vc)
		}
	})
}

// view returns the part of d from row i0 and column j0 on, sharing storage; indices are the
// package's own.
func (d *Dense) view(i0, j0 int) *Dense {
	start := i0*d.Stride + j0
	return &Dense{Rows: d.Rows - i0, Cols: d.Cols - j0, Stride: d.Stride, Data: d.Data[start:]}
}
