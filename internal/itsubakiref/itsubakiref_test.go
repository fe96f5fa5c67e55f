package itsubakiref

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/circuits"
)

// TestOrder pins the qubit-order conversion: X on our qubit 0 of 3 is
// index 1, on qubit 2 index 4.
func TestOrder(t *testing.T) {
	for q, want := range map[int]int{0: 1, 1: 2, 2: 4} {
		amp, err := Run(circuits.New(3).X(q))
		require.NoError(t, err)
		assert.InDelta(t, 1, real(amp[want]), 1e-15, "X on qubit %d: %v", q, amp)
	}
}

// TestAnalytic checks the translations that do not map to one itsubaki
// call against states known in closed form: a controlled SX, RYY from its
// CNOT decomposition, and a 2-qubit Unitary from the Givens decomposition,
// with the global phase.
func TestAnalytic(t *testing.T) {
	s := 1 / math.Sqrt2
	cases := []struct {
		name string
		c    *circuits.Circuit
		want []complex128
	}{
		// CSX with control 0 set: SX|0⟩ = ((1+i)|0⟩ + (1−i)|1⟩)/2 on qubit 1.
		{"csx", circuits.New(2).X(0).CSX(0, 1),
			[]complex128{0, 0.5 + 0.5i, 0, 0.5 - 0.5i}},
		// RYY(π/2)|00⟩ = (|00⟩ + i|11⟩)/√2.
		{"ryy", circuits.New(2).RYY(math.Pi/2, 0, 1), []complex128{complex(s, 0), 0, 0, complex(0, s)}},
		// A permutation-with-phases unitary: |00⟩ → i|10⟩ (local bit 0 is
		// targets[0] = qubit 1), with global phase π.
		{"unitary", withPhase(circuits.New(2).UnitaryGate([]complex128{
			0, 0, 0, 1,
			1i, 0, 0, 0,
			0, 1, 0, 0,
			0, 0, 1, 0,
		}, 1, 0), math.Pi), []complex128{0, 0, -1i, 0}},
	}
	for _, tc := range cases {
		amp, err := Run(tc.c)
		require.NoError(t, err, tc.name)
		for k := range tc.want {
			assert.InDelta(t, real(tc.want[k]), real(amp[k]), 1e-12, "%s: amplitude %d = %v", tc.name, k, amp[k])
			assert.InDelta(t, imag(tc.want[k]), imag(amp[k]), 1e-12, "%s: amplitude %d = %v", tc.name, k, amp[k])
		}
	}
}

// TestRefused: measurements and unbound parameters are errors.
func TestRefused(t *testing.T) {
	_, err := Run(circuits.New(2, 1).Measure(0, 0))
	assert.ErrorContains(t, err, "not supported")
	_, err = Run(circuits.New(1).Gate(circuits.RY, []circuits.Param{circuits.Var(0)}, 0))
	assert.Error(t, err)
}

func withPhase(c *circuits.Circuit, phase float64) *circuits.Circuit {
	c.GlobalPhase = phase
	return c
}
