package bench

import (
	"fmt"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/internal/itsubakiref"
)

// RunItsubaki simulates the bound unitary circuit c on github.com/itsubaki/q
// v0.0.11, the pure-Go simulator of the peer table, and returns its
// amplitudes in qmlkit's order. Gates with an itsubaki call of their own
// (H, X, CNOT, CZ, RY, R, CR, Swap, …, which match Qiskit's matrices) use
// it, so the timing is what a user of that library sees. Measurements and
// resets are refused.
func RunItsubaki(c *circuits.Circuit) ([]complex128, error) {
	amp, err := itsubakiref.Run(c)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	return amp, nil
}
