package tensornet

import (
	"container/heap"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/zmat"
)

// conditional returns w_b = A_k[:, b, :]·w for b = 0, 1 and their squared
// norms. With every site left of k a left isometry, ‖w_b‖² is the
// probability of the bits fixed on sites k … n−1 (given w for sites k+1 …).
func (st *State) conditional(k int, w []complex128) (w0, w1 []complex128, p0, p1 float64) {
	dl := st.bond[k]
	return st.conditionalInto(k, w, make([]complex128, dl), make([]complex128, dl))
}

// conditionalInto is conditional writing into w0 and w1 (length bond[k]).
func (st *State) conditionalInto(k int, w, w0, w1 []complex128) ([]complex128, []complex128, float64, float64) {
	dl, dr := st.dims(k)
	a := st.sites[k]
	var p0, p1 float64
	for l := range dl {
		var s0, s1 complex128
		r0 := a[(2*l)*dr : (2*l+1)*dr]
		r1 := a[(2*l+1)*dr : (2*l+2)*dr]
		for r, x := range w[:dr] {
			s0 += r0[r] * x
			s1 += r1[r] * x
		}
		w0[l], w1[l] = s0, s1
		p0 += real(s0)*real(s0) + imag(s0)*imag(s0)
		p1 += real(s1)*real(s1) + imag(s1)*imag(s1)
	}
	return w0, w1, p0, p1
}

// Sample draws shots outcomes of all qubits from rng, keyed by bitstring
// (qubit n−1 leftmost). It is exact sequential conditional sampling from
// the left-canonical form, done for all shots at once: the sorted uniforms
// are split at every node of the binary tree of prefixes (qubit n−1 first,
// then n−2, …) by the conditional probability of a 0, so each prefix is
// contracted once however many shots share it. The split points are those
// of the cumulative distribution in basis-index order, so the same rng
// draws the same outcomes as statevec up to rounding at the boundaries.
func (st *State) Sample(shots int, rng *rand.Rand) (backend.Counts, error) {
	if err := st.usable("sample"); err != nil {
		return nil, err
	}
	u, err := backend.SortedUniforms(shots, rng)
	if err != nil {
		return nil, fmt.Errorf("tensornet: sample: %w", err)
	}
	total := st.centreNormSquared()
	if !(total > 0) || math.IsInf(total, 0) {
		return nil, fmt.Errorf("tensornet: sample: state norm² is %v", total)
	}
	for i := range u {
		u[i] *= total
	}
	s := sampler{st: st, u: u, bits: make([]byte, st.n), counts: make(backend.Counts), buf: make([][2][]complex128, st.n)}
	for k := range s.buf {
		s.buf[k] = [2][]complex128{make([]complex128, st.bond[k]), make([]complex128, st.bond[k])}
	}
	s.walk(st.n-1, []complex128{1}, 0, shots, 0)
	return s.counts, nil
}

type sampler struct {
	st     *State
	u      []float64 // sorted uniforms scaled by ‖ψ‖²
	bits   []byte
	counts backend.Counts
	// buf[k] holds the two child vectors of the node at site k; a subtree
	// below k only writes levels < k, so one pair per level suffices.
	buf [][2][]complex128
}

// walk assigns the shots u[lo:hi), whose cumulative interval starts at c0,
// to the subtree of site k with right vector w.
func (s *sampler) walk(k int, w []complex128, lo, hi int, c0 float64) {
	if k < 0 {
		s.counts[circuits.BitsString(s.bits)] += hi - lo
		return
	}
	w0, w1, p0, p1 := s.st.conditionalInto(k, w, s.buf[k][0], s.buf[k][1])
	split := c0 + p0
	m := lo
	switch {
	case p1 == 0:
		m = hi
	case p0 > 0:
		for m < hi && s.u[m] < split {
			m++
		}
	}
	if m > lo {
		s.bits[k] = 0
		s.walk(k-1, w0, lo, m, c0)
	}
	if hi > m {
		s.bits[k] = 1
		s.walk(k-1, w1, m, hi, split)
	}
}

// denseOutcomeQubits is the width up to which Outcomes reads the dense
// probability vector instead of searching the tree.
const denseOutcomeQubits = 20

// outcomeBudget bounds the bytes the tree search may hold in queued
// prefixes (each costs its vector and about prefixBytes of bookkeeping).
const (
	outcomeBudget = 64 << 20
	prefixBytes   = 64
)

// Outcomes returns every outcome with probability above minProb, most
// likely first (ties by bitstring), at most limit of them (all when
// limit ≤ 0). Up to 20 qubits it filters the dense distribution; wider
// states are searched best-first over the tree of prefixes (qubit n−1
// first). A prefix's completions are bounded by its probability times
// Π_j max_b ‖A_j[:, b, :]‖² over the sites still open (a product of
// operator norms bounds the rest of the contraction), so the search prunes
// every prefix whose bound is at most minProb and stops after limit
// outcomes. A 127-qubit GHZ state costs 2·127 conditional steps; a
// 50-qubit uniform superposition (the QFT of a basis state) is pruned at
// the root, its outcomes all lying below 1e−12. The search fails, rather
// than exhausting memory, when more prefixes than its budget stay above
// minProb (raise minProb or pass a limit).
func (st *State) Outcomes(minProb float64, limit int) ([]backend.Outcome, error) {
	if err := st.usable("outcomes"); err != nil {
		return nil, err
	}
	if math.IsNaN(minProb) || math.IsInf(minProb, 0) || minProb < 0 {
		return nil, fmt.Errorf("tensornet: outcomes: minProb %v is not a finite non-negative number", minProb)
	}
	var out []backend.Outcome
	if st.n <= denseOutcomeQubits {
		p, err := st.Probabilities()
		if err != nil {
			return nil, err
		}
		var total float64
		for _, v := range p {
			total += v
		}
		for i, v := range p {
			if v /= total; v > minProb {
				bits := make([]byte, st.n)
				for q := range bits {
					bits[q] = byte(i >> q & 1)
				}
				out = append(out, backend.Outcome{Bits: bits, Probability: v})
			}
		}
	} else {
		var err error
		if out, err = st.searchOutcomes(minProb, limit); err != nil {
			return nil, err
		}
	}
	backend.SortOutcomes(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// prefix is a node of the outcome search: the bits of sites k+1 … n−1
// (bit on site k+1, then its parent's), their probability p and the bound
// on any completion.
type prefix struct {
	p      float64
	bound  float64
	k      int
	w      []complex128
	bit    byte
	parent *prefix
}

type prefixHeap []*prefix

func (h prefixHeap) Len() int { return len(h) }

// Less orders by bound; near-ties (within rounding) go deeper first, so a
// uniform superposition is searched depth-first instead of level by level.
func (h prefixHeap) Less(i, j int) bool {
	a, b := h[i].bound, h[j].bound
	if math.Abs(a-b) <= 1e-12*math.Max(a, b) {
		return h[i].k < h[j].k
	}
	return a > b
}
func (h prefixHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *prefixHeap) Push(x any)   { *h = append(*h, x.(*prefix)) }
func (h *prefixHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// searchOutcomes is the best-first search of Outcomes: nodes leave the
// queue by their bound, so a popped complete outcome is at least as likely
// as any completion of what is still queued.
func (st *State) searchOutcomes(minProb float64, limit int) ([]backend.Outcome, error) {
	total := st.centreNormSquared()
	if !(total > 0) || math.IsInf(total, 0) {
		return nil, fmt.Errorf("tensornet: outcomes: state norm² is %v", total)
	}
	// open[k] bounds the squared factor that sites 0 … k−1 can contribute.
	open := make([]float64, st.n+1)
	open[0] = 1
	for k := 0; k < st.n; k++ {
		m, err := st.maxSliceNormSquared(k)
		if err != nil {
			return nil, fmt.Errorf("tensornet: outcomes: %w", err)
		}
		open[k+1] = open[k] * m
	}
	h := &prefixHeap{{p: 1, bound: open[st.n], k: st.n - 1, w: []complex128{1}}}
	if open[st.n] <= minProb {
		return nil, nil
	}
	held := 16 + prefixBytes
	var out []backend.Outcome
	for h.Len() > 0 && (limit <= 0 || len(out) < limit) {
		x := heap.Pop(h).(*prefix)
		held -= 16*len(x.w) + prefixBytes
		if x.k < 0 {
			bits := make([]byte, st.n)
			q := 0
			for y := x; y.parent != nil; y = y.parent {
				bits[q] = y.bit
				q++
			}
			out = append(out, backend.Outcome{Bits: bits, Probability: x.p})
			held += st.n + prefixBytes
			if held > outcomeBudget {
				return nil, st.budgetError(minProb)
			}
			continue
		}
		w0, w1, p0, p1 := st.conditional(x.k, x.w)
		for b, c := range []struct {
			w []complex128
			p float64
		}{{w0, p0 / total}, {w1, p1 / total}} {
			bound := c.p * open[x.k]
			if bound <= minProb {
				continue
			}
			heap.Push(h, &prefix{p: c.p, bound: bound, k: x.k - 1, w: c.w, bit: byte(b), parent: x})
			held += 16*len(c.w) + prefixBytes
		}
		if held > outcomeBudget {
			return nil, st.budgetError(minProb)
		}
	}
	return out, nil
}

// maxSliceNormSquared returns max_b ‖A_k[:, b, :]‖₂², the largest squared
// operator norm of site k's two physical slices (at most 1, to rounding,
// for an isometry; 1/2 for each site of a uniform product state).
func (st *State) maxSliceNormSquared(k int) (float64, error) {
	dl, dr := st.dims(k)
	a := st.sites[k]
	best := 0.0
	slice := make([]complex128, dl*dr)
	for b := 0; b < 2; b++ {
		for l := 0; l < dl; l++ {
			copy(slice[l*dr:(l+1)*dr], a[(2*l+b)*dr:(2*l+b+1)*dr])
		}
		_, sv, _, err := zmat.SVD(matrix(dl, dr, slice))
		if err != nil {
			return 0, err
		}
		if len(sv) > 0 {
			best = math.Max(best, sv[0]*sv[0])
		}
	}
	return best, nil
}

func (st *State) budgetError(minProb float64) error {
	return fmt.Errorf("tensornet: outcomes: the outcomes and prefixes above probability %g outgrow the search budget of %d MiB; raise minProb or set a limit", minProb, outcomeBudget>>20)
}
