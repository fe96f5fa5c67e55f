package qml

import (
	"fmt"
	"math"
	"slices"
)

// FiniteDifference writes the central differences
// [f(x + h·e_i) − f(x − h·e_i)]/(2h) into grad (len(x) entries). The
// truncation error is O(h²·|f⁽³⁾|), the rounding error O(ε·|f|/h); h ≈ 1e−5
// balances them for circuit expectation values, giving about 1e−9.
func FiniteDifference(f func(x []float64) (float64, error), x []float64, h float64, grad []float64) error {
	if !(h > 0) || math.IsInf(h, 0) {
		return fmt.Errorf("qml: finite difference: step %v must be positive and finite", h)
	}
	if len(grad) != len(x) {
		return fmt.Errorf("qml: finite difference: gradient buffer has %d entries for %d parameters", len(grad), len(x))
	}
	xs := slices.Clone(x)
	for i := range x {
		xs[i] = x[i] + h
		fp, err := f(xs)
		if err != nil {
			return fmt.Errorf("qml: finite difference: parameter %d: %w", i, err)
		}
		xs[i] = x[i] - h
		fm, err := f(xs)
		if err != nil {
			return fmt.Errorf("qml: finite difference: parameter %d: %w", i, err)
		}
		xs[i] = x[i]
		grad[i] = (fp - fm) / (2 * h)
	}
	return nil
}

// GradientCheck is the outcome of CheckGradient.
type GradientCheck struct {
	// Numeric holds the central differences.
	Numeric []float64
	// MaxAbsErr is max_i |grad_i − numeric_i|, reached at Worst.
	MaxAbsErr float64
	Worst     int
}

// CheckGradient compares a gradient with central finite differences of f
// at x (step h) and reports the largest absolute deviation.
func CheckGradient(f func(x []float64) (float64, error), grad, x []float64, h float64) (GradientCheck, error) {
	if len(grad) != len(x) {
		return GradientCheck{}, fmt.Errorf("qml: gradient check: %d gradient entries for %d parameters", len(grad), len(x))
	}
	res := GradientCheck{Numeric: make([]float64, len(x))}
	if err := FiniteDifference(f, x, h, res.Numeric); err != nil {
		return GradientCheck{}, err
	}
	for i, g := range grad {
		if e := math.Abs(g - res.Numeric[i]); e > res.MaxAbsErr || math.IsNaN(e) {
			res.MaxAbsErr, res.Worst = e, i
			if math.IsNaN(e) {
				res.MaxAbsErr = math.Inf(1)
				break
			}
		}
	}
	return res, nil
}
