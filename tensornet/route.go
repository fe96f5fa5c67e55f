package tensornet

import (
	"slices"

	"github.com/qmlkit/qmlkit/circuits"
)

// Qubits are routed by tracking a permutation rather than by swapping
// back: pos[q] is the site that holds qubit q and at[s] the qubit on site
// s. A gate on qubits that are not adjacent moves them together with SWAP
// two-site updates and leaves them there; an uncontrolled SWAP gate only
// exchanges two entries of the permutation and costs nothing. The run ends
// by sorting the sites back into qubit order (one adjacent swap per
// inversion of the final permutation).
//
// Which qubit moves is chosen by looking at the next op on two or more
// qubits: the qubit it shares with the current op travels, so chains such
// as the QFT's controlled phases (one qubit against all others) or the
// Bernstein–Vazirani oracle (every data qubit against the ancilla) pay one
// swap per gate instead of a round trip across the register.
type router struct {
	pos, at []int
}

func newRouter(n int) router {
	r := router{pos: make([]int, n), at: make([]int, n)}
	for q := range n {
		r.pos[q], r.at[q] = q, q
	}
	return r
}

// exchange records that the contents of sites s and s+1 swapped.
func (r *router) exchange(s int) {
	a, b := r.at[s], r.at[s+1]
	r.at[s], r.at[s+1] = b, a
	r.pos[a], r.pos[b] = s+1, s
}

// relabel applies an uncontrolled SWAP of qubits a and b to the labels.
func (r *router) relabel(a, b int) {
	sa, sb := r.pos[a], r.pos[b]
	r.pos[a], r.pos[b] = sb, sa
	r.at[sa], r.at[sb] = b, a
}

// window picks the first site of the block of len(qs) adjacent sites the
// qubits qs should occupy, keeping their order along the chain. Any start
// between the lower and upper median of s_(i) − i (s_(i) the i-th smallest
// site) needs the fewest swaps; next, the qubits of the following
// multi-qubit op, breaks the tie for pairs in favour of moving the qubit
// that op shares.
func (r *router) window(qs, next []int) int {
	sites := make([]int, len(qs))
	for i, q := range qs {
		sites[i] = r.pos[q]
	}
	slices.Sort(sites)
	k := len(sites)
	lo, hi := sites[(k-1)/2]-(k-1)/2, sites[k/2]-k/2
	if k != 2 || lo == hi {
		return lo
	}
	// lo keeps the left qubit in place (the right one travels), hi the reverse.
	left, right := r.at[sites[0]], r.at[sites[1]]
	shareLeft, shareRight := slices.Contains(next, left), slices.Contains(next, right)
	if shareLeft && !shareRight {
		return hi
	}
	return lo
}

// nextMulti returns, for every op index, the index of the next op acting
// on two or more qubits (len(ops) when there is none).
func nextMulti(ops []circuits.Op) []int {
	next := make([]int, len(ops))
	j := len(ops)
	for i := len(ops) - 1; i >= 0; i-- {
		next[i] = j
		if op := ops[i]; op.Gate.IsUnitary() && len(op.Targets)+len(op.Controls) >= 2 {
			j = i
		}
	}
	return next
}
