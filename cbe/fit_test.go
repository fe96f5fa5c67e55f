package cbe

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFitGrowthRateExactExponential(t *testing.T) {
	var ts, ys []float64
	for i := range 101 {
		tt := 0.05 * float64(i)
		ts = append(ts, tt)
		ys = append(ys, 3*math.Exp(2.5*tt))
	}
	rate, c, err := FitGrowthRate(ts, ys, 1, 4)
	require.NoError(t, err)
	assert.InDelta(t, 2.5, rate, 1e-12)
	assert.InDelta(t, math.Log(3), c, 1e-11)

	_, _, err = FitGrowthRate(ts, ys[:5], 0, 1)
	assert.ErrorContains(t, err, "101 times but 5 values")
	_, _, err = FitGrowthRate(ts, ys, 2, 1)
	assert.ErrorContains(t, err, "window")
	_, _, err = FitGrowthRate(ts, ys, 1.01, 1.04)
	assert.ErrorContains(t, err, "0 samples")
	neg := append([]float64(nil), ys...)
	neg[30] = -1
	_, _, err = FitGrowthRate(ts, neg, 1, 2)
	assert.ErrorContains(t, err, "no logarithm")
	_, _, err = FitGrowthRate([]float64{1, 1}, []float64{1, 2}, 0, 2)
	assert.ErrorContains(t, err, "same time")
}

func TestFitDampedOscillation(t *testing.T) {
	// |cos| under a decaying envelope peaks every π/ω with the peak logs on
	// a line of slope γ, like |E_1| in Landau damping.
	const gamma, omega = -0.153359, 1.415662
	var ts, ys []float64
	for i := range 3001 {
		tt := 0.01 * float64(i)
		ts = append(ts, tt)
		ys = append(ys, math.Exp(gamma*tt)*math.Abs(math.Cos(omega*tt+0.4))+1e-300)
	}
	fit, err := FitDampedOscillation(ts, ys, 0, 30)
	require.NoError(t, err)
	assert.InEpsilon(t, gamma, fit.Gamma, 1e-4)
	assert.InEpsilon(t, omega, fit.Omega, 1e-5)
	assert.Len(t, fit.PeakTimes, 13)

	_, err = FitDampedOscillation(ts, ys, 0, 3)
	assert.ErrorContains(t, err, "need at least 3")
	_, err = FitDampedOscillation(ts[:2], ys[:2], 0, 3)
	assert.Error(t, err)
	uneven := append([]float64(nil), ts...)
	uneven[7] += 0.003
	_, err = FitDampedOscillation(uneven, ys, 0, 30)
	assert.ErrorContains(t, err, "evenly")
	zero := append([]float64(nil), ys...)
	zero[3] = 0
	_, err = FitDampedOscillation(ts, zero, 0, 30)
	assert.ErrorContains(t, err, "no logarithm")
	_, err = FitDampedOscillation(ts, ys[:10], 0, 30)
	assert.Error(t, err)
	_, err = FitDampedOscillation(ts, ys, math.NaN(), 30)
	assert.Error(t, err)
}
