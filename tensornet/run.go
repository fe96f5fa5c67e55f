package tensornet

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"slices"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
)

// Simulator is the matrix-product-state backend ("mps"). Its truncation
// fields follow quimb's names (max_bond, cutoff, cutoff_mode, renorm); the
// zero value simulates exactly, dropping only numerically zero singular
// values.
type Simulator struct {
	// MaxBond caps every bond dimension; 0 means unlimited.
	MaxBond int
	// Cutoff discards singular values at every split as CutoffMode reads
	// it; 0 keeps all but numerical zeros.
	Cutoff float64
	// CutoffMode says how Cutoff is read; 0 means CutoffRel.
	CutoffMode CutoffMode
	// Renormalize rescales the kept singular values after each truncation
	// so that the state keeps its norm; it changes later truncations only
	// in the absolute modes (abs, sum2). The returned state is normalised
	// either way.
	Renormalize bool
	// Seed fixes the outcomes of mid-circuit measurements and resets.
	Seed uint64
}

// Deferred marks, in the classical bits RunState returns, a bit written by
// a terminal measurement that the run did not perform (as in statevec).
const Deferred = circuits.DeferredBit

// seedStream is the second PCG word; fixed so that Seed alone decides. It
// is statevec's, and measurements draw one number each by the same rule,
// so a circuit run with the same Seed on both backends takes the same
// mid-circuit outcomes (up to rounding at the decision boundary).
const seedStream = 0x5eed5747e7ec

// Name returns "mps".
func (Simulator) Name() string { return "mps" }

// Run simulates the bound circuit c from |0…0⟩ and returns the final
// *State (see RunState).
func (sim Simulator) Run(c *circuits.Circuit) (backend.State, error) {
	st, _, err := sim.RunState(c)
	if err != nil {
		return nil, err
	}
	return st, nil
}

// RunState validates c, simulates it and returns the normalised,
// left-canonical final state and the classical bits (length c.NumClbits).
//
// Measurements follow statevec's rule: a terminal measurement (no later
// gate or reset acts on its qubit) is not performed and its bit is set to
// Deferred; a mid-circuit measurement collapses the state with an outcome
// drawn from Seed and renormalises; a reset measures and flips the qubit
// to |0⟩ when the outcome is 1. Barriers are skipped.
func (sim Simulator) RunState(c *circuits.Circuit) (*State, []byte, error) {
	tr, err := newTruncation(sim.MaxBond, sim.Cutoff, sim.CutoffMode, sim.Renormalize)
	if err != nil {
		return nil, nil, fmt.Errorf("tensornet: %w", err)
	}
	if err := c.ValidateBound(); err != nil {
		return nil, nil, fmt.Errorf("tensornet: run: %w", err)
	}
	e := &engine{
		st:    newProductState(c.NumQubits),
		tr:    tr,
		route: newRouter(c.NumQubits),
		rng:   rand.New(rand.NewPCG(sim.Seed, seedStream)),
	}
	if c.GlobalPhase != 0 {
		scaleComplex(e.st.sites[0], cmplx.Rect(1, c.GlobalPhase))
	}
	clbits, err := e.run(c)
	if err != nil {
		return nil, nil, fmt.Errorf("tensornet: run: %w", err)
	}
	if err := e.finish(); err != nil {
		return nil, nil, fmt.Errorf("tensornet: run: %w", err)
	}
	return e.st, clbits, nil
}

// engine carries what a run needs besides the state.
type engine struct {
	st    *State
	tr    truncation
	route router
	rng   *rand.Rand
}

// run applies every op of the validated circuit c.
func (e *engine) run(c *circuits.Circuit) ([]byte, error) {
	collapse, _ := c.CollapsingMeasurements()
	next := nextMulti(c.Ops)
	clbits := make([]byte, c.NumClbits)
	for i, op := range c.Ops {
		var err error
		switch op.Gate {
		case circuits.Barrier:
		case circuits.Measure:
			for k, q := range op.Targets {
				if !collapse[i][k] {
					clbits[op.Clbits[k]] = Deferred
					continue
				}
				var v int
				if v, err = e.measure(q); err != nil {
					break
				}
				clbits[op.Clbits[k]] = byte(v)
			}
		case circuits.Reset:
			for _, q := range op.Targets {
				if err = e.reset(q); err != nil {
					break
				}
			}
		default:
			var after []int
			if next[i] < len(c.Ops) {
				after = c.Ops[next[i]].Qubits()
			}
			err = e.apply(op, after)
		}
		if err != nil {
			return nil, fmt.Errorf("op %d (%s): %w", i, op.Name(), err)
		}
	}
	return clbits, nil
}

// apply applies one unitary op; next lists the qubits of the following
// multi-qubit op, which steers routing.
func (e *engine) apply(op circuits.Op, next []int) error {
	qs := op.Qubits()
	if len(qs) == 2 && op.Gate == circuits.SWAP && len(op.Controls) == 0 {
		e.route.relabel(qs[0], qs[1])
		return nil
	}
	if len(qs) == 1 {
		m, err := op.FullMatrix(nil)
		if err != nil {
			return err
		}
		e.st.applyOne(e.route.pos[qs[0]], (*[4]complex128)(m))
		return nil
	}
	w := e.route.window(qs, next)
	if err := e.gather(qs, w); err != nil {
		return err
	}
	if len(qs) == 2 {
		m, err := op.FullMatrix(nil)
		if err != nil {
			return err
		}
		var g gate2
		if e.route.at[w] == qs[0] {
			copy(g[:], m)
		} else {
			// The op indexes qs[0] as bit 0; here it sits on site w+1.
			flip := [4]int{0, 2, 1, 3}
			for r := range 4 {
				for c := range 4 {
					g[flip[r]*4+flip[c]] = m[r*4+c]
				}
			}
		}
		right := true
		for _, q := range next {
			if e.route.pos[q] <= w && !slices.Contains(qs, q) {
				right = false
			}
		}
		return e.st.applyTwo(w, &g, e.tr, right)
	}
	order := make([]int, len(qs))
	copy(order, e.route.at[w:w+len(qs)])
	mpo, err := controlledMPO(op, order)
	if err != nil {
		return err
	}
	return e.st.applyMPO(w, mpo, e.tr)
}

// gather moves the qubits qs onto the sites w, …, w+len(qs)−1 by adjacent
// swaps, keeping their order along the chain. Qubits left of their place
// move right (the rightmost first), then qubits right of their place move
// left (the leftmost first); neither pass crosses another qubit of qs.
func (e *engine) gather(qs []int, w int) error {
	sorted := make([]int, len(qs))
	copy(sorted, qs)
	pos := e.route.pos
	for i := 1; i < len(sorted); i++ {
		for j := i; j > 0 && pos[sorted[j]] < pos[sorted[j-1]]; j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	for i := len(sorted) - 1; i >= 0; i-- {
		for s := pos[sorted[i]]; s < w+i; s++ {
			if err := e.swap(s, true); err != nil {
				return err
			}
		}
	}
	for i, q := range sorted {
		for s := pos[q]; s > w+i; s-- {
			if err := e.swap(s-1, false); err != nil {
				return err
			}
		}
	}
	return nil
}

// swap exchanges the qubits on sites s and s+1.
func (e *engine) swap(s int, right bool) error {
	if err := e.st.applyTwo(s, nil, e.tr, right); err != nil {
		return err
	}
	e.route.exchange(s)
	return nil
}

// finish sorts the sites back into qubit order, moves the centre to the
// last site and normalises.
func (e *engine) finish() error {
	for q := range e.st.n {
		for s := e.route.pos[q]; s > q; s-- {
			if err := e.swap(s-1, false); err != nil {
				return err
			}
		}
	}
	if err := e.st.moveCentre(e.st.n - 1); err != nil {
		return err
	}
	e.st.work, e.st.jac = nil, jacobi{}
	return e.st.normalize()
}

// measure draws the outcome of qubit q with probability ‖P_v ψ‖²/‖ψ‖²
// (outcome 1 when u·total < p1, the rule statevec uses), projects the
// centre site onto it and renormalises.
func (e *engine) measure(q int) (int, error) {
	s := e.route.pos[q]
	st := e.st
	if err := st.moveCentre(s); err != nil {
		return 0, err
	}
	dl, dr := st.dims(s)
	a := st.sites[s]
	var p [2]float64
	for l := range dl {
		for b := range 2 {
			for _, v := range a[(2*l+b)*dr : (2*l+b+1)*dr] {
				p[b] += real(v)*real(v) + imag(v)*imag(v)
			}
		}
	}
	total := p[0] + p[1]
	if !(total > 0) || math.IsInf(total, 0) {
		return 0, fmt.Errorf("measuring qubit %d: state norm² is %v", q, total)
	}
	v := 0
	if e.rng.Float64()*total < p[1] {
		v = 1
	}
	f := complex(1/math.Sqrt(p[v]), 0)
	for l := range dl {
		keep := a[(2*l+v)*dr : (2*l+v+1)*dr]
		drop := a[(2*l+1-v)*dr : (2*l+2-v)*dr]
		for r := range keep {
			keep[r] *= f
			drop[r] = 0
		}
	}
	return v, nil
}

// reset measures q and flips it to |0⟩ when the outcome is 1.
func (e *engine) reset(q int) error {
	v, err := e.measure(q)
	if err != nil || v == 0 {
		return err
	}
	x := [4]complex128{0, 1, 1, 0}
	e.st.applyOne(e.route.pos[q], &x)
	return nil
}

// scaleComplex multiplies x by c.
func scaleComplex(x []complex128, c complex128) {
	for i := range x {
		x[i] *= c
	}
}
