package zmat

// bidiagonal is the Householder reduction A = Q_U·B·Q_Vᴴ of an m×n matrix, m ≥ n, to a real
// upper bidiagonal B with diagonal d and superdiagonal e (LAPACK's zgebd2 order).
type bidiagonal struct {
	m, n  int
	d, e  []float64
	left  [][]complex128 // v of H_i, acting on rows i..m−1
	tauL  []complex128
	right [][]complex128 // v of G_i, acting on columns i+1..n−1
	tauR  []complex128
}

// bidiagonalize reduces w (m×n, m ≥ n) in place, alternating a left reflector that clears
// column i below the diagonal with a right reflector that clears row i right of the
// superdiagonal. Both reflectors leave a real number behind, so B is real.
func bidiagonalize(w *Dense) *bidiagonal {
	m, n := w.Rows, w.Cols
	b := &bidiagonal{
		m: m, n: n,
		d: make([]float64, n), e: make([]float64, max(n-1, 0)),
		left: make([][]complex128, n), tauL: make([]complex128, n),
		right: make([][]complex128, max(n-1, 0)), tauR: make([]complex128, max(n-1, 0)),
	}
	work := make([]complex128, n)
	for i := range n {
		x := make([]complex128, m-i)
		for p := range x {
			x[p] = w.Data[(i+p)*w.Stride+i]
		}
		tau, beta := makeReflector(x)
		b.d[i] = beta
		x[0] = 1
		b.left[i], b.tauL[i] = x, tau
		if i+1 == n {
			break
		}
		reflectLeft(w.view(i, i+1), x, conj(tau), work)

		// Row i right of the diagonal: find G with r·G = (β, 0, …) by reflecting conj(r).
		row := w.row(i)[i+1:]
		y := make([]complex128, len(row))
		for p, z := range row {
			y[p] = conj(z)
		}
		tau, beta = makeReflector(y)
		b.e[i] = beta
		y[0] = 1
		b.right[i], b.tauR[i] = y, tau
		reflectRight(w.view(i+1, i+1), y, tau)
	}
	return b
}

// formU returns Q_U's first n columns (m×n).
func (b *bidiagonal) formU() *Dense {
	return formQ(b.m, b.n, b.left, b.tauL)
}

// formV returns Q_V = G_0·G_1·⋯·G_{n−2} (n×n).
func (b *bidiagonal) formV() *Dense {
	q := identity(b.n, b.n)
	work := make([]complex128, b.n)
	for i := len(b.right) - 1; i >= 0; i-- {
		reflectLeft(q.view(i+1, i+1), b.right[i], b.tauR[i], work)
	}
	return q
}
