package statevec

import (
	"fmt"
	"testing"

	"github.com/qmlkit/qmlkit/backend/backendtest"
)

// wideUnitaries adds random three-qubit unitaries (the generic kernel) to
// the suite's default circuits.
func wideUnitaries() *backendtest.CircuitOptions {
	o := backendtest.DefaultCircuitOptions()
	o.MaxUnitaryQubits = 3
	return &o
}

func TestConformance(t *testing.T) {
	backendtest.Test(t, Simulator{Seed: 1}, backendtest.Config{Seed: 11, Circuits: wideUnitaries()})
}

func TestConformanceThreads(t *testing.T) {
	for _, threads := range []int{1, 2} {
		t.Run(fmt.Sprintf("threads=%d", threads), func(t *testing.T) {
			backendtest.Test(t, Simulator{Seed: 2, Threads: threads}, backendtest.Config{Seed: 12, RandomCircuits: 20})
		})
	}
}
