package cbe

import (
	"context"
	"math"
	"time"

	"github.com/qmlkit/qmlkit/cbe"
)

// ctxEvery is how many steps run between cancellation checks.
const ctxEvery = 25

// lockstep is the outcome of running a quantum and a classical solver
// side by side.
type lockstep struct {
	// maxDiff is the largest relative L2 difference of the two states
	// after any step.
	maxDiff                          float64
	quantumSeconds, classicalSeconds float64
}

// runLockstep advances q and c (c may be nil) by steps steps, recording
// both after every step and comparing their states.
func runLockstep(ctx context.Context, q *cbe.QuantumSolver, c *cbe.Solver, steps int) (lockstep, error) {
	var out lockstep
	for n := range steps {
		if n%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return out, err
			}
		}
		start := time.Now()
		if err := q.Step(); err != nil {
			return out, err
		}
		q.Record()
		out.quantumSeconds += time.Since(start).Seconds()
		if c == nil {
			continue
		}
		start = time.Now()
		c.Step()
		c.Record()
		out.classicalSeconds += time.Since(start).Seconds()
		out.maxDiff = math.Max(out.maxDiff, relL2(q.State(), c.State()))
	}
	return out, nil
}

// runClassical advances c by steps steps with cancellation checks and
// returns the seconds spent.
func runClassical(ctx context.Context, c *cbe.Solver, steps int) (float64, error) {
	start := time.Now()
	for done := 0; done < steps; done += ctxEvery {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if err := c.Run(min(ctxEvery, steps-done)); err != nil {
			return 0, err
		}
	}
	return time.Since(start).Seconds(), nil
}

func relL2(a, b []complex128) float64 {
	var num, den float64
	for i := range a {
		d := a[i] - b[i]
		num += real(d)*real(d) + imag(d)*imag(d)
		den += real(b[i])*real(b[i]) + imag(b[i])*imag(b[i])
	}
	return math.Sqrt(num / den)
}

// maxDrift is max_n |x_n/x_0 − 1|.
func maxDrift(xs []float64) float64 {
	worst := 0.0
	for _, x := range xs {
		worst = math.Max(worst, math.Abs(x/xs[0]-1))
	}
	return worst
}

// conservation returns the mass and L2-norm drift leaves of a history.
func conservation(h *cbe.History) map[string]any {
	return map[string]any{"mass_drift": maxDrift(h.Mass), "norm_drift": maxDrift(h.L2Norm)}
}

// quantumLeaf is the common part of a quantum solver's metrics.
func quantumLeaf(q *cbe.QuantumSolver, seconds float64) map[string]any {
	cost := q.Cost()
	leaf := conservation(q.History())
	leaf["qubits"] = q.Qubits()
	leaf["gates_per_step"] = cost.Step.Gates
	leaf["depth_per_step"] = cost.Step.Depth
	leaf["simulator_norm_drift"] = q.NormDrift()
	leaf["seconds"] = seconds
	if cost.ReadoutCircuitsPerStep > 0 {
		leaf["readout_gates"] = cost.Readout.Gates
		leaf["readout_circuits_per_step"] = cost.ReadoutCircuitsPerStep
	}
	if cost.HadamardTest.Gates > 0 {
		leaf["hadamard_test_gates"] = cost.HadamardTest.Gates
	}
	return leaf
}

func classicalLeaf(s *cbe.Solver, seconds float64) map[string]any {
	leaf := conservation(s.History())
	leaf["seconds"] = seconds
	return leaf
}

// fitMode1 fits the growth rate of |ρ̂_1| over [t0, t1].
func fitMode1(h *cbe.History, t0, t1 float64) (float64, error) {
	amp, err := h.ModeAmplitude(1)
	if err != nil {
		return 0, err
	}
	rate, _, err := cbe.FitGrowthRate(h.T, amp, t0, t1)
	return rate, err
}
