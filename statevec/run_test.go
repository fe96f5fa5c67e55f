package statevec

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
)

// TestMidCircuitStatistics measures RY(θ)|0⟩ mid-circuit, then copies the
// outcome onto qubit 1 with a CNOT. Over many seeds the outcome frequency
// must match sin²(θ/2) (binomial, 5σ), and every final state must be the
// basis state the recorded bit names.
func TestMidCircuitStatistics(t *testing.T) {
	theta := 1.1
	p1 := math.Pow(math.Sin(theta/2), 2)
	c := circuits.New(2, 1)
	c.RY(theta, 0).Measure(0, 0).CX(0, 1)
	runs := 4000
	if testing.Short() {
		runs = 1000
	}
	ones := 0
	for seed := range runs {
		st, clbits, err := Simulator{Seed: uint64(seed)}.RunState(c)
		require.NoError(t, err)
		require.Len(t, clbits, 1)
		want := 0
		if clbits[0] == 1 {
			ones++
			want = 3
		} else {
			require.Equal(t, byte(0), clbits[0])
		}
		require.InDelta(t, 1, cmplx.Abs(st.Data()[want]), 1e-12, "seed %d: bit %d, state %v", seed, clbits[0], st.Data())
	}
	sigma := math.Sqrt(float64(runs) * p1 * (1 - p1))
	assert.InDelta(t, float64(runs)*p1, float64(ones), 5*sigma)
}

// TestReset: reset leaves the qubit in |0⟩ and the partner qubit collapsed
// with the right odds.
func TestReset(t *testing.T) {
	theta := 2.0
	c := circuits.New(2)
	c.RY(theta, 0).CX(0, 1).Reset(0)
	p1 := math.Pow(math.Sin(theta/2), 2)
	runs, ones := 2000, 0
	for seed := range runs {
		st, _, err := Simulator{Seed: uint64(seed)}.RunState(c)
		require.NoError(t, err)
		a := st.Data()
		require.Zero(t, a[1])
		require.Zero(t, a[3])
		if cmplx.Abs(a[2]) > 0.5 {
			ones++
			require.InDelta(t, 1, cmplx.Abs(a[2]), 1e-12)
		} else {
			require.InDelta(t, 1, cmplx.Abs(a[0]), 1e-12)
		}
	}
	sigma := math.Sqrt(float64(runs) * p1 * (1 - p1))
	assert.InDelta(t, float64(runs)*p1, float64(ones), 5*sigma)
}

func TestRunSemantics(t *testing.T) {
	// Terminal measurements: no collapse, bits Deferred, rng may be nil.
	c := circuits.New(2, 3)
	c.H(0).CX(0, 1).Measure(0, 0).Measure(1, 2).Barrier().Measure(0, 1)
	st, _ := New(2)
	clbits, err := st.Run(c, nil)
	require.NoError(t, err)
	assert.Equal(t, []byte{Deferred, Deferred, Deferred}, clbits)
	assert.InDelta(t, 1/math.Sqrt2, real(st.Data()[3]), 1e-15)

	// A gate after a measurement makes it mid-circuit: rng required.
	mid := circuits.New(1, 1)
	mid.H(0).Measure(0, 0).X(0)
	st, _ = New(1)
	_, err = st.Run(mid, nil)
	assert.ErrorContains(t, err, "rng is nil")
	assert.Equal(t, complex128(1), st.Data()[0], "nothing applied before the error")
	reset := circuits.New(1).Reset(0)
	_, err = st.Run(reset, nil)
	assert.ErrorContains(t, err, "rng is nil")

	// Width mismatch and invalid circuits are refused before any change.
	_, err = st.Run(circuits.New(2).H(0), nil)
	assert.ErrorContains(t, err, "2-qubit circuit on a 1-qubit state")
	_, err = st.Run(circuits.New(1).RX(math.NaN(), 0), nil)
	assert.ErrorContains(t, err, "not finite")

	// Global phase: State.Run scales, Simulator.Run sets one amplitude;
	// both give e^{iφ}·H|0⟩.
	g := circuits.New(1).H(0)
	g.GlobalPhase = 0.7
	want := cmplx.Rect(1/math.Sqrt2, 0.7)
	s1, _ := New(1)
	_, err = s1.Run(g, nil)
	require.NoError(t, err)
	s2, _, err := Simulator{}.RunState(g)
	require.NoError(t, err)
	for _, s := range []*State{s1, s2} {
		assert.InDelta(t, 0, cmplx.Abs(s.Data()[0]-want), 1e-15)
		assert.InDelta(t, 0, cmplx.Abs(s.Data()[1]-want), 1e-15)
	}
	_, err = Simulator{Threads: -1}.Run(g)
	assert.Error(t, err)
	assert.Equal(t, "statevec", Simulator{}.Name())
}

func TestMeasureAPI(t *testing.T) {
	st, _ := New(2)
	require.NoError(t, st.Apply(circuits.Op{Gate: circuits.H, Targets: []int{1}}))
	_, err := st.Measure(2, rand.New(rand.NewPCG(1, 1)))
	assert.Error(t, err)
	_, err = st.Measure(1, nil)
	assert.Error(t, err)
	v, err := st.Measure(1, rand.New(rand.NewPCG(1, 1)))
	require.NoError(t, err)
	assert.InDelta(t, 1, cmplx.Abs(st.Data()[v<<1]), 1e-15)
	require.NoError(t, st.ResetQubit(1, rand.New(rand.NewPCG(1, 1))))
	assert.InDelta(t, 1, cmplx.Abs(st.Data()[0]), 1e-15)
	assert.Error(t, st.ResetQubit(0, nil))
}

func TestSampling(t *testing.T) {
	st, _, err := Simulator{}.RunState(circuits.GHZ(3))
	require.NoError(t, err)
	rng := func() *rand.Rand { return rand.New(rand.NewPCG(3, 4)) }
	idx, err := st.SampleIndices(1000, rng())
	require.NoError(t, err)
	for i := 1; i < len(idx); i++ {
		require.LessOrEqual(t, idx[i-1], idx[i], "sorted")
	}
	counts, err := st.SampleCounts(1000, rng())
	require.NoError(t, err)
	assert.Len(t, counts, 2)
	assert.Equal(t, 1000, counts[0]+counts[7])
	bits, err := st.Sample(1000, rng())
	require.NoError(t, err)
	assert.Equal(t, counts[0], bits["000"])
	assert.Equal(t, counts[7], bits["111"])
	_, err = st.SampleIndices(0, rng())
	assert.Error(t, err)
	_, err = st.SampleIndices(10, nil)
	assert.Error(t, err)
	zero, _ := FromAmplitudes(make([]complex128, 2))
	_, err = zero.SampleIndices(10, rng())
	assert.Error(t, err)
}

// TestObservables checks expectation values, the reduced density matrix,
// marginals and inner products against closed forms.
func TestObservables(t *testing.T) {
	theta := 0.9
	// Qubit 1 is S·H|0⟩ = |+i⟩: ⟨Y1⟩ = 1, ⟨X1⟩ = ⟨Z1⟩ = 0.
	single := circuits.New(2)
	single.RY(theta, 0).H(1).S(1)
	st, _, err := Simulator{}.RunState(single)
	require.NoError(t, err)
	exp := func(label string) float64 {
		v, err := st.ExpectationTerm(mustTerm(label))
		require.NoError(t, err)
		return v
	}
	assert.InDelta(t, 1, exp("YI"), 1e-15)
	assert.InDelta(t, 0, exp("XI"), 1e-15)
	assert.InDelta(t, math.Cos(theta), exp("IZ"), 1e-15)
	assert.InDelta(t, math.Sin(theta), exp("IX"), 1e-15)
	assert.InDelta(t, math.Sin(theta), exp("YX"), 1e-15)
	assert.InDelta(t, -2*math.Cos(theta), func() float64 {
		v, err := st.ExpectationTerm(mustTerm("IZ").Scale(-2))
		require.NoError(t, err)
		return v
	}(), 1e-15)
	_, err = st.ExpectationTerm(pauli.Z(2))
	assert.Error(t, err)

	rdm, err := st.ReducedDensityMatrix(0)
	require.NoError(t, err)
	cs, sn := math.Cos(theta/2), math.Sin(theta/2)
	for i, w := range []complex128{complex(cs*cs, 0), complex(cs*sn, 0), complex(cs*sn, 0), complex(sn*sn, 0)} {
		assert.InDelta(t, 0, cmplx.Abs(rdm[i]-w), 1e-15)
	}
	rdm, err = st.ReducedDensityMatrix(1) // |+i⟩⟨+i| = [[1, −i], [i, 1]]/2
	require.NoError(t, err)
	for i, w := range []complex128{0.5, -0.5i, 0.5i, 0.5} {
		assert.InDelta(t, 0, cmplx.Abs(rdm[i]-w), 1e-15)
	}
	_, err = st.ReducedDensityMatrix(2)
	assert.Error(t, err)

	m, err := st.Marginal([]int{0})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{cs * cs, sn * sn}, m, 1e-15)
	_, err = st.Marginal(nil)
	assert.Error(t, err)

	p, err := st.Probability(1)
	require.NoError(t, err)
	assert.InDelta(t, sn*sn/2, p, 1e-15)
	_, err = st.Probability(4)
	assert.Error(t, err)
	_, err = st.AmplitudeAt(4)
	assert.Error(t, err)

	other, _ := New(2)
	ov, err := st.Inner(other)
	require.NoError(t, err)
	assert.InDelta(t, 0, cmplx.Abs(ov-complex(cs/math.Sqrt2, 0)), 1e-15) // ⟨ψ|00⟩ = conj(ψ_0)
	_, err = st.Overlap(fakeState{})
	assert.ErrorContains(t, err, "want *statevec.State")
	_, err = st.Inner(nil)
	assert.Error(t, err)
}

func mustTerm(label string) pauli.Term { return pauli.MustParse(label) }

// fakeState is a backend.State from another backend.
type fakeState struct{ backend.State }

// TestHadamardLayer25 puts 25 qubits in uniform superposition: every
// probability is 2^−25 to 1e−12 (relative 2^25·1e−12 is generous; the
// observed error is rounding of 2^{−25/2} products).
func TestHadamardLayer25(t *testing.T) {
	if testing.Short() {
		t.Skip("512 MiB state")
	}
	n := 25
	c := circuits.New(n)
	for q := 0; q < n; q++ {
		c.H(q)
	}
	st, _, err := Simulator{}.RunState(c)
	require.NoError(t, err)
	want := math.Ldexp(1, -n)
	for i, a := range st.Data() {
		if v := real(a)*real(a) + imag(a)*imag(a); math.Abs(v-want) > 1e-12 {
			t.Fatalf("p[%d] = %v, want 2^−25", i, v)
		}
	}
	assert.InDelta(t, 1, st.Norm(), 1e-12)
}
