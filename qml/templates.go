package qml

import (
	"fmt"
	"math"
	"slices"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/kernels"
)

// The templates append gates to an existing circuit on the listed qubits
// and add their trainable parameters with c.AddParams, returning them in
// the order the template's definition lists them; data enter as numbers
// or as affine references (circuits.Affine(i, x, 0) makes an angle x·θ[i]).

// checkQubits validates a template's qubit list against c.
func checkQubits(c *circuits.Circuit, qubits []int, what string) error {
	if c == nil {
		return fmt.Errorf("qml: %s: circuit is nil", what)
	}
	if len(qubits) == 0 {
		return fmt.Errorf("qml: %s: no qubits", what)
	}
	for i, q := range qubits {
		if q < 0 || q >= c.NumQubits {
			return fmt.Errorf("qml: %s: qubit %d out of range [0, %d)", what, q, c.NumQubits)
		}
		if slices.Contains(qubits[:i], q) {
			return fmt.Errorf("qml: %s: qubit %d listed twice", what, q)
		}
	}
	return nil
}

// AngleEmbedding appends PennyLane's AngleEmbedding: rotation(features[i])
// on qubits[i], rotation one of RX (PennyLane's default), RY, RZ. There
// may be fewer features than qubits, not more.
func AngleEmbedding(c *circuits.Circuit, features []circuits.Param, qubits []int, rotation circuits.Gate) error {
	if err := checkQubits(c, qubits, "angle embedding"); err != nil {
		return err
	}
	if rotation != circuits.RX && rotation != circuits.RY && rotation != circuits.RZ {
		return fmt.Errorf("qml: angle embedding: rotation %v is not rx, ry or rz", rotation)
	}
	if len(features) > len(qubits) {
		return fmt.Errorf("qml: angle embedding: %d features for %d qubits", len(features), len(qubits))
	}
	for i, f := range features {
		if math.IsNaN(f.Value) || math.IsInf(f.Value, 0) || math.IsNaN(f.Scale) || math.IsInf(f.Scale, 0) {
			return fmt.Errorf("qml: angle embedding: feature %d is not finite", i)
		}
		c.Gate(rotation, []circuits.Param{f}, qubits[i])
	}
	return nil
}

// pairs maps entanglement tuples on len(qubits) positions to qubit pairs.
func pairs(qubits []int, ent kernels.Entanglement) ([][2]int, error) {
	if len(qubits) < 2 {
		return nil, nil
	}
	tuples, err := ent.Tuples(len(qubits), 2)
	if err != nil {
		return nil, fmt.Errorf("qml: %w", err)
	}
	out := make([][2]int, len(tuples))
	for i, t := range tuples {
		out[i] = [2]int{qubits[t[0]], qubits[t[1]]}
	}
	return out, nil
}

// nLocal is Qiskit's TwoLocal structure with CX entanglers: reps times
// (a rotation layer per gate kind on every qubit, then CX on each pair),
// then a final rotation layer. Parameters run layer by layer, qubit by
// qubit, as Qiskit orders them.
func nLocal(c *circuits.Circuit, qubits []int, reps int, ent kernels.Entanglement, name string, rotations ...circuits.Gate) ([]circuits.Param, error) {
	if err := checkQubits(c, qubits, name); err != nil {
		return nil, err
	}
	if reps < 0 {
		return nil, fmt.Errorf("qml: %s: reps %d is negative", name, reps)
	}
	if ent == "" {
		ent = kernels.ReverseLinear
	}
	cx, err := pairs(qubits, ent)
	if err != nil {
		return nil, err
	}
	n := len(qubits)
	ps := c.AddParams(name, len(rotations)*n*(reps+1))
	k := 0
	layer := func() {
		for _, g := range rotations {
			for _, q := range qubits {
				c.Gate(g, []circuits.Param{ps[k]}, q)
				k++
			}
		}
	}
	for r := 0; r < reps; r++ {
		layer()
		for _, p := range cx {
			c.CX(p[0], p[1])
		}
	}
	layer()
	return ps, nil
}

// EfficientSU2 appends Qiskit's EfficientSU2 (su2_gates [ry, rz], CX
// entanglers, final rotation layer): reps repetitions of an RY layer, an
// RZ layer and CX on every pair of ent (empty means "reverse_linear",
// Qiskit's default: CX(n−2, n−1), …, CX(0, 1)), then a final RY and RZ
// layer. 2·n·(reps+1) parameters, θ[0..n−1] for the first RY layer.
func EfficientSU2(c *circuits.Circuit, qubits []int, reps int, ent kernels.Entanglement) ([]circuits.Param, error) {
	return nLocal(c, qubits, reps, ent, "θ", circuits.RY, circuits.RZ)
}

// RealAmplitudes appends Qiskit's RealAmplitudes: like EfficientSU2 with
// RY layers only; n·(reps+1) parameters.
func RealAmplitudes(c *circuits.Circuit, qubits []int, reps int, ent kernels.Entanglement) ([]circuits.Param, error) {
	return nLocal(c, qubits, reps, ent, "θ", circuits.RY)
}

// StronglyEntanglingLayers appends PennyLane's StronglyEntanglingLayers
// with CNOT entanglers: in layer l, Rot(φ, θ, ω) = RZ(ω)·RY(θ)·RZ(φ) on
// every qubit i with weights[l][i] = (φ, θ, ω), then, for more than one
// qubit, CNOT(qubits[i], qubits[(i + r) mod n]) for i = 0..n−1 with range
// r = ranges[l], by default (l mod (n−1)) + 1. The returned parameters
// are PennyLane's weights of shape (layers, n, 3) flattened row-major:
// index (l·n + i)·3 + k.
func StronglyEntanglingLayers(c *circuits.Circuit, qubits []int, layers int, ranges []int) ([]circuits.Param, error) {
	if err := checkQubits(c, qubits, "strongly entangling layers"); err != nil {
		return nil, err
	}
	n := len(qubits)
	if layers < 1 {
		return nil, fmt.Errorf("qml: strongly entangling layers: %d layers", layers)
	}
	if ranges == nil && n > 1 {
		ranges = make([]int, layers)
		for l := range ranges {
			ranges[l] = l%(n-1) + 1
		}
	}
	if n > 1 {
		if len(ranges) != layers {
			return nil, fmt.Errorf("qml: strongly entangling layers: %d ranges for %d layers", len(ranges), layers)
		}
		for l, r := range ranges {
			if r < 1 || r >= n {
				return nil, fmt.Errorf("qml: strongly entangling layers: range %d of layer %d outside [1, %d)", r, l, n)
			}
		}
	}
	ps := c.AddParams("w", layers*n*3)
	for l := 0; l < layers; l++ {
		for i, q := range qubits {
			w := ps[(l*n+i)*3:]
			c.Gate(circuits.RZ, []circuits.Param{w[0]}, q)
			c.Gate(circuits.RY, []circuits.Param{w[1]}, q)
			c.Gate(circuits.RZ, []circuits.Param{w[2]}, q)
		}
		if n > 1 {
			for i := 0; i < n; i++ {
				c.CX(qubits[i], qubits[(i+ranges[l])%n])
			}
		}
	}
	return ps, nil
}

// DataReuploading appends Pérez-Salinas et al.'s re-uploading classifier
// layers for one data point x (1 to 3 features): in each layer every
// qubit gets the general rotation U(θ + w∘x) = Rot(θ₀ + w₀x₀, θ₁ + w₁x₁,
// θ₂ + w₂x₂) (missing features are 0: their weights stay in the layout
// but no gate uses them), then, for several qubits, CZ on
// neighbouring pairs between layers. Angles about one axis add, so each
// Rot angle θ_k + w_k·x_k is written exactly as RZ/RY(w_k·x_k) (an affine
// reference with scale x_k) followed by RZ/RY(θ_k). Parameters per layer
// and qubit: θ₀, θ₁, θ₂, w₀, w₁, w₂, at ((l·n + q)·6 + k). Rebuilding
// the circuit for another x gives the same parameter layout.
func DataReuploading(c *circuits.Circuit, x []float64, qubits []int, layers int) ([]circuits.Param, error) {
	if err := checkQubits(c, qubits, "data re-uploading"); err != nil {
		return nil, err
	}
	if len(x) < 1 || len(x) > 3 {
		return nil, fmt.Errorf("qml: data re-uploading: %d features, want 1 to 3 per layer", len(x))
	}
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("qml: data re-uploading: feature %d is %v", i, v)
		}
	}
	if layers < 1 {
		return nil, fmt.Errorf("qml: data re-uploading: %d layers", layers)
	}
	n := len(qubits)
	ps := c.AddParams("reupload", layers*n*6)
	axes := [3]circuits.Gate{circuits.RZ, circuits.RY, circuits.RZ}
	for l := 0; l < layers; l++ {
		for qi, q := range qubits {
			p := ps[(l*n+qi)*6:]
			for k, g := range axes {
				if k < len(x) {
					c.Gate(g, []circuits.Param{circuits.Affine(p[3+k].Index, x[k], 0)}, q)
				}
				c.Gate(g, []circuits.Param{p[k]}, q)
			}
		}
		if n > 1 && l+1 < layers {
			for i := 0; i+1 < n; i++ {
				c.CZ(qubits[i], qubits[i+1])
			}
		}
	}
	return ps, nil
}

// HavlicekAnsatz appends the variational circuit W(θ) of Havlíček et al.:
// depth+1 layers of one-qubit rotations U(θ_{i,t}) = RZ(θᶻ)·RY(θʸ) (RY
// first) on every qubit, with a CZ on every edge of the graph between
// consecutive layers (depth entangling layers; the paper's l). The paper
// writes the rotations as exp(iθZ/2)·exp(iθY/2), the same family with
// the angles' signs flipped. Parameters: (t·n + i)·2 + 0 for θʸ and
// + 1 for θᶻ, 2n(depth+1) in all. Edges index into qubits; nil means the
// full graph (all pairs), which for two qubits is the paper's single edge.
func HavlicekAnsatz(c *circuits.Circuit, qubits []int, depth int, edges [][2]int) ([]circuits.Param, error) {
	if err := checkQubits(c, qubits, "havlicek ansatz"); err != nil {
		return nil, err
	}
	if depth < 0 {
		return nil, fmt.Errorf("qml: havlicek ansatz: depth %d is negative", depth)
	}
	n := len(qubits)
	if edges == nil {
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				edges = append(edges, [2]int{i, j})
			}
		}
	}
	for _, e := range edges {
		if e[0] < 0 || e[0] >= n || e[1] < 0 || e[1] >= n || e[0] == e[1] {
			return nil, fmt.Errorf("qml: havlicek ansatz: edge %v is not a pair of distinct positions in [0, %d)", e, n)
		}
	}
	ps := c.AddParams("θ", 2*n*(depth+1))
	for t := 0; t <= depth; t++ {
		if t > 0 {
			for _, e := range edges {
				c.CZ(qubits[e[0]], qubits[e[1]])
			}
		}
		for i, q := range qubits {
			c.Gate(circuits.RY, []circuits.Param{ps[(t*n+i)*2]}, q)
			c.Gate(circuits.RZ, []circuits.Param{ps[(t*n+i)*2+1]}, q)
		}
	}
	return ps, nil
}
