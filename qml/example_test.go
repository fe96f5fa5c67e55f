package qml_test

import (
	"context"
	"fmt"
	"math"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/datasets"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/qml"
	"github.com/qmlkit/qmlkit/statevec"
	"gonum.org/v1/gonum/optimize"
)

// The gradient of a two-qubit circuit three ways. ⟨Z₁⟩ after RY(a) on
// qubit 0, CX(0, 1) and RX(b) on qubit 1 is cos a·cos b.
func ExampleDifferentiable_Gradient() {
	c := circuits.New(2)
	theta := c.AddParams("θ", 2)
	c.Gate(circuits.RY, theta[:1], 0).CX(0, 1).Gate(circuits.RX, theta[1:], 1)
	obs := pauli.Sum{pauli.Z(1)}
	x := []float64{0.5, 0.3}

	d, err := qml.NewDifferentiable(c)
	if err != nil {
		panic(err)
	}
	adjoint := make([]float64, 2)
	f, err := d.Gradient(x, obs, nil, adjoint)
	if err != nil {
		panic(err)
	}
	shift := make([]float64, 2)
	if _, err := qml.ParameterShift(statevec.Simulator{}, c, obs, x, shift, qml.ShiftOptions{}); err != nil {
		panic(err)
	}
	fd := make([]float64, 2)
	if err := qml.FiniteDifference(func(p []float64) (float64, error) { return d.Expectation(p, obs, nil) }, x, 1e-6, fd); err != nil {
		panic(err)
	}
	fmt.Printf("⟨Z₁⟩ = %.6f (cos a·cos b = %.6f)\n", f, math.Cos(0.5)*math.Cos(0.3))
	fmt.Printf("adjoint      %.6f\n", adjoint)
	fmt.Printf("shift rule   %.6f\n", shift)
	fmt.Printf("finite diff. %.6f\n", fd)
	// Output:
	// ⟨Z₁⟩ = 0.838387 (cos a·cos b = 0.838387)
	// adjoint      [-0.458013 -0.259343]
	// shift rule   [-0.458013 -0.259343]
	// finite diff. [-0.458013 -0.259343]
}

// Training a small variational classifier (Havlíček et al.'s W(θ) with one
// entangling layer after the ZZ feature map) on an ad hoc reference set.
func ExampleVQC() {
	train, test, err := datasets.AdHocReference("0")
	if err != nil {
		panic(err)
	}
	v, err := qml.NewVQC(qml.VQCConfig{Depth: 1, Restarts: 1, Seed: 2})
	if err != nil {
		panic(err)
	}
	if err := v.Fit(context.Background(), train.X, train.Y); err != nil {
		panic(err)
	}
	acc, err := v.Score(test.X, test.Y)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d trained values, test accuracy %.2f\n", v.NumParams(), acc)
	// Output:
	// 9 trained values, test accuracy 1.00
}

// A loss plugs into gonum/optimize: L-BFGS finds the ground energy
// −√(4 + ¼) of Z₀ + Z₁ + ½X₀X₁ with an EfficientSU2 ansatz.
func ExampleProblem() {
	c := circuits.New(2)
	params, err := qml.EfficientSU2(c, []int{0, 1}, 2, "")
	if err != nil {
		panic(err)
	}
	d, err := qml.NewDifferentiable(c)
	if err != nil {
		panic(err)
	}
	xx, err := pauli.NewTerm(0.5, "XX", 0, 1)
	if err != nil {
		panic(err)
	}
	loss, err := qml.NewExpectationLoss(d, pauli.Sum{pauli.Z(0), pauli.Z(1), xx}, nil)
	if err != nil {
		panic(err)
	}
	x0 := make([]float64, len(params))
	for i := range x0 {
		x0[i] = 0.1 * float64(i+1)
	}
	// Stop at a gradient norm of 1e−9, before line searches run into
	// rounding.
	settings := &optimize.Settings{GradientThreshold: 1e-9}
	res, err := optimize.Minimize(qml.Problem(loss), x0, settings, &optimize.LBFGS{Linesearcher: &optimize.MoreThuente{}})
	if err != nil {
		panic(err)
	}
	fmt.Printf("E = %.8f, exact %.8f\n", res.F, -math.Sqrt(4.25))
	// Output:
	// E = -2.06155281, exact -2.06155281
}
