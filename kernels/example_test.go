package kernels_test

import (
	"fmt"
	"math"

	"github.com/qmlkit/qmlkit/datasets"
	"github.com/qmlkit/qmlkit/kernels"
	"github.com/qmlkit/qmlkit/tensornet"
)

// The fidelity kernel of Qiskit's ZZFeatureMap, the first row of the spec's
// reference table.
func ExampleFidelityKernel() {
	k, err := kernels.NewFidelityKernel(kernels.ZZFeatureMap(2, 2, kernels.Linear), kernels.Options{})
	if err != nil {
		panic(err)
	}
	m, err := k.Matrix([][]float64{{0.5, 1.0}, {2.0, 3.0}}, nil)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.12f %.12f\n%.12f %.12f\n", m.At(0, 0), m.At(0, 1), m.At(1, 0), m.At(1, 1))
	// Output:
	// 1.000000000000 0.487259183201
	// 0.487259183201 1.000000000000
}

// The same kernel on the MPS simulator: each input runs once, entries are
// pairwise overlaps of matrix-product states.
func ExampleFidelityKernel_mps() {
	k, err := kernels.NewFidelityKernel(kernels.ZZFeatureMap(3, 2, kernels.Linear), kernels.Options{Simulator: tensornet.Simulator{}})
	if err != nil {
		panic(err)
	}
	v, err := k.Value([]float64{0.5, 1.0, 1.5}, []float64{2.0, 3.0, 0.7})
	if err != nil {
		panic(err)
	}
	fmt.Println(k.Method(), fmt.Sprintf("%.12f", v))
	// Output: overlap 0.279351879844
}

// Shot-noise emulation: each entry is a Binomial(shots, K)/shots draw.
func ExampleOptions_shots() {
	x := [][]float64{{0.5, 1.0}, {2.0, 3.0}}
	k, err := kernels.NewFidelityKernel(kernels.ZZFeatureMap(2, 2, kernels.Linear), kernels.Options{Shots: 1000, Seed: 7})
	if err != nil {
		panic(err)
	}
	m, err := k.Matrix(x, nil)
	if err != nil {
		panic(err)
	}
	v := m.At(0, 1)
	fmt.Println(v == math.Round(v*1000)/1000, math.Abs(v-0.487259183201) < 4*math.Sqrt(0.25/1000))
	// Output: true true
}

// A QSVM against an RBF-SVM on an ad hoc reference set: the comparison is
// the same one-liner with a different kernel.
func ExampleFitScore() {
	train, test, err := datasets.AdHocReference("12345")
	if err != nil {
		panic(err)
	}
	qk, err := kernels.NewFidelityKernel(kernels.ZZFeatureMap(2, 2, kernels.Full), kernels.Options{})
	if err != nil {
		panic(err)
	}
	q, err := kernels.FitScore(qk, 1, train.X, train.Y, test.X, test.Y)
	if err != nil {
		panic(err)
	}
	rbf, err := kernels.NewRBFScale(train.X)
	if err != nil {
		panic(err)
	}
	r, err := kernels.FitScore(rbf, 1, train.X, train.Y, test.X, test.Y)
	if err != nil {
		panic(err)
	}
	fmt.Printf("QSVM test %.1f, RBF-SVM test %.1f\n", q.TestAccuracy, r.TestAccuracy)
	// Output: QSVM test 1.0, RBF-SVM test 0.7
}

// Kernel training on the covariant data of Glick et al.: λ moves from 0.1
// toward π/2 and the SVM's dual objective falls.
func ExampleQuantumKernelTrainer() {
	d, err := datasets.CovariantGraph7()
	if err != nil {
		panic(err)
	}
	graph := [][2]int{{0, 2}, {3, 4}, {2, 5}, {1, 4}, {2, 3}, {4, 6}}
	tr := &kernels.QuantumKernelTrainer{
		Map:     &kernels.CovariantFeatureMap{Qubits: 7, Graph: graph},
		Options: kernels.TrainerOptions{MaxIter: 10},
	}
	res, err := tr.Fit(d.X[:20], d.Y[:20], []float64{0.1})
	if err != nil {
		panic(err)
	}
	fmt.Printf("λ %.2f → %.2f, dual objective %.2f → %.2f\n", res.History[0].Theta[0], res.Theta[0], res.History[0].Objective, res.Objective)
	// Output: λ 0.10 → 1.78, dual objective 12.00 → 3.27
}

// The projected kernel of Huang et al. compares one-qubit reduced density
// matrices; for RY angle encoding it is exp(−γ Σ_k (1 − cos(x_k − y_k))).
func ExampleProjectedKernel() {
	p := &kernels.ProjectedKernel{Map: &kernels.AngleEmbedding{Features: 2, Rotation: "Y"}, Gamma: 1}
	m, err := p.Matrix([][]float64{{0, 0}}, [][]float64{{math.Pi / 2, 0}})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.6f %.6f\n", m.At(0, 0), math.Exp(-1))
	// Output: 0.367879 0.367879
}

// Geometric difference and alignment screen a quantum kernel against a
// classical one.
func ExampleGeometricDifference() {
	x := [][]float64{{0.1, 0.2}, {1.0, 2.0}, {2.5, 0.4}, {3.0, 3.0}, {0.7, 1.9}}
	y := []int{0, 1, 0, 1, 1}
	qk, err := kernels.NewFidelityKernel(kernels.ZZFeatureMap(2, 2, kernels.Full), kernels.Options{})
	if err != nil {
		panic(err)
	}
	kq, err := qk.Matrix(x, nil)
	if err != nil {
		panic(err)
	}
	kc, err := kernels.RBFKernel{Gamma: 0.5}.Matrix(x, nil)
	if err != nil {
		panic(err)
	}
	g, err := kernels.GeometricDifference(kc, kq, 1e-3)
	if err != nil {
		panic(err)
	}
	ta, err := kernels.TargetAlignment(kq, y, true)
	if err != nil {
		panic(err)
	}
	mean, variance, err := kernels.OffDiagonalStats(kq)
	if err != nil {
		panic(err)
	}
	fmt.Printf("g = %.3f, alignment = %.3f, off-diagonal mean %.3f variance %.3f\n", g, ta, mean, variance)
	// Output: g = 4.423, alignment = 0.185, off-diagonal mean 0.205 variance 0.067
}

// Angle embedding as in PennyLane: one RX per feature.
func ExampleAngleEmbedding() {
	k, err := kernels.NewFidelityKernel(&kernels.AngleEmbedding{Features: 1}, kernels.Options{})
	if err != nil {
		panic(err)
	}
	v, err := k.Value([]float64{0}, []float64{math.Pi / 2})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.12f\n", v) // cos²(π/4)
	// Output: 0.500000000000
}
