package zmat

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// SVD returns the thin singular value decomposition A = U·diag(s)·Vᴴ of an m×n matrix,
// k = min(m, n): U is m×k and V is n×k, both with orthonormal columns, vh = Vᴴ is k×n, and s holds
// the k singular values in descending order, all ≥ 0. Where singular values are zero (rank-
// deficient or zero A) the columns of U and V still complete an orthonormal basis.
// Singular vectors are unique only up to a phase per triplet (u_i, v_i carry the same phase) and,
// for repeated values, up to a unitary mixing within the repeated block; no further convention
// is imposed.
//
// Method (Golub–Kahan, as LAPACK's zgesvd): a tall matrix with m ≥ 1.6·n is first reduced by
// Householder QR; the square or mildly tall matrix is reduced to a real upper bidiagonal B by
// Householder reflections from both sides; gonum's Dbdsqr (implicit-shift bidiagonal QR, the
// translation of LAPACK's dbdsqr) diagonalises B and accumulates the real rotations; the complex
// factors are then assembled with real Dgemm calls on the split planes. A wide matrix is handled
// as the conjugate transpose. The input is scaled by a power of two before the reduction (exact
// unless an entry underflows), so entries near the overflow or underflow limits are safe.
//
// Errors: invalid shape, NaN or ±Inf entries, a largest singular value beyond the float64
// range, or (not observed in practice) a bidiagonal QR iteration that fails to converge.
func SVD(a *Dense) (u *Dense, s []float64, vh *Dense, err error) {
	if err := a.validate("a"); err != nil {
		return nil, nil, nil, fmt.Errorf("zmat: SVD: %w", err)
	}
	if err := a.checkFinite("a"); err != nil {
		return nil, nil, nil, fmt.Errorf("zmat: SVD: %w", err)
	}
	if a.Rows < a.Cols {
		// Aᴴ = U'·S·V'ᴴ gives A = V'·S·U'ᴴ.
		ut, s, vht, err := svdTall(a.conjTranspose())
		if err != nil {
			return nil, nil, nil, fmt.Errorf("zmat: SVD: %w", err)
		}
		return vht.conjTranspose(), s, ut.conjTranspose(), nil
	}
	u, s, vh, err = svdTall(a.clone())
	if err != nil {
		return nil, nil, nil, fmt.Errorf("zmat: SVD: %w", err)
	}
	return u, s, vh, nil
}

// svdTall is SVD for a contiguous w with m ≥ n, which it overwrites.
func svdTall(w *Dense) (u *Dense, s []float64, vh *Dense, err error) {
	m, n := w.Rows, w.Cols
	amax := maxAbs(w)
	if amax == 0 {
		return identity(m, n), make([]float64, n), identity(n, n), nil
	}
	_, exp := math.Frexp(amax)
	scaleComplex(w.Data, complex(math.Ldexp(1, -exp), 0))

	var qr *Dense
	if 5*m >= 8*n {
		qr, w = qrFactor(w)
	}
	bd := bidiagonalize(w)
	qu, qv := bd.formU(), bd.formV()

	s, vt, ut, ok := bidiagSVD(bd.d, bd.e)
	if !ok {
		return nil, nil, nil, fmt.Errorf("%w: bidiagonal QR iteration on a %d×%d matrix", ErrNoConvergence, m, n)
	}
	u = complexTimesRealT(qu, ut)   // Q_U·U_b
	vh = realTimesConjTrans(vt, qv) // V_bᵀ·Q_Vᴴ
	if qr != nil {
		full := newDense(m, n)
		productUnchecked(full, qr, opN, u, opN)
		u = full
	}
	for i := range s {
		s[i] = math.Ldexp(s[i], exp)
	}
	if math.IsInf(s[0], 1) {
		return nil, nil, nil, fmt.Errorf("%w: the largest singular value of the %d×%d matrix exceeds the float64 range", ErrArgument, m, n)
	}
	return u, s, vh, nil
}

func maxAbs(d *Dense) float64 {
	var mx float64
	for i := range d.Rows {
		for _, z := range d.row(i) {
			mx = max(mx, math.Abs(real(z)), math.Abs(imag(z)))
		}
	}
	return mx
}

// complexTimesRealT returns X·Rᵀ for a complex p×n X and a real n×n R (row-major).
func complexTimesRealT(x *Dense, r []float64) *Dense {
	p, n := x.Rows, x.Cols
	px := newPlanar(p, n)
	splitInto(px, x)
	out := newPlanar(p, n)
	rg := general(n, n, n, r)
	blas64.Gemm(blas.NoTrans, blas.Trans, 1, general(p, n, n, px.Re), rg, 0, general(p, n, n, out.Re))
	blas64.Gemm(blas.NoTrans, blas.Trans, 1, general(p, n, n, px.Im), rg, 0, general(p, n, n, out.Im))
	res := newDense(p, n)
	joinInto(res, out)
	return res
}

// realTimesConjTrans returns R·Xᴴ for a real n×n R (row-major) and a complex n×n X:
// (R·Xᴴ)r = R·Xrᵀ and (R·Xᴴ)i = −R·Xiᵀ.
func realTimesConjTrans(r []float64, x *Dense) *Dense {
	n := x.Rows
	px := newPlanar(n, n)
	splitInto(px, x)
	out := newPlanar(n, n)
	rg := general(n, n, n, r)
	blas64.Gemm(blas.NoTrans, blas.Trans, 1, rg, general(n, n, n, px.Re), 0, general(n, n, n, out.Re))
	blas64.Gemm(blas.NoTrans, blas.Trans, -1, rg, general(n, n, n, px.Im), 0, general(n, n, n, out.Im))
	res := newDense(n, n)
	joinInto(res, out)
	return res
}
