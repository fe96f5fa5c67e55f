package cbe

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/qmlkit/qmlkit/cbe"
	"github.com/qmlkit/qmlkit/examples/repro"
)

func runLandau(ctx context.Context, opts repro.Options) (*repro.Result, error) {
	su := cbe.SetupLandau()
	omega, err := cbe.LandauRoot(0.5)
	if err != nil {
		return nil, err
	}
	wantGamma, wantOmega := imag(omega), real(omega)
	res := &repro.Result{
		Name:    "landau",
		Metrics: map[string]any{},
		Paper: map[string]any{"landau": map[string]any{
			"expected_growth_rate": -0.153359, "expected_frequency": 1.415662,
			"note": "the least-damped root of the Landau dispersion relation at k = 0.5 (spec; the standard check of Cheng & Knorr's scheme)",
		}},
	}
	c, err := cbe.NewSolver(su.Problem, su.Options)
	if err != nil {
		return nil, err
	}
	q, err := cbe.NewQuantumSolver(su.Problem, cbe.QuantumOptions{Dt: su.Options.Dt})
	if err != nil {
		return nil, err
	}
	ls, err := runLockstep(ctx, q, c, su.Steps)
	if err != nil {
		return nil, err
	}
	opts.Logf("landau: %d steps, quantum vs classical max relative L2 %.2e (quantum %.1fs, classical %.2fs)", su.Steps, ls.maxDiff, ls.quantumSeconds, ls.classicalSeconds)
	classical := classicalLeaf(c, ls.classicalSeconds)
	quantum := quantumLeaf(q, ls.quantumSeconds)
	quantum["l2_error"] = ls.maxDiff
	var rows [][]string
	var curves []curve
	for _, s := range []struct {
		name string
		h    *cbe.History
		leaf map[string]any
	}{{"classical", c.History(), classical}, {"quantum_exact", q.History(), quantum}} {
		e1, err := s.h.FieldAmplitude(1)
		if err != nil {
			return nil, err
		}
		fit, err := cbe.FitDampedOscillation(s.h.T, e1, su.FitStart, su.FitEnd)
		if err != nil {
			return nil, fmt.Errorf("landau %s: %w", s.name, err)
		}
		s.leaf["growth_rate"], s.leaf["expected_growth_rate"], s.leaf["rel_error"] = fit.Gamma, wantGamma, fit.Gamma/wantGamma-1
		s.leaf["frequency"], s.leaf["expected_frequency"], s.leaf["frequency_rel_error"] = fit.Omega, wantOmega, fit.Omega/wantOmega-1
		s.leaf["peaks"] = len(fit.PeakTimes)
		res.Checks = append(res.Checks,
			repro.NewCheck("landau "+s.name+" damping rate γ (3%)", fit.Gamma, wantGamma, 0.03, true),
			repro.NewCheck("landau "+s.name+" frequency ω (1%)", fit.Omega, wantOmega, 0.01, true),
			repro.NewCheck("landau "+s.name+" mass drift", s.leaf["mass_drift"].(float64), 0, 1e-12, false))
		row := []string{s.name, fmt.Sprintf("%.5f", fit.Gamma), fmt.Sprintf("%+.2f%%", 100*(fit.Gamma/wantGamma-1)), fmt.Sprintf("%.5f", fit.Omega),
			fmt.Sprintf("%+.2f%%", 100*(fit.Omega/wantOmega-1)), fmt.Sprint(len(fit.PeakTimes)), fmt.Sprintf("%.1e", s.leaf["mass_drift"]), "-", "-", "-", fmt.Sprintf("%.2f", s.leaf["seconds"])}
		if s.name == "quantum_exact" {
			row[7], row[8], row[9] = fmt.Sprintf("%.1e", ls.maxDiff), fmt.Sprint(q.Qubits()), fmt.Sprint(q.Cost().Step.Gates)
		}
		rows = append(rows, row)
		curves = append(curves, curve{name: s.name, t: s.h.T, y: e1, dashed: s.name != "classical"})
	}
	res.Checks = append(res.Checks, repro.NewCheck("landau quantum exact vs classical, max relative L2 per step", ls.maxDiff, 0, 1e-10, false))
	res.Metrics["landau"] = map[string]any{"classical": classical, "quantum_exact": quantum}

	var text strings.Builder
	fmt.Fprintf(&text, "Landau damping: electrons on a neutralising background (ω_p = λ_D = 1), f0 = (1 + 0.01 cos 0.5x)·e^{−v²/2}/√(2π),\n"+
		"x ∈ [0, 4π), v ∈ [−6, 6), 32×128, Δt = 0.05 to t = 30; γ from the peaks of log|E_1|, ω = π/(mean peak spacing).\n"+
		"Theory (Landau root of the kinetic dispersion relation): ω = %.6f %+.6fi.\n\n", wantOmega, wantGamma)
	text.WriteString(repro.Table([]string{"solver", "γ", "error", "ω", "error", "peaks", "mass drift", "max step diff", "qubits", "gates/step", "seconds"}, rows))
	if opts.PlotDir != "" {
		theory := curve{name: fmt.Sprintf("theory slope γ = %.6f", wantGamma), dashed: true}
		e1, err := c.History().FieldAmplitude(1)
		if err != nil {
			return nil, err
		}
		for _, t := range []float64{0, 30} {
			theory.t = append(theory.t, t)
			theory.y = append(theory.y, e1[0]*math.Exp(wantGamma*t))
		}
		path, err := saveSemilog(opts.PlotDir, "landau-field", "Landau damping: |E_1(t)|", "|E_1|", append(curves, theory))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&text, "\nPlot: %s\n", path)
	}
	res.Text = text.String()
	return res, nil
}
