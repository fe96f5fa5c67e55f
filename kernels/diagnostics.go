package kernels

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// GeometricDifference returns g(K_C‖K_Q) = √‖√K_Q·(K_C + reg·I)⁻¹·√K_Q‖_∞
// (Huang et al., Nat. Commun. 12, 2631): when it is small (≈ 1 or less) the
// classical kernel K_C predicts at least as well as the quantum kernel K_Q
// on any labelling, so no advantage is possible. Both kernels are first
// scaled to trace N as in the paper; negative eigenvalues of either (from
// rounding or shot noise) are clipped to zero; reg ≥ 0 regularises the
// inverse (reg = 0 requires K_C to be non-singular). ‖·‖_∞ is the spectral
// norm.
func GeometricDifference(kc, kq mat.Matrix, reg float64) (float64, error) {
	if reg < 0 || math.IsNaN(reg) || math.IsInf(reg, 0) {
		return 0, fmt.Errorf("kernels: GeometricDifference: regularisation must be finite and ≥ 0, got %v", reg)
	}
	c, err := symmetricOf(kc, "GeometricDifference (classical kernel)")
	if err != nil {
		return 0, err
	}
	q, err := symmetricOf(kq, "GeometricDifference (quantum kernel)")
	if err != nil {
		return 0, err
	}
	n := c.SymmetricDim()
	if q.SymmetricDim() != n {
		return 0, fmt.Errorf("kernels: GeometricDifference: kernels are %d×%d and %d×%d", n, n, q.SymmetricDim(), q.SymmetricDim())
	}
	cVecs, cVals, err := eigenTraceN(c)
	if err != nil {
		return 0, err
	}
	top := 0.0
	for _, v := range cVals {
		top = max(top, v)
	}
	for _, v := range cVals {
		if max(v, 0)+reg <= 1e-13*top {
			return 0, fmt.Errorf("kernels: GeometricDifference: the classical kernel is singular (eigenvalue %g); use reg > 0", v)
		}
	}
	inv := rebuild(cVecs, cVals, func(v float64) float64 { return 1 / (max(v, 0) + reg) })
	qVecs, qVals, err := eigenTraceN(q)
	if err != nil {
		return 0, err
	}
	root := rebuild(qVecs, qVals, func(v float64) float64 { return math.Sqrt(max(v, 0)) })
	var m, t mat.Dense
	t.Mul(root, inv)
	m.Mul(&t, root)
	s, err := symmetricOf(&m, "GeometricDifference")
	if err != nil {
		return 0, err
	}
	var eig mat.EigenSym
	if !eig.Factorize(s, false) {
		return 0, fmt.Errorf("kernels: GeometricDifference: eigendecomposition did not converge")
	}
	norm := 0.0
	for _, v := range eig.Values(nil) {
		norm = max(norm, math.Abs(v))
	}
	return math.Sqrt(norm), nil
}

// eigenTraceN scales k to trace N and returns its eigenvectors and values.
func eigenTraceN(k *mat.SymDense) (*mat.Dense, []float64, error) {
	n := k.SymmetricDim()
	tr := mat.Trace(k)
	if !(tr > 0) {
		return nil, nil, fmt.Errorf("kernels: GeometricDifference: kernel trace is %v, want > 0", tr)
	}
	s := mat.NewSymDense(n, nil)
	s.ScaleSym(float64(n)/tr, k)
	var eig mat.EigenSym
	if !eig.Factorize(s, true) {
		return nil, nil, fmt.Errorf("kernels: GeometricDifference: eigendecomposition did not converge")
	}
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	return &vecs, eig.Values(nil), nil
}

// TargetAlignment returns the kernel-target alignment
// TA(K) = ⟨K, yyᵀ⟩_F / (‖K‖_F·‖yyᵀ‖_F) for binary labels (PennyLane's
// target_alignment; Cristianini et al. 2001). The larger label is +1, the
// other −1 (TA does not depend on that choice). With rescale, y_i is divided
// by the size of its class, so unbalanced classes weigh equally (PennyLane's
// rescale_class_labels).
func TargetAlignment(k mat.Matrix, y []int, rescale bool) (float64, error) {
	if k == nil {
		return 0, fmt.Errorf("kernels: TargetAlignment: nil kernel")
	}
	r, c := k.Dims()
	if r != c || r != len(y) {
		return 0, fmt.Errorf("kernels: TargetAlignment: %d×%d kernel for %d labels", r, c, len(y))
	}
	pos, _, err := binaryClasses(y)
	if err != nil {
		return 0, fmt.Errorf("kernels: TargetAlignment: %w", err)
	}
	counts := map[int]int{}
	for _, l := range y {
		counts[l]++
	}
	t := make([]float64, len(y))
	for i, l := range y {
		t[i] = -1
		if l == pos {
			t[i] = 1
		}
		if rescale {
			t[i] /= float64(counts[l])
		}
	}
	var inner, kk, tt float64
	for i := range r {
		for j := range c {
			v := k.At(i, j)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return 0, fmt.Errorf("kernels: TargetAlignment: entry (%d, %d) is %v", i, j, v)
			}
			p := t[i] * t[j]
			inner += v * p
			kk += v * v
			tt += p * p
		}
	}
	if kk == 0 {
		return 0, fmt.Errorf("kernels: TargetAlignment: the kernel is zero")
	}
	return inner / math.Sqrt(kk*tt), nil
}

// binaryClasses returns the larger and smaller of exactly two labels.
func binaryClasses(y []int) (pos, neg int, err error) {
	if len(y) == 0 {
		return 0, 0, fmt.Errorf("no labels")
	}
	pos, neg = y[0], y[0]
	for _, l := range y {
		pos, neg = max(pos, l), min(neg, l)
	}
	for _, l := range y {
		if l != pos && l != neg {
			return 0, 0, fmt.Errorf("labels must take two values, found %d, %d and %d", neg, l, pos)
		}
	}
	if pos == neg {
		return 0, 0, fmt.Errorf("labels must take two values, all are %d", pos)
	}
	return pos, neg, nil
}

// OffDiagonalStats returns the mean and (population) variance of the
// off-diagonal entries of a square kernel matrix: the concentration
// diagnostic of Thanasilp et al. — for fidelity kernels on many qubits
// both shrink exponentially unless the bandwidth is reduced.
func OffDiagonalStats(k mat.Matrix) (mean, variance float64, err error) {
	if k == nil {
		return 0, 0, fmt.Errorf("kernels: OffDiagonalStats: nil matrix")
	}
	r, c := k.Dims()
	if r != c || r < 2 {
		return 0, 0, fmt.Errorf("kernels: OffDiagonalStats: matrix is %d×%d, want square with at least 2 rows", r, c)
	}
	count := float64(r*r - r)
	for i := range r {
		for j := range c {
			if i != j {
				mean += k.At(i, j)
			}
		}
	}
	mean /= count
	for i := range r {
		for j := range c {
			if i != j {
				d := k.At(i, j) - mean
				variance += d * d
			}
		}
	}
	variance /= count
	if math.IsNaN(mean) || math.IsInf(mean, 0) {
		return 0, 0, fmt.Errorf("kernels: OffDiagonalStats: matrix has non-finite entries")
	}
	return mean, variance, nil
}
