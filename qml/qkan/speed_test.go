package qkan

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestDARUANBatchSpeed is the acceptance item "a batch of 10^4 DARUAN
// evaluations with gradients runs in well under a second": the fastest of
// three batches (pz, r = 3, exact readout, derivatives in x, θ, w, b) must
// take under a quarter of a second. BenchmarkDARUANGrad10k gives the
// actual figure (a few milliseconds).
func TestDARUANBatchSpeed(t *testing.T) {
	d, err := NewDARUAN(DARUANConfig{Ansatz: PZ, Reps: 3, Readout: Exact})
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(5, 6))
	p := randomAngles(rng, d, 2)
	const n = 10000
	xs, gout, out := make([]float64, n), make([]float64, n), make([]float64, n)
	for k := range xs {
		xs[k] = 2*rng.Float64() - 1
		gout[k] = 1
	}
	g := Grads{X: make([]float64, n), Theta: make([]float64, d.NumTheta()), W: make([]float64, 3), B: make([]float64, 3)}
	best := time.Duration(1 << 62)
	for r := 0; r < 3; r++ {
		start := time.Now()
		require.NoError(t, d.EvalGrad(p, xs, gout, out, g))
		best = min(best, time.Since(start))
	}
	t.Logf("10^4 DARUAN evaluations with gradients: %v", best)
	require.Less(t, best, 250*time.Millisecond)
}
