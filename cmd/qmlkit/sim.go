package main

import (
	"flag"
	"fmt"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/statevec"
	"github.com/qmlkit/qmlkit/tensornet"
)

// simulatorFlags are the flags every command that simulates accepts.
type simulatorFlags struct {
	backend    *string
	threads    *int
	maxBond    *int
	cutoff     *float64
	cutoffMode *string
	precision  *string
	fusion     *int
}

func addSimulatorFlags(fs *flag.FlagSet) *simulatorFlags {
	return &simulatorFlags{
		backend:    fs.String("backend", "statevec", "simulator: statevec (dense) or mps (matrix product state)"),
		threads:    fs.Int("threads", 0, "statevec: worker goroutines (0: GOMAXPROCS)"),
		maxBond:    fs.Int("max-bond", 0, "mps: largest bond dimension kept (0: unlimited, exact)"),
		cutoff:     fs.Float64("cutoff", 0, "mps: singular values to discard, interpreted by --cutoff-mode (0: only numerical zeros)"),
		cutoffMode: fs.String("cutoff-mode", "rel", "mps: rel, abs, rsum2 or sum2 (quimb's names)"),
		precision:  fs.String("precision", "complex128", "statevec: amplitudes complex128 or complex64 (half the memory)"),
		fusion:     fs.Int("fusion", 0, "statevec: gate fusion, 0 default, 1 to 5 fused-gate width, -1 off"),
	}
}

// simulator builds the chosen backend; seed drives mid-circuit measurements.
func (f *simulatorFlags) simulator(seed uint64) (backend.Simulator, error) {
	if *f.threads < 0 {
		return nil, usageError{"--threads must not be negative"}
	}
	switch *f.backend {
	case "statevec":
		p, err := statevec.ParsePrecision(*f.precision)
		if err != nil {
			return nil, usageError{err.Error()}
		}
		if *f.fusion > 5 {
			return nil, usageError{fmt.Sprintf("--fusion %d: at most 5 qubits (-1: off)", *f.fusion)}
		}
		return statevec.Simulator{Seed: seed, Threads: *f.threads, Precision: p, Fusion: *f.fusion}, nil
	case "mps":
		if *f.maxBond < 0 || *f.cutoff < 0 || *f.cutoff != *f.cutoff {
			return nil, usageError{"--max-bond and --cutoff must not be negative"}
		}
		mode, err := tensornet.ParseCutoffMode(*f.cutoffMode)
		if err != nil {
			return nil, usageError{err.Error()}
		}
		return tensornet.Simulator{MaxBond: *f.maxBond, Cutoff: *f.cutoff, CutoffMode: mode, Seed: seed}, nil
	default:
		return nil, usageError{fmt.Sprintf("unknown backend %q (want statevec or mps)", *f.backend)}
	}
}
