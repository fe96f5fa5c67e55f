package tensornet

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/backend/backendtest"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/statevec"
)

func mustRun(t *testing.T, c *circuits.Circuit) *State {
	t.Helper()
	st, _, err := Simulator{}.RunState(c)
	require.NoError(t, err)
	return st
}

func TestEntanglementEntropy(t *testing.T) {
	bell := mustRun(t, circuits.New(2).H(0).CX(0, 1))
	sv, err := bell.SchmidtValues()
	require.NoError(t, err)
	require.Len(t, sv, 1)
	require.Len(t, sv[0], 2)
	for _, v := range sv[0] {
		assert.InDelta(t, 1/math.Sqrt2, v, 1e-14)
	}
	for _, n := range []int{3, 17, 64} {
		ent, err := mustRun(t, circuits.GHZ(n)).EntanglementEntropy()
		require.NoError(t, err)
		require.Len(t, ent, n-1)
		for b, s := range ent {
			assert.InDelta(t, math.Ln2, s, 1e-12, "GHZ(%d) bond %d", n, b)
		}
	}
	// A product state has one Schmidt value 1 and zero entropy at every cut.
	prod := mustRun(t, circuits.New(5).H(0, 1, 2, 3, 4).RY(0.3, 2))
	ent, err := prod.EntanglementEntropy()
	require.NoError(t, err)
	for b, s := range ent {
		assert.InDelta(t, 0, s, 1e-14, "bond %d", b)
	}
	// RY(θ)·CX gives Schmidt values cos(θ/2), sin(θ/2).
	theta := 0.7
	sv, err = mustRun(t, circuits.New(2).RY(theta, 0).CX(0, 1)).SchmidtValues()
	require.NoError(t, err)
	assert.InDelta(t, math.Cos(theta/2), sv[0][0], 1e-14)
	assert.InDelta(t, math.Sin(theta/2), sv[0][1], 1e-14)
}

// TestSchmidtValuesMatchDense compares every cut of a random 10-qubit state
// with the singular values of the reshaped dense vector (Σ λ² = 1 and the
// entropies from the reduced density matrix's trace of squares bound).
func TestSchmidtValuesMatchDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 1))
	c := backendtest.RandomCircuit(rng, 10, 60, backendtest.DefaultCircuitOptions())
	st := mustRun(t, c)
	sv, err := st.SchmidtValues()
	require.NoError(t, err)
	psi, err := st.Amplitudes()
	require.NoError(t, err)
	for b, vals := range sv {
		// Purity Tr ρ_A² = Σ λ⁴, computed densely from ψ reshaped at the cut.
		lo := 1 << (b + 1)
		hi := len(psi) / lo
		var purity float64
		for i := range lo {
			for j := range lo {
				var rho complex128
				for k := range hi {
					rho += psi[k*lo+i] * complexConj(psi[k*lo+j])
				}
				purity += real(rho)*real(rho) + imag(rho)*imag(rho)
			}
		}
		var sum2, sum4 float64
		for _, v := range vals {
			sum2 += v * v
			sum4 += v * v * v * v
		}
		assert.InDelta(t, 1, sum2, 1e-12, "cut %d", b)
		assert.InDelta(t, purity, sum4, 1e-12, "cut %d", b)
	}
}

func complexConj(z complex128) complex128 { return complex(real(z), -imag(z)) }

// TestWideObservables checks analytic values on a 80-qubit GHZ state.
func TestWideObservables(t *testing.T) {
	const n = 80
	st := mustRun(t, circuits.GHZ(n))
	xs := make([]int, n)
	for i := range xs {
		xs[i] = i
	}
	allX, err := pauli.NewTerm(1, string(repeat('X', n)), xs...)
	require.NoError(t, err)
	yy := repeat('X', n)
	yy[3], yy[70] = 'Y', 'Y'
	twoY, err := pauli.NewTerm(0.5, string(yy), xs...)
	require.NoError(t, err)
	zz, err := pauli.NewTerm(2, "ZZ", 0, n-1)
	require.NoError(t, err)
	for _, tc := range []struct {
		obs  pauli.Sum
		want float64
	}{
		{pauli.Sum{allX}, 1},
		{pauli.Sum{twoY}, -0.5},
		{pauli.Sum{zz}, 2},
		{pauli.Sum{pauli.Z(5)}, 0},
		{pauli.Sum{{Coeff: 0.25}}, 0.25},
		{pauli.Sum{allX, zz, pauli.Z(7)}, 3},
	} {
		got, err := st.Expectation(tc.obs)
		require.NoError(t, err)
		assert.InDelta(t, tc.want, got, 1e-12, "%v", tc.obs)
	}
	p, err := st.Probabilities(0, 40, n-1)
	require.NoError(t, err)
	want := []float64{0.5, 0, 0, 0, 0, 0, 0, 0.5}
	for i := range want {
		assert.InDelta(t, want[i], p[i], 1e-12, "marginal %d", i)
	}
	bits := make([]byte, n)
	a, err := st.Amplitude(bits)
	require.NoError(t, err)
	assert.InDelta(t, 1/math.Sqrt2, real(a), 1e-14)
	bits[10] = 1
	a, err = st.Amplitude(bits)
	require.NoError(t, err)
	assert.Equal(t, complex128(0), a)
}

func repeat(b byte, n int) []byte {
	s := make([]byte, n)
	for i := range s {
		s[i] = b
	}
	return s
}

// TestSamplingMatchesStatevec: both backends walk the cumulative
// distribution in basis-index order with the same sorted uniforms, so the
// same rng gives the same counts.
func TestSamplingMatchesStatevec(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 1))
	for i := range 4 {
		c := backendtest.RandomCircuit(rng, 3+i, 30, backendtest.DefaultCircuitOptions())
		st := mustRun(t, c)
		ref, _, err := statevec.Simulator{}.RunState(c)
		require.NoError(t, err)
		got, err := st.Sample(20000, rand.New(rand.NewPCG(7, uint64(i))))
		require.NoError(t, err)
		want, err := ref.Sample(20000, rand.New(rand.NewPCG(7, uint64(i))))
		require.NoError(t, err)
		assert.Equal(t, want, got, "circuit %d", i)
	}
}

func TestSamplingWideGHZ(t *testing.T) {
	st := mustRun(t, circuits.GHZ(100))
	counts, err := st.Sample(4000, rand.New(rand.NewPCG(1, 2)))
	require.NoError(t, err)
	require.Len(t, counts, 2)
	zeros, ones := string(repeat('0', 100)), string(repeat('1', 100))
	assert.Equal(t, 4000, counts[zeros]+counts[ones])
	assert.InDelta(t, 2000, counts[zeros], 4*math.Sqrt(1000)) // 4σ of Binomial(4000, ½)
	again, err := st.Sample(4000, rand.New(rand.NewPCG(1, 2)))
	require.NoError(t, err)
	assert.Equal(t, counts, again, "same seed, same counts")
}

// TestOutcomesSearchMatchesDense checks the best-first search (used above
// 20 qubits) against the dense distribution of a 22-qubit state.
func TestOutcomesSearchMatchesDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 1))
	c := circuits.New(22)
	for q := range 22 {
		c.RY(rng.Float64()*0.8, q)
	}
	for q := 0; q+1 < 22; q += 3 {
		c.CX(q, q+1)
	}
	st := mustRun(t, c)
	p, err := st.Probabilities()
	require.NoError(t, err)
	const minProb = 1e-4
	var want []float64
	for _, v := range p {
		if v > minProb {
			want = append(want, v)
		}
	}
	out, err := st.Outcomes(minProb, 0)
	require.NoError(t, err)
	require.Len(t, out, len(want))
	for k, o := range out {
		idx, err := circuits.BitsIndex(o.Bits)
		require.NoError(t, err)
		assert.InDelta(t, p[idx], o.Probability, 1e-12)
		if k > 0 {
			assert.GreaterOrEqual(t, out[k-1].Probability, o.Probability, "descending")
		}
	}
	top, err := st.Outcomes(minProb, 5)
	require.NoError(t, err)
	require.Len(t, top, 5)
	assert.Equal(t, out[:5], top)
}

// TestErrors: bad input gives errors, never panics or answers.
func TestErrors(t *testing.T) {
	st := mustRun(t, circuits.GHZ(40))
	small := mustRun(t, circuits.GHZ(3))
	ref, _, err := statevec.Simulator{}.RunState(circuits.GHZ(3))
	require.NoError(t, err)
	// 2^30 outcomes of probability 2^−30 each lie above 1e−12.
	wide := mustRun(t, circuits.New(40).H(make40()[:30]...))
	for name, f := range map[string]func() error{
		"nil circuit":            func() error { _, err := Simulator{}.Run(nil); return err },
		"amplitude length":       func() error { _, err := st.Amplitude(make([]byte, 39)); return err },
		"amplitude bit 2":        func() error { _, err := small.Amplitude([]byte{0, 2, 0}); return err },
		"amplitudes of 40":       func() error { _, err := st.Amplitudes(); return err },
		"probabilities of 40":    func() error { _, err := st.Probabilities(); return err },
		"marginal out of range":  func() error { _, err := st.Probabilities(40); return err },
		"marginal repeated":      func() error { _, err := st.Probabilities(3, 3); return err },
		"marginal of 31":         func() error { _, err := st.Probabilities(make40()[:31]...); return err },
		"expectation range":      func() error { _, err := small.Expectation(pauli.Sum{pauli.Z(3)}); return err },
		"expectation NaN":        func() error { _, err := small.Expectation(pauli.Sum{{Coeff: math.NaN()}}); return err },
		"overlap widths":         func() error { _, err := st.Overlap(small); return err },
		"overlap other backend":  func() error { _, err := small.Overlap(ref); return err },
		"overlap nil":            func() error { _, err := small.Overlap((*State)(nil)); return err },
		"sample 0 shots":         func() error { _, err := small.Sample(0, rand.New(rand.NewPCG(1, 1))); return err },
		"sample nil rng":         func() error { _, err := small.Sample(10, nil); return err },
		"outcomes NaN":           func() error { _, err := st.Outcomes(math.NaN(), 0); return err },
		"outcomes negative":      func() error { _, err := st.Outcomes(-1, 0); return err },
		"outcomes beyond budget": func() error { _, err := wide.Outcomes(1e-12, 0); return err },
		"zero State amplitude":   func() error { _, err := new(State).Amplitude(nil); return err },
		"zero State sample":      func() error { _, err := new(State).Sample(1, rand.New(rand.NewPCG(1, 1))); return err },
		"zero State expectation": func() error { _, err := new(State).Expectation(nil); return err },
		"zero State entropy":     func() error { _, err := new(State).EntanglementEntropy(); return err },
		"overlap with zero":      func() error { _, err := small.Overlap(new(State)); return err },
		"zero State outcomes":    func() error { _, err := new(State).Outcomes(0.1, 1); return err },
		"zero State marginal":    func() error { _, err := new(State).Probabilities(0); return err },
	} {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s panicked: %v", name, r)
				}
			}()
			assert.Error(t, f(), name)
		}()
	}
}

func TestZeroStateAccessors(t *testing.T) {
	var st State
	assert.Nil(t, st.BondDims())
	assert.Equal(t, 0, st.NumQubits())
}

func make40() []int {
	qs := make([]int, 40)
	for i := range qs {
		qs[i] = i
	}
	return qs
}

// TestOutcomesPrunesUniformStates checks the slice-norm bound: every outcome
// of a 40-qubit uniform superposition has probability 2^−40 < 1e−12, and
// the search proves it at the root instead of enumerating prefixes.
func TestOutcomesPrunesUniformStates(t *testing.T) {
	st := mustRun(t, circuits.New(40).H(make40()...))
	out, err := st.Outcomes(1e-12, 0)
	require.NoError(t, err)
	assert.Empty(t, out)
	out, err = st.Outcomes(1e-13, 3)
	require.NoError(t, err)
	require.Len(t, out, 3)
	for _, o := range out {
		assert.InDelta(t, math.Pow(2, -40), o.Probability, 1e-25)
	}
}
