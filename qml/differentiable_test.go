package qml

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/statevec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGradientAnalytic: RY(a) on qubit 0, CX(0,1), RX(b) on qubit 1 gives
// ⟨Z₁⟩ = cos a·cos b, with gradient (−sin a·cos b, −cos a·sin b); θ[0]
// also feeds a second gate at scale −2 that cancels part of it.
func TestGradientAnalytic(t *testing.T) {
	c := circuits.New(2)
	p := c.AddParams("θ", 2)
	c.Gate(circuits.RY, []circuits.Param{p[0]}, 0).CX(0, 1).Gate(circuits.RX, []circuits.Param{p[1]}, 1)
	d, err := NewDifferentiable(c)
	require.NoError(t, err)
	a, b := 0.7, -0.4
	g := make([]float64, 2)
	f, err := d.Gradient([]float64{a, b}, pauli.Sum{pauli.Z(1)}, nil, g)
	require.NoError(t, err)
	assert.InDelta(t, math.Cos(a)*math.Cos(b), f, 1e-15)
	assert.InDelta(t, -math.Sin(a)*math.Cos(b), g[0], 1e-15)
	assert.InDelta(t, -math.Cos(a)*math.Sin(b), g[1], 1e-15)

	// Shared parameter: RY(θ0) then RY(−2θ0 + 0.1) on qubit 0 is RY(0.1 − θ0).
	c2 := circuits.New(2)
	q := c2.AddParams("θ", 2)
	c2.Gate(circuits.RY, []circuits.Param{q[0]}, 0).Gate(circuits.RY, []circuits.Param{circuits.Affine(0, -2, 0.1)}, 0)
	c2.CX(0, 1).Gate(circuits.RX, []circuits.Param{q[1]}, 1)
	d2, err := NewDifferentiable(c2)
	require.NoError(t, err)
	f, err = d2.Gradient([]float64{a, b}, pauli.Sum{pauli.Z(1)}, nil, g)
	require.NoError(t, err)
	assert.InDelta(t, math.Cos(0.1-a)*math.Cos(b), f, 1e-15)
	assert.InDelta(t, math.Sin(0.1-a)*math.Cos(b), g[0], 1e-15)
}

// TestVJPAndJacobian: the vector–Jacobian product equals the weighted sum
// of single-observable gradients, and Jacobian rows from initial states
// equal Gradient from those states (checked against finite differences).
func TestVJPAndJacobian(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	c := randomCircuit(t, rng, 5, 8, 12)
	obs := []pauli.Sum{randomObservable(t, rng, 5, 2), randomObservable(t, rng, 5, 3)}
	weights := []float64{0.6, -1.7}
	theta := randomTheta(rng, 8)
	d, err := NewDifferentiable(c)
	require.NoError(t, err)
	vjp := make([]float64, 8)
	values, err := d.VJP(theta, obs, weights, nil, vjp)
	require.NoError(t, err)
	want := make([]float64, 8)
	for k, o := range obs {
		g := make([]float64, 8)
		v, err := d.Gradient(theta, o, nil, g)
		require.NoError(t, err)
		assert.InDelta(t, v, values[k], 1e-14)
		for i := range want {
			want[i] += weights[k] * g[i]
		}
	}
	assert.Less(t, maxAbsDiff(want, vjp), 1e-13)

	inits := make([]*statevec.State, 6)
	for i := range inits {
		if i == 0 {
			continue // nil means |0…0⟩
		}
		amp := make([]complex128, 32)
		for k := range amp {
			amp[k] = complex(rng.NormFloat64(), rng.NormFloat64())
		}
		st, err := statevec.FromAmplitudes(amp)
		require.NoError(t, err)
		require.NoError(t, st.Normalize())
		inits[i] = st
	}
	vals, jac, err := d.Jacobian(theta, obs[0], inits)
	require.NoError(t, err)
	for i, init := range inits {
		f := func(x []float64) (float64, error) { return d.Expectation(x, obs[0], init) }
		v, err := f(theta)
		require.NoError(t, err)
		assert.InDelta(t, v, vals[i], 1e-14)
		check, err := CheckGradient(f, jac[i], theta, 1e-5)
		require.NoError(t, err)
		assert.Less(t, check.MaxAbsErr, 1e-8, "sample %d", i)
	}
	ev, err := d.Expectations(theta, obs[0], inits)
	require.NoError(t, err)
	assert.Equal(t, vals, ev)
}

func TestDifferentiableErrors(t *testing.T) {
	c := circuits.New(2)
	p := c.AddParams("θ", 1)
	c.Gate(circuits.RY, p, 0).Measure(0, 0)
	c.NumClbits = 1
	_, err := NewDifferentiable(c)
	assert.ErrorContains(t, err, "unitary circuit")

	bad := circuits.New(2)
	bad.Gate(circuits.RY, []circuits.Param{circuits.Var(3)}, 0)
	_, err = NewDifferentiable(bad)
	assert.ErrorContains(t, err, "θ[3]")

	ok := circuits.New(2)
	q := ok.AddParams("θ", 2)
	ok.Gate(circuits.RX, q[:1], 0).Gate(circuits.RZ, q[1:], 1)
	d, err := NewDifferentiable(ok)
	require.NoError(t, err)
	g := make([]float64, 2)
	_, err = d.Gradient([]float64{1}, pauli.Sum{pauli.Z(0)}, nil, g)
	assert.ErrorContains(t, err, "2 parameters, got 1")
	_, err = d.Gradient([]float64{1, math.NaN()}, pauli.Sum{pauli.Z(0)}, nil, g)
	assert.ErrorContains(t, err, "parameter 1 is NaN")
	_, err = d.Gradient([]float64{1, 2}, pauli.Sum{pauli.Z(0)}, nil, g[:1])
	assert.ErrorContains(t, err, "1 entries for 2 parameters")
	_, err = d.Gradient([]float64{1, 2}, pauli.Sum{pauli.Z(2)}, nil, g)
	assert.ErrorContains(t, err, "out of range")
	three, err := statevec.New(3)
	require.NoError(t, err)
	_, err = d.Gradient([]float64{1, 2}, pauli.Sum{pauli.Z(0)}, three, g)
	assert.ErrorContains(t, err, "3 qubits, the circuit 2")
	_, err = d.VJP([]float64{1, 2}, []pauli.Sum{{pauli.Z(0)}}, []float64{1, 2}, nil, g)
	assert.ErrorContains(t, err, "1 observables with 2 weights")
	_, err = d.VJP([]float64{1, 2}, []pauli.Sum{{pauli.Z(0)}}, []float64{math.Inf(1)}, nil, g)
	assert.ErrorContains(t, err, "weight 0")
}

// TestGradientWithoutVariables: a bound circuit has an empty gradient and
// the expectation value of its state.
func TestGradientWithoutVariables(t *testing.T) {
	c := circuits.New(1)
	c.RY(0.3, 0)
	d, err := NewDifferentiable(c)
	require.NoError(t, err)
	f, err := d.Gradient(nil, pauli.Sum{pauli.Z(0)}, nil, []float64{})
	require.NoError(t, err)
	assert.InDelta(t, math.Cos(0.3), f, 1e-15)
}
