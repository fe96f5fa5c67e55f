package main

import (
	"flag"
	"fmt"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/statevec"
)

// simulatorFlags are the flags every command that simulates accepts.
type simulatorFlags struct {
	backend *string
	threads *int
}

func addSimulatorFlags(fs *flag.FlagSet) *simulatorFlags {
	return &simulatorFlags{
		backend: fs.String("backend", "statevec", "simulator: statevec"),
		threads: fs.Int("threads", 0, "worker goroutines (0: GOMAXPROCS)"),
	}
}

// simulator builds the chosen backend; seed drives mid-circuit measurements.
func (f *simulatorFlags) simulator(seed uint64) (backend.Simulator, error) {
	if *f.threads < 0 {
		return nil, usageError{"--threads must not be negative"}
	}
	switch *f.backend {
	case "statevec":
		return statevec.Simulator{Seed: seed, Threads: *f.threads}, nil
	default:
		return nil, usageError{fmt.Sprintf("unknown backend %q (want statevec)", *f.backend)}
	}
}
