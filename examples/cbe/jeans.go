package cbe

import (
	"context"
	"fmt"
	"math"
	"math/cmplx"
	"slices"
	"strings"
	"time"

	"github.com/qmlkit/qmlkit/cbe"
	"github.com/qmlkit/qmlkit/examples/repro"
)

// jeansCase is one Jeans setup with its acceptance tolerance.
type jeansCase struct {
	key string
	su  cbe.Setup
	// kOverKJ is k/k_J of the setup.
	kOverKJ float64
	// tol is the relative growth-rate tolerance; 0 marks the stable case,
	// checked by its peak amplitude instead.
	tol float64
}

func jeansCases(maxSteps int) []jeansCase {
	cases := []jeansCase{
		{"j1", cbe.SetupJ1(), 0.5, 0.01},
		{"j2", cbe.SetupJ2(), 0.75, 0.02},
		{"stable", cbe.SetupJeansStable(), 1.2, 0},
	}
	for i := range cases {
		su := &cases[i].su
		if maxSteps > 0 && maxSteps < su.Steps {
			ratio := float64(maxSteps) / float64(su.Steps)
			su.Steps, su.FitStart, su.FitEnd = maxSteps, su.FitStart*ratio, su.FitEnd*ratio
		}
	}
	return cases
}

// jeansSizes sets the shot-readout study and the extras of cbe-jeans.
type jeansSizes struct {
	// shots are the shot counts of the J-1 runs with HadamardEstimate,
	// seeds the runs per count.
	shots []int64
	seeds int
	// magPhaseShots are the shot counts of MagnitudePhaseEstimate runs.
	magPhaseShots []int64
	// nonlinear adds the nonlinear J-1 run (ε = 0.1) to t = 5.
	nonlinear bool
	// partialSteps, when positive, limits the exact-readout quantum runs
	// of J-2 and the stable case to that many steps (compared with the
	// classical solver step by step; no quantum growth fit).
	partialSteps int
	// maxSteps, when positive, shortens every run to that many steps and
	// scales the fit windows with it (smoke tests only: the rates then
	// miss their targets).
	maxSteps int
}

func jeansSizesFor(quick bool) jeansSizes {
	if quick {
		return jeansSizes{shots: []int64{1e4, 1e6, 1e8}, seeds: 1, magPhaseShots: []int64{1e8}, partialSteps: 100}
	}
	return jeansSizes{shots: []int64{1e4, 1e6, 1e8, 1e10}, seeds: 3, magPhaseShots: []int64{1e10, 1e14}, nonlinear: true}
}

// shotModes is M for the shot-readout runs: the linear J-1 run drives
// only ρ̂_1, and every extra mode costs two more circuits per step.
const shotModes = 1

func runJeans(ctx context.Context, opts repro.Options) (*repro.Result, error) {
	return jeans(ctx, opts, jeansSizesFor(opts.Quick))
}

func jeans(ctx context.Context, opts repro.Options, sz jeansSizes) (*repro.Result, error) {
	res := &repro.Result{
		Name:    "cbe-jeans",
		Metrics: map[string]any{},
		Paper: map[string]any{
			"j1": map[string]any{"expected_growth_rate": 2.43607, "note": "kinetic linear theory (spec); the paper compares its Jeans runs with linear theory"},
			"j2": map[string]any{"expected_growth_rate": 1.32630},
		},
	}
	bg := cbe.Background{Coupling: cbe.Gravity, G: 1, RhoBar: 1, Sigma: 1}
	kJ, err := bg.JeansWavenumber()
	if err != nil {
		return nil, err
	}
	var text strings.Builder
	text.WriteString("Kinetic Jeans instability, f0 = (1 + 1e−6 cos kx)·e^{−v²/2}/√(2π), G = ρ0 = σ = 1, 64×64, v ∈ [−6, 6), Δt = 0.01.\n")
	text.WriteString("Classical: Strang split, Fourier in x and v. Quantum (exact readout): the same maps as circuits on 12 qubits, M = 31 modes read from the state.\n\n")
	var rows [][]string
	var j1Curves []curve
	for _, jc := range jeansCases(sz.maxSteps) {
		quantumSteps := jc.su.Steps
		if sz.partialSteps > 0 && jc.key != "j1" {
			quantumSteps = sz.partialSteps
		}
		caseMetrics, row, curves, err := jeansCaseRun(ctx, opts, res, bg, kJ, jc, quantumSteps)
		if err != nil {
			return nil, err
		}
		res.Metrics[jc.key] = caseMetrics
		rows = append(rows, row...)
		if jc.key == "j1" {
			j1Curves = curves
		}
	}
	text.WriteString(repro.Table([]string{"case", "solver", "γ", "theory", "rel. error", "max |ρ̂_1|/|ρ̂_1(0)|", "max step diff vs classical", "mass drift", "norm drift", "qubits", "gates/step", "depth/step", "seconds"}, rows))

	j1 := jeansCases(sz.maxSteps)[0]
	expected, err := bg.JeansGrowthRate(j1.kOverKJ * kJ)
	if err != nil {
		return nil, err
	}
	shotText, shotCurves, shotErrs, err := jeansShots(ctx, opts, res, j1, expected, sz)
	if err != nil {
		return nil, err
	}
	text.WriteString(shotText)

	if sz.nonlinear {
		nlText, err := jeansNonlinear(ctx, opts, res)
		if err != nil {
			return nil, err
		}
		text.WriteString(nlText)
	}

	cost, err := costRows()
	if err != nil {
		return nil, err
	}
	text.WriteString("\nGates / depth per circuit (Fourier streaming, gravity; multi-qubit gates are CP and CX only):\n")
	text.WriteString(repro.Table(costHeader, cost))

	if opts.PlotDir != "" {
		var paths []string
		fit := res.Metrics["j1"].(map[string]any)["classical"].(map[string]any)
		intercept := fit["fit_intercept"].(float64)
		theory := curve{name: fmt.Sprintf("linear theory γ = %.5f", expected), dashed: true}
		for _, t := range []float64{0, 4} {
			theory.t = append(theory.t, t)
			theory.y = append(theory.y, math.Exp(intercept+expected*t))
		}
		curves := append(append(j1Curves, shotCurves...), theory)
		p, err := saveSemilog(opts.PlotDir, "cbe-jeans-growth", "J-1: |ρ̂_1(t)| against linear theory", "|ρ̂_1|", curves)
		if err != nil {
			return nil, err
		}
		paths = append(paths, p)
		p, err = saveShotErrors(opts.PlotDir, "cbe-jeans-shots", shotErrs.shots, shotErrs.relErr)
		if err != nil {
			return nil, err
		}
		paths = append(paths, p)
		fmt.Fprintf(&text, "\nPlots: %s\n", strings.Join(paths, ", "))
	}
	res.Text = text.String()
	return res, nil
}

// jeansCaseRun runs one case classically and with the exact-readout
// quantum solver in lockstep and adds its checks to res.
func jeansCaseRun(ctx context.Context, opts repro.Options, res *repro.Result, bg cbe.Background, kJ float64, jc jeansCase, quantumSteps int) (map[string]any, [][]string, []curve, error) {
	su := jc.su
	c, err := cbe.NewSolver(su.Problem, su.Options)
	if err != nil {
		return nil, nil, nil, err
	}
	q, err := cbe.NewQuantumSolver(su.Problem, cbe.QuantumOptions{Dt: su.Options.Dt})
	if err != nil {
		return nil, nil, nil, err
	}
	ls, err := runLockstep(ctx, q, c, quantumSteps)
	if err != nil {
		return nil, nil, nil, err
	}
	rest, err := runClassical(ctx, c, su.Steps-quantumSteps)
	if err != nil {
		return nil, nil, nil, err
	}
	partial := quantumSteps < su.Steps
	classical := classicalLeaf(c, ls.classicalSeconds+rest)
	quantum := quantumLeaf(q, ls.quantumSeconds)
	quantum["l2_error"] = ls.maxDiff
	quantum["steps"] = quantumSteps
	opts.Logf("cbe-jeans: %s: quantum vs classical over %d steps: max relative L2 %.2e (quantum %.1fs, classical %.2fs)",
		jc.key, quantumSteps, ls.maxDiff, ls.quantumSeconds, ls.classicalSeconds+rest)

	var expected float64
	if jc.tol > 0 {
		if expected, err = bg.JeansGrowthRate(jc.kOverKJ * kJ); err != nil {
			return nil, nil, nil, err
		}
	}
	var rows [][]string
	var curves []curve
	for _, s := range []struct {
		name string
		h    *cbe.History
		leaf map[string]any
	}{{"classical", c.History(), classical}, {"quantum_exact", q.History(), quantum}} {
		amp, err := s.h.ModeAmplitude(1)
		if err != nil {
			return nil, nil, nil, err
		}
		if partial && s.name == "quantum_exact" {
			s.leaf["note"] = fmt.Sprintf("quick mode: the first %d of %d steps only, compared with the classical solver step by step", quantumSteps, su.Steps)
			rows = append(rows, []string{jc.key, s.name, fmt.Sprintf("(first %d steps)", quantumSteps), "", "", "", fmt.Sprintf("%.1e", ls.maxDiff),
				fmt.Sprintf("%.1e", s.leaf["mass_drift"]), fmt.Sprintf("%.1e", s.leaf["norm_drift"]), fmt.Sprint(q.Qubits()), fmt.Sprint(q.Cost().Step.Gates),
				fmt.Sprint(q.Cost().Step.Depth), fmt.Sprintf("%.2f", s.leaf["seconds"])})
			res.Checks = append(res.Checks, repro.NewCheck(fmt.Sprintf("%s %s mass drift", jc.key, s.name), s.leaf["mass_drift"].(float64), 0, 1e-12, false))
			continue
		}
		peak := slices.Max(amp) / amp[0]
		s.leaf["max_amplitude_ratio"] = peak
		gammaText, relText := "-", "-"
		if jc.tol > 0 {
			gamma, intercept, err := cbe.FitGrowthRate(s.h.T, amp, su.FitStart, su.FitEnd)
			if err != nil {
				return nil, nil, nil, fmt.Errorf("%s %s: %w", jc.key, s.name, err)
			}
			rel := gamma/expected - 1
			s.leaf["growth_rate"], s.leaf["expected_growth_rate"], s.leaf["rel_error"] = gamma, expected, rel
			s.leaf["fit_intercept"] = intercept
			res.Checks = append(res.Checks, repro.NewCheck(fmt.Sprintf("%s %s growth rate (kinetic theory, %g%%)", jc.key, s.name, 100*jc.tol), gamma, expected, jc.tol, true))
			gammaText, relText = fmt.Sprintf("%.5f", gamma), fmt.Sprintf("%+.3f%%", 100*rel)
		} else {
			res.Checks = append(res.Checks, repro.NewCheck(fmt.Sprintf("%s %s max |ρ̂_1|/|ρ̂_1(0)| over t ∈ [0, 5] (≤ 1.01)", jc.key, s.name), peak, 1, 0.01, false))
		}
		res.Checks = append(res.Checks, repro.NewCheck(fmt.Sprintf("%s %s mass drift", jc.key, s.name), s.leaf["mass_drift"].(float64), 0, 1e-12, false))
		row := []string{jc.key, s.name, gammaText, fmt.Sprintf("%.5f", expected), relText, fmt.Sprintf("%.4g", peak), "-",
			fmt.Sprintf("%.1e", s.leaf["mass_drift"]), fmt.Sprintf("%.1e", s.leaf["norm_drift"]), "-", "-", "-", fmt.Sprintf("%.2f", s.leaf["seconds"])}
		if s.name == "quantum_exact" {
			row[6] = fmt.Sprintf("%.1e", ls.maxDiff)
			row[9], row[10], row[11] = fmt.Sprint(q.Qubits()), fmt.Sprint(q.Cost().Step.Gates), fmt.Sprint(q.Cost().Step.Depth)
		}
		if jc.tol == 0 {
			row[3] = "stable"
		}
		rows = append(rows, row)
		curves = append(curves, curve{name: s.name, t: s.h.T, y: amp, dashed: s.name != "classical"})
	}
	res.Checks = append(res.Checks, repro.NewCheck(fmt.Sprintf("%s quantum exact vs classical Fourier solver, max relative L2 per step", jc.key), ls.maxDiff, 0, 1e-10, false))
	return map[string]any{"classical": classical, "quantum_exact": quantum}, rows, curves, nil
}

// shotErrors collects (shots, relative growth-rate error) of every run.
type shotErrors struct{ shots, relErr []float64 }

// jeansShots runs J-1 with shot readout for every shot count and seed
// (HadamardEstimate), and for a few counts with MagnitudePhaseEstimate.
func jeansShots(ctx context.Context, opts repro.Options, res *repro.Result, jc jeansCase, expected float64, sz jeansSizes) (string, []curve, shotErrors, error) {
	su := jc.su
	var text strings.Builder
	fmt.Fprintf(&text, "\nJ-1 with shot readout (M = %d; per step a real and an imaginary Hadamard test, %d qubits, each run with the given shots;\n"+
		"γ fitted to the read |ρ̂_1| over [%g, %g]; expected %.5f):\n", shotModes, q13(su), su.FitStart, su.FitEnd, expected)
	var rows [][]string
	var curves []curve
	var errs shotErrors
	worstMass := 0.0
	runs := func(estimator cbe.ShotEstimator, counts []int64, seeds int) ([]any, error) {
		var list []any
		for _, shots := range counts {
			var rates []float64
			var entry map[string]any
			var secs float64
			maxRel := 0.0
			resolved := true
			for seed := range seeds {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				start := time.Now()
				q, err := cbe.NewQuantumSolver(su.Problem, cbe.QuantumOptions{
					Dt: su.Options.Dt, Modes: shotModes, Readout: cbe.ReadoutShots, Shots: shots,
					Estimator: estimator, Seed: opts.Seed + uint64(seed),
				})
				if err != nil {
					return nil, err
				}
				if _, err := runLockstep(ctx, q, nil, su.Steps); err != nil {
					return nil, err
				}
				secs += time.Since(start).Seconds()
				amp, err := q.Readouts().Amplitude(1)
				if err != nil {
					return nil, err
				}
				gamma, _, err := cbe.FitGrowthRate(q.Readouts().T, amp, su.FitStart, su.FitEnd)
				if err != nil {
					// A mode read as exactly zero has no logarithm: the
					// estimator never resolved it.
					resolved = false
				} else {
					rates = append(rates, gamma)
					maxRel = math.Max(maxRel, math.Abs(gamma/expected-1))
					if estimator == cbe.HadamardEstimate {
						errs.shots = append(errs.shots, float64(shots))
						errs.relErr = append(errs.relErr, gamma/expected-1)
					}
				}
				if seed == 0 && estimator == cbe.HadamardEstimate {
					curves = append(curves, curve{name: fmt.Sprintf("shots %.0e (read)", float64(shots)), t: q.Readouts().T, y: amp})
				}
				if entry == nil {
					entry = quantumLeaf(q, 0)
					cost := q.Cost()
					entry["shots"] = shots
					entry["estimator"] = estimator.String()
					entry["expected_growth_rate"] = expected
					entry["copies_per_step"] = cost.ShotsPerStep
					entry["gates_for_all_copies"] = copiesGateCost(cost, su.Steps)
				}
				h := q.History()
				stateAmp, err := h.ModeAmplitude(1)
				if err != nil {
					return nil, err
				}
				entry["final_mode_amplitude"] = stateAmp[len(stateAmp)-1]
				entry["mass_drift"] = math.Max(entry["mass_drift"].(float64), maxDrift(h.Mass))
				entry["norm_drift"] = math.Max(entry["norm_drift"].(float64), maxDrift(h.L2Norm))
				worstMass = math.Max(worstMass, maxDrift(h.Mass))
			}
			entry["seconds"] = secs
			entry["seeds"] = seeds
			gammaText, relText := "not resolved", "-"
			if resolved {
				mean := 0.0
				for _, r := range rates {
					mean += r
				}
				mean /= float64(len(rates))
				entry["growth_rate"] = mean
				entry["growth_rates"] = rates
				entry["rel_error"] = mean/expected - 1
				entry["max_rel_error"] = maxRel
				gammaText, relText = fmt.Sprintf("%.5f", mean), fmt.Sprintf("%+.2f%% (worst seed %.2f%%)", 100*(mean/expected-1), 100*maxRel)
			} else {
				entry["note"] = "the read |ρ̂_1| was exactly zero at some step of the fit window: the mode stayed below the shot floor and the field it drives was read as zero"
			}
			opts.Logf("cbe-jeans: j1 shots %.0e (%s, %d seeds): γ %s %s (%.1fs)", float64(shots), estimator, seeds, gammaText, relText, secs)
			rows = append(rows, []string{estimator.String(), fmt.Sprintf("%.0e", float64(shots)), fmt.Sprint(seeds), gammaText, relText,
				fmt.Sprintf("%.3g", entry["final_mode_amplitude"]), fmt.Sprintf("%.1e", entry["mass_drift"]),
				fmt.Sprintf("%.1e", float64(entry["copies_per_step"].(int64))), fmt.Sprintf("%.1e", entry["gates_for_all_copies"]), fmt.Sprintf("%.1f", secs)})
			list = append(list, entry)
		}
		return list, nil
	}
	hadamard, err := runs(cbe.HadamardEstimate, sz.shots, sz.seeds)
	if err != nil {
		return "", nil, errs, err
	}
	magPhase, err := runs(cbe.MagnitudePhaseEstimate, sz.magPhaseShots, 1)
	if err != nil {
		return "", nil, errs, err
	}
	j1 := res.Metrics["j1"].(map[string]any)
	j1["quantum_shots"] = hadamard
	j1["quantum_shots_magnitude_phase"] = magPhase
	last := hadamard[len(hadamard)-1].(map[string]any)
	lastRel, ok := last["max_rel_error"].(float64)
	if !ok {
		lastRel = math.Inf(1)
	}
	res.Checks = append(res.Checks,
		repro.NewCheck(fmt.Sprintf("j1 shot readout at %.0e shots: worst-seed growth-rate error (≤ 5%%)", float64(last["shots"].(int64))), lastRel, 0, 0.05, false),
		repro.NewCheck("j1 shot readout: worst mass drift over all runs", worstMass, 0, 1e-12, false))
	text.WriteString(repro.Table([]string{"estimator", "shots", "seeds", "γ (mean)", "rel. error", "final |ρ̂_1|", "mass drift", "copies/step", "gates for all copies", "seconds"}, rows))
	text.WriteString("Copies: every shot consumes one copy of the state at the half step, and a copy at step n costs the preparation plus n−1 steps\n" +
		"(the fields of earlier steps are classical numbers, reused): gates for all copies ≈ shots·circuits·(N·(prep + stream + test) + step·N(N−1)/2).\n")
	return text.String(), curves, errs, nil
}

// copiesGateCost is the gate count of producing every copy a shot-readout
// run of the given steps consumes.
func copiesGateCost(c cbe.QuantumCost, steps int) float64 {
	n := float64(steps)
	// Σ_{k=1}^{N} (prep + (k−1)·step + stream + test) for one copy per step.
	sum := n*float64(c.Prep.Gates+c.Stream.Gates+c.HadamardTest.Gates) + float64(c.Step.Gates)*n*(n-1)/2
	return float64(c.ShotsPerStep) * sum
}

// q13 is the qubit count of the shot-readout circuits of a setup.
func q13(su cbe.Setup) int {
	nx, nv, err := su.Problem.Grid.Qubits()
	if err != nil {
		return 0
	}
	return nx + nv + 1
}

// jeansNonlinear runs J-1 with ε = 0.1 to t = 5 with both solvers in
// lockstep: collapse and the phase-space spiral, with conservation.
func jeansNonlinear(ctx context.Context, opts repro.Options, res *repro.Result) (string, error) {
	su := cbe.SetupJeansNonlinear()
	c, err := cbe.NewSolver(su.Problem, su.Options)
	if err != nil {
		return "", err
	}
	q, err := cbe.NewQuantumSolver(su.Problem, cbe.QuantumOptions{Dt: su.Options.Dt})
	if err != nil {
		return "", err
	}
	snaps := []snapshot{{t: 0, f: q.State()}}
	var ls lockstep
	for _, upTo := range []int{su.Steps / 2, su.Steps} {
		part, err := runLockstep(ctx, q, c, upTo-q.Steps())
		if err != nil {
			return "", err
		}
		ls.maxDiff = math.Max(ls.maxDiff, part.maxDiff)
		ls.quantumSeconds += part.quantumSeconds
		ls.classicalSeconds += part.classicalSeconds
		snaps = append(snaps, snapshot{t: q.Time(), f: q.State()})
	}
	out := map[string]any{}
	var b strings.Builder
	b.WriteString("\nNonlinear J-1 (ε = 0.1) to t = 5, both solvers in lockstep:\n")
	var rows [][]string
	for _, s := range []struct {
		name string
		h    *cbe.History
		leaf map[string]any
	}{{"classical", c.History(), classicalLeaf(c, ls.classicalSeconds)}, {"quantum_exact", q.History(), quantumLeaf(q, ls.quantumSeconds)}} {
		mom := 0.0
		for _, p := range s.h.Momentum {
			mom = math.Max(mom, math.Abs(p))
		}
		n := len(s.h.T) - 1
		s.leaf["max_momentum"] = mom
		s.leaf["final_imag_norm"] = s.h.ImagNorm[n]
		s.leaf["final_mode_amplitude"] = cmplx.Abs(s.h.DensityModes[1][n])
		out[s.name] = s.leaf
		res.Checks = append(res.Checks, repro.NewCheck("nonlinear J-1 "+s.name+" mass drift", s.leaf["mass_drift"].(float64), 0, 1e-12, false))
		rows = append(rows, []string{s.name, fmt.Sprintf("%.1e", s.leaf["mass_drift"]), fmt.Sprintf("%.1e", mom), fmt.Sprintf("%.3f", s.leaf["final_mode_amplitude"]),
			fmt.Sprintf("%.2e", s.h.ImagNorm[n]), fmt.Sprintf("%.2f", s.leaf["seconds"])})
	}
	out["quantum_exact"].(map[string]any)["l2_error"] = ls.maxDiff
	res.Metrics["nonlinear"] = out
	opts.Logf("cbe-jeans: nonlinear J-1: quantum vs classical max relative L2 %.2e", ls.maxDiff)
	b.WriteString(repro.Table([]string{"solver", "mass drift", "max |momentum|", "final |ρ̂_1|", "final ‖Im f‖/‖f‖", "seconds"}, rows))
	fmt.Fprintf(&b, "Quantum vs classical, max relative L2 over the run: %.2e (the Nyquist caveat of doc.go makes f complex here; both solvers share it).\n", ls.maxDiff)
	if opts.PlotDir != "" {
		paths, err := savePhaseSpace(opts.PlotDir, "cbe-jeans-nonlinear", "Nonlinear J-1, quantum", su.Problem.Grid, snaps)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "Plots: %s\n", strings.Join(paths, ", "))
	}
	return b.String(), nil
}
