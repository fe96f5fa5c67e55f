package qml

import (
	"runtime"
	"slices"
	"sync"
)

// layout places an op's targets and controls in an n-qubit basis index.
// Base indices b ∈ [0, count) enumerate the assignments of the other
// qubits; deposit inserts zeros at the involved positions. Indices with
// zeros at every involved qubit come in contiguous runs of runLen (all
// qubits below the lowest involved one are free), which the kernels slice
// once per run and walk without bounds checks. When the lowest involved
// qubit is below 3 the runs are too short for that (strided): the kernels
// walk groups of group base indices instead, base index b + k of a group
// sitting at s + k + (k &^ (runLen−1)), one zero bit inserted arithmetically.
type layout struct {
	pos     []int // involved qubits, ascending
	runLen  uint64
	count   uint64
	ctrl    uint64    // every control bit set
	t       [2]uint64 // target bits (t[1] only for two targets)
	strided bool
	group   uint64
	// adjacent marks a strided one-target op on qubit 0 with no lower
	// control: its pairs (2k, 2k+1) fill each group contiguously.
	adjacent bool
}

// minRun is the shortest run the kernels slice.
const minRun = 8

func newLayout(n int, targets, controls []int) layout {
	pos := append(append([]int(nil), targets...), controls...)
	slices.Sort(pos)
	l := layout{pos: pos, runLen: 1 << uint(pos[0]), count: 1 << uint(n-len(pos))}
	for _, c := range controls {
		l.ctrl |= 1 << uint(c)
	}
	for i, t := range targets {
		if i < 2 {
			l.t[i] = 1 << uint(t)
		}
	}
	if l.runLen < minRun {
		next := n
		if len(pos) > 1 {
			next = pos[1]
		}
		l.strided, l.group = true, 1<<uint(next-1)
		l.adjacent = len(targets) == 1 && targets[0] == 0
	}
	return l
}

// deposit maps base index b to the basis index with zeros at the involved
// qubits and b's bits, in order, everywhere else.
func (l *layout) deposit(b uint64) uint64 {
	for _, p := range l.pos {
		low := b & (1<<uint(p) - 1)
		b = (b-low)<<1 | low
	}
	return b
}

// runs calls f for every contiguous run of base indices in [lo, hi): the
// run's first basis index (controls set, targets clear) and its length.
func (l *layout) runs(lo, hi uint64, f func(start, n uint64)) {
	for b := lo; b < hi; {
		j := b & (l.runLen - 1)
		n := min(l.runLen-j, hi-b)
		f((l.deposit(b-j)|l.ctrl)+j, n)
		b += n
	}
}

// groups calls f for every group of a strided layout in [lo, hi): s is
// the basis index of the group's first base index (controls set), m the
// number of base indices; base index k of the group sits at
// s + k + (k &^ (runLen−1)). lo and hi must be multiples of runLen
// (forChunks' power-of-two chunks are).
func (l *layout) groups(lo, hi uint64, f func(s, m uint64)) {
	for b := lo; b < hi; {
		m := min(l.group-b&(l.group-1), hi-b)
		f(l.deposit(b)|l.ctrl, m)
		b += m
	}
}

// acc16 holds X[r·d+c] = Σ conj(λ_r)·φ_c over the blocks a kernel visits
// (d = 2 or 4 local basis states): every derivative of the op's angles is
// a contraction of it with a small matrix, so one pass serves them all.
type acc16 [16]complex128

// Parallel split: work below parallelMin amplitudes stays on the calling
// goroutine (fork/join costs more than a second core saves, as statevec
// measured on the reference machine). Reductions use chunk boundaries that
// depend only on the size, so sums are bit-identical for every GOMAXPROCS.
const (
	parallelMin = 1 << 16
	chunkTarget = 64
	chunkMin    = 1 << 12
)

// forChunks runs part on fixed chunks of [0, count) and returns the sum
// of their accumulators in chunk order. touched is the number of
// amplitudes per base index, used to decide whether to split.
func forChunks(count, touched uint64, part func(lo, hi uint64) acc16) acc16 {
	size := max(chunkMin, (count+chunkTarget-1)/chunkTarget)
	nChunks := (count + size - 1) / size
	workers := uint64(runtime.GOMAXPROCS(0))
	if workers < 2 || nChunks < 2 || count*touched < parallelMin {
		var total acc16
		for c := uint64(0); c < nChunks; c++ {
			addAcc(&total, part(c*size, min((c+1)*size, count)))
		}
		return total
	}
	parts := make([]acc16, nChunks)
	workers = min(workers, nChunks)
	step := (nChunks + workers - 1) / workers
	var wg sync.WaitGroup
	for w := uint64(0); w < nChunks; w += step {
		wg.Go(func() {
			for c := w; c < min(w+step, nChunks); c++ {
				parts[c] = part(c*size, min((c+1)*size, count))
			}
		})
	}
	wg.Wait()
	var total acc16
	for _, p := range parts {
		addAcc(&total, p)
	}
	return total
}

func addAcc(dst *acc16, src acc16) {
	for k := range dst {
		dst[k] += src[k]
	}
}

// conjMul returns conj(a)·b.
func conjMul(a, b complex128) complex128 {
	ar, ai, br, bi := real(a), imag(a), real(b), imag(b)
	return complex(ar*br+ai*bi, ar*bi-ai*br)
}

// The kernels below take one step of the backward sweep for a 1- or
// 2-target op with matrix B: they accumulate parts of X over the
// controlled block from φ (the state after the op) and λ, then, if apply
// is set, replace φ by B†φ and λ by B†λ there. Each visits the two
// vectors once. Only the parts of X the op's derivative matrices M need
// are accumulated: when M's entry is real only Re X matters to Re(M·X),
// when it is imaginary only Im X.

// accMode says which parts of a one-target X to accumulate.
type accMode uint8

const (
	accNone   accMode = iota
	accOffRe          // Re X01, Re X10 (RY: M = −(i/2)·Y is real)
	accOffIm          // Im X01, Im X10 (RX: M = −(i/2)·X is imaginary)
	accDiagIm         // Im X00, Im X11 (U's φ or λ alone: M = diag(0, i))
	accFull           // all four entries
)

// conjMulRe and conjMulIm are the parts of conj(a)·b.
func conjMulRe(a, b complex128) float64 { return real(a)*real(b) + imag(a)*imag(b) }
func conjMulIm(a, b complex128) float64 { return real(a)*imag(b) - imag(a)*real(b) }

// stepDiag handles diagonal ops on the local states listed in offs (bit
// offsets within the block) with B† entries vals; local states not listed
// are left alone (their entry is 1 after the caller's normalisation).
// With re/im set it accumulates those parts of X_ll for every listed
// state into x[l·d+l], l given by locals.
func stepDiag(phi, lam []complex128, l *layout, offs []uint64, vals []complex128, locals []int, re, im, apply bool, lo, hi uint64) acc16 {
	var xr, xi [4]float64
	visit := func(i0 uint64) {
		for k, o := range offs {
			i := i0 | o
			v, w := phi[i], lam[i]
			if re {
				xr[k] += conjMulRe(w, v)
			}
			if im {
				xi[k] += conjMulIm(w, v)
			}
			if apply {
				phi[i] = vals[k] * v
				lam[i] = vals[k] * w
			}
		}
	}
	if l.strided {
		rm := l.runLen - 1
		l.groups(lo, hi, func(s, m uint64) {
			for k := uint64(0); k < m; k++ {
				visit(s + k + k&^rm)
			}
		})
	} else {
		l.runs(lo, hi, func(s, n uint64) {
			for i0 := s; i0 < s+n; i0++ {
				visit(i0)
			}
		})
	}
	var x acc16
	d := 2
	if l.t[1] != 0 {
		d = 4
	}
	for k, loc := range locals {
		x[loc*d+loc] = complex(xr[k], xi[k])
	}
	return x
}

// stepDiagOne is stepDiag for a single touched local state (RZ after
// normalisation, P, CP, CZ, S, T): half the amplitudes or fewer. The
// common case — RZ or P with a derivative, needing only Im X — has its
// own loop.
func stepDiagOne(phi, lam []complex128, l *layout, off uint64, val complex128, re, im, apply bool, lo, hi uint64) (xr, xi float64) {
	if l.adjacent && im && !re && apply {
		vr, vi := real(val), imag(val)
		l.groups(lo, hi, func(s, m uint64) {
			ph, la := phi[s:s+2*m], lam[s:s+2*m]
			la = la[:len(ph)]
			var a float64
			for k := int(off); k < len(ph); k += 2 {
				v, w := ph[k], la[k]
				a += real(w)*imag(v) - imag(w)*real(v)
				ph[k] = complex(vr*real(v)-vi*imag(v), vr*imag(v)+vi*real(v))
				la[k] = complex(vr*real(w)-vi*imag(w), vr*imag(w)+vi*real(w))
			}
			xi += a
		})
		return xr, xi
	}
	if l.strided {
		rm := l.runLen - 1
		l.groups(lo, hi, func(s, m uint64) {
			for k := uint64(0); k < m; k++ {
				i := (s + k + k&^rm) | off
				v, w := phi[i], lam[i]
				if re {
					xr += conjMulRe(w, v)
				}
				if im {
					xi += conjMulIm(w, v)
				}
				if apply {
					phi[i] = val * v
					lam[i] = val * w
				}
			}
		})
		return xr, xi
	}
	vr, vi := real(val), imag(val)
	l.runs(lo, hi, func(s, n uint64) {
		ph, la := phi[s|off:(s|off)+n], lam[s|off:(s|off)+n]
		la = la[:len(ph)]
		switch {
		case im && !re && apply:
			var a float64
			for k, v := range ph {
				w := la[k]
				a += real(w)*imag(v) - imag(w)*real(v)
				ph[k] = complex(vr*real(v)-vi*imag(v), vr*imag(v)+vi*real(v))
				la[k] = complex(vr*real(w)-vi*imag(w), vr*imag(w)+vi*real(w))
			}
			xi += a
		case !re && !im && apply:
			for k, v := range ph {
				w := la[k]
				ph[k] = complex(vr*real(v)-vi*imag(v), vr*imag(v)+vi*real(v))
				la[k] = complex(vr*real(w)-vi*imag(w), vr*imag(w)+vi*real(w))
			}
		default:
			for k, v := range ph {
				w := la[k]
				if re {
					xr += conjMulRe(w, v)
				}
				if im {
					xi += conjMulIm(w, v)
				}
				if apply {
					ph[k] = val * v
					la[k] = val * w
				}
			}
		}
	})
	return xr, xi
}

// stepSwap1 handles anti-diagonal one-target ops without angles (X, Y and
// their controlled forms): u = [[0, a], [b, 0]].
func stepSwap1(phi, lam []complex128, l *layout, u [4]complex128, lo, hi uint64) acc16 {
	a, c := u[1], u[2]
	plain := a == 1 && c == 1
	t := l.t[0]
	if l.strided {
		rm := l.runLen - 1
		l.groups(lo, hi, func(s, m uint64) {
			for k := uint64(0); k < m; k++ {
				i0 := s + k + k&^rm
				i1 := i0 | t
				if plain {
					phi[i0], phi[i1] = phi[i1], phi[i0]
					lam[i0], lam[i1] = lam[i1], lam[i0]
					continue
				}
				phi[i0], phi[i1] = a*phi[i1], c*phi[i0]
				lam[i0], lam[i1] = a*lam[i1], c*lam[i0]
			}
		})
		return acc16{}
	}
	l.runs(lo, hi, func(s, n uint64) {
		r := l.pairRun(phi, lam, s, n)
		p0 := r.p0
		p1, q0, q1 := r.p1[:len(p0)], r.q0[:len(p0)], r.q1[:len(p0)]
		if plain {
			for k := range p0 {
				p0[k], p1[k] = p1[k], p0[k]
				q0[k], q1[k] = q1[k], q0[k]
			}
			return
		}
		for k := range p0 {
			p0[k], p1[k] = a*p1[k], c*p0[k]
			q0[k], q1[k] = a*q1[k], c*q0[k]
		}
	})
	return acc16{}
}

// pairRun is one run of a one-target kernel: amplitudes with the target
// clear (p0, q0 for φ and λ) and set (p1, q1), all of one length.
type pairRun struct{ p0, p1, q0, q1 []complex128 }

func (l *layout) pairRun(phi, lam []complex128, s, n uint64) pairRun {
	t := l.t[0]
	r := pairRun{p0: phi[s : s+n], p1: phi[s|t : (s|t)+n], q0: lam[s : s+n], q1: lam[s|t : (s|t)+n]}
	r.p1, r.q0, r.q1 = r.p1[:len(r.p0)], r.q0[:len(r.p0)], r.q1[:len(r.p0)]
	return r
}

// accumulatePair adds the mode's parts of X for one pair to x = (Re, Im)
// of X00, X01, X10, X11.
func accumulatePair(x *[8]float64, mode accMode, v0, v1, w0, w1 complex128) {
	switch mode {
	case accOffRe:
		x[2] += conjMulRe(w0, v1)
		x[4] += conjMulRe(w1, v0)
	case accOffIm:
		x[3] += conjMulIm(w0, v1)
		x[5] += conjMulIm(w1, v0)
	case accDiagIm:
		x[1] += conjMulIm(w0, v0)
		x[7] += conjMulIm(w1, v1)
	case accFull:
		x[0] += conjMulRe(w0, v0)
		x[1] += conjMulIm(w0, v0)
		x[2] += conjMulRe(w0, v1)
		x[3] += conjMulIm(w0, v1)
		x[4] += conjMulRe(w1, v0)
		x[5] += conjMulIm(w1, v0)
		x[6] += conjMulRe(w1, v1)
		x[7] += conjMulIm(w1, v1)
	}
}

func acc1(x [8]float64) acc16 {
	return acc16{complex(x[0], x[1]), complex(x[2], x[3]), complex(x[4], x[5]), complex(x[6], x[7])}
}

// stepReal1 handles one-target ops with a real matrix (RY, H); RY's
// accumulation (accOffRe) is fused into the update loop.
func stepReal1(phi, lam []complex128, l *layout, u [4]float64, mode accMode, apply bool, lo, hi uint64) acc16 {
	var x [8]float64
	u0, u1, u2, u3 := u[0], u[1], u[2], u[3]
	t := l.t[0]
	if l.adjacent && mode == accOffRe && apply {
		l.groups(lo, hi, func(s, m uint64) {
			ph, la := phi[s:s+2*m], lam[s:s+2*m]
			la = la[:len(ph)]
			var a, b float64
			for k := 0; k+1 < len(ph); k += 2 {
				v0, v1, w0, w1 := ph[k], ph[k+1], la[k], la[k+1]
				a += real(w0)*real(v1) + imag(w0)*imag(v1)
				b += real(w1)*real(v0) + imag(w1)*imag(v0)
				ph[k] = complex(u0*real(v0)+u1*real(v1), u0*imag(v0)+u1*imag(v1))
				ph[k+1] = complex(u2*real(v0)+u3*real(v1), u2*imag(v0)+u3*imag(v1))
				la[k] = complex(u0*real(w0)+u1*real(w1), u0*imag(w0)+u1*imag(w1))
				la[k+1] = complex(u2*real(w0)+u3*real(w1), u2*imag(w0)+u3*imag(w1))
			}
			x[2] += a
			x[4] += b
		})
		return acc1(x)
	}
	if l.strided {
		rm := l.runLen - 1
		l.groups(lo, hi, func(s, m uint64) {
			for k := uint64(0); k < m; k++ {
				i0 := s + k + k&^rm
				i1 := i0 | t
				v0, v1, w0, w1 := phi[i0], phi[i1], lam[i0], lam[i1]
				accumulatePair(&x, mode, v0, v1, w0, w1)
				if apply {
					phi[i0] = complex(u0*real(v0)+u1*real(v1), u0*imag(v0)+u1*imag(v1))
					phi[i1] = complex(u2*real(v0)+u3*real(v1), u2*imag(v0)+u3*imag(v1))
					lam[i0] = complex(u0*real(w0)+u1*real(w1), u0*imag(w0)+u1*imag(w1))
					lam[i1] = complex(u2*real(w0)+u3*real(w1), u2*imag(w0)+u3*imag(w1))
				}
			}
		})
		return acc1(x)
	}
	l.runs(lo, hi, func(s, n uint64) { realRun(l.pairRun(phi, lam, s, n), u, mode, apply, &x) })
	return acc1(x)
}

// realRun applies a real one-target step to one run.
func realRun(r pairRun, u [4]float64, mode accMode, apply bool, x *[8]float64) {
	u0, u1, u2, u3 := u[0], u[1], u[2], u[3]
	// Local slices of one length let the compiler drop the bounds checks.
	p0 := r.p0
	p1, q0, q1 := r.p1[:len(p0)], r.q0[:len(p0)], r.q1[:len(p0)]
	switch {
	case mode == accOffRe && apply:
		var a, b float64
		for k, v0 := range p0 {
			v1, w0, w1 := p1[k], q0[k], q1[k]
			a += real(w0)*real(v1) + imag(w0)*imag(v1)
			b += real(w1)*real(v0) + imag(w1)*imag(v0)
			p0[k] = complex(u0*real(v0)+u1*real(v1), u0*imag(v0)+u1*imag(v1))
			p1[k] = complex(u2*real(v0)+u3*real(v1), u2*imag(v0)+u3*imag(v1))
			q0[k] = complex(u0*real(w0)+u1*real(w1), u0*imag(w0)+u1*imag(w1))
			q1[k] = complex(u2*real(w0)+u3*real(w1), u2*imag(w0)+u3*imag(w1))
		}
		x[2] += a
		x[4] += b
	case mode == accNone && apply:
		for k, v0 := range p0 {
			v1, w0, w1 := p1[k], q0[k], q1[k]
			p0[k] = complex(u0*real(v0)+u1*real(v1), u0*imag(v0)+u1*imag(v1))
			p1[k] = complex(u2*real(v0)+u3*real(v1), u2*imag(v0)+u3*imag(v1))
			q0[k] = complex(u0*real(w0)+u1*real(w1), u0*imag(w0)+u1*imag(w1))
			q1[k] = complex(u2*real(w0)+u3*real(w1), u2*imag(w0)+u3*imag(w1))
		}
	default:
		for k, v0 := range p0 {
			v1, w0, w1 := p1[k], q0[k], q1[k]
			accumulatePair(x, mode, v0, v1, w0, w1)
			if apply {
				p0[k] = complex(u0*real(v0)+u1*real(v1), u0*imag(v0)+u1*imag(v1))
				p1[k] = complex(u2*real(v0)+u3*real(v1), u2*imag(v0)+u3*imag(v1))
				q0[k] = complex(u0*real(w0)+u1*real(w1), u0*imag(w0)+u1*imag(w1))
				q1[k] = complex(u2*real(w0)+u3*real(w1), u2*imag(w0)+u3*imag(w1))
			}
		}
	}
}

// stepMat1 handles any one-target op with a complex matrix; RX's
// accumulation (accOffIm) is fused into the update loop.
func stepMat1(phi, lam []complex128, l *layout, u [4]complex128, mode accMode, apply bool, lo, hi uint64) acc16 {
	var x [8]float64
	u0, u1, u2, u3 := u[0], u[1], u[2], u[3]
	t := l.t[0]
	if l.strided {
		rm := l.runLen - 1
		l.groups(lo, hi, func(s, m uint64) {
			for k := uint64(0); k < m; k++ {
				i0 := s + k + k&^rm
				i1 := i0 | t
				v0, v1, w0, w1 := phi[i0], phi[i1], lam[i0], lam[i1]
				accumulatePair(&x, mode, v0, v1, w0, w1)
				if apply {
					phi[i0] = u0*v0 + u1*v1
					phi[i1] = u2*v0 + u3*v1
					lam[i0] = u0*w0 + u1*w1
					lam[i1] = u2*w0 + u3*w1
				}
			}
		})
		return acc1(x)
	}
	l.runs(lo, hi, func(s, n uint64) { matRun(l.pairRun(phi, lam, s, n), u, mode, apply, &x) })
	return acc1(x)
}

// matRun applies a complex one-target step to one run.
func matRun(r pairRun, u [4]complex128, mode accMode, apply bool, x *[8]float64) {
	u0, u1, u2, u3 := u[0], u[1], u[2], u[3]
	// Local slices of one length let the compiler drop the bounds checks.
	p0 := r.p0
	p1, q0, q1 := r.p1[:len(p0)], r.q0[:len(p0)], r.q1[:len(p0)]
	if mode == accOffIm && apply {
		var a, b float64
		for k, v0 := range p0 {
			v1, w0, w1 := p1[k], q0[k], q1[k]
			a += real(w0)*imag(v1) - imag(w0)*real(v1)
			b += real(w1)*imag(v0) - imag(w1)*real(v0)
			p0[k] = u0*v0 + u1*v1
			p1[k] = u2*v0 + u3*v1
			q0[k] = u0*w0 + u1*w1
			q1[k] = u2*w0 + u3*w1
		}
		x[3] += a
		x[5] += b
		return
	}
	for k, v0 := range p0 {
		v1, w0, w1 := p1[k], q0[k], q1[k]
		accumulatePair(x, mode, v0, v1, w0, w1)
		if apply {
			p0[k] = u0*v0 + u1*v1
			p1[k] = u2*v0 + u3*v1
			q0[k] = u0*w0 + u1*w1
			q1[k] = u2*w0 + u3*w1
		}
	}
}

// stepMat2 handles any two-target op (RXX, RYY, RZX, SWAP, iSWAP, 4×4
// unitaries, with controls), accumulating the X entries listed in need.
func stepMat2(phi, lam []complex128, l *layout, u [16]complex128, need []int, apply bool, lo, hi uint64) acc16 {
	var x acc16
	off := [4]uint64{0, l.t[0], l.t[1], l.t[0] | l.t[1]}
	var v, w [4]complex128
	visit := func(i0 uint64) {
		for k, o := range off {
			v[k], w[k] = phi[i0|o], lam[i0|o]
		}
		for _, e := range need {
			x[e] += conjMul(w[e>>2], v[e&3])
		}
		if apply {
			for r, o := range off {
				phi[i0|o] = u[4*r]*v[0] + u[4*r+1]*v[1] + u[4*r+2]*v[2] + u[4*r+3]*v[3]
				lam[i0|o] = u[4*r]*w[0] + u[4*r+1]*w[1] + u[4*r+2]*w[2] + u[4*r+3]*w[3]
			}
		}
	}
	if l.strided {
		rm := l.runLen - 1
		l.groups(lo, hi, func(s, m uint64) {
			for k := uint64(0); k < m; k++ {
				visit(s + k + k&^rm)
			}
		})
		return x
	}
	l.runs(lo, hi, func(s, n uint64) {
		for i0 := s; i0 < s+n; i0++ {
			visit(i0)
		}
	})
	return x
}
