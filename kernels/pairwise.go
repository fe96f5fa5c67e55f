package kernels

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
)

// pairList enumerates the pairs of distinct inputs to evaluate: the upper
// triangle (with the diagonal when needDiag) for a symmetric matrix, every
// pair otherwise.
func pairList(d *distinct, sym, needDiag bool) [][2]int {
	var pairs [][2]int
	for i, a := range d.xUniq {
		if !sym {
			for _, b := range d.yUniq {
				pairs = append(pairs, [2]int{a, b})
			}
			continue
		}
		for j := i; j < len(d.xUniq); j++ {
			if j == i && !needDiag {
				continue
			}
			pairs = append(pairs, [2]int{a, d.xUniq[j]})
		}
	}
	return pairs
}

// setPair stores a value for a pair (and its mirror in a symmetric
// evaluation, whose rows and columns are the same ids).
func (e *evaluation) setPair(a, b int, v float64, sym bool) {
	e.values[e.rowPos[a]*e.cols+e.colPos[b]] = v
	if sym {
		e.values[e.rowPos[b]*e.cols+e.colPos[a]] = v
	}
}

// parallelFor runs f(0…n−1) on up to workers goroutines and returns the
// error of the lowest index that failed.
func parallelFor(workers, n int, f func(i int) error) error {
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				errs[i] = f(i)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// overlaps runs every distinct input once on the backend and takes
// K = |⟨ψ_a|ψ_b⟩|² from State.Overlap for each pair.
func (k *FidelityKernel) overlaps(d *distinct, sym, needDiag bool) (*evaluation, error) {
	ev := newEvaluation(d.xUniq, d.yUniq)
	ids := d.xUniq
	if !sym {
		ids = unionIDs(d.xUniq, d.yUniq)
	}
	states := make([]backend.State, len(d.rows))
	sim := k.opt.Simulator
	err := parallelFor(k.workers(), len(ids), func(i int) error {
		id := ids[i]
		c, err := k.fm.Circuit(d.rows[id])
		if err != nil {
			return fmt.Errorf("kernels: %s: %w", d.origin[id], err)
		}
		st, err := sim.Run(c)
		if err != nil {
			return fmt.Errorf("kernels: %s on %s: %w", d.origin[id], sim.Name(), err)
		}
		states[id] = st
		return nil
	})
	if err != nil {
		return nil, err
	}
	pairs := pairList(d, sym, needDiag)
	err = parallelFor(k.workers(), len(pairs), func(i int) error {
		a, b := pairs[i][0], pairs[i][1]
		ov, err := states[a].Overlap(states[b])
		if err != nil {
			return fmt.Errorf("kernels: overlap of %s and %s: %w", d.origin[a], d.origin[b], err)
		}
		ev.setPair(a, b, real(ov)*real(ov)+imag(ov)*imag(ov), sym)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ev, nil
}

// computeUncompute runs U(x_a)†·U(x_b) for each pair on the backend and
// reads K = |⟨0…0|U(x_a)†U(x_b)|0…0⟩|².
func (k *FidelityKernel) computeUncompute(d *distinct, sym, needDiag bool) (*evaluation, error) {
	ev := newEvaluation(d.xUniq, d.yUniq)
	ids := d.xUniq
	if !sym {
		ids = unionIDs(d.xUniq, d.yUniq)
	}
	fwd := make([]*circuits.Circuit, len(d.rows))
	inv := make([]*circuits.Circuit, len(d.rows))
	for _, id := range ids {
		c, err := k.fm.Circuit(d.rows[id])
		if err != nil {
			return nil, fmt.Errorf("kernels: %s: %w", d.origin[id], err)
		}
		ic, err := c.Inverse()
		if err != nil {
			return nil, fmt.Errorf("kernels: %s: %w", d.origin[id], err)
		}
		fwd[id], inv[id] = c, ic
	}
	zeros := make([]byte, k.fm.NumQubits())
	sim := k.opt.Simulator
	pairs := pairList(d, sym, needDiag)
	err := parallelFor(k.workers(), len(pairs), func(i int) error {
		a, b := pairs[i][0], pairs[i][1]
		c, err := fwd[b].Compose(inv[a], nil)
		if err != nil {
			return fmt.Errorf("kernels: circuit for %s and %s: %w", d.origin[a], d.origin[b], err)
		}
		st, err := sim.Run(c)
		if err != nil {
			return fmt.Errorf("kernels: circuit for %s and %s on %s: %w", d.origin[a], d.origin[b], sim.Name(), err)
		}
		amp, err := st.Amplitude(zeros)
		if err != nil {
			return fmt.Errorf("kernels: circuit for %s and %s: %w", d.origin[a], d.origin[b], err)
		}
		ev.setPair(a, b, real(amp)*real(amp)+imag(amp)*imag(amp), sym)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ev, nil
}

// unionIDs lists the ids of a, then those of b not in a.
func unionIDs(a, b []int) []int {
	seen := make(map[int]bool, len(a)+len(b))
	out := make([]int, 0, len(a)+len(b))
	for _, list := range [][]int{a, b} {
		for _, id := range list {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}
