package nn_test

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/nn"
)

// Fit y = 2x + 1 with one Linear layer and full-batch L-BFGS.
func ExampleTrain() {
	x, _ := nn.NewMatrixFrom(4, 1, []float64{-1, 0, 1, 2})
	y, _ := nn.NewMatrixFrom(4, 1, []float64{-1, 1, 3, 5})
	data, _ := nn.NewDataset(x, y)
	lin, _ := nn.NewLinear(1, 1, nn.XavierUniform, rand.New(rand.NewPCG(1, 2)))
	_, err := nn.Train(context.Background(), lin, data, nn.TrainConfig{Loss: nn.MSE{}, Optimizer: nn.LBFGSOpt, Steps: 20})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("w = %.4f, b = %.4f\n", lin.Weights()[0], lin.Bias()[0])
	// Output: w = 2.0000, b = 1.0000
}

// A B-spline KAN([2,5,1]) with the default grid G = 5, k = 3 has 10
// parameters per edge.
func ExampleNewKAN() {
	kan, _ := nn.NewKAN([]int{2, 5, 1}, nn.BSplineConfig{}, rand.New(rand.NewPCG(1, 2)))
	fmt.Println(nn.NumParams(kan))
	// Output: 150
}

// Check a layer's Backward against central finite differences.
func ExampleGradCheck() {
	rng := rand.New(rand.NewPCG(3, 4))
	layer, _ := nn.NewFourierKAN(3, 2, 4, rng)
	x, _ := nn.FromRows([][]float64{{0.1, -0.4, 0.9}, {0.5, 0.2, -0.7}})
	res, _ := nn.GradCheck(layer, x, 1e-6, 1)
	fmt.Println(res.MaxInputErr < 1e-6, res.MaxParamErr < 1e-6)
	// Output: true true
}

// Compare models of matched size: an MLP with two hidden layers as close as
// possible to 255 parameters.
func ExampleMLPWidthsFor() {
	w, _ := nn.MLPWidthsFor(2, 1, 2, 255)
	fmt.Println(w, nn.MLPParams(w))
	// Output: [2 14 14 1] 267
}
