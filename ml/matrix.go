package ml

import (
	"fmt"
	"math"
)

// CheckMatrix verifies X (rows = samples) is a non-empty rectangular matrix
// of finite numbers and returns its shape; what names X in messages. Every
// package that takes a user's data matrix checks it here, so the messages
// name the row and column the same way everywhere.
func CheckMatrix(X [][]float64, what string) (n, d int, err error) {
	if len(X) == 0 {
		return 0, 0, fmt.Errorf("%s has no rows", what)
	}
	d = len(X[0])
	if d == 0 {
		return 0, 0, fmt.Errorf("%s has no columns", what)
	}
	for i, row := range X {
		if len(row) != d {
			return 0, 0, fmt.Errorf("%s row %d has %d columns, row 0 has %d", what, i, len(row), d)
		}
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return 0, 0, fmt.Errorf("%s[%d][%d] = %v is not finite", what, i, j, v)
			}
		}
	}
	return len(X), d, nil
}

// checkWidth is checkMatrix plus a required number of columns.
func checkWidth(X [][]float64, what string, want int) error {
	_, d, err := CheckMatrix(X, what)
	if err != nil {
		return err
	}
	if d != want {
		return fmt.Errorf("%s has %d columns, the fitted model expects %d", what, d, want)
	}
	return nil
}
