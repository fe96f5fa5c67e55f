package kernels

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"

	"gonum.org/v1/gonum/mat"

	"github.com/qmlkit/qmlkit/statevec"
)

// Kernel is anything that builds Gram matrices: K(X, Y) with rows for X
// and columns for Y, or the square training matrix K(X, X) when y is nil.
// FidelityKernel, ProjectedKernel and RBFKernel implement it; QSVC and
// PegasosQSVC train on any of them.
type Kernel interface {
	Matrix(x, y [][]float64) (*mat.Dense, error)
}

// FidelityKernel is the quantum kernel K(x, y) = |⟨0|U(x)†U(y)|0⟩|² of a
// feature map (Qiskit's FidelityQuantumKernel). It is safe for concurrent
// use. The state cache assumes the feature map does not change; call
// ClearCache after changing it.
type FidelityKernel struct {
	fm     FeatureMap
	opt    Options
	method Method
	cache  *stateCache
}

// NewFidelityKernel checks the options and returns the kernel of fm.
func NewFidelityKernel(fm FeatureMap, opt Options) (*FidelityKernel, error) {
	if fm == nil {
		return nil, errors.New("kernels: NewFidelityKernel: nil feature map")
	}
	if err := opt.validate(); err != nil {
		return nil, err
	}
	n := fm.NumQubits()
	if n < 1 {
		return nil, fmt.Errorf("kernels: NewFidelityKernel: feature map has %d qubits", n)
	}
	if fm.NumFeatures() < 1 {
		return nil, fmt.Errorf("kernels: NewFidelityKernel: feature map takes %d features", fm.NumFeatures())
	}
	k := &FidelityKernel{fm: fm, opt: opt, method: opt.Method}
	_, dense := opt.Simulator.(statevec.Simulator)
	dense = dense || opt.Simulator == nil
	if k.method == MethodAuto {
		k.method = MethodOverlap
		if dense {
			k.method = MethodGram
		}
	}
	if k.method == MethodGram {
		if !dense {
			return nil, fmt.Errorf("kernels: NewFidelityKernel: the Gram method needs the statevec simulator, not %s (use MethodOverlap)", opt.Simulator.Name())
		}
		mem := opt.MemoryBytes
		if mem == 0 {
			mem = DefaultMemoryBytes
		}
		if n > 40 || int64(64)<<uint(n) > mem {
			return nil, fmt.Errorf("kernels: NewFidelityKernel: the Gram method holds at least two %d-qubit states (%d bytes with the product's temporaries), more than MemoryBytes = %d; raise MemoryBytes or use the MPS backend", n, int64(64)<<uint(min(n, 40)), mem)
		}
		if opt.CacheBytes >= 0 {
			limit := opt.CacheBytes
			if limit == 0 {
				limit = DefaultCacheBytes
			}
			k.cache = newStateCache(limit, 1<<uint(n))
		}
	}
	if k.opt.Simulator == nil {
		k.opt.Simulator = statevec.Simulator{}
	}
	return k, nil
}

// FeatureMap returns the kernel's feature map.
func (k *FidelityKernel) FeatureMap() FeatureMap { return k.fm }

// Method returns the method in use (MethodAuto resolved).
func (k *FidelityKernel) Method() Method { return k.method }

// CacheStats reports the state cache's contents and hit counts (zero when
// the cache is off or the method does not use one).
func (k *FidelityKernel) CacheStats() CacheStats {
	if k.cache == nil {
		return CacheStats{}
	}
	return k.cache.stats()
}

// ClearCache empties the state cache.
func (k *FidelityKernel) ClearCache() {
	if k.cache != nil {
		k.cache.clear()
	}
}

func (k *FidelityKernel) workers() int {
	if k.opt.Workers > 0 {
		return k.opt.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// Matrix returns K(x, y) as a len(x)×len(y) matrix, or the square K(x, x)
// when y is nil or holds the same vectors as x (then the matrix is exactly
// symmetric and, unless Duplicates is DuplicatesAll, has a unit diagonal).
// Every row must have NumFeatures finite values; errors name the row and
// column.
func (k *FidelityKernel) Matrix(x, y [][]float64) (*mat.Dense, error) {
	nf := k.fm.NumFeatures()
	if err := checkRows(x, nf, "x"); err != nil {
		return nil, err
	}
	sym := y == nil || sameRows(x, y)
	if sym {
		y = x
	} else if err := checkRows(y, nf, "y"); err != nil {
		return nil, err
	}
	d := newDistinct(x, y, sym)
	ev, err := k.distinctKernel(d, sym)
	if err != nil {
		return nil, err
	}
	out, evaluated := k.expand(d, ev, sym)
	if k.opt.Shots > 0 {
		k.addShotNoise(out, evaluated, sym)
	}
	if sym && k.opt.EnforcePSD {
		if out, err = NearestPSD(out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Evaluate is Matrix under Qiskit's name (FidelityQuantumKernel.evaluate:
// y nil for the square training matrix).
func (k *FidelityKernel) Evaluate(x, y [][]float64) (*mat.Dense, error) { return k.Matrix(x, y) }

// KernelMatrix is Matrix(x, y) under PennyLane's name (kernel_matrix).
func (k *FidelityKernel) KernelMatrix(x, y [][]float64) (*mat.Dense, error) {
	if y == nil {
		return nil, errors.New("kernels: KernelMatrix needs both sample sets; use SquareKernelMatrix for K(X, X)")
	}
	return k.Matrix(x, y)
}

// SquareKernelMatrix is Matrix(x, nil) under PennyLane's name
// (square_kernel_matrix).
func (k *FidelityKernel) SquareKernelMatrix(x [][]float64) (*mat.Dense, error) {
	return k.Matrix(x, nil)
}

// Value returns the single kernel value K(x, y), always evaluated (no
// shortcut for x = y, no shot noise).
func (k *FidelityKernel) Value(x, y []float64) (float64, error) {
	nf := k.fm.NumFeatures()
	if err := checkRows([][]float64{x, y}, nf, "point"); err != nil {
		return 0, err
	}
	d := newDistinct([][]float64{x}, [][]float64{y}, false)
	ev, err := k.distinctKernel(d, false)
	if err != nil {
		return 0, err
	}
	return ev.at(d.xIDs[0], d.yIDs[0]), nil
}

// checkRows checks sample rows for the map, naming row and column (from 1).
func checkRows(x [][]float64, nf int, what string) error {
	if len(x) == 0 {
		return fmt.Errorf("kernels: %s has no samples", what)
	}
	for i, row := range x {
		if len(row) != nf {
			return fmt.Errorf("kernels: %s row %d has %d features, the feature map takes %d", what, i+1, len(row), nf)
		}
		for j, v := range row {
			if !isFinite(v) {
				return fmt.Errorf("kernels: %s row %d, column %d is %v", what, i+1, j+1, v)
			}
		}
	}
	return nil
}

func sameRows(x, y [][]float64) bool {
	return len(x) == len(y) && slices.EqualFunc(x, y, func(a, b []float64) bool { return slices.Equal(a, b) })
}

// distinct numbers the distinct data vectors of x and y (one table for
// both), in order of first appearance.
type distinct struct {
	rows   [][]float64
	keys   []string
	origin []string // where each distinct vector first occurs, e.g. "x row 3"
	xIDs   []int    // id of each row of x
	yIDs   []int
	xUniq  []int // distinct ids in x, first-appearance order
	yUniq  []int
}

func newDistinct(x, y [][]float64, sym bool) *distinct {
	d := &distinct{}
	index := make(map[string]int)
	number := func(rows [][]float64, what string) (ids, uniq []int) {
		ids = make([]int, len(rows))
		seen := make(map[int]bool)
		for i, r := range rows {
			key := dataKey(r)
			id, ok := index[key]
			if !ok {
				id = len(d.rows)
				index[key] = id
				d.rows = append(d.rows, r)
				d.keys = append(d.keys, key)
				d.origin = append(d.origin, fmt.Sprintf("%s row %d", what, i+1))
			}
			ids[i] = id
			if !seen[id] {
				seen[id] = true
				uniq = append(uniq, id)
			}
		}
		return ids, uniq
	}
	d.xIDs, d.xUniq = number(x, "x")
	if sym {
		d.yIDs, d.yUniq = d.xIDs, d.xUniq
	} else {
		d.yIDs, d.yUniq = number(y, "y")
	}
	return d
}

// hasRepeats reports whether some distinct id occurs twice among the rows.
func (d *distinct) hasRepeats() bool { return len(d.xUniq) < len(d.xIDs) }

// evaluation holds kernel values between distinct inputs: rows are the
// distinct ids of x, columns those of y.
type evaluation struct {
	rowPos, colPos map[int]int
	cols           int
	values         []float64
}

func newEvaluation(rows, cols []int) *evaluation {
	e := &evaluation{rowPos: make(map[int]int, len(rows)), colPos: make(map[int]int, len(cols)), cols: len(cols)}
	for i, id := range rows {
		e.rowPos[id] = i
	}
	for j, id := range cols {
		e.colPos[id] = j
	}
	e.values = make([]float64, len(rows)*len(cols))
	return e
}

func (e *evaluation) at(a, b int) float64 { return e.values[e.rowPos[a]*e.cols+e.colPos[b]] }

// distinctKernel evaluates the kernel between the distinct inputs with the
// chosen method.
func (k *FidelityKernel) distinctKernel(d *distinct, sym bool) (*evaluation, error) {
	needDiag := !sym || k.opt.Duplicates == DuplicatesAll || (k.opt.Duplicates == DuplicatesOffDiagonal && d.hasRepeats())
	switch k.method {
	case MethodGram:
		return k.gram(d, sym)
	case MethodOverlap:
		return k.overlaps(d, sym, needDiag)
	default:
		return k.computeUncompute(d, sym, needDiag)
	}
}

// expand fills the full matrix from the distinct evaluations, applying the
// duplicates rule, and marks which entries were evaluated (for shot noise).
func (k *FidelityKernel) expand(d *distinct, ev *evaluation, sym bool) (*mat.Dense, []bool) {
	n, m := len(d.xIDs), len(d.yIDs)
	out := make([]float64, n*m)
	evaluated := make([]bool, n*m)
	for i, a := range d.xIDs {
		j0 := 0
		if sym {
			j0 = i
		}
		for j := j0; j < m; j++ {
			b := d.yIDs[j]
			switch {
			case sym && i == j && k.opt.Duplicates != DuplicatesAll:
				out[i*m+j] = 1
			case k.opt.Duplicates == DuplicatesNone && a == b:
				out[i*m+j] = 1
			default:
				out[i*m+j] = ev.at(a, b)
				evaluated[i*m+j] = true
			}
			if sym {
				out[j*m+i] = out[i*m+j]
			}
		}
	}
	return mat.NewDense(n, m, out), evaluated
}

// shotStream is the second PCG word of the shot-noise generator.
const shotStream = 0x5407_5407

// addShotNoise replaces each evaluated entry (the upper triangle of a
// symmetric matrix, mirrored) by a Binomial(Shots, K)/Shots draw, in
// row-major order from one seeded generator.
func (k *FidelityKernel) addShotNoise(m *mat.Dense, evaluated []bool, sym bool) {
	rng := rand.New(rand.NewPCG(k.opt.Seed, shotStream))
	r, c := m.Dims()
	raw := m.RawMatrix()
	for i := range r {
		j0 := 0
		if sym {
			j0 = i
		}
		for j := j0; j < c; j++ {
			if !evaluated[i*c+j] {
				continue
			}
			v := binomialFraction(rng, k.opt.Shots, raw.Data[i*raw.Stride+j])
			raw.Data[i*raw.Stride+j] = v
			if sym {
				raw.Data[j*raw.Stride+i] = v
			}
		}
	}
}

func defaultWorkers() int { return runtime.GOMAXPROCS(0) }
