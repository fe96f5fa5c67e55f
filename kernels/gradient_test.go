package kernels

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/svm"
)

// trainableTemplate has data x0, x1 and trainable w, v interleaved, with
// θ-dependent rzz, p and an affine rx (scale 2, offset 0.3).
func trainableTemplate() *CircuitFeatureMap {
	c := circuits.New(2)
	x0 := c.AddParams("x0", 1)[0]
	w := c.AddParams("w", 1)[0]
	x1 := c.AddParams("x1", 1)[0]
	v := c.AddParams("v", 1)[0]
	c.H(0).H(1)
	c.Gate(circuits.RZ, []circuits.Param{x0}, 0)
	c.Gate(circuits.RZ, []circuits.Param{x1}, 1)
	c.Gate(circuits.RZZ, []circuits.Param{w}, 0, 1)
	c.Gate(circuits.RX, []circuits.Param{circuits.Affine(w.Index, 2, 0.3)}, 0)
	c.Gate(circuits.P, []circuits.Param{v}, 1)
	c.Gate(circuits.RY, []circuits.Param{x1}, 0)
	c.Gate(circuits.RY, []circuits.Param{v}, 1)
	return &CircuitFeatureMap{Template: c, Trainable: []string{"w", "v"}, Theta: []float64{0.4, -0.7}}
}

func TestCircuitFeatureMap(t *testing.T) {
	fm := trainableTemplate()
	assert.Equal(t, 2, fm.NumFeatures())
	assert.Equal(t, 2, fm.NumParams())
	assert.Equal(t, 2, fm.NumQubits())
	got, err := fm.Circuit([]float64{1.1, 2.2})
	require.NoError(t, err)
	want, err := fm.Template.BindNamed(map[string]float64{"x0": 1.1, "x1": 2.2, "w": 0.4, "v": -0.7})
	require.NoError(t, err)
	assert.Equal(t, want.Ops, got.Ops)
	tc, err := fm.TrainableCircuit([]float64{1.1, 2.2})
	require.NoError(t, err)
	assert.Equal(t, []string{"w", "v"}, tc.ParamNames)

	_, err = (&CircuitFeatureMap{Template: fm.Template, Trainable: []string{"q"}}).TrainableCircuit([]float64{1, 2})
	assert.ErrorContains(t, err, `"q" is not a parameter`)
	_, err = (&CircuitFeatureMap{Template: fm.Template, Trainable: []string{"w", "w"}}).TrainableCircuit([]float64{1, 2})
	assert.ErrorContains(t, err, "twice")
	_, err = (&CircuitFeatureMap{Template: fm.Template, Trainable: []string{"w"}}).Circuit([]float64{1, 2, 3})
	assert.ErrorContains(t, err, "Theta")
	_, err = fm.Circuit([]float64{1})
	assert.ErrorContains(t, err, "takes 2")

	// Data-only use: every parameter is a feature.
	plain := &CircuitFeatureMap{Template: fm.Template}
	assert.Equal(t, 4, plain.NumFeatures())
	k := mustKernel(t, plain, Options{})
	v, err := k.Value([]float64{1.1, 0.4, 2.2, -0.7}, []float64{0.3, 0.4, 1.0, -0.7})
	require.NoError(t, err)
	k2 := mustKernel(t, fm, Options{})
	v2, err := k2.Value([]float64{1.1, 2.2}, []float64{0.3, 1.0})
	require.NoError(t, err)
	assert.InDelta(t, v2, v, 1e-15)
}

// TestKernelGradientParameterShiftVsFD compares the exact state-level
// parameter-shift derivatives with central differences of the kernel.
func TestKernelGradientParameterShiftVsFD(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	cases := []struct {
		name  string
		m     TrainableFeatureMap
		theta []float64
		x     [][]float64
	}{
		{"covariant", &CovariantFeatureMap{Qubits: 4, Graph: [][2]int{{0, 1}, {1, 2}, {2, 3}, {0, 3}}}, []float64{0.37}, randomPoints(rng, 7, 8, 2*math.Pi)},
		{"template", trainableTemplate(), []float64{0.4, -0.7}, randomPoints(rng, 6, 2, 2*math.Pi)},
	}
	for _, tc := range cases {
		k, grads, err := KernelGradient(tc.m, tc.theta, tc.x)
		require.NoError(t, err, tc.name)
		kf, fd, err := KernelGradientFD(tc.m, tc.theta, tc.x, 1e-4, Options{})
		require.NoError(t, err, tc.name)
		assert.True(t, mat.EqualApprox(k, kf, 1e-13), tc.name)
		require.Len(t, grads, len(tc.theta))
		scale := 0.0
		for p := range grads {
			scale = max(scale, mat.Norm(grads[p], math.Inf(1)))
			// Central differences with h = 1e−4: error ~ h²·K‴/6 + 1e−16/h.
			assert.True(t, mat.EqualApprox(grads[p], fd[p], 1e-8), "%s ∂K/∂θ_%d", tc.name, p)
		}
		assert.Greater(t, scale, 0.05, "%s: derivatives should not vanish", tc.name)
	}
	// A controlled rotation has no two-term rule.
	c := circuits.New(2)
	x := c.AddParams("x", 1)[0]
	w := c.AddParams("w", 1)[0]
	c.Gate(circuits.RY, []circuits.Param{x}, 0)
	c.Controlled(circuits.RY, []circuits.Param{w}, []int{0}, 1)
	_, _, err := KernelGradient(&CircuitFeatureMap{Template: c, Trainable: []string{"w"}}, []float64{0.1}, [][]float64{{0.2}, {0.3}})
	assert.ErrorContains(t, err, "KernelGradientFD")
}

// trainerData is a small binary problem on the covariant map: random
// angles with labels from the sign of a fixed function, so F(θ) varies.
func trainerData() ([][]float64, []int) {
	rng := rand.New(rand.NewPCG(3, 4))
	x := randomPoints(rng, 16, 6, math.Pi)
	y := make([]int, len(x))
	for i, r := range x {
		if math.Cos(r[0])*math.Cos(r[2])+math.Sin(r[4]) > 0.5 {
			y[i] = 1
		}
	}
	return x, y
}

// TestTrainerGradientIsDanskin checks ∇F = −½ΣααyyK′ against central
// differences of F itself (the SVM re-solved at θ ± h).
func TestTrainerGradientIsDanskin(t *testing.T) {
	x, y := trainerData()
	tr := &QuantumKernelTrainer{Map: &CovariantFeatureMap{Qubits: 3, Graph: [][2]int{{0, 1}, {1, 2}}}, Options: TrainerOptions{SVM: &svm.Options{Eps: 1e-10}}}
	o := tr.Options.withDefaults()
	theta := []float64{0.6}
	_, model, err := tr.Objective(x, y, theta)
	require.NoError(t, err)
	g, err := tr.gradient(x, model, theta, o)
	require.NoError(t, err)
	const h = 1e-4
	fp, _, err := tr.Objective(x, y, []float64{theta[0] + h})
	require.NoError(t, err)
	fm, _, err := tr.Objective(x, y, []float64{theta[0] - h})
	require.NoError(t, err)
	assert.InDelta(t, (fp-fm)/(2*h), g[0], 1e-5*max(1, math.Abs(g[0])))
	assert.Greater(t, math.Abs(g[0]), 0.01)
}

func TestTrainerGradientDescent(t *testing.T) {
	x, y := trainerData()
	m := &CovariantFeatureMap{Qubits: 3, Graph: [][2]int{{0, 1}, {1, 2}}}
	for _, gm := range []GradientMethod{GradientParameterShift, GradientCentralDifference} {
		tr := &QuantumKernelTrainer{Map: m, Options: TrainerOptions{MaxIter: 8, Gradient: gm}}
		res, err := tr.Fit(x, y, []float64{0.1})
		require.NoError(t, err)
		require.GreaterOrEqual(t, len(res.History), 3)
		for i := 1; i < len(res.History); i++ {
			assert.LessOrEqual(t, res.History[i].Objective, res.History[i-1].Objective, "step %d", i)
		}
		assert.Less(t, res.Objective, res.History[0].Objective-0.1)
		assert.Equal(t, res.History[len(res.History)-1].Theta, res.Theta)
		// The returned map is the map at Theta.
		f, _, err := tr.Objective(x, y, res.Theta)
		require.NoError(t, err)
		assert.InDelta(t, f, res.Objective, 1e-12)
		fm, err := AtParams(m, res.Theta)
		require.NoError(t, err)
		c1, err := fm.Circuit(x[0])
		require.NoError(t, err)
		c2, err := res.Map.Circuit(x[0])
		require.NoError(t, err)
		assert.Equal(t, c1.Ops, c2.Ops)
	}
}

func TestTrainerSPSA(t *testing.T) {
	x, y := trainerData()
	m := &CovariantFeatureMap{Qubits: 3, Graph: [][2]int{{0, 1}, {1, 2}}}
	tr := &QuantumKernelTrainer{Map: m, Options: TrainerOptions{Optimizer: OptimizerSPSA, MaxIter: 15, Seed: 3}}
	a, err := tr.Fit(x, y, []float64{0.1})
	require.NoError(t, err)
	b, err := tr.Fit(x, y, []float64{0.1})
	require.NoError(t, err)
	assert.Equal(t, a.Theta, b.Theta, "same seed, same path")
	assert.Len(t, a.History, 16)
	assert.Equal(t, 2+3*15, a.Evaluations, "start, two per step, one per recorded step, the final point")
	assert.Less(t, a.Objective, a.History[0].Objective)

	_, err = tr.Fit(x, y, []float64{0.1, 0.2})
	assert.ErrorContains(t, err, "θ₀")
	_, err = tr.Fit(x, slices.Repeat([]int{1}, len(x)), []float64{0.1})
	assert.ErrorContains(t, err, "two values")
}
