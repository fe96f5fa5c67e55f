package cbe

import (
	"fmt"
	"math"
)

// FitGrowthRate fits log y = c + rate·t by linear least squares over the
// samples with t0 ≤ t ≤ t1 and returns rate and c. y must be positive
// there (pass |ρ̂_1|, e.g. History.ModeAmplitude(1)).
func FitGrowthRate(t, y []float64, t0, t1 float64) (rate, intercept float64, err error) {
	if len(t) != len(y) {
		return 0, 0, fmt.Errorf("cbe: growth fit: %d times but %d values", len(t), len(y))
	}
	if !finite(t0) || !finite(t1) || !(t1 > t0) {
		return 0, 0, fmt.Errorf("cbe: growth fit: window [%v, %v] is not a finite interval", t0, t1)
	}
	var ts, ls []float64
	for i, ti := range t {
		if ti < t0 || ti > t1 {
			continue
		}
		if !(y[i] > 0) || math.IsInf(y[i], 0) {
			return 0, 0, fmt.Errorf("cbe: growth fit: value %v at t = %v has no logarithm", y[i], ti)
		}
		ts = append(ts, ti)
		ls = append(ls, math.Log(y[i]))
	}
	if len(ts) < 2 {
		return 0, 0, fmt.Errorf("cbe: growth fit: %d samples in [%v, %v], need at least 2", len(ts), t0, t1)
	}
	rate, intercept = lineFit(ts, ls)
	if math.IsNaN(rate) {
		return 0, 0, fmt.Errorf("cbe: growth fit: all samples in [%v, %v] at the same time", t0, t1)
	}
	return rate, intercept, nil
}

// lineFit returns the least-squares slope and intercept of y against x,
// centred for accuracy.
func lineFit(x, y []float64) (slope, intercept float64) {
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxx, sxy float64
	for i := range x {
		dx := x[i] - mx
		sxx += dx * dx
		sxy += dx * (y[i] - my)
	}
	slope = sxy / sxx
	return slope, my - slope*mx
}

// PeakFit is the result of FitDampedOscillation.
type PeakFit struct {
	// Gamma is the slope of the least-squares line through the peaks of
	// log y: the damping (< 0) or growth rate.
	Gamma float64
	// Omega is π divided by the mean peak spacing: |E_1| of a standing
	// wave peaks twice per period.
	Omega float64
	// PeakTimes and PeakLogs are the refined peaks (parabola through the
	// three samples of log y around each local maximum).
	PeakTimes, PeakLogs []float64
}

// FitDampedOscillation locates the local maxima of y (strictly above both
// neighbours) with t0 ≤ t ≤ t1 and fits their logarithms. It needs at
// least three peaks; t must be evenly spaced and y positive.
func FitDampedOscillation(t, y []float64, t0, t1 float64) (PeakFit, error) {
	if len(t) != len(y) {
		return PeakFit{}, fmt.Errorf("cbe: peak fit: %d times but %d values", len(t), len(y))
	}
	if !finite(t0) || !finite(t1) || !(t1 > t0) {
		return PeakFit{}, fmt.Errorf("cbe: peak fit: window [%v, %v] is not a finite interval", t0, t1)
	}
	if len(t) < 3 {
		return PeakFit{}, fmt.Errorf("cbe: peak fit: %d samples, need at least 3", len(t))
	}
	dt := t[1] - t[0]
	for i := 1; i < len(t); i++ {
		if !(t[i]-t[i-1] > 0) || math.Abs(t[i]-t[i-1]-dt) > 1e-9*math.Abs(dt) {
			return PeakFit{}, fmt.Errorf("cbe: peak fit: times not evenly increasing at index %d", i)
		}
	}
	for i, yi := range y {
		if !(yi > 0) || math.IsInf(yi, 0) {
			return PeakFit{}, fmt.Errorf("cbe: peak fit: value %v at t = %v has no logarithm", yi, t[i])
		}
	}
	var fit PeakFit
	for i := 1; i+1 < len(y); i++ {
		if t[i] < t0 || t[i] > t1 || !(y[i] > y[i-1] && y[i] > y[i+1]) {
			continue
		}
		lm, l0, lp := math.Log(y[i-1]), math.Log(y[i]), math.Log(y[i+1])
		// Vertex of the parabola through (−1, lm), (0, l0), (1, lp).
		curv := lm - 2*l0 + lp
		off := 0.5 * (lm - lp) / curv
		fit.PeakTimes = append(fit.PeakTimes, t[i]+off*dt)
		fit.PeakLogs = append(fit.PeakLogs, l0-0.25*(lm-lp)*off)
	}
	np := len(fit.PeakTimes)
	if np < 3 {
		return PeakFit{}, fmt.Errorf("cbe: peak fit: %d peaks in [%v, %v], need at least 3", np, t0, t1)
	}
	fit.Gamma, _ = lineFit(fit.PeakTimes, fit.PeakLogs)
	fit.Omega = math.Pi * float64(np-1) / (fit.PeakTimes[np-1] - fit.PeakTimes[0])
	return fit, nil
}
