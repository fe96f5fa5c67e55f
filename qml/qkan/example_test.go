package qkan_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/nn"
	"github.com/qmlkit/qmlkit/qml/qkan"
)

// The spec's reference activation (r = 3) at x = 0.5 in both readouts.
func ExampleDARUAN() {
	p := qkan.Angles{
		Theta: []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8},
		W:     []float64{1, 2, 3},
		B:     []float64{0, 0.1, -0.2},
	}
	for _, ro := range []qkan.Readout{qkan.Exact, qkan.Fast} {
		d, _ := qkan.NewDARUAN(qkan.DARUANConfig{Ansatz: qkan.PZ, Reps: 3, Readout: ro})
		v, _ := d.Eval(p, 0.5)
		fmt.Printf("%s: %.10f\n", ro, v)
	}
	// Output:
	// exact: 0.1038733238
	// fast: 0.0735490643
}

// Only θ is trainable by default: QKAN([10,10]) with r = 3 has 800 parameters.
func ExampleNewLayer() {
	l, _ := qkan.NewLayer(qkan.LayerConfig{In: 10, Out: 10, Reps: 3, Seed: 1})
	fmt.Println(nn.NumParams(l))
	// Output: 800
}

// Layer extension from r = 3 to r = 5 leaves the network's function unchanged.
func ExampleNetwork_Extend() {
	net, _ := qkan.NewNetwork([]int{2, 5, 1}, qkan.LayerConfig{Reps: 3, Seed: 7})
	x, _ := nn.FromRows([][]float64{{0.3, -0.8}, {-0.5, 0.1}})
	before, _ := net.Forward(x)
	ext, _ := net.Extend(5)
	after, _ := ext.Forward(x)
	var worst float64
	for k := range before.Data {
		worst = math.Max(worst, math.Abs(after.Data[k]-before.Data[k]))
	}
	fmt.Println(ext.Layers()[0].Config().Reps, worst <= 1e-12)
	// Output: 5 true
}

// Train QKAN([1,1]) with every option trainable on a small sine problem with
// full-batch L-BFGS.
func ExampleRun() {
	rng := rand.New(rand.NewPCG(1, 2))
	sample := func(n int) nn.Dataset {
		x, y := nn.NewMatrix(n, 1), nn.NewMatrix(n, 1)
		for k := range n {
			x.Data[k] = 2*rng.Float64() - 1
			y.Data[k] = math.Sin(3 * x.Data[k])
		}
		d, _ := nn.NewDataset(x, y)
		return d
	}
	train, test := sample(200), sample(200)
	spec := qkan.ModelSpec{Kind: qkan.QKANModel, Widths: []int{1, 1}, Seed: 3, QKAN: qkan.LayerConfig{
		Reps: 3, PreactTrainable: true, PostWeightTrainable: true, PostBiasTrainable: true}}
	res, err := qkan.Run(context.Background(), spec, train, test, nn.TrainConfig{Loss: nn.MSE{}, Optimizer: nn.LBFGSOpt, Steps: 200})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Params, res.TestRMSE < 1e-3)
	// Output: 16 true
}
