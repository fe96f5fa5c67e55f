package tensornet

import (
	"fmt"
	"math"
	"slices"

	"github.com/qmlkit/qmlkit/backend"
)

// Compile-time checks that the MPS implements the backend contract.
var (
	_ backend.State         = (*State)(nil)
	_ backend.OutcomeLister = (*State)(nil)
	_ backend.Simulator     = Simulator{}
)

// State is a matrix-product state of n qubits, qubit q on site q.
//
// Site q holds a tensor A_q[l, p, r] of shape bond[q] × 2 × bond[q+1]
// (left bond, physical bit, right bond) stored contiguously in one slice at
// index (l·2 + p)·bond[q+1] + r, so that it is at the same time the
// row-major (2·bond[q]) × bond[q+1] matrix that a QR factorisation makes
// left-orthonormal and the bond[q] × (2·bond[q+1]) matrix that an LQ
// factorisation makes right-orthonormal. bond[0] = bond[n] = 1 and
// ⟨b_0 … b_{n−1}|ψ⟩ = A_0[:, b_0, :]·A_1[:, b_1, :]⋯A_{n−1}[:, b_{n−1}, :].
//
// A State returned by Simulator.Run is normalised and in left-canonical
// form: every site but the last is a left isometry (Σ_{l,p} conj(A[l,p,r'])
// A[l,p,r] = δ_{r'r}) and the last site carries the norm. Its methods only
// read it, so one State may be used from several goroutines.
type State struct {
	n      int
	sites  [][]complex128
	bond   []int
	centre int

	fidelity float64
	maxBond  int

	// work and jac are scratch space for the methods that change the state.
	work []complex128
	jac  jacobi
}

// newProductState returns |0…0⟩ on n sites, orthogonality centre at site 0.
func newProductState(n int) *State {
	st := &State{
		n:        n,
		sites:    make([][]complex128, n),
		bond:     make([]int, n+1),
		fidelity: 1,
		maxBond:  1,
	}
	for i := range st.bond {
		st.bond[i] = 1
	}
	for q := range st.sites {
		st.sites[q] = []complex128{1, 0}
	}
	return st
}

// NumQubits returns the number of qubits (sites).
func (st *State) NumQubits() int { return st.n }

// FidelityEstimate returns Π_t (1 − ε_t/N_t) over every truncation t of the
// run, where N_t is the squared norm of the state just before it (the sum
// of all squared singular values at that bond) and ε_t the discarded part.
// Each factor is exactly the fidelity between the state before and after
// that truncation; the product estimates |⟨ψ_exact|ψ⟩|². It is 1 when
// nothing but numerical zeros (below 1e−14 of the largest singular value)
// was dropped.
func (st *State) FidelityEstimate() float64 { return st.fidelity }

// MaxBondReached returns the largest bond dimension the state had at any
// point of the simulation, including the intermediate states of swap
// chains and multi-qubit gates.
func (st *State) MaxBondReached() int { return st.maxBond }

// BondDims returns the current bond dimensions: element b is the dimension
// of the bond between qubits b and b+1 (n−1 values).
func (st *State) BondDims() []int {
	if st.usable("") != nil {
		return nil
	}
	return slices.Clone(st.bond[1:st.n])
}

// usable reports a State that did not come from a run (a zero value), on
// which every method returns this error instead of indexing empty sites.
func (st *State) usable(what string) error {
	if st == nil || st.n < 1 || len(st.sites) != st.n || len(st.bond) != st.n+1 {
		return fmt.Errorf("tensornet: %s: the State is empty; states come from Simulator.Run", what)
	}
	return nil
}

// dims returns the left and right bond dimensions of site q.
func (st *State) dims(q int) (dl, dr int) { return st.bond[q], st.bond[q+1] }

// setSite stores a site tensor of shape dl × 2 × dr, reusing the site's
// storage when it is large enough, and returns the slice to fill.
func (st *State) setSite(q, dl, dr int) []complex128 {
	size := dl * 2 * dr
	if cap(st.sites[q]) >= size {
		st.sites[q] = st.sites[q][:size]
	} else {
		st.sites[q] = make([]complex128, size)
	}
	st.bond[q], st.bond[q+1] = dl, dr
	st.maxBond = max(st.maxBond, dl, dr)
	return st.sites[q]
}

// clone returns a deep copy.
func (st *State) clone() *State {
	c := *st
	c.sites = make([][]complex128, st.n)
	for q, a := range st.sites {
		c.sites[q] = slices.Clone(a)
	}
	c.bond = slices.Clone(st.bond)
	c.work, c.jac = nil, jacobi{}
	return &c
}

// checkQubits checks that qs are distinct qubits of the state.
func (st *State) checkQubits(qs []int) error {
	for i, q := range qs {
		if q < 0 || q >= st.n {
			return fmt.Errorf("qubit %d out of range [0, %d)", q, st.n)
		}
		if slices.Contains(qs[:i], q) {
			return fmt.Errorf("qubit %d listed twice", q)
		}
	}
	return nil
}

// normSquared returns Σ|A_c|² of the centre site, the squared norm of the
// state when every other site is in canonical form.
func (st *State) centreNormSquared() float64 {
	var s float64
	for _, v := range st.sites[st.centre] {
		s += real(v)*real(v) + imag(v)*imag(v)
	}
	return s
}

// normalize scales the centre site to unit norm.
func (st *State) normalize() error {
	n2 := st.centreNormSquared()
	if !(n2 > 0) || math.IsInf(n2, 0) {
		return fmt.Errorf("state norm² is %v", n2)
	}
	f := complex(1/math.Sqrt(n2), 0)
	for i := range st.sites[st.centre] {
		st.sites[st.centre][i] *= f
	}
	return nil
}
