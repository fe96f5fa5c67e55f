package svm

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkFitRBF1000 trains on N = 1000 overlapping Gaussian classes in 5
// dimensions with an RBF kernel (gamma "scale"), C = 1, LIBSVM's default eps.
func BenchmarkFitRBF1000(b *testing.B) {
	const n = 1000
	rng := rand.New(rand.NewPCG(1, 2))
	x := make([][]float64, n)
	y := make([]int, n)
	for i := range x {
		y[i] = i % 2
		x[i] = make([]float64, 5)
		for j := range x[i] {
			x[i][j] = rng.NormFloat64()
		}
		x[i][0] += float64(2*y[i]-1) * 0.75
	}
	gamma, err := GammaScale(x)
	if err != nil {
		b.Fatal(err)
	}
	K, err := RBF(x, x, gamma)
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		opt  Options
	}{{"shrinking", Options{}}, {"no-shrinking", Options{NoShrinking: true}}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Fit(K, y, 1, &tc.opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
