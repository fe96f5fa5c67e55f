package kernels

import (
	"fmt"
	"math"
	"slices"

	"github.com/qmlkit/qmlkit/circuits"
)

// FeatureMap encodes a data point as a circuit: |Φ(x)⟩ = U(x)|0…0⟩.
type FeatureMap interface {
	// NumFeatures is the length of the data vectors the map accepts.
	NumFeatures() int
	// NumQubits is the width of the circuits it builds.
	NumQubits() int
	// Circuit returns the bound circuit U(x); it fails on a wrong length
	// or a non-finite entry.
	Circuit(x []float64) (*circuits.Circuit, error)
}

// Entanglement names how a Pauli block of m qubits is placed on n qubits,
// with Qiskit's meaning: "full", "linear", "reverse_linear", "circular",
// "pairwise".
type Entanglement string

// The entanglement strategies of Qiskit's n-local circuits.
const (
	Full          Entanglement = "full"
	Linear        Entanglement = "linear"
	ReverseLinear Entanglement = "reverse_linear"
	Circular      Entanglement = "circular"
	Pairwise      Entanglement = "pairwise"
)

// Tuples lists the qubit tuples a block of m qubits acts on, in Qiskit's
// order. full: all combinations in lexicographic order; linear:
// (i,…,i+m−1); reverse_linear: linear reversed; circular: the wrap-around
// tuple first, then linear (as linear when m = 1 or m = n); pairwise (m ≤ 2):
// the even-offset tuples of linear, then the odd ones.
func (e Entanglement) Tuples(n, m int) ([][]int, error) {
	if m < 1 || m > n {
		return nil, fmt.Errorf("kernels: a %d-qubit block does not fit %d qubits", m, n)
	}
	linear := make([][]int, 0, n-m+1)
	for i := 0; i+m <= n; i++ {
		t := make([]int, m)
		for k := range t {
			t[k] = i + k
		}
		linear = append(linear, t)
	}
	switch e {
	case Full:
		var out [][]int
		t := make([]int, m)
		var rec func(pos, start int)
		rec = func(pos, start int) {
			if pos == m {
				out = append(out, slices.Clone(t))
				return
			}
			for q := start; q <= n-(m-pos); q++ {
				t[pos] = q
				rec(pos+1, q+1)
			}
		}
		rec(0, 0)
		return out, nil
	case Linear:
		return linear, nil
	case ReverseLinear:
		slices.Reverse(linear)
		return linear, nil
	case Circular:
		if m == 1 || m == n {
			return linear, nil
		}
		out := make([][]int, 0, n)
		for s := 0; s < n; s++ {
			t := make([]int, m)
			for k := range t {
				t[k] = (n - m + 1 + s + k) % n
			}
			out = append(out, t)
		}
		return out, nil
	case Pairwise:
		if m > 2 {
			return nil, fmt.Errorf("kernels: pairwise entanglement is defined for blocks of at most 2 qubits, not %d", m)
		}
		var out [][]int
		for i := 0; i < len(linear); i += 2 {
			out = append(out, linear[i])
		}
		for i := 1; i < len(linear); i += 2 {
			out = append(out, linear[i])
		}
		return out, nil
	}
	return nil, fmt.Errorf("kernels: unknown entanglement %q (want full, linear, reverse_linear, circular or pairwise)", string(e))
}

// PauliFeatureMap is Qiskit's PauliFeatureMap (ZZFeatureMap with the default
// Paulis): for each of Reps repetitions, a Hadamard on every qubit, then for
// each Pauli word p in order and each qubit tuple S of the entanglement rule,
// exp(−i·(α/2)·φ_S(x)·P_S) with φ_{i}(x) = x_i and φ_S(x) = Π_{j∈S}(π − x_j)
// for |S| > 1. No layer follows the last repetition.
//
// Bandwidth c scales the inputs (x → c·x) before the map; it is not α:
// φ_S is not homogeneous in x, and small bandwidths are what keep quantum
// kernels from concentrating at many qubits (Shaydulin & Wild).
type PauliFeatureMap struct {
	// Qubits is the feature dimension n, one qubit per feature.
	Qubits int
	// Reps is the number of repetitions (Qiskit's default is 2).
	Reps int
	// Entanglement chooses the tuples for blocks of two or more qubits;
	// ExplicitTuples, when set, overrides it with a given list per word
	// length (map key m → tuples).
	Entanglement   Entanglement
	ExplicitTuples map[int][][]int
	// Alpha multiplies every angle (Qiskit's default is 2).
	Alpha float64
	// Paulis are the words, e.g. ["Z", "ZZ"]; rightmost letter on the
	// tuple's first qubit, as in Qiskit. Empty means ["Z", "ZZ"] (["Z"]
	// for one qubit).
	Paulis []string
	// Bandwidth scales the input; 0 means 1.
	Bandwidth float64
}

// ZZFeatureMap returns Qiskit's ZZFeatureMap(n, reps, entanglement) with
// α = 2 and Paulis ["Z", "ZZ"].
func ZZFeatureMap(n, reps int, ent Entanglement) *PauliFeatureMap {
	return &PauliFeatureMap{Qubits: n, Reps: reps, Entanglement: ent, Alpha: 2}
}

// NumFeatures is the number of qubits: one feature per qubit.
func (m *PauliFeatureMap) NumFeatures() int { return m.Qubits }

// NumQubits is the circuit width.
func (m *PauliFeatureMap) NumQubits() int { return m.Qubits }

// words returns the Pauli words in use.
func (m *PauliFeatureMap) words() []string {
	if len(m.Paulis) > 0 {
		return m.Paulis
	}
	if m.Qubits == 1 {
		return []string{"Z"}
	}
	return []string{"Z", "ZZ"}
}

// Validate reports a map that cannot build circuits.
func (m *PauliFeatureMap) Validate() error {
	if m.Qubits < 1 {
		return fmt.Errorf("kernels: feature map needs at least one qubit, got %d", m.Qubits)
	}
	if m.Reps < 1 {
		return fmt.Errorf("kernels: feature map reps must be at least 1, got %d", m.Reps)
	}
	if !isFinite(m.Alpha) || !isFinite(m.Bandwidth) || m.Bandwidth < 0 {
		return fmt.Errorf("kernels: feature map alpha %v and bandwidth %v must be finite (bandwidth ≥ 0)", m.Alpha, m.Bandwidth)
	}
	for _, w := range m.words() {
		if len(w) == 0 || len(w) > m.Qubits {
			return fmt.Errorf("kernels: Pauli word %q does not fit %d qubits", w, m.Qubits)
		}
		for _, l := range w {
			if l != 'X' && l != 'Y' && l != 'Z' && l != 'I' {
				return fmt.Errorf("kernels: Pauli word %q has letter %q", w, l)
			}
		}
		if _, err := m.tuples(len(w)); err != nil {
			return err
		}
	}
	return nil
}

func (m *PauliFeatureMap) tuples(size int) ([][]int, error) {
	if t, ok := m.ExplicitTuples[size]; ok {
		for _, tu := range t {
			if len(tu) != size {
				return nil, fmt.Errorf("kernels: explicit tuple %v for %d-letter words", tu, size)
			}
			for i, q := range tu {
				if q < 0 || q >= m.Qubits || slices.Contains(tu[:i], q) {
					return nil, fmt.Errorf("kernels: explicit tuple %v: bad or repeated qubit %d", tu, q)
				}
			}
		}
		return t, nil
	}
	if size == 1 {
		return Linear.Tuples(m.Qubits, 1)
	}
	ent := m.Entanglement
	if ent == "" {
		ent = Full
	}
	return ent.Tuples(m.Qubits, size)
}

// Circuit returns U_Φ(x).
func (m *PauliFeatureMap) Circuit(x []float64) (*circuits.Circuit, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if err := checkPoint(x, m.Qubits); err != nil {
		return nil, err
	}
	c := m.Bandwidth
	if c == 0 {
		c = 1
	}
	xs := make([]float64, len(x))
	for i, v := range x {
		xs[i] = c * v
	}
	circ := circuits.New(m.Qubits)
	for r := 0; r < m.Reps; r++ {
		for q := 0; q < m.Qubits; q++ {
			circ.H(q)
		}
		for _, w := range m.words() {
			tuples, err := m.tuples(len(w))
			if err != nil {
				return nil, err
			}
			for _, t := range tuples {
				phi := xs[t[0]]
				if len(t) > 1 {
					phi = 1
					for _, q := range t {
						phi *= math.Pi - xs[q]
					}
				}
				appendPauliEvolution(circ, w, t, m.Alpha*phi)
			}
		}
	}
	return circ, nil
}

// appendPauliEvolution appends exp(−i·(angle/2)·P) for word w on tuple t
// (w's rightmost letter on t[0]): basis changes, a CNOT ladder onto the last
// non-identity qubit, a phase gate, the ladder and basis changes undone. The
// phase gate makes this exact up to a global phase, as in Qiskit.
func appendPauliEvolution(c *circuits.Circuit, w string, t []int, angle float64) {
	var qs []int
	letter := make(map[int]byte, len(t))
	for k, q := range t {
		l := w[len(w)-1-k]
		if l == 'I' {
			continue
		}
		qs = append(qs, q)
		letter[q] = l
	}
	if len(qs) == 0 {
		return
	}
	basis := func(undo bool) {
		for _, q := range qs {
			switch letter[q] {
			case 'X':
				c.H(q)
			case 'Y':
				if undo {
					c.SXdg(q)
				} else {
					c.SX(q)
				}
			}
		}
	}
	basis(false)
	for k := 0; k+1 < len(qs); k++ {
		c.CX(qs[k], qs[k+1])
	}
	c.P(angle, qs[len(qs)-1])
	for k := len(qs) - 2; k >= 0; k-- {
		c.CX(qs[k], qs[k+1])
	}
	basis(true)
}

// checkPoint checks a data vector's length and entries.
func checkPoint(x []float64, n int) error {
	if len(x) != n {
		return fmt.Errorf("kernels: data point has %d features, the feature map takes %d", len(x), n)
	}
	for j, v := range x {
		if !isFinite(v) {
			return fmt.Errorf("kernels: feature %d is %v", j, v)
		}
	}
	return nil
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
