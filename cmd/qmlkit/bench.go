package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/bench"
	"github.com/qmlkit/qmlkit/statevec"
	"github.com/qmlkit/qmlkit/tensornet"
)

// benchCommand runs "qmlkit bench scaling": the time of one circuit kind
// from --min to --max qubits, as a Markdown table (or JSON) on stdout with
// the memory-pass bound and itsubaki/q beside it, progress on stderr, and
// optionally a CSV file and a log-scale plot.
func benchCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "scaling" {
		fmt.Fprintln(stderr, "usage: qmlkit bench scaling [flags]")
		if len(args) == 0 {
			return usageError{"missing subcommand (want scaling)"}
		}
		return usageError{fmt.Sprintf("unknown bench subcommand %q (want scaling)", args[0])}
	}
	fs := newFlagSet("bench scaling", stderr)
	backendName := fs.String("backend", "statevec", "simulator: statevec or mps")
	kind := fs.String("circuit", bench.KindRandom, "circuit: "+strings.Join(bench.Kinds(), ", "))
	minQ := fs.Int("min", 10, "smallest qubit count")
	maxQ := fs.Int("max", 28, "largest qubit count")
	step := fs.Int("step", 1, "increment between qubit counts")
	compareName := fs.String("compare", "", "also time this backend beside (default: statevec when --backend mps; none to turn off)")
	compareMax := fs.Int("compare-max", 26, "widest circuit timed on the --compare backend")
	threadList := fs.String("threads", "1", "comma-separated goroutine counts to time, e.g. 1,2")
	precision := fs.String("precision", "complex128", "statevec amplitudes: complex128 or complex64")
	fusionWidth := fs.Int("fusion", 0, "statevec gate fusion: 0 default, k ≤ 5 fuse into k-qubit ops, -1 off")
	maxBond := fs.Int("max-bond", 64, "mps: bond dimension cap (0: exact)")
	repeats := fs.Int("repeats", 0, "timed runs per point, fastest kept (0: 3 below 24 qubits, 1 above)")
	itsMax := fs.Int("itsubaki-max", 22, "widest circuit also timed on itsubaki/q (-1: never)")
	itsBudget := fs.Duration("itsubaki-budget", time.Minute, "skip itsubaki/q when the previous size predicts a longer run")
	csvFile := fs.String("csv", "", "also write the rows to this CSV file")
	plotFile := fs.String("plot", "", "also draw time against qubits (log scale) to this .png/.svg/.pdf")
	asJSON := fs.Bool("json", false, "print the rows as JSON instead of a table")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: qmlkit bench scaling [flags]")
		fs.PrintDefaults()
	}
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return usageError{fmt.Sprintf("unexpected arguments %q", rest)}
	}
	threads, err := parseThreads(*threadList)
	if err != nil {
		return err
	}
	prec, err := statevec.ParsePrecision(*precision)
	if err != nil {
		return usageError{err.Error()}
	}
	newSim, dense, err := scalingSimulator(*backendName, prec, *fusionWidth, *maxBond)
	if err != nil {
		return err
	}
	cfg := bench.Config{
		Circuit: *kind, Min: *minQ, Max: *maxQ, Step: *step, Threads: threads, Precision: prec, Dense: dense,
		Repeats: *repeats, ItsubakiMaxQubits: *itsMax, ItsubakiBudget: *itsBudget, CompareMaxQubits: *compareMax,
	}
	if *compareName == "" && *backendName == "mps" {
		*compareName = "statevec"
	}
	if *compareName != "" && *compareName != "none" {
		if *compareName == *backendName {
			return usageError{fmt.Sprintf("--compare %s is the backend being measured", *compareName)}
		}
		if cfg.Compare, _, err = scalingSimulator(*compareName, prec, *fusionWidth, *maxBond); err != nil {
			return err
		}
	}
	machine := bench.Machine()
	fmt.Fprintf(stderr, "machine: %s\n", machine)
	rows, err := bench.Scaling(ctx, cfg, newSim, stderr)
	if err != nil {
		return err
	}
	if *asJSON {
		err = bench.WriteJSON(stdout, rows)
	} else {
		fmt.Fprintf(stdout, "%s circuit, backend %s, %s. Machine: %s.\n\n", *kind, *backendName, describe(*backendName, prec, *fusionWidth, *maxBond), machine)
		err = bench.WriteTable(stdout, rows)
	}
	if err != nil {
		return err
	}
	if *csvFile != "" {
		if err := writeBenchFile(*csvFile, func(w io.Writer) error { return bench.WriteCSV(w, rows) }); err != nil {
			return err
		}
	}
	if *plotFile != "" {
		if err := bench.WritePlot(*plotFile, rows); err != nil {
			return err
		}
	}
	return nil
}

// scalingSimulator returns the factory the harness calls per thread count,
// and whether the backend stores a dense state (so times have a memory-pass
// bound). New backends plug in here.
func scalingSimulator(name string, prec statevec.Precision, fusionWidth, maxBond int) (bench.NewSimulator, bool, error) {
	switch name {
	case "statevec":
		if fusionWidth > 5 {
			return nil, false, usageError{fmt.Sprintf("--fusion %d: at most 5 qubits (-1: off)", fusionWidth)}
		}
		return func(threads int) (backend.Simulator, error) {
			return statevec.Simulator{Threads: threads, Precision: prec, Fusion: fusionWidth}, nil
		}, true, nil
	case "mps":
		if maxBond < 0 {
			return nil, false, usageError{"--max-bond must not be negative"}
		}
		return func(int) (backend.Simulator, error) {
			return tensornet.Simulator{MaxBond: maxBond}, nil
		}, false, nil
	}
	return nil, false, usageError{fmt.Sprintf("unknown backend %q (want statevec or mps)", name)}
}

// describe names the backend settings in the table's caption.
func describe(name string, prec statevec.Precision, fusionWidth, maxBond int) string {
	if name == "mps" {
		return fmt.Sprintf("max bond %d", maxBond)
	}
	f := "fusion default"
	switch {
	case fusionWidth < 0:
		f = "fusion off"
	case fusionWidth > 0:
		f = fmt.Sprintf("fusion %d qubits", fusionWidth)
	}
	return fmt.Sprintf("%v, %s", prec, f)
}

// parseThreads reads a comma-separated list of positive goroutine counts.
func parseThreads(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		t, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || t < 1 {
			return nil, usageError{fmt.Sprintf("--threads %q: want positive integers separated by commas", s)}
		}
		out = append(out, t)
	}
	return out, nil
}

// writeBenchFile creates path and writes it with write.
func writeBenchFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}
