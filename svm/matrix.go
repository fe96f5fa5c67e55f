package svm

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// symmetryTol is the largest |K_ij − K_ji| accepted in a training kernel,
// relative to max(1, max|K|). Kernels computed entry by entry (quantum
// fidelities, sums in different orders) are symmetric only to rounding, so an
// exact test would reject legitimate input; anything larger is a caller bug.
const symmetryTol = 1e-9

// ErrNotConverged is returned (wrapped, together with the usable model) when
// the solver stops at its iteration limit before meeting the tolerance.
var ErrNotConverged = errors.New("svm: iteration limit reached before convergence")

// dense is a row-major copy of a kernel matrix.
type dense struct {
	rows, cols int
	data       []float64
}

func (d dense) at(i, j int) float64 { return d.data[i*d.cols+j] }

func (d dense) row(i int) []float64 { return d.data[i*d.cols : (i+1)*d.cols] }

// copyMatrix validates that m is a non-empty matrix of finite numbers and
// returns a row-major copy. what names the argument in error messages.
func copyMatrix(m mat.Matrix, what string) (dense, error) {
	switch v := m.(type) {
	case nil:
		return dense{}, fmt.Errorf("%s is nil", what)
	case *mat.Dense:
		if v == nil || v.IsEmpty() {
			return dense{}, fmt.Errorf("%s is empty", what)
		}
	case *mat.SymDense:
		if v == nil || v.IsEmpty() {
			return dense{}, fmt.Errorf("%s is empty", what)
		}
	}
	r, c := m.Dims()
	if r == 0 || c == 0 {
		return dense{}, fmt.Errorf("%s is empty (%d×%d)", what, r, c)
	}
	d := dense{rows: r, cols: c, data: make([]float64, r*c)}
	for i := range r {
		for j := range c {
			v := m.At(i, j)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return dense{}, fmt.Errorf("%s[%d][%d] = %v is not finite", what, i, j, v)
			}
			d.data[i*c+j] = v
		}
	}
	return d, nil
}

// trainKernel validates a training Gram matrix: square, finite and symmetric
// to within symmetryTol. Rounding-level asymmetry is removed by averaging
// K_ij and K_ji, which leaves an exactly symmetric input unchanged.
func trainKernel(m mat.Matrix) (dense, error) {
	d, err := copyMatrix(m, "training kernel")
	if err != nil {
		return dense{}, err
	}
	if d.rows != d.cols {
		return dense{}, fmt.Errorf("training kernel must be square, got %d×%d", d.rows, d.cols)
	}
	scale := 1.0
	for _, v := range d.data {
		scale = math.Max(scale, math.Abs(v))
	}
	n := d.rows
	for i := range n {
		for j := i + 1; j < n; j++ {
			a, b := d.data[i*n+j], d.data[j*n+i]
			if math.Abs(a-b) > symmetryTol*scale {
				return dense{}, fmt.Errorf("training kernel is not symmetric: K[%d][%d] = %v but K[%d][%d] = %v", i, j, a, j, i, b)
			}
			if a != b {
				avg := (a + b) / 2
				d.data[i*n+j], d.data[j*n+i] = avg, avg
			}
		}
	}
	return d, nil
}

// testKernel validates a kernel between new samples (rows) and the nTrain
// training samples (columns).
func testKernel(m mat.Matrix, nTrain int) (dense, error) {
	d, err := copyMatrix(m, "test kernel")
	if err != nil {
		return dense{}, err
	}
	if d.cols != nTrain {
		return dense{}, fmt.Errorf("test kernel has %d columns, want one per training sample (%d)", d.cols, nTrain)
	}
	return d, nil
}
