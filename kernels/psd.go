package kernels

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// NearestPSD returns the positive semidefinite matrix nearest to the
// symmetric matrix k in the Frobenius norm: k = V·diag(λ)·Vᵀ rebuilt with
// the negative eigenvalues set to zero (Higham 1988; Qiskit's enforce_psd).
// k must be square, finite and symmetric to 1e−9 relative to its largest
// entry; its symmetric part is used. The result is exactly symmetric.
func NearestPSD(k mat.Matrix) (*mat.Dense, error) {
	sym, err := symmetricOf(k, "NearestPSD")
	if err != nil {
		return nil, err
	}
	var eig mat.EigenSym
	if !eig.Factorize(sym, true) {
		return nil, fmt.Errorf("kernels: NearestPSD: eigendecomposition did not converge")
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	return rebuild(&vecs, vals, func(v float64) float64 { return max(v, 0) }), nil
}

// rebuild returns V·diag(f(λ))·Vᵀ, made exactly symmetric.
func rebuild(vecs *mat.Dense, vals []float64, f func(float64) float64) *mat.Dense {
	n := len(vals)
	scaled := mat.NewDense(n, n, nil)
	scaled.Copy(vecs)
	for j, v := range vals {
		fv := f(v)
		for i := range n {
			scaled.Set(i, j, scaled.At(i, j)*fv)
		}
	}
	var out mat.Dense
	out.Mul(scaled, vecs.T())
	for i := range n {
		for j := i + 1; j < n; j++ {
			a := (out.At(i, j) + out.At(j, i)) / 2
			out.Set(i, j, a)
			out.Set(j, i, a)
		}
	}
	return &out
}

// symmetricOf checks that k is square, finite and symmetric and returns its
// symmetric part.
func symmetricOf(k mat.Matrix, who string) (*mat.SymDense, error) {
	if k == nil {
		return nil, fmt.Errorf("kernels: %s: nil matrix", who)
	}
	r, c := k.Dims()
	if r != c || r == 0 {
		return nil, fmt.Errorf("kernels: %s: matrix is %d×%d, want square", who, r, c)
	}
	scale := 1.0
	for i := range r {
		for j := range c {
			v := k.At(i, j)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("kernels: %s: entry (%d, %d) is %v", who, i, j, v)
			}
			scale = max(scale, math.Abs(v))
		}
	}
	s := mat.NewSymDense(r, nil)
	for i := range r {
		for j := i; j < r; j++ {
			a, b := k.At(i, j), k.At(j, i)
			if math.Abs(a-b) > 1e-9*scale {
				return nil, fmt.Errorf("kernels: %s: matrix is not symmetric: (%d, %d) = %v but (%d, %d) = %v", who, i, j, a, j, i, b)
			}
			s.SetSym(i, j, (a+b)/2)
		}
	}
	return s, nil
}
