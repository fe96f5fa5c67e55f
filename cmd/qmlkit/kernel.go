package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/datasets"
	"github.com/qmlkit/qmlkit/kernels"
	"github.com/qmlkit/qmlkit/statevec"
	"github.com/qmlkit/qmlkit/tensornet"
)

// kernelCommand computes a quantum kernel Gram matrix from CSV samples:
//
//	qmlkit kernel --feature-map zz --reps R --entanglement E --alpha A [--bandwidth c]
//	    [--backend statevec|mps] [--max-bond D] --input X.csv [--input2 Y.csv] --output K.csv
//
// Rows are samples, no header. Without --input2 it writes K(X, X) (exactly
// symmetric, unit diagonal); with it, K(X, Y) with one row per sample of X.
// Values are written with full float64 precision.
func kernelCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("kernel", stderr)
	mapName := fs.String("feature-map", "zz", "feature map: zz (Qiskit's ZZFeatureMap/PauliFeatureMap), angle (AngleEmbedding), chain (the 16-qubit map of Cajas Ordóñez et al.)")
	qubits := fs.Int("qubits", 0, "qubits = features per sample (0: the number of columns of --input)")
	reps := fs.Int("reps", 2, "zz: repetitions")
	ent := fs.String("entanglement", "full", "zz: full, linear, reverse_linear, circular or pairwise")
	alpha := fs.Float64("alpha", 2, "zz: angle prefactor α")
	paulis := fs.String("paulis", "", `zz: comma-separated Pauli words (default "Z,ZZ")`)
	bandwidth := fs.Float64("bandwidth", 1, "input scaling c: x → c·x before the map")
	rotation := fs.String("rotation", "X", "angle: X, Y or Z")
	backendName := fs.String("backend", "statevec", "simulator: statevec (batched Gram product) or mps (pairwise overlaps)")
	maxBond := fs.Int("max-bond", 0, "mps: maximum bond dimension (0: the backend's default)")
	method := fs.String("method", "auto", "auto, gram, overlap or compute-uncompute (one circuit per pair, Qiskit's default)")
	shots := fs.Int("shots", 0, "emulate this many shots per entry (0: exact)")
	seed := fs.Uint64("seed", 1, "seed of the shot-noise emulation")
	psd := fs.Bool("psd", false, "project K(X, X) onto the nearest positive semidefinite matrix")
	input := fs.String("input", "", "samples X, one per row, comma-separated, no header (required)")
	input2 := fs.String("input2", "", "second sample set Y (optional)")
	output := fs.String("output", "", `where to write the kernel matrix ("-": standard output; required)`)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: qmlkit kernel --input X.csv [--input2 Y.csv] --output K.csv [flags]")
		fs.PrintDefaults()
	}
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) > 0:
		return usageError{fmt.Sprintf("unexpected arguments %q (samples come from --input)", rest)}
	case *input == "":
		return usageError{"--input is required"}
	case *output == "":
		return usageError{"--output is required (use - for standard output)"}
	case *qubits < 0:
		return usageError{"--qubits must not be negative"}
	}
	x, err := readSamples(*input)
	if err != nil {
		return err
	}
	n := *qubits
	if n == 0 {
		n = len(x[0])
	}
	fm, err := kernelFeatureMap(*mapName, n, *reps, *ent, *alpha, *paulis, *bandwidth, *rotation)
	if err != nil {
		return err
	}
	if err := checkWidth(*input, x, fm.NumFeatures()); err != nil {
		return err
	}
	var y [][]float64
	if *input2 != "" {
		if y, err = readSamples(*input2); err != nil {
			return err
		}
		if err := checkWidth(*input2, y, fm.NumFeatures()); err != nil {
			return err
		}
	}
	sim, err := kernelBackend(*backendName, *maxBond)
	if err != nil {
		return err
	}
	m, err := kernels.ParseMethod(*method)
	if err != nil {
		return usageError{err.Error()}
	}
	if m == kernels.MethodGram && *backendName != "statevec" {
		return usageError{"--method gram needs --backend statevec"}
	}
	if *shots < 0 {
		return usageError{"--shots must not be negative"}
	}
	k, err := kernels.NewFidelityKernel(fm, kernels.Options{Method: m, Simulator: sim, Shots: *shots, Seed: *seed, EnforcePSD: *psd})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	km, err := k.Matrix(x, y)
	if err != nil {
		return err
	}
	r, c := km.Dims()
	rows := make([][]float64, r)
	for i := range rows {
		rows[i] = km.RawRowView(i)[:c]
	}
	if *output == "-" {
		return datasets.WriteMatrixCSV(stdout, rows)
	}
	f, err := os.Create(*output)
	if err != nil {
		return err
	}
	if err := datasets.WriteMatrixCSV(f, rows); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", *output, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %d×%d %s kernel (%s, %s) to %s\n", r, c, *mapName, sim.Name(), k.Method(), *output)
	return nil
}

// readSamples reads a sample matrix; errors name the file, row and column.
func readSamples(path string) ([][]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	x, err := datasets.ReadMatrixCSV(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return x, nil
}

// checkWidth reports samples whose width differs from the map's feature
// count, naming the first offending row and column (from 1).
func checkWidth(path string, x [][]float64, want int) error {
	for i, row := range x {
		switch {
		case len(row) > want:
			return fmt.Errorf("%s: row %d, column %d: the feature map takes %d features, the row has %d", path, i+1, want+1, want, len(row))
		case len(row) < want:
			return fmt.Errorf("%s: row %d, column %d: missing; the feature map takes %d features, the row has %d", path, i+1, len(row)+1, want, len(row))
		}
	}
	return nil
}

// kernelFeatureMap builds the map named on the command line for n features.
func kernelFeatureMap(name string, n, reps int, ent string, alpha float64, paulis string, bandwidth float64, rotation string) (kernels.FeatureMap, error) {
	switch name {
	case "zz", "pauli":
		m := &kernels.PauliFeatureMap{Qubits: n, Reps: reps, Entanglement: kernels.Entanglement(ent), Alpha: alpha, Bandwidth: bandwidth}
		if paulis != "" {
			m.Paulis = strings.Split(strings.ToUpper(paulis), ",")
		}
		if err := m.Validate(); err != nil {
			return nil, usageError{err.Error()}
		}
		return m, nil
	case "angle":
		if bandwidth != 1 {
			return nil, usageError{"--bandwidth applies to the zz map only"}
		}
		return &kernels.AngleEmbedding{Features: n, Rotation: rotation}, nil
	case "chain":
		if bandwidth != 1 {
			return nil, usageError{"--bandwidth applies to the zz map only"}
		}
		return &kernels.RZRYChainMap{Qubits: n}, nil
	}
	return nil, usageError{fmt.Sprintf("unknown feature map %q (want zz, angle or chain)", name)}
}

// kernelBackend builds the simulator for --backend: statevec (the kernel
// then uses the batched Gram product) or mps (tensornet; the kernel takes
// pairwise overlaps of the states, each input simulated once).
func kernelBackend(name string, maxBond int) (backend.Simulator, error) {
	if maxBond < 0 {
		return nil, usageError{"--max-bond must not be negative"}
	}
	switch name {
	case "statevec":
		if maxBond != 0 {
			return nil, usageError{"--max-bond applies to --backend mps only"}
		}
		return statevec.Simulator{}, nil
	case "mps":
		return tensornet.Simulator{MaxBond: maxBond}, nil
	}
	return nil, usageError{fmt.Sprintf("unknown backend %q (want statevec or mps)", name)}
}
