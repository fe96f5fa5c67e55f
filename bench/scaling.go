package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/statevec"
)

// Config describes one scaling sweep. Zero fields take the defaults in
// brackets.
type Config struct {
	// Circuit is the circuit kind (Kinds) [KindRandom].
	Circuit string
	// Min and Max bound the qubit counts, both included [10, 28].
	Min, Max int
	// Threads lists the goroutine counts to time at every size [1].
	Threads []int
	// Precision is the amplitude type of dense backends; it sizes the
	// memory pass [statevec.Complex128].
	Precision statevec.Precision
	// Dense says the backend stores 2^n amplitudes, so every time has a
	// memory-pass bound; false (MPS) reports bond dimension and fidelity
	// instead.
	Dense bool
	// Repeats is the number of timed runs per point, the fastest reported
	// [3 below 24 qubits, 1 from 24 on].
	Repeats int
	// ItsubakiMaxQubits is the widest circuit also timed on itsubaki/q
	// [22]; ItsubakiBudget skips it earlier when the previous size
	// predicts a run longer than this [60 s]. A negative
	// ItsubakiMaxQubits disables it.
	ItsubakiMaxQubits int
	ItsubakiBudget    time.Duration
	// Step is the increment between qubit counts [1].
	Step int
	// Compare, when set, times the same circuit on a second backend (one
	// thread) beside the first, up to CompareMaxQubits qubits or the first
	// width it refuses — statevec beside mps shows where they cross.
	Compare          NewSimulator
	CompareMaxQubits int
}

// withDefaults fills zero fields and checks the ranges.
func (c Config) withDefaults() (Config, error) {
	if c.Circuit == "" {
		c.Circuit = KindRandom
	}
	if c.Min == 0 {
		c.Min = 10
	}
	if c.Max == 0 {
		c.Max = 28
	}
	if len(c.Threads) == 0 {
		c.Threads = []int{1}
	}
	if c.ItsubakiMaxQubits == 0 {
		c.ItsubakiMaxQubits = 22
	}
	if c.ItsubakiBudget == 0 {
		c.ItsubakiBudget = time.Minute
	}
	if c.Step == 0 {
		c.Step = 1
	}
	widest := MaxQubits
	if c.Dense {
		widest = statevec.MaxQubits
	}
	if c.Min < 2 || c.Max < c.Min || c.Max > widest {
		return c, fmt.Errorf("bench: qubit range [%d, %d], want 2 ≤ min ≤ max ≤ %d", c.Min, c.Max, widest)
	}
	if c.Step < 1 {
		return c, fmt.Errorf("bench: step %d, want ≥ 1", c.Step)
	}
	for _, t := range c.Threads {
		if t < 1 {
			return c, fmt.Errorf("bench: thread count %d, want ≥ 1", t)
		}
	}
	if c.Repeats < 0 {
		return c, fmt.Errorf("bench: %d repeats", c.Repeats)
	}
	return c, nil
}

// MaxQubits bounds the sweep of a non-dense backend.
const MaxQubits = 1000

// repeats returns the number of timed runs at n qubits.
func (c Config) repeats(n int) int {
	switch {
	case c.Repeats > 0:
		return c.Repeats
	case n < 24:
		return 3
	}
	return 1
}

// Row is one point of a sweep.
type Row struct {
	Backend   string `json:"backend"`
	Circuit   string `json:"circuit"`
	Qubits    int    `json:"qubits"`
	Threads   int    `json:"threads"`
	Precision string `json:"precision,omitempty"`
	Gates     int    `json:"gates"`
	// Seconds is the fastest of the timed runs.
	Seconds float64 `json:"seconds"`
	// NsPerAmpGate is Seconds per gate per amplitude (2^n), in ns.
	NsPerAmpGate float64 `json:"ns_per_amp_gate"`
	// PassSeconds is one in-place memory pass over a state of the same
	// size and precision on the same threads, measured between the runs;
	// Passes = Seconds / (Gates · PassSeconds), the time per gate in
	// memory passes. Zero for non-dense backends.
	PassSeconds float64 `json:"pass_seconds,omitempty"`
	Passes      float64 `json:"passes_per_gate,omitempty"`
	// PeakBytes is the process's peak resident memory during the fastest
	// run (VmHWM of /proc/self/status, reset before every run through
	// /proc/self/clear_refs); zero where Linux's /proc is unavailable.
	PeakBytes uint64 `json:"peak_bytes"`
	// MaxBond and Fidelity come from states that report them (MPS).
	MaxBond  int     `json:"max_bond,omitempty"`
	Fidelity float64 `json:"fidelity,omitempty"`
	// ItsubakiSeconds is one run of the same circuit on itsubaki/q v0.0.11
	// (one goroutine); ItsubakiNote says why it is missing when it is.
	ItsubakiSeconds float64 `json:"itsubaki_seconds,omitempty"`
	ItsubakiNote    string  `json:"itsubaki_note,omitempty"`
	// CompareBackend, CompareSeconds and CompareNote report the second
	// backend of Config.Compare at the same width.
	CompareBackend string  `json:"compare_backend,omitempty"`
	CompareSeconds float64 `json:"compare_seconds,omitempty"`
	CompareNote    string  `json:"compare_note,omitempty"`
	// Error is set when the backend refused the size (the memory guard);
	// the sweep stops there.
	Error string `json:"error,omitempty"`
}

// NewSimulator returns the backend for a thread count; the harness calls it
// once per point.
type NewSimulator func(threads int) (backend.Simulator, error)

// Scaling times cfg.Circuit from cfg.Min to cfg.Max qubits on the
// simulators newSim returns, with the memory-pass bound and itsubaki/q
// beside them, and writes one progress line per point to progress. It stops
// at the first size the backend refuses (recorded in the last row's Error)
// and when ctx is cancelled (returning the rows so far and ctx's error).
func Scaling(ctx context.Context, cfg Config, newSim NewSimulator, progress io.Writer) ([]Row, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	var rows []Row
	var lastIts float64 // seconds of itsubaki at lastItsN qubits
	lastItsN := 0
	compareStopped := "" // why the comparison backend stopped, once it has
	for n := cfg.Min; n <= cfg.Max; n += cfg.Step {
		c, err := Circuit(cfg.Circuit, n)
		if err != nil {
			return rows, err
		}
		gates := countGates(c)
		its, itsNote := 0.0, ""
		switch {
		case cfg.ItsubakiMaxQubits < 0:
			itsNote = "off"
		case n > cfg.ItsubakiMaxQubits:
			itsNote = fmt.Sprintf("skipped above %d qubits", cfg.ItsubakiMaxQubits)
		case lastItsN > 0 && lastIts*math.Pow(2.2, float64(n-lastItsN)) > cfg.ItsubakiBudget.Seconds():
			itsNote = fmt.Sprintf("skipped: predicted over %v", cfg.ItsubakiBudget)
		default:
			if err := ctx.Err(); err != nil {
				return rows, err
			}
			t0 := time.Now()
			if _, err := RunItsubaki(c); err != nil {
				return rows, err
			}
			its = time.Since(t0).Seconds()
			lastIts, lastItsN = its, n
			runtime.GC()
		}
		cmpName, cmpSecs, cmpNote := "", 0.0, ""
		if cfg.Compare != nil {
			var err error
			cmpName, cmpSecs, cmpNote, err = compare(ctx, cfg, c, &compareStopped)
			if err != nil {
				return rows, err
			}
		}
		for _, threads := range cfg.Threads {
			if err := ctx.Err(); err != nil {
				return rows, err
			}
			sim, err := newSim(threads)
			if err != nil {
				return rows, err
			}
			row := Row{Backend: sim.Name(), Circuit: cfg.Circuit, Qubits: n, Threads: threads, Gates: gates,
				ItsubakiSeconds: its, ItsubakiNote: itsNote,
				CompareBackend: cmpName, CompareSeconds: cmpSecs, CompareNote: cmpNote}
			if cfg.Dense {
				row.Precision = cfg.Precision.String()
			}
			if err := measure(ctx, cfg, sim, c, &row); err != nil {
				if errors.Is(err, statevec.ErrTooLarge) {
					row.Error = err.Error()
					rows = append(rows, row)
					fmt.Fprintf(progress, "%s %s n=%d threads=%d: refused: %v\n", row.Backend, row.Circuit, n, threads, err)
					return rows, nil
				}
				return rows, err
			}
			rows = append(rows, row)
			fmt.Fprintln(progress, row.progressLine())
		}
	}
	return rows, nil
}

// compare times c once on the comparison backend (fastest of the usual
// repeats, one thread). Past CompareMaxQubits, or once the backend has
// refused a width, it only reports why it was skipped.
func compare(ctx context.Context, cfg Config, c *circuits.Circuit, stopped *string) (string, float64, string, error) {
	sim, err := cfg.Compare(1)
	if err != nil {
		return "", 0, "", err
	}
	name := sim.Name()
	switch {
	case *stopped != "":
		return name, 0, *stopped, nil
	case cfg.CompareMaxQubits > 0 && c.NumQubits > cfg.CompareMaxQubits:
		return name, 0, fmt.Sprintf("skipped above %d qubits", cfg.CompareMaxQubits), nil
	}
	best := math.Inf(1)
	for range cfg.repeats(c.NumQubits) {
		if err := ctx.Err(); err != nil {
			return "", 0, "", err
		}
		t0 := time.Now()
		_, err := sim.Run(c)
		d := time.Since(t0).Seconds()
		releaseMemory()
		if errors.Is(err, statevec.ErrTooLarge) {
			*stopped = fmt.Sprintf("refused from %d qubits (memory)", c.NumQubits)
			return name, 0, *stopped, nil
		}
		if err != nil {
			return "", 0, "", fmt.Errorf("bench: %s on %d qubits: %w", name, c.NumQubits, err)
		}
		best = math.Min(best, d)
	}
	return name, best, "", nil
}

// measure fills row's timings: repeats of (run, memory pass), fastest of
// each. The run comes first so that the backend's memory guard refuses a
// size before the pass allocates it; each state is dropped before the next
// allocation.
func measure(ctx context.Context, cfg Config, sim backend.Simulator, c *circuits.Circuit, row *Row) error {
	n := c.NumQubits
	for r := range cfg.repeats(n) {
		if err := ctx.Err(); err != nil {
			return err
		}
		peakReset := resetPeak()
		t0 := time.Now()
		st, err := sim.Run(c)
		d := time.Since(t0).Seconds()
		if err != nil {
			return fmt.Errorf("bench: %s on %d qubits: %w", sim.Name(), n, err)
		}
		if r == 0 || d < row.Seconds {
			row.Seconds = d
			if peakReset {
				row.PeakBytes = peakResident()
			}
			if m, ok := st.(interface {
				FidelityEstimate() float64
				MaxBondReached() int
			}); ok {
				row.Fidelity, row.MaxBond = m.FidelityEstimate(), m.MaxBondReached()
			}
		}
		st = nil
		releaseMemory()
		if cfg.Dense {
			p, err := MeasurePass(n, row.Threads, cfg.Precision, 3)
			if err != nil {
				return err
			}
			releaseMemory()
			if r == 0 || p.Seconds < row.PassSeconds {
				row.PassSeconds = p.Seconds
			}
		}
	}
	row.NsPerAmpGate = row.Seconds / float64(max(1, row.Gates)) / math.Ldexp(1, n) * 1e9
	if cfg.Dense && row.PassSeconds > 0 {
		row.Passes = row.Seconds / (float64(max(1, row.Gates)) * row.PassSeconds)
	}
	return nil
}

// releaseMemory returns freed states to the operating system, so the next
// allocation of gigabytes does not stack on the last one and the peak
// reading belongs to one run.
func releaseMemory() {
	runtime.GC()
	debug.FreeOSMemory()
}

// countGates counts the ops that change the state (barriers excluded).
func countGates(c *circuits.Circuit) int {
	n := 0
	for _, op := range c.Ops {
		if op.Gate != circuits.Barrier {
			n++
		}
	}
	return n
}

// progressLine summarises a row for the progress stream.
func (r Row) progressLine() string {
	s := fmt.Sprintf("%s %s n=%d threads=%d: %.4g s", r.Backend, r.Circuit, r.Qubits, r.Threads, r.Seconds)
	if r.Passes > 0 {
		s += fmt.Sprintf(", %.3f passes/gate (pass %.3g ms)", r.Passes, r.PassSeconds*1e3)
	}
	if r.MaxBond > 0 {
		s += fmt.Sprintf(", max bond %d, fidelity %.6f", r.MaxBond, r.Fidelity)
	}
	if r.ItsubakiSeconds > 0 {
		s += fmt.Sprintf(", itsubaki %.4g s (%.1f×)", r.ItsubakiSeconds, r.ItsubakiSeconds/r.Seconds)
	}
	if r.CompareSeconds > 0 {
		s += fmt.Sprintf(", %s %.4g s (%.3g×)", r.CompareBackend, r.CompareSeconds, r.CompareSeconds/r.Seconds)
	}
	return s
}
