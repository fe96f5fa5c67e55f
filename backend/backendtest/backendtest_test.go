package backendtest

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
)

// The reference simulator is checked against states written down by hand.

func refState(t *testing.T, c *circuits.Circuit) []complex128 {
	t.Helper()
	psi, err := ReferenceAmplitudes(c)
	require.NoError(t, err)
	return psi
}

func assertState(t *testing.T, want, got []complex128) {
	t.Helper()
	require.Len(t, got, len(want))
	for i := range want {
		assert.InDelta(t, 0, cmplx.Abs(want[i]-got[i]), 1e-14, "amplitude %d: got %v want %v", i, got[i], want[i])
	}
}

func TestReferenceBasisMaps(t *testing.T) {
	// X on qubit 0 of 3 is index 1; CX(0→2) then moves it to index 5.
	psi := refState(t, circuits.New(3).X(0))
	assertState(t, []complex128{0, 1, 0, 0, 0, 0, 0, 0}, psi)
	psi = refState(t, circuits.New(3).X(0).CX(0, 2))
	assertState(t, []complex128{0, 0, 0, 0, 0, 1, 0, 0}, psi)
	// CX with the control at 0 does nothing.
	assertState(t, []complex128{1, 0, 0, 0}, refState(t, circuits.New(2).CX(0, 1)))
	// SWAP(0, 2) moves |001⟩ to |100⟩.
	assertState(t, []complex128{0, 0, 0, 0, 1, 0, 0, 0}, refState(t, circuits.New(3).X(0).SWAP(0, 2)))
	// Toffoli flips the target only when both controls are set.
	for in := 0; in < 8; in++ {
		c := circuits.New(3)
		for q := 0; q < 3; q++ {
			if in>>q&1 == 1 {
				c.X(q)
			}
		}
		c.CCX(2, 0, 1)
		out := in
		if in&5 == 5 {
			out ^= 2
		}
		want := make([]complex128, 8)
		want[out] = 1
		assertState(t, want, refState(t, c))
	}
	// A two-qubit unitary on targets (2, 0): its first target is the low
	// bit of the matrix row. |q2=1⟩ is local state 1, mapped to column 1.
	m := []complex128{
		0, 0, 1, 0,
		1, 0, 0, 0,
		0, 0, 0, 1i,
		0, 1, 0, 0,
	}
	psi = refState(t, circuits.New(3).X(2).UnitaryGate(m, 2, 0))
	// Column 1 of m has its 1 in row 3 (both targets set): index 4+1 = 5.
	assertState(t, []complex128{0, 0, 0, 0, 0, 1, 0, 0}, psi)
	// Phases and global phase are kept, not divided out.
	c := circuits.New(1).H(0).S(0)
	c.GlobalPhase = math.Pi / 2
	h := 1 / math.Sqrt2
	assertState(t, []complex128{complex(0, h), complex(-h, 0)}, refState(t, c))
}

func TestReferenceRefusals(t *testing.T) {
	_, err := ReferenceAmplitudes(circuits.New(MaxReferenceQubits + 1))
	assert.Error(t, err)
	c := circuits.New(1, 1)
	c.H(0).Measure(0, 0).X(0)
	_, err = ReferenceAmplitudes(c)
	assert.ErrorContains(t, err, "mid-circuit")
	_, err = ReferenceAmplitudes(circuits.New(1).H(1))
	assert.Error(t, err)
}

func TestReferenceExpectation(t *testing.T) {
	h := complex(1/math.Sqrt2, 0)
	bell := []complex128{h, 0, 0, h}
	for label, want := range map[string]float64{"ZZ": 1, "XX": 1, "YY": -1, "ZI": 0, "XY": 0, "II": 1} {
		got, err := ReferenceExpectation(bell, pauli.Sum{pauli.MustParse(label)})
		require.NoError(t, err)
		assert.InDelta(t, want, got, 1e-15, label)
	}
	plusI := []complex128{h, complex(0, 1/math.Sqrt2)} // S·H|0⟩
	got, err := ReferenceExpectation(plusI, pauli.Sum{pauli.Y(0).Scale(-3)})
	require.NoError(t, err)
	assert.InDelta(t, -3, got, 1e-15)
	_, err = ReferenceExpectation(plusI, pauli.Sum{pauli.Z(1)})
	assert.Error(t, err)
	p := ReferenceProbabilities([]complex128{0.6, 0, 0, 0.8i}, 1)
	assert.InDeltaSlice(t, []float64{0.36, 0.64}, p, 1e-15)
}

func TestRandomCircuitCoverage(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	seen := map[circuits.Gate]bool{}
	controlled, multi := 0, 0
	for range 50 {
		c := RandomCircuit(rng, 6, 30, DefaultCircuitOptions())
		require.NoError(t, c.ValidateBound())
		for _, op := range c.Ops {
			seen[op.Gate] = true
			if len(op.Controls) > 0 {
				controlled++
			}
			if len(op.Controls) > 1 {
				multi++
			}
		}
	}
	for _, g := range unitaryKinds() {
		assert.True(t, seen[g], "gate %v never drawn", g)
	}
	assert.Positive(t, controlled)
	assert.Positive(t, multi)
	local := CircuitOptions{MaxSpan: 1, MaxControls: 1}
	for _, op := range RandomCircuit(rng, 8, 100, local).Ops {
		qs := op.Qubits()
		lo, hi := qs[0], qs[0]
		for _, q := range qs {
			lo, hi = min(lo, q), max(hi, q)
		}
		assert.LessOrEqual(t, hi-lo, 1)
	}
}

func TestChiSquarePValue(t *testing.T) {
	probs := []float64{0.5, 0.3, 0.2, 0, 1e-6}
	p, df, err := ChiSquarePValue([]int{5000, 3000, 2000, 0, 0}, probs)
	require.NoError(t, err)
	assert.InDelta(t, 1, p, 1e-6) // exact expectations up to the pooled 0.01
	assert.Equal(t, 2, df)        // the 1e-6 bin pools into its neighbour
	p, _, err = ChiSquarePValue([]int{5300, 2800, 1900, 0, 0}, probs)
	require.NoError(t, err)
	assert.Less(t, p, 1e-4) // χ² = 18 + 13.3 + 5 = 36.3 on 2 degrees of freedom
	_, _, err = ChiSquarePValue([]int{5000, 3000, 1999, 1, 0}, probs)
	assert.ErrorContains(t, err, "probability 0")
	_, _, err = ChiSquarePValue([]int{1}, probs)
	assert.Error(t, err)
}
