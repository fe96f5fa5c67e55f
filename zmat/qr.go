package zmat

import "fmt"

// QR returns the thin QR factorisation A = Q·R of an m×n matrix, k = min(m, n): Q is m×k with
// orthonormal columns (QᴴQ = I), R is k×n upper triangular (upper trapezoidal when m < n).
//
// Sign convention: the diagonal of R is real and non-negative. For A of full column rank this
// makes Q and R unique. Rank-deficient input still gives a Q with orthonormal columns.
//
// Method: Householder reflections (LAPACK's zgeqr2 order), then Q formed by backward
// accumulation. For an LQ factorisation A = L·Q use LQ.
func QR(a *Dense) (q, r *Dense, err error) {
	if err := a.validate("a"); err != nil {
		return nil, nil, fmt.Errorf("zmat: QR: %w", err)
	}
	if err := a.checkFinite("a"); err != nil {
		return nil, nil, fmt.Errorf("zmat: QR: %w", err)
	}
	q, r = qrFactor(a.clone())
	return q, r, nil
}

// LQ returns the thin LQ factorisation A = L·Q of an m×n matrix, k = min(m, n): L is m×k lower
// triangular with a real non-negative diagonal and Q is k×n with orthonormal rows (Q·Qᴴ = I).
// It is QR of Aᴴ, conjugate-transposed back: the form used to right-canonicalise an MPS site.
func LQ(a *Dense) (l, q *Dense, err error) {
	if err := a.validate("a"); err != nil {
		return nil, nil, fmt.Errorf("zmat: LQ: %w", err)
	}
	if err := a.checkFinite("a"); err != nil {
		return nil, nil, fmt.Errorf("zmat: LQ: %w", err)
	}
	qt, rt := qrFactor(a.conjTranspose())
	return rt.conjTranspose(), qt.conjTranspose(), nil
}

// qrFactor overwrites w (contiguous) with its Householder reduction and returns Q and R.
func qrFactor(w *Dense) (q, r *Dense) {
	m, n := w.Rows, w.Cols
	k := min(m, n)
	vs, taus := householderQR(w)
	r = newDense(k, n)
	for i := range k {
		copy(r.row(i)[i:], w.row(i)[i:])
	}
	q = formQ(m, k, vs, taus)
	// Make diag(R) non-negative: flip row i of R and column i of Q together.
	for i := range k {
		if real(r.Data[i*n+i]) < 0 {
			scaleComplex(r.row(i)[i:], -1)
			for p := range m {
				q.Data[p*k+i] = -q.Data[p*k+i]
			}
		}
	}
	return q, r
}

// householderQR reduces w (m×n) to upper triangular form in place with min(m, n) reflectors
// H_i = I − τ_i·v_i·v_iᴴ, applied as H_iᴴ. v_i (length m − i, v_i(0) = 1) is returned separately
// because column i of w holds R's diagonal afterwards.
func householderQR(w *Dense) (vs [][]complex128, taus []complex128) {
	m, n := w.Rows, w.Cols
	k := min(m, n)
	vs = make([][]complex128, k)
	taus = make([]complex128, k)
	work := make([]complex128, n)
	for i := range k {
		x := make([]complex128, m-i)
		for p := range x {
			x[p] = w.Data[(i+p)*w.Stride+i]
		}
		tau, beta := makeReflector(x)
		w.Data[i*w.Stride+i] = complex(beta, 0)
		for p := 1; p < len(x); p++ {
			w.Data[(i+p)*w.Stride+i] = 0
		}
		x[0] = 1
		vs[i], taus[i] = x, tau
		if i+1 < n {
			reflectLeft(w.view(i, i+1), x, conj(tau), work)
		}
	}
	return vs, taus
}

// formQ returns the first k columns of H_0·H_1·⋯·H_{len(vs)−1} as an m×k matrix. Accumulating
// from the last reflector backwards keeps each step on the trailing block that is not yet the
// identity.
func formQ(m, k int, vs [][]complex128, taus []complex128) *Dense {
	q := identity(m, k)
	work := make([]complex128, k)
	for i := len(vs) - 1; i >= 0; i-- {
		reflectLeft(q.view(i, i), vs[i], taus[i], work)
	}
	return q
}

func conj(z complex128) complex128 { return complex(real(z), -imag(z)) }
