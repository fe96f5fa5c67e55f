package statevec

import (
	"fmt"
	"math/cmplx"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/statevec/internal/kernel"
)

// MaxMatrixQubits is the largest number of targets ApplyMatrix accepts.
const MaxMatrixQubits = 10

// Apply applies one bound unitary op (any gate kind, with controls) in
// place; a barrier does nothing. Measurements and resets change the state
// at random and go through Measure, ResetQubit or Run.
func (s *vector[C]) Apply(op circuits.Op) error {
	switch op.Gate {
	case circuits.Measure:
		return fmt.Errorf("statevec: apply: a measure op needs an outcome; use State.Measure or Run")
	case circuits.Reset:
		return fmt.Errorf("statevec: apply: a reset op needs a random outcome; use State.ResetQubit or Run")
	}
	if !op.Bound() {
		return fmt.Errorf("statevec: apply %s: %w; bind it first", op.Name(), circuits.ErrUnbound)
	}
	if err := op.Validate(s.n, 0, 0); err != nil {
		return fmt.Errorf("statevec: apply %s: %w", op.Name(), err)
	}
	return s.applyOp(op, nil)
}

// applyOp applies a validated, bound unitary op or barrier. scale is nil,
// or the product of deferred scalars of a Simulator run (see butterfly.go).
func (s *vector[C]) applyOp(op circuits.Op, scale *float64) error {
	if op.Gate == circuits.Barrier {
		return nil
	}
	m, err := op.BaseMatrix(nil)
	if err != nil {
		return fmt.Errorf("statevec: %s: %w", op.Name(), err)
	}
	s.applyMatrix(m, op.Targets, op.Controls, scale)
	return nil
}

// ApplyMatrix applies the row-major 2^k × 2^k matrix m to the k =
// len(targets) qubits targets (targets[0] indexes the least significant
// bit of a row, as in circuits.Op.Matrix) where every control qubit is 1,
// leaving the rest of the state alone. m need not be unitary: gradient code
// applies generator derivatives and projectors; the norm then changes.
func (s *vector[C]) ApplyMatrix(m []complex128, targets, controls []int) error {
	k := len(targets)
	if k == 0 || k > MaxMatrixQubits {
		return fmt.Errorf("statevec: apply matrix: %d targets, want 1 to %d", k, MaxMatrixQubits)
	}
	qubits := append(append(make([]int, 0, k+len(controls)), targets...), controls...)
	if err := s.checkDistinct(qubits); err != nil {
		return fmt.Errorf("statevec: apply matrix: %w", err)
	}
	d := 1 << uint(k)
	if len(m) != d*d {
		return fmt.Errorf("statevec: apply matrix: %d entries for %d targets, want %d", len(m), k, d*d)
	}
	for i, v := range m {
		if cmplx.IsNaN(v) || cmplx.IsInf(v) {
			return fmt.Errorf("statevec: apply matrix: entry %d is %v", i, v)
		}
	}
	s.applyMatrix(m, targets, controls, nil)
	return nil
}

// applyMatrix picks the cheapest kernel for a checked matrix: it reads the
// matrix's structure (diagonal, permutation with phases, real, Hadamard)
// rather than the gate's name, so Unitary ops and ApplyMatrix get the same
// fast paths as named gates. With a non-nil scale (a Simulator run) a real
// two-qubit matrix without controls may run as a butterfly with its scalar
// deferred into *scale, or absorb *scale (see butterfly.go).
func (s *vector[C]) applyMatrix(m []complex128, targets, controls []int, scale *float64) {
	k := len(targets)
	d := 1 << uint(k)
	var ctrl uint64
	for _, c := range controls {
		ctrl |= 1 << uint(c)
	}
	// offset returns the index bits of local basis state l (bit i of l is
	// targets[i]) with every control set.
	offset := func(l int) uint64 {
		o := ctrl
		for i, t := range targets {
			if l>>uint(i)&1 == 1 {
				o |= 1 << uint(t)
			}
		}
		return o
	}
	t := task{sites: kernel.NewSites(s.n, targets, controls)}

	switch a, b, ok := singleTransposition(m, d); {
	case isDiagonal(m, d):
		var n int
		for l := 0; l < d; l++ {
			if v := m[l*d+l]; v != 1 {
				if n == 0 {
					t.o0, t.p0 = offset(l), v
				} else if n == 1 {
					t.o1, t.p1 = offset(l), v
				}
				n++
			}
		}
		switch {
		case n == 0:
			return
		case n == 1:
			t.kind = kindPhase
		case n == 2:
			t.kind = kindDiag2
		case d == 4: // RZZ and other two-qubit diagonals, unrolled
			t.kind = kindDiag4
			for l := 0; l < 4; l++ {
				t.off4[l], t.m[l] = offset(l), m[l*d+l]
			}
		default:
			t.kind = kindDiag
			for l := 0; l < d; l++ {
				if v := m[l*d+l]; v != 1 {
					t.offs = append(t.offs, offset(l))
					t.vals = append(t.vals, v)
				}
			}
		}
		t.touched = uint64(n)
	case ok:
		t.o0, t.o1 = offset(a), offset(b)
		t.p0, t.p1 = m[a*d+b], m[b*d+a]
		t.kind, t.touched = kindSwapPhase, 2
		if t.p0 == 1 && t.p1 == 1 {
			t.kind = kindSwap
		}
	case k == 1:
		t.o0, t.o1, t.touched = ctrl, ctrl|1<<uint(targets[0]), 2
		if isReal(m) {
			r := &t.r
			copyReal(r[:4], m)
			t.kind = kindReal2
			if r[0] == r[1] && r[0] == r[2] && r[0] == -r[3] {
				t.kind = kindHadamard
			}
		} else {
			t.kind = kindMat2
			copy(t.m[:4], m)
		}
	case k == 2:
		t.touched = 4
		if p, ok := twoBlocks(m); ok {
			t.kind = kindMat2x2
			for i, l := range p {
				t.off4[i] = offset(l)
			}
			for i, pair := range [2][2]int{{p[0], p[1]}, {p[2], p[3]}} {
				a, b := pair[0], pair[1]
				t.m[4*i], t.m[4*i+1], t.m[4*i+2], t.m[4*i+3] = m[a*4+a], m[a*4+b], m[b*4+a], m[b*4+b]
			}
			break
		}
		t.off4 = [4]uint64{offset(0), offset(1), offset(2), offset(3)}
		if isReal(m) {
			t.kind = kindReal4
			copyReal(t.r[:], m)
			if scale != nil && len(controls) == 0 {
				deferButterfly[C](&t, targets, scale)
			}
			break
		}
		t.kind = kindMat4
		copy(t.m[:], m)
	default:
		t.touched = uint64(d)
		t.offs = make([]uint64, d)
		for l := range t.offs {
			t.offs[l] = offset(l)
		}
		t.re = make([]float64, len(m))
		copyReal(t.re, m)
		if isReal(m) {
			t.kind = kindRealK
			break
		}
		t.kind = kindMatK
		t.im = make([]float64, len(m))
		for i, v := range m {
			t.im[i] = imag(v)
		}
	}
	execute(s, &t)
}

// taskKind names the kernel a task runs.
type taskKind uint8

const (
	kindPhase taskKind = iota
	kindDiag2
	kindDiag4
	kindDiag
	kindSwap
	kindSwapPhase
	kindHadamard
	kindReal2
	kindMat2
	kindMat2x2
	kindMat4
	kindReal4
	kindMatK
	kindRealK
	kindButterfly
)

// task is one kernel call with its arguments, kept in a value so that the
// serial path allocates nothing.
type task struct {
	kind    taskKind
	sites   kernel.Sites
	o0, o1  uint64
	p0, p1  complex128
	r       [16]float64 // a real 2×2 or 4×4 matrix
	m       [16]complex128
	off4    [4]uint64
	offs    []uint64
	vals    []complex128
	re, im  []float64 // real and imaginary parts of a dense matrix
	bfly    kernel.Butterfly
	touched uint64 // amplitudes changed per base index
}

// execute runs t on the state, split across goroutines when it touches
// enough amplitudes.
func execute[C kernel.Complex](s *vector[C], t *task) {
	count := t.sites.Count
	if !s.split(count, count*t.touched) {
		run(t, s.amp, 0, count)
		return
	}
	shared := *t // the goroutines share a heap copy; the serial path stays on the stack
	x := s.amp
	s.forRange(count, count*t.touched, func(lo, hi uint64) { run(&shared, x, lo, hi) })
}

// run applies the task to base indices [lo, hi).
func run[C kernel.Complex](t *task, x []C, lo, hi uint64) {
	switch t.kind {
	case kindPhase:
		kernel.Phase(x, &t.sites, t.o0, t.p0, lo, hi)
	case kindDiag2:
		kernel.Diag2(x, &t.sites, t.o0, t.o1, t.p0, t.p1, lo, hi)
	case kindDiag4:
		kernel.Diag4(x, &t.sites, t.off4, [4]complex128(t.m[:4]), lo, hi)
	case kindDiag:
		kernel.Diag(x, &t.sites, t.offs, t.vals, lo, hi)
	case kindSwap:
		kernel.Swap(x, &t.sites, t.o0, t.o1, lo, hi)
	case kindSwapPhase:
		kernel.SwapPhase(x, &t.sites, t.o0, t.o1, t.p0, t.p1, lo, hi)
	case kindHadamard:
		kernel.Hadamard(x, &t.sites, t.o0, t.o1, t.r[0], lo, hi)
	case kindReal2:
		kernel.Real2(x, &t.sites, t.o0, t.o1, [4]float64(t.r[:4]), lo, hi)
	case kindMat2:
		kernel.Mat2(x, &t.sites, t.o0, t.o1, [4]complex128(t.m[:4]), lo, hi)
	case kindMat2x2:
		kernel.Mat2x2(x, &t.sites, t.off4, [4]complex128(t.m[:4]), [4]complex128(t.m[4:8]), lo, hi)
	case kindMat4:
		kernel.Mat4(x, &t.sites, t.off4, &t.m, lo, hi)
	case kindReal4:
		kernel.Real4(x, &t.sites, t.off4, &t.r, lo, hi)
	case kindButterfly:
		kernel.Butterfly4(x, &t.sites, &t.bfly, lo, hi)
	case kindMatK, kindRealK:
		var small [32]complex128
		buf := small[:]
		if len(t.offs) > len(small) {
			buf = make([]complex128, len(t.offs))
		}
		if t.kind == kindRealK {
			kernel.RealK(x, &t.sites, t.offs, t.re, buf, lo, hi)
		} else {
			kernel.MatK(x, &t.sites, t.offs, t.re, t.im, buf, lo, hi)
		}
	}
}

// isDiagonal reports whether every off-diagonal entry is exactly zero.
func isDiagonal(m []complex128, d int) bool {
	for r := 0; r < d; r++ {
		for c := 0; c < d; c++ {
			if r != c && m[r*d+c] != 0 {
				return false
			}
		}
	}
	return true
}

// singleTransposition reports whether m exchanges exactly two local basis
// states a < b (with phases m[a][b], m[b][a]) and leaves every other one
// untouched (diagonal entry exactly 1): X, Y, SWAP, iSWAP, and their
// controlled forms.
func singleTransposition(m []complex128, d int) (a, b int, ok bool) {
	a, b = -1, -1
	for r := 0; r < d; r++ {
		if m[r*d+r] == 1 {
			for c := 0; c < d; c++ {
				if c != r && (m[r*d+c] != 0 || m[c*d+r] != 0) {
					return 0, 0, false
				}
			}
			continue
		}
		if m[r*d+r] != 0 {
			return 0, 0, false
		}
		switch {
		case a < 0:
			a = r
		case b < 0:
			b = r
		default:
			return 0, 0, false
		}
	}
	if b < 0 {
		return 0, 0, false
	}
	// Rows a and b are zero on the diagonal and (by the scan above) zero in
	// every column of a fixed state; their only possible nonzero entries are
	// m[a][b] and m[b][a].
	return a, b, true
}

// twoBlocks reports whether the 4×4 matrix m never mixes the local states
// of one pair with the other for some split of {0, 1, 2, 3} into two pairs,
// and returns the split (p[0], p[1]), (p[2], p[3]).
func twoBlocks(m []complex128) ([4]int, bool) {
	for _, p := range [3][4]int{{0, 1, 2, 3}, {0, 2, 1, 3}, {0, 3, 1, 2}} {
		ok := true
		for _, r := range p[:2] {
			for _, c := range p[2:] {
				ok = ok && m[r*4+c] == 0 && m[c*4+r] == 0
			}
		}
		if ok {
			return p, true
		}
	}
	return [4]int{}, false
}

// isReal reports whether every entry of m is real.
func isReal(m []complex128) bool {
	for _, v := range m {
		if imag(v) != 0 {
			return false
		}
	}
	return true
}

// copyReal writes the real parts of m into r.
func copyReal(r []float64, m []complex128) {
	for i, v := range m[:len(r)] {
		r[i] = real(v)
	}
}
