package kernels

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/qmlkit/qmlkit/statevec"
	"github.com/qmlkit/qmlkit/zmat"
)

// gram evaluates the kernel between distinct inputs as |Ψ_A·Ψ_Bᴴ|² with
// zmat, holding at most rowBudget states (plus the product's temporaries)
// at once. When everything fits, each input is simulated once; otherwise
// the rows are split in blocks and blocks of columns are simulated again
// for every block of rows (or taken from the cache).
func (k *FidelityKernel) gram(d *distinct, sym bool) (*evaluation, error) {
	ev := newEvaluation(d.xUniq, d.yUniq)
	budget := k.rowBudget()
	if sym {
		return ev, k.gramSymmetric(d, d.xUniq, ev.values, budget)
	}
	return ev, k.gramRect(d, d.xUniq, d.yUniq, ev.values, budget)
}

// rowBudget is how many dense states MethodGram may hold at once: the
// memory bound divided by 32·2^n bytes (16 for the state's two planes, 16
// for the sum planes and blocks zmat's product allocates), at least 2.
func (k *FidelityKernel) rowBudget() int {
	mem := k.opt.MemoryBytes
	if mem == 0 {
		mem = DefaultMemoryBytes
	}
	per := int64(32) << uint(k.fm.NumQubits())
	return int(max(2, mem/per))
}

func (k *FidelityKernel) gramSymmetric(d *distinct, ids []int, dst []float64, budget int) error {
	u := len(ids)
	if u <= budget {
		p, err := k.states(d, ids)
		if err != nil {
			return err
		}
		return wrapZ(zmat.GramAbs2Symmetric(dst, p))
	}
	b := budget / 2
	for i0 := 0; i0 < u; i0 += b {
		i1 := min(i0+b, u)
		pi, err := k.states(d, ids[i0:i1])
		if err != nil {
			return err
		}
		blk := make([]float64, (i1-i0)*(i1-i0))
		if err := zmat.GramAbs2Symmetric(blk, pi); err != nil {
			return wrapZ(err)
		}
		place(dst, u, i0, i0, blk, i1-i0, i1-i0, false)
		for j0 := i1; j0 < u; j0 += b {
			j1 := min(j0+b, u)
			pj, err := k.states(d, ids[j0:j1])
			if err != nil {
				return err
			}
			blk := make([]float64, (i1-i0)*(j1-j0))
			if err := zmat.GramAbs2(blk, pi, pj); err != nil {
				return wrapZ(err)
			}
			place(dst, u, i0, j0, blk, i1-i0, j1-j0, true)
		}
	}
	return nil
}

func (k *FidelityKernel) gramRect(d *distinct, rows, cols []int, dst []float64, budget int) error {
	nr, nc := len(rows), len(cols)
	bc := min(nc, max(1, budget/2))
	br := max(1, budget-bc)
	if nr+nc <= budget {
		br, bc = nr, nc
	}
	for j0 := 0; j0 < nc; j0 += bc {
		j1 := min(j0+bc, nc)
		pc, err := k.states(d, cols[j0:j1])
		if err != nil {
			return err
		}
		for i0 := 0; i0 < nr; i0 += br {
			i1 := min(i0+br, nr)
			pr, err := k.states(d, rows[i0:i1])
			if err != nil {
				return err
			}
			blk := make([]float64, (i1-i0)*(j1-j0))
			if err := zmat.GramAbs2(blk, pr, pc); err != nil {
				return wrapZ(err)
			}
			place(dst, nc, i0, j0, blk, i1-i0, j1-j0, false)
		}
	}
	return nil
}

// place copies an r×c block into dst (row stride n) at (i0, j0), and its
// transpose at (j0, i0) when mirror is set.
func place(dst []float64, n, i0, j0 int, blk []float64, r, c int, mirror bool) {
	for i := range r {
		copy(dst[(i0+i)*n+j0:(i0+i)*n+j0+c], blk[i*c:(i+1)*c])
		if mirror {
			for j := range c {
				dst[(j0+j)*n+i0+i] = blk[i*c+j]
			}
		}
	}
}

func wrapZ(err error) error {
	if err != nil {
		return fmt.Errorf("kernels: Gram product: %w", err)
	}
	return nil
}

// states returns the dense states of the given distinct inputs as the rows
// of a planar matrix, from the cache where possible, simulating the rest in
// parallel (each worker with its own state vector).
func (k *FidelityKernel) states(d *distinct, ids []int) (*zmat.Planar, error) {
	n := k.fm.NumQubits()
	dim := 1 << uint(n)
	p, err := zmat.NewPlanar(len(ids), dim)
	if err != nil {
		return nil, fmt.Errorf("kernels: %w", err)
	}
	var todo []int // positions in ids still to simulate
	for i, id := range ids {
		if k.cache == nil || !k.cache.load(d.keys[id], p.Re[i*dim:(i+1)*dim], p.Im[i*dim:(i+1)*dim]) {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return p, nil
	}
	workers := min(k.workers(), len(todo))
	threads := max(1, k.workers()/workers)
	errs := make([]error, len(todo))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := statevec.New(n)
			if err == nil {
				err = st.SetThreads(threads)
			}
			for {
				t := int(next.Add(1)) - 1
				if t >= len(todo) {
					return
				}
				if err != nil {
					errs[t] = err
					continue
				}
				i := todo[t]
				errs[t] = k.simulateInto(st, d.rows[ids[i]], p.Re[i*dim:(i+1)*dim], p.Im[i*dim:(i+1)*dim])
			}
		}()
	}
	wg.Wait()
	for t, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("kernels: %s: %w", d.origin[ids[todo[t]]], err)
		}
	}
	if k.cache != nil {
		for _, i := range todo {
			k.cache.store(d.keys[ids[i]], p.Re[i*dim:(i+1)*dim], p.Im[i*dim:(i+1)*dim])
		}
	}
	return p, nil
}

// simulateInto resets st to |0…0⟩, runs U(x) and splits the amplitudes
// into re and im.
func (k *FidelityKernel) simulateInto(st *statevec.State, x []float64, re, im []float64) error {
	c, err := k.fm.Circuit(x)
	if err != nil {
		return err
	}
	a := st.Data()
	clear(a)
	a[0] = 1
	if _, err := st.Run(c, nil); err != nil {
		return err
	}
	for j, v := range a {
		re[j] = real(v)
		im[j] = imag(v)
	}
	return nil
}
