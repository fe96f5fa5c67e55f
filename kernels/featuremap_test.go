package kernels

import (
	"math"
	"math/cmplx"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/statevec"
)

func TestEntanglementTuples(t *testing.T) {
	cases := []struct {
		e    Entanglement
		n, m int
		want [][]int
	}{
		{Full, 4, 2, [][]int{{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}}},
		{Linear, 4, 2, [][]int{{0, 1}, {1, 2}, {2, 3}}},
		{ReverseLinear, 4, 2, [][]int{{2, 3}, {1, 2}, {0, 1}}},
		{Circular, 4, 2, [][]int{{3, 0}, {0, 1}, {1, 2}, {2, 3}}},
		{Circular, 4, 3, [][]int{{2, 3, 0}, {3, 0, 1}, {0, 1, 2}, {1, 2, 3}}},
		{Circular, 3, 3, [][]int{{0, 1, 2}}},
		{Pairwise, 5, 2, [][]int{{0, 1}, {2, 3}, {1, 2}, {3, 4}}},
		{Full, 4, 3, [][]int{{0, 1, 2}, {0, 1, 3}, {0, 2, 3}, {1, 2, 3}}},
	}
	for _, tc := range cases {
		got, err := tc.e.Tuples(tc.n, tc.m)
		require.NoError(t, err)
		assert.Equal(t, tc.want, got, "%s n=%d m=%d", tc.e, tc.n, tc.m)
	}
	_, err := Pairwise.Tuples(4, 3)
	assert.Error(t, err)
	_, err = Entanglement("ring").Tuples(4, 2)
	assert.ErrorContains(t, err, "unknown entanglement")
	_, err = Full.Tuples(2, 3)
	assert.Error(t, err)
}

func state(t *testing.T, m FeatureMap, x []float64) *statevec.State {
	t.Helper()
	c, err := m.Circuit(x)
	require.NoError(t, err)
	s, err := statevec.New(c.NumQubits)
	require.NoError(t, err)
	_, err = s.Run(c, nil)
	require.NoError(t, err)
	return s
}

// TestZZReferenceState checks the state against the spec's values, computed
// with an independent implementation of Qiskit's map.
func TestZZReferenceState(t *testing.T) {
	s := state(t, ZZFeatureMap(2, 2, Linear), []float64{0.5, 1.0})
	want := []complex128{
		complex(0.427861977734, 0.143013803391),
		complex(0.473927723387, 0.081526922270),
		complex(0.589876411793, 0.182247744688),
		complex(0.428851151649, 0.012054961452),
	}
	for i, w := range want {
		assert.InDelta(t, 0, cmplx.Abs(s.Data()[i]-w), 1e-11, "amplitude %d", i)
	}
}

// TestZZReferenceKernels checks K = |⟨Φ(x)|Φ(y)⟩|² against the spec's table.
func TestZZReferenceKernels(t *testing.T) {
	for _, tc := range referenceKernels() {
		m := &PauliFeatureMap{Qubits: tc.n, Reps: tc.reps, Entanglement: tc.ent, Alpha: tc.alpha}
		ip, err := state(t, m, tc.x).Inner(state(t, m, tc.y))
		require.NoError(t, err)
		k := real(ip)*real(ip) + imag(ip)*imag(ip)
		// The table has 12 digits.
		assert.InDelta(t, tc.want, k, 1e-11, "n=%d reps=%d %s α=%v", tc.n, tc.reps, tc.ent, tc.alpha)
	}
}

// TestPauliWordsExactEvolution checks the evolution block against the
// matrix exponential exp(−iθ/2·P) up to global phase, for words with X and
// Y letters on non-adjacent qubits.
func TestPauliWordsExactEvolution(t *testing.T) {
	for _, w := range []string{"X", "Y", "XY", "YZ", "ZXY"} {
		m := &PauliFeatureMap{Qubits: 3, Reps: 1, Alpha: 1, Paulis: []string{w}, ExplicitTuples: map[int][][]int{len(w): {tupleFor(len(w))}}}
		x := []float64{0.3, 1.1, 2.0}
		s := state(t, m, x)
		// Expected: H^{⊗3}|0⟩ then exp(−i(φ/2)P) computed by P² = I:
		// cos(φ/2)|ψ⟩ − i sin(φ/2) P|ψ⟩.
		tu := tupleFor(len(w))
		phi := x[tu[0]]
		if len(w) > 1 {
			phi = 1
			for _, q := range tu {
				phi *= math.Pi - x[q]
			}
		}
		plus, err := statevec.New(3)
		require.NoError(t, err)
		for q := 0; q < 3; q++ {
			require.NoError(t, plus.Apply(hOp(q)))
		}
		pp, err := plus.Clone()
		require.NoError(t, err)
		for k, q := range tu {
			require.NoError(t, pp.Apply(pauliOp(w[len(w)-1-k], q)))
		}
		want := make([]complex128, 8)
		for i := range want {
			want[i] = complex(math.Cos(phi/2), 0)*plus.Data()[i] - complex(0, math.Sin(phi/2))*pp.Data()[i]
		}
		ip, err := s.Inner(mustFrom(t, want))
		require.NoError(t, err)
		assert.InDelta(t, 1, cmplx.Abs(ip), 1e-12, "word %s", w)
	}
}

func tupleFor(m int) []int { return []int{2, 0, 1}[:m] }

func TestFeatureMapErrors(t *testing.T) {
	m := ZZFeatureMap(3, 2, Linear)
	_, err := m.Circuit([]float64{1, 2})
	assert.ErrorContains(t, err, "2 features")
	_, err = m.Circuit([]float64{1, math.NaN(), 2})
	assert.ErrorContains(t, err, "feature 1 is NaN")
	_, err = ZZFeatureMap(3, 0, Linear).Circuit([]float64{1, 2, 3})
	assert.ErrorContains(t, err, "reps")
	_, err = (&PauliFeatureMap{Qubits: 2, Reps: 1, Paulis: []string{"ZQ"}}).Circuit([]float64{1, 2})
	assert.ErrorContains(t, err, "letter")
	_, err = (&PauliFeatureMap{Qubits: 2, Reps: 1, Paulis: []string{"ZZZ"}}).Circuit([]float64{1, 2})
	assert.ErrorContains(t, err, "does not fit")
}
