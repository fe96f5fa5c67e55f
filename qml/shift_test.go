package qml

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/statevec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shotCircuit is a 3-qubit circuit with one parameter per kind of rule:
// RY (two terms), controlled RX (four terms), P (two terms), U's θ under
// a control (four terms) and its φ (two terms).
func shotCircuit() *circuits.Circuit {
	c := circuits.New(3)
	p := c.AddParams("θ", 5)
	c.H(0, 1).Gate(circuits.RY, []circuits.Param{p[0]}, 2)
	c.Controlled(circuits.RX, []circuits.Param{p[1]}, []int{0}, 1)
	c.CX(1, 2).Gate(circuits.P, []circuits.Param{p[2]}, 2).H(2)
	c.Controlled(circuits.U, []circuits.Param{p[3], p[4], circuits.Num(0.3)}, []int{2}, 0)
	return c
}

func shotObservable(t *testing.T) pauli.Sum {
	yz, err := pauli.NewTerm(-0.5, "YZ", 1, 2)
	require.NoError(t, err)
	zz, err := pauli.NewTerm(0.7, "ZZ", 0, 1)
	require.NoError(t, err)
	return pauli.Sum{{Coeff: 0.25}, pauli.X(0).Scale(0.8), yz, zz, pauli.Z(2).Scale(-0.3)}
}

func TestCommutingGroups(t *testing.T) {
	xx, err := pauli.NewTerm(1, "XX", 0, 1)
	require.NoError(t, err)
	zy, err := pauli.NewTerm(1, "ZY", 1, 2)
	require.NoError(t, err)
	groups := commutingGroups(pauli.Sum{pauli.X(0), {Coeff: 2}, xx, pauli.Z(1), zy, {Coeff: -1}})
	require.Len(t, groups, 3)
	assert.Len(t, groups[0].terms, 2) // X0 and X0X1
	assert.Empty(t, groups[1].basis)  // the identity terms
	assert.Len(t, groups[1].terms, 2)
	assert.Equal(t, map[int]byte{1: 'Z', 2: 'Y'}, groups[2].basis)
}

// TestSampledExpectation compares the shot estimate with the exact value
// within five standard deviations (σ ≤ Σ|c_k|/√shots) and checks that a
// seed reproduces it.
func TestSampledExpectation(t *testing.T) {
	c, err := shotCircuit().Bind([]float64{0.4, 1.1, -0.7, 2.2, 0.5})
	require.NoError(t, err)
	obs := shotObservable(t)
	st, err := statevec.Simulator{}.Run(c)
	require.NoError(t, err)
	exact, err := st.Expectation(obs)
	require.NoError(t, err)
	const shots = 20000
	est, err := SampledExpectation(statevec.Simulator{}, c, obs, shots, rand.New(rand.NewPCG(1, 2)))
	require.NoError(t, err)
	var l1 float64
	for _, term := range obs[1:] {
		l1 += math.Abs(term.Coeff)
	}
	assert.InDelta(t, exact, est, 5*l1/math.Sqrt(shots))
	again, err := SampledExpectation(statevec.Simulator{}, c, obs, shots, rand.New(rand.NewPCG(1, 2)))
	require.NoError(t, err)
	assert.Equal(t, est, again)
	other, err := SampledExpectation(statevec.Simulator{}, c, obs, shots, rand.New(rand.NewPCG(3, 2)))
	require.NoError(t, err)
	assert.NotEqual(t, est, other)
}

// TestParameterShiftShots: with shots, every gradient entry lies within
// five standard deviations of the exact gradient (each entry is
// Σ_k c_k·Ê_k with Var Ê_k ≤ (Σ|c_term|)²/shots), and the seed
// reproduces the estimate.
func TestParameterShiftShots(t *testing.T) {
	c := shotCircuit()
	obs := shotObservable(t)
	theta := []float64{0.4, 1.1, -0.7, 2.2, 0.5}
	exact := make([]float64, 5)
	_, err := ParameterShift(statevec.Simulator{}, c, obs, theta, exact, ShiftOptions{})
	require.NoError(t, err)
	d, err := NewDifferentiable(c)
	require.NoError(t, err)
	adj := make([]float64, 5)
	_, err = d.Gradient(theta, obs, nil, adj)
	require.NoError(t, err)
	assert.Less(t, maxAbsDiff(exact, adj), 1e-12)

	const shots = 20000
	est := make([]float64, 5)
	_, err = ParameterShift(statevec.Simulator{}, c, obs, theta, est, ShiftOptions{Shots: shots, Seed: 9})
	require.NoError(t, err)
	var l1 float64
	for _, term := range obs[1:] {
		l1 += math.Abs(term.Coeff)
	}
	sigma4 := math.Sqrt(2*dPlus*dPlus+2*dMinus*dMinus) * l1 / math.Sqrt(shots)
	for i := range est {
		assert.InDelta(t, exact[i], est[i], 5*math.Max(sigma4, l1/math.Sqrt(2*shots)), "θ[%d]", i)
	}
	again := make([]float64, 5)
	_, err = ParameterShift(statevec.Simulator{}, c, obs, theta, again, ShiftOptions{Shots: shots, Seed: 9})
	require.NoError(t, err)
	assert.Equal(t, est, again)
}

func TestParameterShiftErrors(t *testing.T) {
	c := shotCircuit()
	obs := shotObservable(t)
	g := make([]float64, 5)
	_, err := ParameterShift(nil, c, obs, make([]float64, 5), g, ShiftOptions{})
	assert.ErrorContains(t, err, "simulator is nil")
	_, err = ParameterShift(statevec.Simulator{}, c, obs, make([]float64, 4), g, ShiftOptions{})
	assert.ErrorContains(t, err, "5 parameters, got 4 values")
	_, err = ParameterShift(statevec.Simulator{}, c, obs, make([]float64, 5), g[:3], ShiftOptions{})
	assert.ErrorContains(t, err, "3 entries for 5 parameters")
	_, err = ParameterShift(statevec.Simulator{}, c, pauli.Sum{pauli.Z(5)}, make([]float64, 5), g, ShiftOptions{})
	assert.ErrorContains(t, err, "out of range")
	_, err = ParameterShift(statevec.Simulator{}, c, obs, make([]float64, 5), g, ShiftOptions{Shots: -1})
	assert.ErrorContains(t, err, "negative")
	_, err = SampledExpectation(statevec.Simulator{}, circuits.New(1), pauli.Sum{pauli.Z(0)}, 0, rand.New(rand.NewPCG(1, 1)))
	assert.ErrorContains(t, err, "shots 0")
}

// countingSim is a backend.Simulator of its own type that delegates to
// statevec and counts runs: ParameterShift must use nothing but the
// interface, one run for the value and 2 or 4 per variable angle.
type countingSim struct {
	runs int
}

func (s *countingSim) Name() string { return "counting" }

func (s *countingSim) Run(c *circuits.Circuit) (backend.State, error) {
	s.runs++
	return statevec.Simulator{}.Run(c)
}

func TestParameterShiftAnyBackend(t *testing.T) {
	sim := &countingSim{}
	g := make([]float64, 5)
	_, err := ParameterShift(sim, shotCircuit(), shotObservable(t), []float64{0.4, 1.1, -0.7, 2.2, 0.5}, g, ShiftOptions{})
	require.NoError(t, err)
	// RY: 2, controlled RX: 4, P: 2, controlled U's θ: 4, its φ: 2.
	assert.Equal(t, 1+2+4+2+4+2, sim.runs)
}
