package cbe

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/qmlkit/qmlkit/cbe"
	"github.com/qmlkit/qmlkit/examples/repro"
)

// fs1ModeRatios are the spec's on-grid phase-mixing ratios
// ρ̂_1(t)/ρ̂_1(0) of FS-1 with the half-unit-in-the-last-digit tolerance.
var fs1ModeRatios = []struct{ t, want, tol float64 }{
	{0.5, 0.675232, 5e-7},
	{1, 0.207880, 5e-7},
	{2, 1.86744e-3, 5e-9},
	{3, 7.2454e-7, 5e-11},
}

// integerShiftCourant is the Courant number Δv·(Δt/2)/Δx of the
// integer-shift run: 1/4, so the CFL counter shifts every 8 streams.
const integerShiftCourant = 0.25

func runFreestream(ctx context.Context, opts repro.Options) (*repro.Result, error) {
	su := cbe.SetupFS1()
	g := su.Problem.Grid
	f0, err := su.Problem.InitialState()
	if err != nil {
		return nil, err
	}
	res := &repro.Result{
		Name:    "cbe-freestream",
		Metrics: map[string]any{},
		Paper: map[string]any{"fs1": map[string]any{
			"grid": "64x64", "qubits": 13,
			"note": "the paper's abstract states a 64×64 free-streaming test on 13 simulated qubits; its body (and what the 13th qubit does) was not available",
		}},
	}
	const every = 50

	c, err := cbe.NewSolver(su.Problem, cbe.Options{Dt: su.Options.Dt, RecordEvery: every})
	if err != nil {
		return nil, err
	}
	secs, err := runClassical(ctx, c, su.Steps)
	if err != nil {
		return nil, err
	}
	exact, err := cbe.FreeStreamingExact(g, f0, c.Time())
	if err != nil {
		return nil, err
	}
	classical := classicalLeaf(c, secs)
	classical["l2_error"] = relL2(c.State(), exact)
	opts.Logf("cbe-freestream: classical FS-1 to t = %g: L2 error %.2e (%.2fs)", c.Time(), classical["l2_error"], secs)

	q, err := cbe.NewQuantumSolver(su.Problem, cbe.QuantumOptions{Dt: su.Options.Dt})
	if err != nil {
		return nil, err
	}
	snaps := []snapshot{{t: 0, f: q.State()}}
	var qsecs float64
	for _, upTo := range []int{100, su.Steps} {
		ls, err := runLockstep(ctx, q, nil, upTo-q.Steps())
		if err != nil {
			return nil, err
		}
		qsecs += ls.quantumSeconds
		snaps = append(snaps, snapshot{t: q.Time(), f: q.State()})
	}
	exact, err = cbe.FreeStreamingExact(g, f0, q.Time())
	if err != nil {
		return nil, err
	}
	quantum := quantumLeaf(q, qsecs)
	quantum["l2_error"] = relL2(q.State(), exact)
	opts.Logf("cbe-freestream: quantum FS-1 to t = %g on %d qubits: L2 error %.2e (%.2fs)", q.Time(), q.Qubits(), quantum["l2_error"], qsecs)

	h := q.History()
	var ratioRows [][]string
	ratios := map[string]any{}
	for _, r := range fs1ModeRatios {
		n := int(math.Round(r.t / su.Options.Dt)) // runLockstep records every step
		got := real(h.DensityModes[1][n] / h.DensityModes[1][0])
		onGrid, err := cbe.MaxwellianModeRatio(g, 1, 2*math.Pi/g.L, h.T[n])
		if err != nil {
			return nil, err
		}
		ratios[fmt.Sprintf("t=%g", r.t)] = got
		res.Checks = append(res.Checks, repro.NewCheck(fmt.Sprintf("fs1 quantum ρ̂_1(t)/ρ̂_1(0) at t = %g (spec)", r.t), got, r.want, r.tol, false))
		ratioRows = append(ratioRows, []string{fmt.Sprintf("%g", h.T[n]), fmt.Sprintf("%.6e", got), fmt.Sprintf("%.6e", onGrid),
			fmt.Sprintf("%.6e", r.want), fmt.Sprintf("%.6e", math.Exp(-math.Pi*h.T[n]*h.T[n]/2))})
	}
	quantum["mode_ratio"] = ratios

	shiftLeaf, shiftQ, err := integerShiftRun(ctx, su, f0)
	if err != nil {
		return nil, err
	}
	opts.Logf("cbe-freestream: integer-shift streaming to t = %.4g: L2 error %.2e", shiftQ.Time(), shiftLeaf["l2_error"])

	res.Metrics["fs1"] = map[string]any{"classical": classical, "quantum_exact": quantum, "quantum_integer_shift": shiftLeaf}
	res.Checks = append(res.Checks,
		repro.NewCheck("fs1 classical relative L2 error vs exact", classical["l2_error"].(float64), 0, 1e-12, false),
		repro.NewCheck("fs1 quantum (QFT phase network) relative L2 error vs exact", quantum["l2_error"].(float64), 0, 1e-12, false),
		repro.NewCheck("fs1 quantum integer-shift relative L2 error vs exact", shiftLeaf["l2_error"].(float64), 0, 1e-12, false),
		repro.NewCheck("fs1 quantum mass drift", quantum["mass_drift"].(float64), 0, 1e-12, false),
		repro.NewCheck("fs1 quantum norm drift", quantum["norm_drift"].(float64), 0, 1e-12, false),
		repro.NewCheck("fs1 quantum integer-shift mass drift", shiftLeaf["mass_drift"].(float64), 0, 1e-12, false),
	)

	var text strings.Builder
	fmt.Fprintf(&text, "FS-1: f0 = (1 + 0.5 cos kx)·e^{−v²/2}/√(2π), k = √π (L = 2√π), 64×64, v ∈ [−6, 6), no field.\n")
	fmt.Fprintf(&text, "Quantum: amplitude encoding on n_x + n_v = 6 + 6 = %d qubits (the paper states 13; this design needs no ancilla for free streaming —\n"+
		"its only ancilla is the Hadamard-test qubit of shot readout, used when a field is read), ‖f‖ kept classically.\n\n", q.Qubits())
	cost := q.Cost()
	rows := [][]string{
		{"classical (FFT)", fmt.Sprintf("%g", c.Time()), fmt.Sprintf("%.2e", classical["l2_error"]), fmt.Sprintf("%.1e", classical["mass_drift"]), fmt.Sprintf("%.1e", classical["norm_drift"]), "-", "-", "-", fmt.Sprintf("%.2f", secs)},
		{"quantum, QFT phase network", fmt.Sprintf("%g", q.Time()), fmt.Sprintf("%.2e", quantum["l2_error"]), fmt.Sprintf("%.1e", quantum["mass_drift"]), fmt.Sprintf("%.1e", quantum["norm_drift"]), fmt.Sprint(q.Qubits()),
			fmt.Sprint(cost.Step.Gates), fmt.Sprint(cost.Step.Depth), fmt.Sprintf("%.2f", qsecs)},
		{fmt.Sprintf("quantum, integer shift (C = %g, counter %d)", integerShiftCourant, shiftQ.Cost().StreamPeriod), fmt.Sprintf("%.4g", shiftQ.Time()), fmt.Sprintf("%.2e", shiftLeaf["l2_error"]),
			fmt.Sprintf("%.1e", shiftLeaf["mass_drift"]), fmt.Sprintf("%.1e", shiftLeaf["norm_drift"]), fmt.Sprint(shiftQ.Qubits()),
			fmt.Sprintf("%d per shift", shiftLeaf["gates_per_shift"]), fmt.Sprintf("%d per shift", shiftLeaf["depth_per_shift"]), fmt.Sprintf("%.2f", shiftLeaf["seconds"])},
	}
	text.WriteString(repro.Table([]string{"solver", "t", "rel. L2 vs exact", "mass drift", "norm drift", "qubits", "gates/step", "depth/step", "seconds"}, rows))
	fmt.Fprintf(&text, "\nQuantum step = two half-step streams QFT_x·D·QFT_x† (swap-free QFTs): %v per stream.\n", cost.Stream.Ops)
	fmt.Fprintf(&text, "Integer shift: %v per shift (multi-controlled X counted once each), exact at every %d-th stream.\n\n", shiftQ.Cost().Stream.Ops, shiftQ.Cost().StreamPeriod)
	text.WriteString("Density mode ρ̂_1(t)/ρ̂_1(0) of the quantum run (phase mixing):\n")
	text.WriteString(repro.Table([]string{"t", "quantum", "exact on-grid", "spec", "continuum e^{−k²t²/2}"}, ratioRows))

	if opts.PlotDir != "" {
		paths, err := savePhaseSpace(opts.PlotDir, "cbe-freestream", "FS-1 quantum", g, snaps)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&text, "\nPlots: %s\n", strings.Join(paths, ", "))
	}
	res.Text = text.String()
	return res, nil
}

// integerShiftRun streams FS-1 with the integer-shift circuit at Courant
// number 1/4 to about t = 3 (a whole number of counter cycles) and
// compares with the exact solution.
func integerShiftRun(ctx context.Context, su cbe.Setup, f0 []complex128) (map[string]any, *cbe.QuantumSolver, error) {
	g := su.Problem.Grid
	dt := 2 * integerShiftCourant * g.Dx() / g.Dv()
	q, err := cbe.NewQuantumSolver(su.Problem, cbe.QuantumOptions{Dt: dt, Stream: cbe.StreamIntegerShift})
	if err != nil {
		return nil, nil, err
	}
	cost := q.Cost()
	stepsPerCycle := cost.StreamPeriod / 2
	steps := stepsPerCycle * int(math.Floor(3/(dt*float64(stepsPerCycle))))
	ls, err := runLockstep(ctx, q, nil, steps)
	if err != nil {
		return nil, nil, err
	}
	exact, err := cbe.FreeStreamingExact(g, f0, q.Time())
	if err != nil {
		return nil, nil, err
	}
	leaf := quantumLeaf(q, ls.quantumSeconds)
	leaf["l2_error"] = relL2(q.State(), exact)
	leaf["courant"] = integerShiftCourant
	leaf["counter_period"] = cost.StreamPeriod
	leaf["gates_per_shift"] = cost.Stream.Gates
	leaf["depth_per_shift"] = cost.Stream.Depth
	leaf["gates_per_step"] = 2 * float64(cost.Stream.Gates) / float64(cost.StreamPeriod)
	leaf["depth_per_step"] = 2 * float64(cost.Stream.Depth) / float64(cost.StreamPeriod)
	leaf["t"] = q.Time()
	return leaf, q, nil
}
