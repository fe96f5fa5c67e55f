package qml

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/statevec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGradientsAgree is the acceptance check: on random 10-qubit circuits
// with 50 shared, scaled parameters and controlled rotations, the adjoint
// gradient matches the parameter-shift rule (run through the
// backend.Simulator interface) to 1e−8 and central finite differences to
// 1e−6.
func TestGradientsAgree(t *testing.T) {
	seeds := 3
	if testing.Short() {
		seeds = 1
	}
	for seed := uint64(1); seed <= uint64(seeds); seed++ {
		rng := rand.New(rand.NewPCG(seed, 42))
		c := randomCircuit(t, rng, 10, 50, 70)
		obs := randomObservable(t, rng, 10, 4)
		theta := randomTheta(rng, 50)

		d, err := NewDifferentiable(c)
		require.NoError(t, err)
		adj := make([]float64, 50)
		fAdj, err := d.Gradient(theta, obs, nil, adj)
		require.NoError(t, err)

		shift := make([]float64, 50)
		fShift, err := ParameterShift(statevec.Simulator{}, c, obs, theta, shift, ShiftOptions{})
		require.NoError(t, err)
		assert.InDelta(t, fShift, fAdj, 1e-12, "seed %d: values", seed)
		assert.Less(t, maxAbsDiff(adj, shift), 1e-8, "seed %d: adjoint vs parameter shift", seed)

		check, err := CheckGradient(func(x []float64) (float64, error) { return d.Expectation(x, obs, nil) }, adj, theta, 1e-5)
		require.NoError(t, err)
		assert.Less(t, check.MaxAbsErr, 1e-6, "seed %d: adjoint vs finite differences, worst θ[%d]", seed, check.Worst)

		var norm float64
		for _, g := range adj {
			norm += g * g
		}
		assert.Greater(t, math.Sqrt(norm), 1e-2, "seed %d: the gradient must not vanish", seed)
		t.Logf("seed %d: %d ops, ‖∇‖ = %.3g, |adjoint − shift| ≤ %.2g, |adjoint − FD| ≤ %.2g",
			seed, len(c.Ops), math.Sqrt(norm), maxAbsDiff(adj, shift), check.MaxAbsErr)
	}
}

// TestGradientEachGateKind differentiates one gate of every kind, with and
// without controls, inside a small entangled circuit, against finite
// differences and the shift rules, at random angles and at the special
// points 0 and 2π (where the gate is ±I and diagonal shortcuts kick in).
func TestGradientEachGateKind(t *testing.T) {
	kinds := []circuits.Gate{circuits.RX, circuits.RY, circuits.RZ, circuits.P, circuits.U,
		circuits.RXX, circuits.RYY, circuits.RZZ, circuits.RZX}
	rng := rand.New(rand.NewPCG(3, 4))
	yyz, err := pauli.NewTerm(-0.4, "YYZ", 0, 2, 3)
	require.NoError(t, err)
	obs := pauli.Sum{pauli.X(0), pauli.Z(1).Scale(0.7), yyz, pauli.Y(3).Scale(0.3)}
	for _, kind := range kinds {
		for nc := 0; nc <= 2; nc++ {
			c := circuits.New(4)
			c.AddParams("θ", kind.NumParams())
			c.H(0, 1, 2, 3).CX(0, 1).RY(0.4, 2).CX(2, 3).U(0.3, 0.2, 0.9, 0).RX(0.5, 1).RX(0.6, 3)
			params := make([]circuits.Param, kind.NumParams())
			for j := range params {
				params[j] = circuits.Affine(j, 1.5, 0)
			}
			targets := []int{1, 3}[:kind.NumTargets()]
			c.Controlled(kind, params, []int{0, 2}[:nc], targets...)
			c.RX(0.8, 1).CX(1, 0).RZ(0.3, 3).H(3)
			d, err := NewDifferentiable(c)
			require.NoError(t, err)
			for _, theta := range [][]float64{randomTheta(rng, kind.NumParams()), make([]float64, kind.NumParams()),
				slices.Repeat([]float64{4 * math.Pi / 3}, kind.NumParams())} {
				adj := make([]float64, len(theta))
				_, err = d.Gradient(theta, obs, nil, adj)
				require.NoError(t, err)
				check, err := CheckGradient(func(x []float64) (float64, error) { return d.Expectation(x, obs, nil) }, adj, theta, 1e-5)
				require.NoError(t, err)
				assert.Less(t, check.MaxAbsErr, 1e-8, "%s with %d controls at %v", kind, nc, theta)
				shift := make([]float64, len(theta))
				_, err = ParameterShift(statevec.Simulator{}, c, obs, theta, shift, ShiftOptions{})
				require.NoError(t, err)
				assert.Less(t, maxAbsDiff(adj, shift), 1e-12, "%s with %d controls at %v: shift rule", kind, nc, theta)
			}
		}
	}
}

// TestGradientLargeStateThreads runs the adjoint sweep on 16 qubits,
// where the kernels split the state into chunks and goroutines, and
// checks it against the parameter-shift rule and that one and two
// goroutines give bit-identical results.
func TestGradientLargeStateThreads(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 1))
	n, np := 16, 12
	if testing.Short() {
		np = 6
	}
	c := randomCircuit(t, rng, n, np, 2*np)
	obs := randomObservable(t, rng, n, 3)
	theta := randomTheta(rng, np)
	d, err := NewDifferentiable(c)
	require.NoError(t, err)

	grads := make([][]float64, 2)
	for k, procs := range []int{1, 2} {
		prev := runtime.GOMAXPROCS(procs)
		grads[k] = make([]float64, np)
		_, err = d.Gradient(theta, obs, nil, grads[k])
		runtime.GOMAXPROCS(prev)
		require.NoError(t, err)
	}
	assert.Equal(t, grads[0], grads[1], "results must not depend on GOMAXPROCS")

	shift := make([]float64, np)
	_, err = ParameterShift(statevec.Simulator{}, c, obs, theta, shift, ShiftOptions{})
	require.NoError(t, err)
	assert.Less(t, maxAbsDiff(grads[1], shift), 1e-10)
}

// TestKernelPaths drives every backward kernel shape on a 15-qubit state
// (several chunks): targets on qubit 0 (adjacent pairs), 1–2 (strided),
// and higher (runs); controls below and above targets; diagonal ops with
// and without the global-phase normalisation; U with only φ variable.
// The adjoint gradient must equal the parameter-shift gradient.
func TestKernelPaths(t *testing.T) {
	const n = 15
	c := circuits.New(n)
	p := c.AddParams("θ", 24)
	for q := 0; q < n; q++ {
		c.H(q)
		c.RY(0.1*float64(q+1), q)
	}
	one := func(g circuits.Gate, k int, controls []int, targets ...int) {
		c.Controlled(g, []circuits.Param{p[k]}, controls, targets...)
	}
	one(circuits.RY, 0, nil, 0)
	one(circuits.RY, 1, nil, 1)
	one(circuits.RY, 2, nil, 7)
	one(circuits.RX, 3, nil, 0)
	one(circuits.RX, 4, nil, 9)
	one(circuits.RZ, 5, nil, 0)
	one(circuits.RZ, 6, nil, 10)
	one(circuits.P, 7, nil, 0)
	one(circuits.P, 8, nil, 6)
	c.Gate(circuits.U, []circuits.Param{p[9], p[10], circuits.Affine(11, -0.5, 0.2)}, 0)
	c.Gate(circuits.U, []circuits.Param{circuits.Num(0.7), p[12], circuits.Num(-0.4)}, 4)
	c.CX(0, 4).CX(4, 0).CZ(1, 13).SWAP(0, 9).CCX(0, 1, 2)
	one(circuits.RZZ, 13, nil, 0, 1)
	one(circuits.RZZ, 14, nil, 3, 12)
	one(circuits.RXX, 15, nil, 0, 5)
	one(circuits.RZX, 16, nil, 13, 1)
	one(circuits.RY, 17, []int{0}, 5)
	one(circuits.RY, 18, []int{9}, 0)
	one(circuits.RZ, 19, []int{2}, 8)
	one(circuits.P, 20, []int{0}, 3)
	one(circuits.RZZ, 21, []int{6}, 2, 11)
	c.Controlled(circuits.U, []circuits.Param{p[22], circuits.Num(0.3), p[23]}, []int{11}, 1)
	c.H(0).CX(1, 0).CY(2, 14)
	obs := randomObservable(t, rand.New(rand.NewPCG(15, 15)), n, 5)
	theta := randomTheta(rand.New(rand.NewPCG(15, 16)), 24)

	d, err := NewDifferentiable(c)
	require.NoError(t, err)
	adj := make([]float64, 24)
	_, err = d.Gradient(theta, obs, nil, adj)
	require.NoError(t, err)
	shift := make([]float64, 24)
	_, err = ParameterShift(statevec.Simulator{}, c, obs, theta, shift, ShiftOptions{})
	require.NoError(t, err)
	for i := range adj {
		assert.InDelta(t, shift[i], adj[i], 1e-10, "θ[%d]", i)
	}
	assert.Greater(t, maxAbsDiff(adj, make([]float64, 24)), 1e-3)
}
