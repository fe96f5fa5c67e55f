package nn

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSPSA: a 6-dimensional quadratic with the given gains and with
// calibrated ones, reproducibility from the seed, the Observe hook and
// bad settings.
func TestSPSA(t *testing.T) {
	center := []float64{1, -2, 0.5, 3, -1, 0}
	quad := func(x []float64) float64 {
		var s float64
		for i, v := range x {
			s += (v - center[i]) * (v - center[i])
		}
		return s
	}
	x0 := make([]float64, 6)
	steps := 0
	opt := SPSA{Iterations: 600, LearningRate: 0.3, Perturbation: 0.1, Stability: 20, Seed: 3,
		Observe: func(step int, x []float64) { steps = step }}
	res, err := opt.Minimize(context.Background(), quad, x0)
	require.NoError(t, err)
	assert.Less(t, res.F, 1e-4)
	assert.Equal(t, 1201, res.Evaluations)
	assert.Equal(t, 600, steps)
	again, err := opt.Minimize(context.Background(), quad, x0)
	require.NoError(t, err)
	assert.Equal(t, res.X, again.X)

	cal := SPSA{Iterations: 600, Stability: 20, Seed: 5}
	a, evals, err := cal.Calibrate(quad, x0)
	require.NoError(t, err)
	assert.Equal(t, 50, evals)
	assert.Greater(t, a, 0.0)
	res, err = cal.Minimize(context.Background(), quad, x0)
	require.NoError(t, err)
	assert.Less(t, res.F, 1e-2)

	_, err = SPSA{Iterations: 0}.Minimize(context.Background(), quad, x0)
	assert.ErrorContains(t, err, "iterations 0")
	_, err = SPSA{Iterations: 5, Alpha: math.NaN()}.Minimize(context.Background(), quad, x0)
	assert.ErrorContains(t, err, "alpha")
	_, err = SPSA{Iterations: 5}.Minimize(context.Background(), func([]float64) float64 { return 1 }, x0)
	assert.ErrorContains(t, err, "does not change")
}
