package bench

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/kernels"
)

// The circuit kinds the scaling harness and the benchmarks run.
const (
	KindH      = "h"      // one Hadamard per qubit: the cost of a one-qubit gate
	KindCNOT   = "cnot"   // a CNOT ladder (q → q+1): the cost of a permutation gate
	KindQFT    = "qft"    // the n-qubit quantum Fourier transform, Qiskit's construction
	KindRandom = "random" // RandomLayersCount layers of RandomLayers
	KindGHZ    = "ghz"    // H and a CNOT chain: low entanglement, cheap for MPS
	KindZZMap  = "zzmap"  // Qiskit's ZZFeatureMap, 2 reps, linear entanglement
)

// Kinds lists the circuit kinds in the order help texts show them.
func Kinds() []string {
	return []string{KindH, KindCNOT, KindQFT, KindRandom, KindGHZ, KindZZMap}
}

// RandomLayersCount is the depth of the "random" circuit: 20 layers, 710
// gates at 24 qubits, the workload of the peer table in
// /work/shared/specs/performance.md.
const RandomLayersCount = 20

// RandomLayersSeed fixes the angles of the "random" circuit.
const RandomLayersSeed = 20240

// Circuit returns the n-qubit circuit of the given kind.
func Circuit(kind string, n int) (*circuits.Circuit, error) {
	if n < 2 {
		return nil, fmt.Errorf("bench: %s circuit needs at least 2 qubits, got %d", kind, n)
	}
	switch kind {
	case KindH:
		c := circuits.New(n)
		for q := 0; q < n; q++ {
			c.H(q)
		}
		return c, nil
	case KindCNOT:
		c := circuits.New(n)
		for q := 0; q+1 < n; q++ {
			c.CX(q, q+1)
		}
		return c, nil
	case KindQFT:
		return circuits.QFT(n), nil
	case KindRandom:
		return RandomLayers(n, RandomLayersCount, RandomLayersSeed), nil
	case KindGHZ:
		return circuits.GHZ(n), nil
	case KindZZMap:
		return ZZMap(n)
	}
	return nil, fmt.Errorf("bench: unknown circuit %q (want one of %v)", kind, Kinds())
}

// RandomLayers returns layers of RY on every qubit (angles uniform in
// [0, 2π) from seed) each followed by CZ on neighbouring pairs, the pairs
// starting at qubit 0 in even layers and at qubit 1 in odd ones: 20 layers
// on 24 qubits are 480 RY and 230 CZ, 710 gates.
func RandomLayers(n, layers int, seed uint64) *circuits.Circuit {
	rng := rand.New(rand.NewPCG(seed, uint64(n)))
	c := circuits.New(n)
	for l := 0; l < layers; l++ {
		for q := 0; q < n; q++ {
			c.RY(2*math.Pi*rng.Float64(), q)
		}
		for q := l % 2; q+1 < n; q += 2 {
			c.CZ(q, q+1)
		}
	}
	return c
}

// ZZMap returns Qiskit's ZZFeatureMap(n, reps=2, entanglement="linear") at
// a fixed point x_i = (i+1)/n: 2n H, 2n P and 3(n−1) gates per ZZ term per
// repetition.
func ZZMap(n int) (*circuits.Circuit, error) {
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(i+1) / float64(n)
	}
	c, err := kernels.ZZFeatureMap(n, 2, kernels.Linear).Circuit(x)
	if err != nil {
		return nil, fmt.Errorf("bench: zz feature map: %w", err)
	}
	return c, nil
}
