package kernels

import (
	"fmt"

	"github.com/qmlkit/qmlkit/circuits"
)

// AngleEmbedding is PennyLane's AngleEmbedding: feature i is the angle of
// one rotation (RX by default, or RY, RZ) on qubit i. Qubits beyond the
// features stay in |0⟩. With RX the fidelity kernel is the product
// Π_i cos²((x_i − y_i)/2).
type AngleEmbedding struct {
	// Features is the length of the data vectors.
	Features int
	// Qubits is the circuit width; 0 means Features. It must be at least
	// Features.
	Qubits int
	// Rotation is "X" (the default when empty), "Y" or "Z".
	Rotation string
}

// NumFeatures is the data length.
func (a *AngleEmbedding) NumFeatures() int { return a.Features }

// NumQubits is the circuit width.
func (a *AngleEmbedding) NumQubits() int {
	if a.Qubits == 0 {
		return a.Features
	}
	return a.Qubits
}

func (a *AngleEmbedding) gate() (circuits.Gate, error) {
	switch a.Rotation {
	case "", "X", "x":
		return circuits.RX, nil
	case "Y", "y":
		return circuits.RY, nil
	case "Z", "z":
		return circuits.RZ, nil
	}
	return circuits.InvalidGate, fmt.Errorf("kernels: angle embedding rotation %q (want X, Y or Z)", a.Rotation)
}

// Circuit returns one rotation by x_i on each qubit i < Features.
func (a *AngleEmbedding) Circuit(x []float64) (*circuits.Circuit, error) {
	if a.Features < 1 {
		return nil, fmt.Errorf("kernels: angle embedding needs at least one feature, got %d", a.Features)
	}
	if a.NumQubits() < a.Features {
		return nil, fmt.Errorf("kernels: angle embedding of %d features on %d qubits", a.Features, a.Qubits)
	}
	g, err := a.gate()
	if err != nil {
		return nil, err
	}
	if err := checkPoint(x, a.Features); err != nil {
		return nil, err
	}
	c := circuits.New(a.NumQubits())
	for i, v := range x {
		c.Gate(g, circuits.Nums(v), i)
	}
	return c, nil
}
