package qml

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
)

// ShiftOptions configure parameter-shift gradients.
type ShiftOptions struct {
	// Shots per circuit evaluation; 0 means exact expectation values from
	// the backend's State.Expectation.
	Shots int
	// Seed drives the shot sampling: the same seed gives the same
	// estimates.
	Seed uint64
}

// ParameterShift returns ⟨O⟩ at θ and writes ∂⟨O⟩/∂θ into grad by running
// shifted circuits on sim, so it works on any backend. Each occurrence of
// a variable angle is shifted on its own and its derivative is scaled by
// the reference's Scale (the chain rule for shared, scaled parameters).
// Rules: two terms (±π/2, coefficients ±½) for uncontrolled rotations, for
// P with or without controls, and for U's φ and λ; four terms (±π/2,
// ±3π/2 with (√2 ± 1)/(4√2)) for controlled rotations and a controlled U's
// θ (see ruleFor). Costs: 1 + Σ(2 or 4) circuit runs.
//
// With opts.Shots > 0 every value is a sampled estimate (SampledExpectation)
// and the gradient is unbiased with variance ∝ 1/Shots.
func ParameterShift(sim backend.Simulator, c *circuits.Circuit, obs pauli.Sum, theta, grad []float64, opts ShiftOptions) (float64, error) {
	if sim == nil {
		return 0, errors.New("qml: parameter shift: simulator is nil")
	}
	if err := c.Validate(); err != nil {
		return 0, fmt.Errorf("qml: parameter shift: %w", err)
	}
	if len(grad) != c.NumParams() {
		return 0, fmt.Errorf("qml: parameter shift: gradient buffer has %d entries for %d parameters", len(grad), c.NumParams())
	}
	if err := obs.Validate(c.NumQubits); err != nil {
		return 0, fmt.Errorf("qml: parameter shift: observable: %w", err)
	}
	if opts.Shots < 0 {
		return 0, fmt.Errorf("qml: parameter shift: shots %d is negative", opts.Shots)
	}
	bound, err := c.Bind(theta)
	if err != nil {
		return 0, fmt.Errorf("qml: parameter shift: %w", err)
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5417f7))
	eval := func() (float64, error) {
		if opts.Shots == 0 {
			st, err := sim.Run(bound)
			if err != nil {
				return 0, err
			}
			return st.Expectation(obs)
		}
		return SampledExpectation(sim, bound, obs, opts.Shots, rng)
	}
	value, err := eval()
	if err != nil {
		return 0, fmt.Errorf("qml: parameter shift: %w", err)
	}
	clear(grad)
	for i, op := range c.Ops {
		for j, par := range op.Params {
			if !par.Var {
				continue
			}
			rule, err := ruleFor(op, j)
			if err != nil {
				return 0, fmt.Errorf("qml: parameter shift: op %d: %w", i, err)
			}
			a0, err := par.Eval(theta)
			if err != nil {
				return 0, fmt.Errorf("qml: parameter shift: op %d: %w", i, err)
			}
			var d float64
			for k, s := range rule.Shifts {
				bound.Ops[i].Params[j] = circuits.Num(a0 + s)
				v, err := eval()
				if err != nil {
					return 0, fmt.Errorf("qml: parameter shift: op %d angle %d: %w", i, j, err)
				}
				d += rule.Coeffs[k] * v
			}
			bound.Ops[i].Params[j] = circuits.Num(a0)
			grad[par.Index] += par.Scale * d
		}
	}
	return value, nil
}

// SampledExpectation estimates ⟨O⟩ for a bound circuit from shots
// measurement samples per group of qubit-wise commuting terms: each group
// is rotated to the Z basis (H for X; S† then H for Y), sampled from rng
// on sim, and each term's value is the mean parity of its qubits.
// Identity terms contribute their coefficient exactly.
func SampledExpectation(sim backend.Simulator, c *circuits.Circuit, obs pauli.Sum, shots int, rng *rand.Rand) (float64, error) {
	if shots < 1 {
		return 0, fmt.Errorf("qml: sampled expectation: shots %d must be positive", shots)
	}
	if rng == nil {
		return 0, errors.New("qml: sampled expectation: rng is nil")
	}
	if err := obs.Validate(c.NumQubits); err != nil {
		return 0, fmt.Errorf("qml: sampled expectation: %w", err)
	}
	var total float64
	for _, g := range commutingGroups(obs) {
		if len(g.basis) == 0 {
			for _, t := range g.terms {
				total += t.Coeff
			}
			continue
		}
		rc := c.Copy()
		for _, q := range slices.Sorted(maps.Keys(g.basis)) {
			switch g.basis[q] {
			case 'X':
				rc.H(q)
			case 'Y':
				rc.Sdg(q).H(q)
			}
		}
		st, err := sim.Run(rc)
		if err != nil {
			return 0, fmt.Errorf("qml: sampled expectation: %w", err)
		}
		counts, err := st.Sample(shots, rng)
		if err != nil {
			return 0, fmt.Errorf("qml: sampled expectation: %w", err)
		}
		n := c.NumQubits
		for _, t := range g.terms {
			s := 0 // an integer sum, so map order cannot change it
			for bitsText, k := range counts {
				parity := 0
				for _, f := range t.Factors {
					if bitsText[n-1-f.Qubit] == '1' {
						parity ^= 1
					}
				}
				s += k * (1 - 2*parity)
			}
			total += t.Coeff * float64(s) / float64(shots)
		}
	}
	if math.IsNaN(total) {
		return 0, errors.New("qml: sampled expectation is NaN")
	}
	return total, nil
}

// termGroup is a set of qubit-wise commuting terms and the letter each
// measured qubit is read in.
type termGroup struct {
	basis map[int]byte
	terms []pauli.Term
}

// commutingGroups puts each term into the first group whose letters agree
// on every shared qubit (greedy qubit-wise commuting grouping); identity
// terms form their own group with an empty basis.
func commutingGroups(obs pauli.Sum) []termGroup {
	var groups []termGroup
	identity := -1
	for _, t := range obs {
		if len(t.Factors) == 0 {
			if identity < 0 {
				identity = len(groups)
				groups = append(groups, termGroup{})
			}
			groups[identity].terms = append(groups[identity].terms, t)
			continue
		}
		placed := false
		for gi := range groups {
			g := &groups[gi]
			if g.basis == nil {
				continue
			}
			ok := true
			for _, f := range t.Factors {
				if l, seen := g.basis[f.Qubit]; seen && l != f.Letter {
					ok = false
					break
				}
			}
			if ok {
				for _, f := range t.Factors {
					g.basis[f.Qubit] = f.Letter
				}
				g.terms = append(g.terms, t)
				placed = true
				break
			}
		}
		if !placed {
			g := termGroup{basis: map[int]byte{}, terms: []pauli.Term{t}}
			for _, f := range t.Factors {
				g.basis[f.Qubit] = f.Letter
			}
			groups = append(groups, g)
		}
	}
	return groups
}
