package qkan

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDARUANSpectrum checks the paper's spectrum claim for the exact
// readout: with integer weights w the activation is a trigonometric
// polynomial with frequencies {Σ ε_ℓ w_ℓ : ε ∈ {−1,0,1}}, i.e. 0..Σw for
// the tested weights. A 64-point DFT over one period 2π resolves all of them
// without aliasing.
func TestDARUANSpectrum(t *testing.T) {
	const n = 64
	cases := []struct {
		w       []float64
		maxFreq int
	}{
		{[]float64{1, 1, 1}, 3},
		{[]float64{1, 2, 4}, 7},
		{[]float64{1, 3, 9}, 13},
	}
	d, err := NewDARUAN(DARUANConfig{Ansatz: PZ, Reps: 3, Readout: Exact})
	require.NoError(t, err)
	for seed := uint64(1); seed <= 3; seed++ {
		rng := rand.New(rand.NewPCG(seed, 77))
		theta := make([]float64, d.NumTheta())
		for k := range theta {
			theta[k] = 2 * math.Pi * rng.Float64()
		}
		for _, c := range cases {
			t.Run(fmt.Sprintf("seed%d/w=%v", seed, c.w), func(t *testing.T) {
				p := Angles{Theta: theta, W: c.w, B: make([]float64, 3)}
				xs := make([]float64, n)
				for k := range xs {
					xs[k] = 2 * math.Pi * float64(k) / n
				}
				f := make([]float64, n)
				require.NoError(t, d.EvalBatch(p, xs, f))
				for freq := 0; freq <= n/2; freq++ {
					var coef complex128
					for k, v := range f {
						coef += complex(v, 0) * cmplx.Exp(complex(0, -float64(freq)*xs[k]))
					}
					mag := cmplx.Abs(coef) / n
					if freq <= c.maxFreq {
						assert.Greater(t, mag, 1e-6, "frequency %d must be present", freq)
					} else {
						assert.Less(t, mag, 1e-12, "frequency %d must be absent", freq)
					}
				}
			})
		}
	}
}
