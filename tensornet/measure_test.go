package tensornet

import (
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/backend/backendtest"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/statevec"
)

// TestMidCircuitMatchesStatevec interleaves random circuits with
// mid-circuit measurements and resets; with the same Seed both backends
// draw the same outcomes, so the final states and classical bits agree.
func TestMidCircuitMatchesStatevec(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 4))
	opts := backendtest.DefaultCircuitOptions()
	for i := range 20 {
		n := 2 + i%6
		c := circuits.New(n, n)
		for range 4 {
			part := backendtest.RandomCircuit(rng, n, 2*n, opts)
			var err error
			c, err = c.Compose(part, nil)
			require.NoError(t, err)
			q := rng.IntN(n)
			if rng.IntN(2) == 0 {
				c.Measure(q, q)
			} else {
				c.Reset(q)
			}
		}
		c.H(0)
		c.MeasureAll()
		seed := uint64(100 + i)
		st, bits, err := Simulator{Seed: seed}.RunState(c)
		require.NoError(t, err)
		ref, refBits, err := statevec.Simulator{Seed: seed}.RunState(c)
		require.NoError(t, err)
		require.Equal(t, refBits, bits, "circuit %d", i)
		got, err := st.Amplitudes()
		require.NoError(t, err)
		for k, want := range ref.Data() {
			require.InDelta(t, 0, cmplx.Abs(got[k]-want), 1e-10, "circuit %d amplitude %d", i, k)
		}
	}
}

// TestMeasurementCollapses checks the collapse on a GHZ state that is too
// wide for a dense check: measuring qubit 0 mid-circuit fixes all 60.
func TestMeasurementCollapses(t *testing.T) {
	c := circuits.GHZ(60)
	c.NumClbits = 1
	c.Measure(0, 0).X(0)
	seen := [2]bool{}
	for seed := range uint64(8) {
		st, bits, err := Simulator{Seed: seed}.RunState(c)
		require.NoError(t, err)
		seen[bits[0]] = true
		out, err := st.Outcomes(1e-12, 0)
		require.NoError(t, err)
		require.Len(t, out, 1)
		for q, b := range out[0].Bits {
			want := bits[0]
			if q == 0 {
				want ^= 1
			}
			require.Equal(t, want, b, "seed %d qubit %d", seed, q)
		}
		assert.InDelta(t, 1, out[0].Probability, 1e-12)
	}
	assert.Equal(t, [2]bool{true, true}, seen, "both outcomes over 8 seeds")
}
