package tensornet

import (
	"testing"

	"github.com/qmlkit/qmlkit/backend/backendtest"
)

// wideUnitaries adds random three-qubit unitaries (with up to three
// controls: ops on up to six qubits) to the suite's default circuits.
func wideUnitaries() *backendtest.CircuitOptions {
	o := backendtest.DefaultCircuitOptions()
	o.MaxUnitaryQubits = 3
	return &o
}

// TestConformance runs the shared suite with unbounded bond dimension on
// circuits up to 16 qubits (the widths cycle 1…16, so the widest get one
// circuit each; -short caps them at 7 qubits and 24 circuits).
func TestConformance(t *testing.T) {
	backendtest.Test(t, Simulator{Seed: 1}, backendtest.Config{
		Seed: 11, MaxQubits: 16, RandomCircuits: 48, Circuits: wideUnitaries(),
	})
}

// TestConformanceSmall runs more circuits at small widths, where distant
// pairs and multi-qubit ops are dense in the circuit.
func TestConformanceSmall(t *testing.T) {
	backendtest.Test(t, Simulator{Seed: 2}, backendtest.Config{
		Seed: 12, MaxQubits: 8, RandomCircuits: 160, Circuits: wideUnitaries(),
	})
}
