package kernels

import (
	"fmt"

	"github.com/qmlkit/qmlkit/circuits"
)

// RZRYChainMap is the feature map of the embedding-aware QSVM of Cajas
// Ordóñez et al. (arXiv:2508.00024), one feature per qubit: H on every
// qubit, then on each qubit q the gates RZ(x_q) and RY(x_q) in that circuit
// order (RZ acts first), a CX chain (0,1), (1,2), …, (n−2,n−1), and a final
// RZ(x_q) on each qubit. The paper uses 16 qubits on 16 PCA
// components scaled to (−1, 1).
type RZRYChainMap struct {
	Qubits int
}

// NumFeatures is the qubit count.
func (m *RZRYChainMap) NumFeatures() int { return m.Qubits }

// NumQubits is the qubit count.
func (m *RZRYChainMap) NumQubits() int { return m.Qubits }

// Circuit returns U(x).
func (m *RZRYChainMap) Circuit(x []float64) (*circuits.Circuit, error) {
	if m.Qubits < 1 {
		return nil, fmt.Errorf("kernels: RZRYChainMap needs at least one qubit, got %d", m.Qubits)
	}
	if err := checkPoint(x, m.Qubits); err != nil {
		return nil, err
	}
	c := circuits.New(m.Qubits)
	for q := range m.Qubits {
		c.H(q)
	}
	for q, v := range x {
		c.RZ(v, q).RY(v, q)
	}
	for q := 0; q+1 < m.Qubits; q++ {
		c.CX(q, q+1)
	}
	for q, v := range x {
		c.RZ(v, q)
	}
	return c, nil
}
