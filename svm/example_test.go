package svm_test

import (
	"fmt"

	"github.com/qmlkit/qmlkit/svm"
)

// A maximum-margin separator of four points on a line, trained from their
// precomputed linear kernel; the test kernel holds K(test, train).
func ExampleFit() {
	train := [][]float64{{-2}, {-1}, {1}, {2}}
	labels := []int{0, 0, 1, 1}
	K, _ := svm.Linear(train, train)

	model, err := svm.Fit(K, labels, 100, &svm.Options{Eps: 1e-8})
	if err != nil {
		fmt.Println(err)
		return
	}
	pair := model.Pairs[0]
	fmt.Printf("classes %v, support vectors %v, coefficients %.3f, objective %.3f\n",
		model.Classes, pair.Support, pair.Coef, pair.Objective)

	test := [][]float64{{-3}, {0.5}}
	Kt, _ := svm.Linear(test, train)
	dec, _ := model.DecisionFunction(Kt)
	pred, _ := model.Predict(Kt)
	// Class 0 came first in the labels, so positive values mean class 0.
	fmt.Printf("decision %.3f, predicted %v\n", dec, pred)
	// Output:
	// classes [0 1], support vectors [1 2], coefficients [0.500 -0.500], objective 0.500
	// decision [[3.000] [-0.500]], predicted [0 1]
}

func ExampleRBF() {
	// Entries 0,0,1,1,2,0 have variance 5/9, so gamma = 1/(2·5/9) = 0.9 and
	// K[0][1] = exp(−0.9·2).
	X := [][]float64{{0, 0}, {1, 1}, {2, 0}}
	gamma, _ := svm.GammaScale(X)
	K, _ := svm.RBF(X, X, gamma)
	fmt.Printf("gamma %.4f, K[0][1] %.4f\n", gamma, K.At(0, 1))
	// Output:
	// gamma 0.9000, K[0][1] 0.1653
}
