package svm

import (
	"fmt"
	"github.com/qmlkit/qmlkit/ml"
	"math"

	"gonum.org/v1/gonum/mat"
)

// GammaScale returns scikit-learn's gamma="scale" for the RBF kernel,
// 1/(n_features·Var(X)), where Var is the population variance of all entries
// of X taken together. Like scikit-learn it returns 1 when that variance is 0.
func GammaScale(X [][]float64) (float64, error) {
	n, d, err := ml.CheckMatrix(X, "X")
	if err != nil {
		return 0, fmt.Errorf("svm: GammaScale: %w", err)
	}
	count := float64(n * d)
	var mean float64
	for _, row := range X {
		for _, v := range row {
			mean += v
		}
	}
	mean /= count
	var ss float64
	for _, row := range X {
		for _, v := range row {
			ss += (v - mean) * (v - mean)
		}
	}
	variance := ss / count
	if variance == 0 {
		return 1, nil
	}
	return 1 / (float64(d) * variance), nil
}

// RBF returns the Gram matrix K_ij = exp(−gamma·‖X_i − Y_j‖²) (len(X)×len(Y)).
// Pass Y = X for the training kernel.
func RBF(X, Y [][]float64, gamma float64) (*mat.Dense, error) {
	if !(gamma > 0) || math.IsInf(gamma, 1) {
		return nil, fmt.Errorf("svm: RBF: gamma must be positive and finite, got %v", gamma)
	}
	return gram(X, Y, "RBF", func(x, y []float64) float64 {
		var d2 float64
		for k := range x {
			d := x[k] - y[k]
			d2 += d * d
		}
		return math.Exp(-gamma * d2)
	})
}

// Linear returns the Gram matrix K_ij = ⟨X_i, Y_j⟩.
func Linear(X, Y [][]float64) (*mat.Dense, error) {
	return gram(X, Y, "Linear", dot)
}

// Polynomial returns the Gram matrix K_ij = (gamma·⟨X_i, Y_j⟩ + coef0)^degree,
// scikit-learn's and LIBSVM's polynomial kernel.
func Polynomial(X, Y [][]float64, gamma, coef0 float64, degree int) (*mat.Dense, error) {
	if !(gamma > 0) || math.IsInf(gamma, 1) {
		return nil, fmt.Errorf("svm: Polynomial: gamma must be positive and finite, got %v", gamma)
	}
	if math.IsNaN(coef0) || math.IsInf(coef0, 0) {
		return nil, fmt.Errorf("svm: Polynomial: coef0 must be finite, got %v", coef0)
	}
	if degree < 1 {
		return nil, fmt.Errorf("svm: Polynomial: degree must be ≥ 1, got %d", degree)
	}
	return gram(X, Y, "Polynomial", func(x, y []float64) float64 {
		return math.Pow(gamma*dot(x, y)+coef0, float64(degree))
	})
}

func dot(x, y []float64) float64 {
	var s float64
	for k := range x {
		s += x[k] * y[k]
	}
	return s
}

func gram(X, Y [][]float64, name string, k func(x, y []float64) float64) (*mat.Dense, error) {
	nx, dx, err := ml.CheckMatrix(X, "X")
	if err != nil {
		return nil, fmt.Errorf("svm: %s: %w", name, err)
	}
	ny, dy, err := ml.CheckMatrix(Y, "Y")
	if err != nil {
		return nil, fmt.Errorf("svm: %s: %w", name, err)
	}
	if dx != dy {
		return nil, fmt.Errorf("svm: %s: X has %d features but Y has %d", name, dx, dy)
	}
	out := mat.NewDense(nx, ny, nil)
	raw := out.RawMatrix()
	for i, x := range X {
		row := raw.Data[i*raw.Stride : i*raw.Stride+ny]
		for j, y := range Y {
			row[j] = k(x, y)
		}
	}
	return out, nil
}
