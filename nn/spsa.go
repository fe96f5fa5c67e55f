package nn

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// OptResult is what the flat-vector optimisers (SPSA here, qml.Adam) return.
type OptResult struct {
	// X is the final point and F the loss there.
	X []float64
	F float64
	// History holds the loss after every iteration (for SPSA the mean of
	// the two perturbed evaluations, which it gets for free).
	History []float64
	// Evaluations counts calls of the loss (Func or Grad).
	Evaluations int
}

// SPSA is simultaneous-perturbation stochastic approximation (Spall): at
// step k = 0, 1, … draw Δ with independent ±1 entries, estimate the
// gradient as [f(x + c_kΔ) − f(x − c_kΔ)]/(2c_k)·Δ from two evaluations
// whatever the dimension, and step x ← x − a_k·ĝ with the standard gain
// sequences a_k = a/(k + 1 + A)^α and c_k = c/(k + 1)^γ.
type SPSA struct {
	// Iterations is the number of steps (two evaluations each).
	Iterations int
	// LearningRate is a; 0 calibrates it (see Calibrate).
	LearningRate float64
	// Perturbation is c; 0 means 0.2 (Qiskit's calibration default).
	Perturbation float64
	// Alpha and Gamma are the decay exponents; 0 means Spall's asymptotic
	// recommendations 0.602 and 0.101.
	Alpha, Gamma float64
	// Stability is A; Spall suggests about a tenth of the iterations.
	Stability float64
	// TargetStep is the first step's size per coordinate that calibration
	// aims for; 0 means 2π/10 (as Qiskit's SPSA.calibrate).
	TargetStep float64
	// CalibrationSteps is the number of gradient samples calibration
	// averages; 0 means 25.
	CalibrationSteps int
	// Seed fixes the perturbations.
	Seed uint64
	// Observe, when set, is called after every step with the step number
	// (from 1) and the new point; it must not keep or modify x.
	Observe func(step int, x []float64)
}

func (s SPSA) withDefaults() SPSA {
	if s.Perturbation == 0 {
		s.Perturbation = 0.2
	}
	if s.Alpha == 0 {
		s.Alpha = 0.602
	}
	if s.Gamma == 0 {
		s.Gamma = 0.101
	}
	if s.TargetStep == 0 {
		s.TargetStep = 2 * math.Pi / 10
	}
	if s.CalibrationSteps == 0 {
		s.CalibrationSteps = 25
	}
	return s
}

func (s SPSA) validate() error {
	settings := []struct {
		name string
		v    float64
	}{{"learning rate", s.LearningRate}, {"perturbation", s.Perturbation}, {"alpha", s.Alpha},
		{"gamma", s.Gamma}, {"stability", s.Stability}, {"target step", s.TargetStep}}
	for _, p := range settings {
		if p.v < 0 || math.IsNaN(p.v) || math.IsInf(p.v, 0) {
			return fmt.Errorf("nn: spsa: %s %v must be finite and non-negative", p.name, p.v)
		}
	}
	if s.Iterations < 1 || s.CalibrationSteps < 1 {
		return fmt.Errorf("nn: spsa: iterations %d and calibration steps %d must be positive", s.Iterations, s.CalibrationSteps)
	}
	return nil
}

// Calibrate returns the learning rate a for which the first step moves
// each coordinate by about TargetStep: a = TargetStep·(1 + A)^α / m, with
// m the mean of |f(x + cΔ) − f(x − cΔ)|/(2c) over CalibrationSteps draws
// of Δ at x0 (Spall's guideline, as Qiskit's SPSA.calibrate). It uses
// its own generator seeded from Seed.
func (s SPSA) Calibrate(f func(x []float64) float64, x0 []float64) (float64, int, error) {
	s = s.withDefaults()
	if !(s.Perturbation > 0) || math.IsInf(s.Perturbation, 0) || s.CalibrationSteps < 1 || len(x0) == 0 {
		return 0, 0, fmt.Errorf("nn: spsa calibration: needs a positive perturbation (%v), calibration steps (%d) and parameters (%d)",
			s.Perturbation, s.CalibrationSteps, len(x0))
	}
	rng := rand.New(rand.NewPCG(s.Seed, 0xca11b))
	delta := make([]float64, len(x0))
	xp, xm := make([]float64, len(x0)), make([]float64, len(x0))
	var mean float64
	for k := 0; k < s.CalibrationSteps; k++ {
		perturb(rng, x0, s.Perturbation, delta, xp, xm)
		fp, fm := f(xp), f(xm)
		if math.IsNaN(fp) || math.IsNaN(fm) {
			return 0, 2 * (k + 1), errors.New("nn: spsa calibration: the loss returned NaN")
		}
		mean += math.Abs(fp-fm) / (2 * s.Perturbation)
	}
	mean /= float64(s.CalibrationSteps)
	evals := 2 * s.CalibrationSteps
	if mean == 0 {
		return 0, evals, errors.New("nn: spsa calibration: the loss does not change under perturbation")
	}
	return s.TargetStep * math.Pow(1+s.Stability, s.Alpha) / mean, evals, nil
}

// perturb draws Δ ∈ {±1}ⁿ and sets xp = x + cΔ, xm = x − cΔ.
func perturb(rng *rand.Rand, x []float64, c float64, delta, xp, xm []float64) {
	for i := range x {
		delta[i] = float64(1 - 2*rng.IntN(2))
		xp[i] = x[i] + c*delta[i]
		xm[i] = x[i] - c*delta[i]
	}
}

// Minimize runs SPSA on f from x0. f may be noisy (shot estimates); it
// signals failure by NaN. ctx is checked between steps.
func (s SPSA) Minimize(ctx context.Context, f func(x []float64) float64, x0 []float64) (*OptResult, error) {
	s = s.withDefaults()
	if err := s.validate(); err != nil {
		return nil, err
	}
	res := &OptResult{History: make([]float64, 0, s.Iterations)}
	a := s.LearningRate
	if a == 0 {
		cal, evals, err := s.Calibrate(f, x0)
		res.Evaluations += evals
		if err != nil {
			return nil, err
		}
		a = cal
	}
	rng := rand.New(rand.NewPCG(s.Seed, 0x5b5a))
	x := slices.Clone(x0)
	delta := make([]float64, len(x))
	xp, xm := make([]float64, len(x)), make([]float64, len(x))
	for k := 0; k < s.Iterations; k++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ak := a / math.Pow(float64(k+1)+s.Stability, s.Alpha)
		ck := s.Perturbation / math.Pow(float64(k+1), s.Gamma)
		perturb(rng, x, ck, delta, xp, xm)
		fp, fm := f(xp), f(xm)
		res.Evaluations += 2
		if math.IsNaN(fp) || math.IsNaN(fm) {
			return nil, fmt.Errorf("nn: spsa step %d: the loss returned NaN", k)
		}
		g := (fp - fm) / (2 * ck)
		for i := range x {
			x[i] -= ak * g * delta[i]
		}
		res.History = append(res.History, (fp+fm)/2)
		if s.Observe != nil {
			s.Observe(k+1, x)
		}
	}
	res.X = x
	res.F = f(x)
	res.Evaluations++
	if math.IsNaN(res.F) {
		return nil, errors.New("nn: spsa: the loss returned NaN at the final point")
	}
	return res, nil
}
