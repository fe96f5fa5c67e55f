package backendtest

import (
	"math"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
)

// CircuitOptions shape RandomCircuit's output. Fields mean what they say:
// MaxControls 0 gives no controlled ops. DefaultCircuitOptions covers
// everything.
type CircuitOptions struct {
	// Gates are the kinds drawn from, uniformly; nil means every unitary
	// kind (circuits.I … circuits.Unitary).
	Gates []circuits.Gate
	// MaxControls bounds the control qubits added to an op. Half of the
	// ops get none; the others get 1…MaxControls (as the width allows).
	MaxControls int
	// MaxUnitaryQubits bounds the targets of random Unitary ops (≥ 1).
	MaxUnitaryQubits int
	// MaxSpan, when positive, keeps every op's qubits within MaxSpan+1
	// consecutive qubits (for backends that favour local gates).
	MaxSpan int
	// GlobalPhase draws a random circuit-level global phase.
	GlobalPhase bool
}

// DefaultCircuitOptions draws every unitary gate kind, up to three controls,
// random unitaries on one or two qubits, any distance, and a global phase.
func DefaultCircuitOptions() CircuitOptions {
	return CircuitOptions{MaxControls: 3, MaxUnitaryQubits: 2, GlobalPhase: true}
}

// unitaryKinds lists every unitary gate kind, in declaration order.
func unitaryKinds() []circuits.Gate {
	var gs []circuits.Gate
	for g := circuits.Gate(1); g.IsUnitary(); g++ {
		gs = append(gs, g)
	}
	return gs
}

// RandomCircuit returns a bound n-qubit circuit of depth ops drawn from rng
// as opts allows: kinds uniform over opts.Gates, distinct qubits anywhere in
// the register (or within opts.MaxSpan), angles uniform in (−2π, 2π),
// Haar-random matrices for Unitary ops.
func RandomCircuit(rng *rand.Rand, n, depth int, opts CircuitOptions) *circuits.Circuit {
	gates := opts.Gates
	if gates == nil {
		gates = unitaryKinds()
	}
	c := circuits.New(n)
	if opts.GlobalPhase {
		c.GlobalPhase = (2*rng.Float64() - 1) * math.Pi
	}
	for len(c.Ops) < depth {
		g := gates[rng.IntN(len(gates))]
		k := g.NumTargets()
		if g == circuits.Unitary {
			k = 1 + rng.IntN(max(1, opts.MaxUnitaryQubits))
		}
		width := n
		if opts.MaxSpan > 0 {
			width = min(n, opts.MaxSpan+1)
		}
		if k > width {
			continue
		}
		nc := 0
		if room := min(opts.MaxControls, width-k); room > 0 && rng.IntN(2) == 1 {
			nc = 1 + rng.IntN(room)
		}
		start := rng.IntN(n - width + 1)
		qs := rng.Perm(width)[:k+nc]
		for i := range qs {
			qs[i] += start
		}
		op := circuits.Op{Gate: g, Targets: qs[:k:k], Controls: qs[k:]}
		if nc == 0 {
			op.Controls = nil
		}
		for range g.NumParams() {
			op.Params = append(op.Params, circuits.Num((2*rng.Float64()-1)*2*math.Pi))
		}
		if g == circuits.Unitary {
			op.Matrix = RandomUnitary(rng, k)
		}
		c.Append(op)
	}
	return c
}

// RandomUnitary is circuits.RandomUnitary, kept here beside the other
// random helpers of the suite.
func RandomUnitary(rng *rand.Rand, k int) []complex128 { return circuits.RandomUnitary(rng, k) }

// RandomPauliSum returns terms Pauli strings on n qubits with random letters
// (each qubit I, X, Y or Z with equal odds) and coefficients in (−1, 1).
func RandomPauliSum(rng *rand.Rand, n, terms int) pauli.Sum {
	s := make(pauli.Sum, terms)
	for i := range s {
		t := pauli.Term{Coeff: 2*rng.Float64() - 1}
		for q := 0; q < n; q++ {
			if l := "IXYZ"[rng.IntN(4)]; l != 'I' {
				t.Factors = append(t.Factors, pauli.Factor{Qubit: q, Letter: l})
			}
		}
		s[i] = t
	}
	return s
}
