package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/circuits/qasm"
)

// minReportedProbability hides outcomes that are zero up to rounding.
const minReportedProbability = 1e-12

// maxAmplitudeQubits bounds --amplitudes output to a size worth printing.
const maxAmplitudeQubits = 20

// runReport is the --json output of qmlkit run. Field names and their
// presence rules are part of the command's contract.
type runReport struct {
	NumQubits     int                `json:"num_qubits"`
	Backend       string             `json:"backend"`
	Probabilities map[string]float64 `json:"probabilities"`
	Counts        map[string]int     `json:"counts,omitempty"`
	Amplitudes    [][2]float64       `json:"amplitudes,omitempty"`
	// Truncation reports of approximate backends (mps).
	FidelityEstimate *float64 `json:"fidelity_estimate,omitempty"`
	MaxBond          *int     `json:"max_bond,omitempty"`
}

func runCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("run", stderr)
	so := addSimulatorFlags(fs)
	shots := fs.Int("shots", 0, "sample this many measurement outcomes (counts)")
	seed := fs.Uint64("seed", 1, "seed for sampling and mid-circuit measurements")
	top := fs.Int("top", 0, "report only the K most likely outcomes (0: every outcome with p > 1e-12)")
	amps := fs.Bool("amplitudes", false, fmt.Sprintf("also print the amplitudes (at most %d qubits)", maxAmplitudeQubits))
	asJSON := fs.Bool("json", false, "print one JSON object")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: qmlkit run [flags] FILE.qasm")
		fs.PrintDefaults()
	}
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usageError{fmt.Sprintf("want one OpenQASM file, got %d arguments", len(files))}
	}
	if *shots < 0 || *top < 0 {
		return usageError{"--shots and --top must not be negative"}
	}
	c, err := qasm.ParseFile(files[0])
	if err != nil {
		return err
	}
	if *amps && c.NumQubits > maxAmplitudeQubits {
		return fmt.Errorf("%s: --amplitudes prints 2^n numbers and is limited to %d qubits; this circuit has %d", files[0], maxAmplitudeQubits, c.NumQubits)
	}
	sim, err := so.simulator(*seed)
	if err != nil {
		return err
	}
	state, err := sim.Run(c)
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	outcomes, err := listOutcomes(state, *top)
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	rep := runReport{
		NumQubits:     c.NumQubits,
		Backend:       sim.Name(),
		Probabilities: make(map[string]float64, len(outcomes)),
	}
	for _, o := range outcomes {
		rep.Probabilities[circuits.BitsString(o.Bits)] = o.Probability
	}
	if *shots > 0 {
		rng := rand.New(rand.NewPCG(*seed, 0x9e3779b97f4a7c15))
		counts, err := state.Sample(*shots, rng)
		if err != nil {
			return fmt.Errorf("%s: %w", files[0], err)
		}
		rep.Counts = counts
	}
	if *amps {
		a, err := state.Amplitudes()
		if err != nil {
			return fmt.Errorf("%s: %w", files[0], err)
		}
		rep.Amplitudes = make([][2]float64, len(a))
		for i, v := range a {
			rep.Amplitudes[i] = [2]float64{real(v), imag(v)}
		}
	}
	if tr, ok := state.(truncationReporter); ok {
		f, b := tr.FidelityEstimate(), tr.MaxBondReached()
		rep.FidelityEstimate, rep.MaxBond = &f, &b
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		return enc.Encode(rep)
	}
	printRunText(stdout, files[0], rep, outcomes)
	return nil
}

// truncationReporter is implemented by approximate backends' states.
type truncationReporter interface {
	FidelityEstimate() float64
	MaxBondReached() int
}

// listOutcomes returns the outcomes with p > 1e−12, most likely first
// (ties by bitstring), at most top of them when top > 0.
func listOutcomes(state backend.State, top int) ([]backend.Outcome, error) {
	var out []backend.Outcome
	if l, ok := state.(backend.OutcomeLister); ok {
		var err error
		if out, err = l.Outcomes(minReportedProbability, top); err != nil {
			return nil, err
		}
	} else {
		p, err := state.Probabilities()
		if err != nil {
			return nil, err
		}
		n := state.NumQubits()
		for i, v := range p {
			if v <= minReportedProbability {
				continue
			}
			bits := make([]byte, n)
			for q := range bits {
				bits[q] = byte(i >> q & 1)
			}
			out = append(out, backend.Outcome{Bits: bits, Probability: v})
		}
	}
	backend.SortOutcomes(out)
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out, nil
}

func printRunText(w io.Writer, file string, rep runReport, outcomes []backend.Outcome) {
	fmt.Fprintf(w, "%s: %d qubits, backend %s\n", file, rep.NumQubits, rep.Backend)
	if rep.FidelityEstimate != nil {
		fmt.Fprintf(w, "fidelity estimate %.12g, max bond %d\n", *rep.FidelityEstimate, *rep.MaxBond)
	}
	rows := make([][]string, 0, len(outcomes))
	for _, o := range outcomes {
		b := circuits.BitsString(o.Bits)
		row := []string{b, fmt.Sprintf("%.12g", o.Probability)}
		if rep.Counts != nil {
			row = append(row, fmt.Sprint(rep.Counts[b]))
		}
		rows = append(rows, row)
	}
	header := []string{"outcome", "probability"}
	if rep.Counts != nil {
		header = append(header, "counts")
		// Sampled outcomes below the reporting threshold still get a row.
		seen := make(map[string]bool, len(outcomes))
		for _, o := range outcomes {
			seen[circuits.BitsString(o.Bits)] = true
		}
		var extra []string
		for b := range rep.Counts {
			if !seen[b] {
				extra = append(extra, b)
			}
		}
		slices.Sort(extra)
		for _, b := range extra {
			rows = append(rows, []string{b, "<1e-12", fmt.Sprint(rep.Counts[b])})
		}
	}
	fmt.Fprint(w, table(header, rows))
	if rep.Amplitudes != nil {
		fmt.Fprintln(w, "\namplitudes (index: re im):")
		for i, a := range rep.Amplitudes {
			fmt.Fprintf(w, "%s: %.17g %.17g\n", circuits.Bitstring(uint64(i), rep.NumQubits), a[0], a[1])
		}
	}
}
