package itsubakiref

import (
	"math"
	"math/cmplx"

	"github.com/itsubaki/q"
	"github.com/itsubaki/q/math/matrix"
)

// unitary applies the 2^k×2^k matrix m (local bit i is targets[i]) as a
// diagonal of phases followed by two-level unitaries: Givens rotations
// G_1…G_m reduce m to a diagonal D (G_m⋯G_1·m = D), so m = G_1†⋯G_m†·D.
func (r *Replay) unitary(m []complex128, targets, ctl []int) {
	d := 1 << len(targets)
	w := append([]complex128(nil), m...)
	type twoLevel struct {
		lo, hi int
		v      [4]complex128 // G† in the basis (|lo⟩, |hi⟩)
	}
	var rots []twoLevel
	for c := 0; c < d-1; c++ {
		for r := d - 1; r > c; r-- {
			a, b := w[c*d+c], w[r*d+c]
			if b == 0 {
				continue
			}
			nrm := complex(math.Hypot(cmplx.Abs(a), cmplx.Abs(b)), 0)
			g := [4]complex128{cmplx.Conj(a) / nrm, cmplx.Conj(b) / nrm, -b / nrm, a / nrm}
			for col := 0; col < d; col++ {
				x, y := w[c*d+col], w[r*d+col]
				w[c*d+col] = g[0]*x + g[1]*y
				w[r*d+col] = g[2]*x + g[3]*y
			}
			rots = append(rots, twoLevel{c, r, [4]complex128{
				cmplx.Conj(g[0]), cmplx.Conj(g[2]), cmplx.Conj(g[1]), cmplx.Conj(g[3]),
			}})
		}
	}
	for l := 0; l < d; l++ {
		r.basisPhase(cmplx.Phase(w[l*d+l]), l, targets, ctl)
	}
	for i := len(rots) - 1; i >= 0; i-- {
		r.twoLevel(rots[i].v, rots[i].lo, rots[i].hi, targets, ctl)
	}
}

// basisPhase multiplies local basis state l by e^{iφ}.
func (r *Replay) basisPhase(phi float64, l int, targets, ctl []int) {
	var flip []q.Qubit
	controls := append([]int(nil), ctl...)
	for i, t := range targets {
		if l>>i&1 == 0 {
			flip = append(flip, r.reg[t])
		}
		if i > 0 {
			controls = append(controls, t)
		}
	}
	r.sim.X(flip...)
	r.sim.ControlledR(phi, r.qs(controls), []q.Qubit{r.reg[targets[0]]})
	r.sim.X(flip...)
}

// twoLevel applies v on the span of local states lo < hi. With h the
// highest bit where they differ (lo has 0 there), CNOTs from bit h onto the
// other differing bits map hi to lo⊕2^h and fix lo; v then acts on bit h,
// controlled by every other target bit equalling lo's (X-conjugated where
// that bit is 0) and by the op's controls.
func (r *Replay) twoLevel(v [4]complex128, lo, hi int, targets, ctl []int) {
	diff := lo ^ hi
	h := 0
	for diff>>(h+1) != 0 {
		h++
	}
	var others []int
	for i := range targets {
		if i != h && diff>>i&1 == 1 {
			others = append(others, targets[i])
		}
	}
	perm := func() {
		for _, t := range others {
			r.cx([]int{targets[h]}, t)
		}
	}
	var flip []q.Qubit
	controls := append([]int(nil), ctl...)
	for i, t := range targets {
		if i == h {
			continue
		}
		controls = append(controls, t)
		if lo>>i&1 == 0 {
			flip = append(flip, r.reg[t])
		}
	}
	perm()
	r.sim.X(flip...)
	r.c2(matrix.New(v[0:2], v[2:4]), controls, targets[h])
	r.sim.X(flip...)
	perm()
}
