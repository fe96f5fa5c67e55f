package backend

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/circuits"
)

// TestSortedUniforms: ascending, in [0, 1), the same numbers as drawing
// from the same seed and sorting; bad requests are errors.
func TestSortedUniforms(t *testing.T) {
	u, err := SortedUniforms(1000, rand.New(rand.NewPCG(3, 4)))
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(3, 4))
	want := make([]float64, 1000)
	for i := range want {
		want[i] = rng.Float64()
	}
	slices.Sort(want)
	assert.Equal(t, want, u)
	assert.True(t, u[0] >= 0 && u[len(u)-1] < 1)
	assert.NotEqual(t, u[0], u[len(u)-1])

	_, err = SortedUniforms(0, rand.New(rand.NewPCG(1, 1)))
	assert.ErrorContains(t, err, "shots = 0")
	_, err = SortedUniforms(5, nil)
	assert.ErrorContains(t, err, "rng is nil")
}

// TestSortOutcomes: most likely first, ties by bitstring.
func TestSortOutcomes(t *testing.T) {
	// Bits[q] is qubit q, printed with qubit n−1 leftmost: {1, 0} is "01".
	out := []Outcome{{Bits: []byte{1, 0}, Probability: 0.25}, {Bits: []byte{1, 1}, Probability: 0.5}, {Bits: []byte{0, 0}, Probability: 0.25}}
	SortOutcomes(out)
	got := make([]string, len(out))
	for i, o := range out {
		got[i] = circuits.BitsString(o.Bits)
	}
	assert.Equal(t, []string{"11", "00", "01"}, got)
}
