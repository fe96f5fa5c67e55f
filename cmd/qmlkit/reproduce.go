package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/qmlkit/qmlkit/examples"
	"github.com/qmlkit/qmlkit/examples/repro"
)

// errChecksFailed reports that a reproduction ran but missed its targets.
var errChecksFailed = errors.New("checks failed")

func table(header []string, rows [][]string) string { return repro.Table(header, rows) }

func reproduceCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("reproduce", stderr)
	quick := fs.Bool("quick", false, "CI-friendly sizes: the whole tour in under three minutes")
	asJSON := fs.Bool("json", false, `print {"name":…, "metrics":{…}, "paper":{…}} (an array for several)`)
	plotDir := fs.String("plot", "", "write figures as PNG into this directory")
	seed := fs.Uint64("seed", 12345, "base seed of every reproduction")
	list := fs.Bool("list", false, "list the registered reproductions and exit")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: qmlkit reproduce [--quick] [--json] [--plot DIR] [NAME...]")
		fs.PrintDefaults()
		fmt.Fprintln(stderr, "\nreproductions:")
		for _, r := range examples.Registry() {
			fmt.Fprintf(stderr, "  %-18s %s\n", r.Name, r.Title)
		}
	}
	names, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	reg := examples.Registry()
	if *list {
		for _, r := range reg {
			fmt.Fprintf(stdout, "%-18s %s\n", r.Name, r.Title)
		}
		return nil
	}
	var chosen []repro.Reproduction
	if len(names) == 0 {
		chosen = reg
	}
	for _, n := range names {
		r, ok := examples.Lookup(n)
		if !ok {
			known := make([]string, len(reg))
			for i, r := range reg {
				known[i] = r.Name
			}
			return usageError{fmt.Sprintf("no reproduction named %q (known: %s)", n, strings.Join(known, ", "))}
		}
		chosen = append(chosen, r)
	}
	if *plotDir != "" {
		if err := os.MkdirAll(*plotDir, 0o755); err != nil {
			return fmt.Errorf("--plot: %w", err)
		}
	}
	opts := repro.Options{Quick: *quick, Seed: *seed, PlotDir: *plotDir, Progress: stderr}
	var results []*repro.Result
	failed := 0
	tour := time.Now()
	for i, r := range chosen {
		if err := ctx.Err(); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "[%d/%d] %s: %s\n", i+1, len(chosen), r.Name, r.Title)
		start := time.Now()
		res, err := r.Run(ctx, opts)
		if err != nil {
			return fmt.Errorf("%s: %w", r.Name, err)
		}
		if res.Name == "" {
			res.Name = r.Name
		}
		took := time.Since(start)
		fmt.Fprintf(stderr, "[%d/%d] %s done in %.1fs\n", i+1, len(chosen), r.Name, took.Seconds())
		failed += len(res.Failed())
		results = append(results, res)
		if !*asJSON {
			printResult(stdout, r, res, took)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		var err error
		if len(results) == 1 {
			err = enc.Encode(results[0])
		} else {
			err = enc.Encode(results)
		}
		if err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "%d reproductions in %.1fs\n", len(results), time.Since(tour).Seconds())
	if failed > 0 {
		return fmt.Errorf("%w: %d of the printed checks missed their targets", errChecksFailed, failed)
	}
	return nil
}

func printResult(w io.Writer, r repro.Reproduction, res *repro.Result, took time.Duration) {
	fmt.Fprintf(w, "== %s — %s\n", r.Name, r.Title)
	if r.Paper != "" {
		fmt.Fprintf(w, "   %s\n", r.Paper)
	}
	fmt.Fprintln(w)
	if res.Text != "" {
		fmt.Fprintln(w, strings.TrimRight(res.Text, "\n"))
		fmt.Fprintln(w)
	}
	if len(res.Checks) > 0 {
		fmt.Fprintln(w, "checks:")
		for _, c := range res.Checks {
			fmt.Fprintln(w, "  "+c.String())
		}
	}
	fmt.Fprintf(w, "(%.1fs)\n\n", took.Seconds())
}
