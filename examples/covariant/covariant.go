package covariant

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/qmlkit/qmlkit/datasets"
	"github.com/qmlkit/qmlkit/examples/internal/heatmap"
	"github.com/qmlkit/qmlkit/examples/repro"
	"github.com/qmlkit/qmlkit/kernels"
)

// Graph7Edges and Graph10Edges are the CZ graphs the data sets were made
// for (spec §4.3).
func Graph7Edges() [][2]int { return [][2]int{{0, 2}, {3, 4}, {2, 5}, {1, 4}, {2, 3}, {4, 6}} }

// Graph10Edges is the 10-qubit graph of dataset_graph10.csv.
func Graph10Edges() [][2]int {
	return [][2]int{{0, 1}, {2, 3}, {4, 5}, {6, 7}, {8, 9}, {1, 2}, {3, 4}, {5, 6}, {7, 8}}
}

// reference holds the graph7 numbers measured with an independent
// simulator (SVM C = 1, train rows 0–19, test rows 20–39).
var reference = [...]struct {
	key               string
	lambda, acc, dual float64
}{
	{"lambda_0.1", 0.1, 0.60, 11.98},
	{"lambda_0.785", math.Pi / 4, 0.95, 6.07},
	{"lambda_1.571", math.Pi / 2, 1.00, 2.80},
}

// sizes chooses how much training is done.
type sizes struct {
	gradientIter, spsaIter int
	trainGraph10           bool
}

func runCovariant(ctx context.Context, opts repro.Options) (*repro.Result, error) {
	s := sizes{gradientIter: 30, spsaIter: 60, trainGraph10: true}
	if opts.Quick {
		s = sizes{gradientIter: 15, spsaIter: 25}
	}
	return covariant(ctx, opts, s)
}

type graphCase struct {
	name   string
	qubits int
	edges  [][2]int
	load   func() (*datasets.Dataset, error)
}

func split(d *datasets.Dataset) (xtr [][]float64, ytr []int, xte [][]float64, yte []int) {
	return d.X[:20], d.Y[:20], d.X[20:40], d.Y[20:40]
}

func covariant(ctx context.Context, opts repro.Options, s sizes) (*repro.Result, error) {
	res := &repro.Result{
		Name:    "covariant",
		Metrics: map[string]any{},
		Paper: map[string]any{
			"source": paperCitation,
			"graph7_reference": map[string]any{
				"note":         "measured with an independent simulator (spec §4.3), SVM C = 1, train rows 0–19, test rows 20–39",
				"lambda_0.1":   map[string]any{"test_accuracy": 0.60, "dual_objective": 11.98},
				"lambda_0.785": map[string]any{"test_accuracy": 0.95, "dual_objective": 6.07},
				"lambda_1.571": map[string]any{"test_accuracy": 1.00, "dual_objective": 2.80},
				"trained":      map[string]any{"test_accuracy": 1.0, "lambda": "moves toward π/2"},
			},
		},
	}
	graphs := []graphCase{
		{"graph7", 7, Graph7Edges(), datasets.CovariantGraph7},
		{"graph10", 10, Graph10Edges(), datasets.CovariantGraph10},
	}
	var b strings.Builder
	b.WriteString("Covariant kernels (Glick et al.): K = |⟨ψ_λ|D_x†D_x′|ψ_λ⟩|², fiducial |ψ_λ⟩ = Π CZ · Π RY(λ)|0⟩,\nSVM C = 1, train = rows 0–19, test = rows 20–39; RBF-SVM (gamma = scale) alongside.\n")
	for _, g := range graphs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d, err := g.load()
		if err != nil {
			return nil, err
		}
		xtr, ytr, xte, yte := split(d)
		prefix := ""
		if g.name != "graph7" {
			prefix = g.name + "_"
		}
		rk, err := kernels.NewRBFScale(xtr)
		if err != nil {
			return nil, err
		}
		rbf, err := kernels.FitScore(rk, 1, xtr, ytr, xte, yte)
		if err != nil {
			return nil, err
		}
		header := []string{"λ", "test acc", "train acc", "dual objective", "reference (acc, dual)", "seconds"}
		var rows [][]string
		var duals []float64
		for i, ref := range reference {
			fm := &kernels.CovariantFeatureMap{Qubits: g.qubits, Graph: g.edges, Lambda: ref.lambda}
			k, err := kernels.NewFidelityKernel(fm, kernels.Options{})
			if err != nil {
				return nil, err
			}
			r, err := kernels.FitScore(k, 1, xtr, ytr, xte, yte)
			if err != nil {
				return nil, fmt.Errorf("covariant: %s λ = %v: %w", g.name, ref.lambda, err)
			}
			duals = append(duals, r.DualObjective)
			res.Metrics[prefix+ref.key] = map[string]any{
				"qsvm": map[string]any{"lambda": ref.lambda, "test_accuracy": r.TestAccuracy, "train_accuracy": r.TrainAccuracy, "dual_objective": r.DualObjective, "seconds": r.Seconds},
				"svm":  map[string]any{"test_accuracy": rbf.TestAccuracy, "train_accuracy": rbf.TrainAccuracy, "seconds": rbf.Seconds},
			}
			refCell := "—"
			if g.name == "graph7" {
				refCell = fmt.Sprintf("%.2f, %.2f", ref.acc, ref.dual)
				res.Checks = append(res.Checks, repro.NewCheck(fmt.Sprintf("graph7 %s test accuracy", ref.key), r.TestAccuracy, ref.acc, 0.05+1e-9, false))
			}
			rows = append(rows, []string{lambdaName(i), fmt.Sprintf("%.2f", r.TestAccuracy), fmt.Sprintf("%.2f", r.TrainAccuracy), fmt.Sprintf("%.3f", r.DualObjective), refCell, fmt.Sprintf("%.3f", r.Seconds)})
			if opts.PlotDir != "" {
				km, err := k.Matrix(xtr, nil)
				if err != nil {
					return nil, err
				}
				name := fmt.Sprintf("covariant-%s-%s.png", g.name, ref.key)
				if _, err := heatmap.Save(opts.PlotDir, name, fmt.Sprintf("covariant kernel, %s, λ = %s (training rows)", g.name, lambdaName(i)), km); err != nil {
					return nil, err
				}
			}
		}
		falling := 0.0
		if duals[0] > duals[1] && duals[1] > duals[2] {
			falling = 1
		}
		if g.name == "graph7" {
			res.Checks = append(res.Checks, repro.NewCheck("graph7 dual objective falls from λ = 0.1 to π/4 to π/2", falling, 1, 0, false))
		}
		fmt.Fprintf(&b, "\n%s (%d qubits):\n", g.name, g.qubits)
		b.WriteString(repro.Table(header, rows))
		fmt.Fprintf(&b, "RBF-SVM: test %.2f, train %.2f\n", rbf.TestAccuracy, rbf.TrainAccuracy)
		opts.Logf("covariant: %s kernels done", g.name)

		if g.name == "graph10" && !s.trainGraph10 {
			continue
		}
		if err := train(ctx, opts, res, &b, g, prefix, s, xtr, ytr, xte, yte); err != nil {
			return nil, err
		}
	}
	b.WriteString("\ngraph7: the accuracies and the dual objective at λ = 0.1 agree with the reference; at π/4 and π/2\nthe reference dual objectives (6.07, 2.80) are below ours (6.56, 3.36) and no convention variant\ntried reproduces them (README). Training moves λ past π/2 to ≈ 1.78, where F is lowest here.\n")
	res.Text = b.String()
	return res, nil
}

func lambdaName(i int) string { return [...]string{"0.1", "π/4", "π/2"}[i] }

// train runs kernel training from λ = 0.1 with the exact-gradient method
// and with SPSA, and records the paths under "trained" and "trained_spsa".
func train(ctx context.Context, opts repro.Options, res *repro.Result, b *strings.Builder, g graphCase, prefix string, s sizes,
	xtr [][]float64, ytr []int, xte [][]float64, yte []int) error {
	m := &kernels.CovariantFeatureMap{Qubits: g.qubits, Graph: g.edges}
	runs := []struct {
		key string
		opt kernels.TrainerOptions
	}{
		{"trained", kernels.TrainerOptions{Optimizer: kernels.OptimizerGradient, MaxIter: s.gradientIter}},
		{"trained_spsa", kernels.TrainerOptions{Optimizer: kernels.OptimizerSPSA, MaxIter: s.spsaIter, Seed: opts.Seed, LearningRate: 0.1, Perturbation: 0.1}},
	}
	for _, run := range runs {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := time.Now()
		tr := &kernels.QuantumKernelTrainer{Map: m, Options: run.opt}
		out, err := tr.Fit(xtr, ytr, []float64{0.1})
		if err != nil {
			return fmt.Errorf("covariant: %s %s: %w", g.name, run.key, err)
		}
		k, err := kernels.NewFidelityKernel(out.Map, kernels.Options{})
		if err != nil {
			return err
		}
		r, err := kernels.FitScore(k, 1, xtr, ytr, xte, yte)
		if err != nil {
			return err
		}
		secs := time.Since(start).Seconds()
		lambdas := make([]float64, len(out.History))
		objectives := make([]float64, len(out.History))
		monotone := true
		for i, h := range out.History {
			lambdas[i], objectives[i] = h.Theta[0], h.Objective
			if i > 0 && h.Objective > out.History[i-1].Objective {
				monotone = false
			}
		}
		res.Metrics[prefix+run.key] = map[string]any{"qsvm": map[string]any{
			"lambda": out.Theta[0], "dual_objective": out.Objective, "test_accuracy": r.TestAccuracy, "train_accuracy": r.TrainAccuracy,
			"seconds": secs, "lambda_path": lambdas, "dual_objective_path": objectives, "kernel_evaluations": out.Evaluations,
		}}
		fmt.Fprintf(b, "%s %s from λ = 0.1: λ = %.4f after %d steps (%d kernel matrices), dual objective %.3f → %.3f, test %.2f, train %.2f, %.2f s\n",
			g.name, strings.ReplaceAll(run.key, "_", " "), out.Theta[0], len(out.History)-1, out.Evaluations, objectives[0], out.Objective, r.TestAccuracy, r.TrainAccuracy, secs)
		fmt.Fprintf(b, "  λ path: %s\n", formatPath(lambdas))
		fmt.Fprintf(b, "  dual objective path: %s\n", formatPath(objectives))
		if g.name == "graph7" && run.key == "trained" {
			mono := 0.0
			if monotone {
				mono = 1
			}
			res.Checks = append(res.Checks,
				repro.NewCheck("graph7 trained: dual objective never increases", mono, 1, 0, false),
				repro.NewCheck("graph7 trained: test accuracy", r.TestAccuracy, 1, 1e-9, false),
				repro.NewAtLeast("graph7 trained: |λ − π/2| shrinks by at least half", math.Abs(0.1-math.Pi/2)-math.Abs(out.Theta[0]-math.Pi/2), math.Abs(0.1-math.Pi/2)/2, 0))
		}
		opts.Logf("covariant: %s %s: λ = %.4f, test %.2f", g.name, run.key, out.Theta[0], r.TestAccuracy)
	}
	return nil
}

func formatPath(v []float64) string {
	const show = 12
	parts := make([]string, 0, show+1)
	for i, x := range v {
		if i == show && len(v) > show+1 {
			parts = append(parts, "…")
			parts = append(parts, fmt.Sprintf("%.4g", v[len(v)-1]))
			break
		}
		parts = append(parts, fmt.Sprintf("%.4g", x))
	}
	return strings.Join(parts, " → ")
}
