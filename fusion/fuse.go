package fusion

import (
	"fmt"
	"slices"

	"github.com/qmlkit/qmlkit/circuits"
)

// MaxQubits is the widest fused gate Fuse builds: a 2^5 × 2^5 matrix. Wider
// dense products cost far more arithmetic than the memory passes they save.
const MaxQubits = 5

// Default widths: two qubits for dense products (the widest whose kernel
// stays near one memory pass, see denseCost), five for products of
// diagonal gates, whose kernel costs the same whatever their width.
const (
	DefaultMaxQubits         = 2
	DefaultMaxDiagonalQubits = 5
)

// Options bounds the fused gates. Zero fields take the defaults.
type Options struct {
	// MaxQubits is the widest fused gate, in qubits [DefaultMaxQubits].
	MaxQubits int
	// MaxDiagonalQubits is the widest fused gate when every gate in it is
	// diagonal (Z, S, T, P, RZ, CZ, CP, RZZ, …), so that the product stays
	// diagonal and the simulator still multiplies only the entries that
	// differ from 1 [the larger of DefaultMaxDiagonalQubits and MaxQubits].
	MaxDiagonalQubits int
}

// withDefaults fills zero fields and checks the ranges.
func (o Options) withDefaults() (Options, error) {
	if o.MaxQubits == 0 {
		o.MaxQubits = DefaultMaxQubits
	}
	if o.MaxDiagonalQubits == 0 {
		o.MaxDiagonalQubits = max(DefaultMaxDiagonalQubits, o.MaxQubits)
	}
	if o.MaxQubits < 1 || o.MaxQubits > MaxQubits {
		return o, fmt.Errorf("fusion: MaxQubits = %d, want 1 to %d", o.MaxQubits, MaxQubits)
	}
	if o.MaxDiagonalQubits < 1 || o.MaxDiagonalQubits > MaxQubits {
		return o, fmt.Errorf("fusion: MaxDiagonalQubits = %d, want 1 to %d", o.MaxDiagonalQubits, MaxQubits)
	}
	return o, nil
}

// group is a set of gates that will become one fused op.
type group struct {
	qubits []int // sorted
	ops    []int // indices into the circuit's ops, in an order that respects every qubit's sequence
	shape  shape
	open   bool // still the latest group on every one of its qubits
}

// fuser carries the state of one Fuse call.
type fuser struct {
	c      *circuits.Circuit
	opt    Options
	bases  [][]complex128 // base matrix of every unitary op
	groups []*group       // in creation order
	latest []*group       // per qubit: the latest group, nil after a barrier
	// emitted lists the closed groups and the measurements, resets and
	// barriers in output order; slide then materialize turn it into ops.
	emitted []emission
}

// Fuse returns a circuit with the same effect as the bound circuit c in which
// runs of gates are multiplied into Unitary ops of at most opt.MaxQubits
// qubits (opt.MaxDiagonalQubits when every gate is diagonal).
//
// Gates are taken in circuit order. Each joins some of the open groups on
// its qubits — groups that no later gate has cut off on any of their
// qubits — when the estimated time of the product (denseCost, or the share
// of amplitudes a diagonal changes) is below the time of the parts; the
// groups it does not join are closed and emitted before it. Measurements,
// resets and barriers close the groups on their qubits (a barrier without
// targets, on every qubit) and are emitted unchanged in their original
// order, so mid-circuit measurements see the same state and draw the same
// outcomes. A group of one gate is emitted as that gate, controls and
// name intact. Finally one-qubit gates in front of a group's CZ (or other
// diagonal two-qubit gate) slide back into the previous group on their
// qubit where that keeps the group real and one-sided for the simulator's
// butterfly kernel (slide.go); the ops and their qubits stay the same. The
// result agrees with c to rounding (about 1e−15 per fused gate); the
// global phase, registers and classical bits are kept.
func Fuse(c *circuits.Circuit, opt Options) (*circuits.Circuit, error) {
	if err := c.ValidateBound(); err != nil {
		return nil, fmt.Errorf("fusion: %w", err)
	}
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	f, err := greedy(c, opt)
	if err != nil {
		return nil, err
	}
	f.slide()
	out := &circuits.Circuit{
		NumQubits:   c.NumQubits,
		NumClbits:   c.NumClbits,
		Ops:         f.materialize(),
		ParamNames:  slices.Clone(c.ParamNames),
		GlobalPhase: c.GlobalPhase,
		QRegs:       slices.Clone(c.QRegs),
		CRegs:       slices.Clone(c.CRegs),
	}
	return out, nil
}

// greedy runs the greedy pass over the validated circuit c: every group
// closed and listed in f.emitted, in output order.
func greedy(c *circuits.Circuit, opt Options) (*fuser, error) {
	f := &fuser{c: c, opt: opt, bases: make([][]complex128, len(c.Ops)), latest: make([]*group, c.NumQubits)}
	for i, op := range c.Ops {
		switch op.Gate {
		case circuits.Measure, circuits.Reset, circuits.Barrier:
			qs := op.Targets
			if len(qs) == 0 {
				qs = make([]int, c.NumQubits)
				for q := range qs {
					qs[q] = q
				}
			}
			for _, q := range qs {
				f.close(f.latest[q])
				f.latest[q] = nil
			}
			f.emitted = append(f.emitted, emission{op: i})
			continue
		}
		base, err := op.BaseMatrix(nil)
		if err != nil {
			return nil, fmt.Errorf("fusion: op %d (%s): %w", i, op.Name(), err)
		}
		f.bases[i] = base
		f.add(i)
	}
	for _, g := range f.groups {
		f.close(g)
	}
	return f, nil
}

// add places unitary op i: it merges the op with the subset of the open
// groups on its qubits that saves the most estimated time, and closes the
// others.
func (f *fuser) add(i int) {
	op := f.c.Ops[i]
	qs := slices.Sorted(slices.Values(op.Qubits()))
	sh := opShape(op, f.bases[i], qs)
	var cands []*group
	for _, q := range qs {
		if g := f.latest[q]; g != nil && g.open && !slices.Contains(cands, g) {
			cands = append(cands, g)
		}
	}
	best, bestBenefit, bestCount := 0, 0.0, 0
	bestQubits, bestShape := qs, sh
	if len(qs) <= max(f.opt.MaxQubits, f.opt.MaxDiagonalQubits) {
		for set := 1; set < 1<<len(cands); set++ {
			all := qs
			parts := []shape{sh}
			partQubits := [][]int{qs}
			saved := sh.cost
			count := 0
			for k, g := range cands {
				if set>>k&1 == 1 {
					all = union(all, g.qubits)
					parts = append(parts, g.shape)
					partQubits = append(partQubits, g.qubits)
					saved += g.shape.cost
					count++
				}
			}
			if len(all) > max(f.opt.MaxQubits, f.opt.MaxDiagonalQubits) {
				continue
			}
			ms := mergedShape(parts, partQubits, all)
			if len(all) > f.opt.MaxQubits && !(ms.diagonal && len(all) <= f.opt.MaxDiagonalQubits) {
				continue
			}
			// Ties go to the larger merge: fewer, wider groups leave fewer
			// ops for the simulator and absorb later gates more often.
			if b := saved - ms.cost; b > bestBenefit || (b == bestBenefit && count > bestCount) {
				best, bestBenefit, bestCount = set, b, count
				bestQubits, bestShape = all, ms
			}
		}
	}
	merged := &group{qubits: bestQubits, shape: bestShape, open: true}
	for k, g := range cands {
		if best>>k&1 == 1 {
			merged.ops = append(merged.ops, g.ops...)
			g.open = false
			g.ops = nil // absorbed: never emitted on its own
		} else {
			f.close(g)
		}
	}
	merged.ops = append(merged.ops, i)
	for _, q := range merged.qubits {
		f.latest[q] = merged
	}
	f.groups = append(f.groups, merged)
}

// close emits g if it is still open.
func (f *fuser) close(g *group) {
	if g == nil || !g.open {
		return
	}
	g.open = false
	f.emitted = append(f.emitted, emission{g: g})
}

// fusedOp returns the op a group becomes: its only gate unchanged, or the
// product of its gates as a Unitary on its sorted qubits (first qubit least
// significant, as circuits.Op.Matrix orders rows).
func (f *fuser) fusedOp(g *group) circuits.Op {
	if len(g.ops) == 1 {
		return (f.c.Ops[g.ops[0]])
	}
	d := 1 << len(g.qubits)
	m := make([]complex128, d*d)
	if g.shape.diagonal {
		for i, v := range g.shape.diag {
			m[i*d+i] = v
		}
	} else {
		for i := 0; i < d; i++ {
			m[i*d+i] = 1
		}
		for _, i := range g.ops {
			applyToColumns(m, f.c.Ops[i], f.bases[i], g.qubits)
		}
	}
	return circuits.Op{Gate: circuits.Unitary, Targets: slices.Clone(g.qubits), Matrix: m}
}

// union returns the sorted union of two sorted qubit lists.
func union(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}
