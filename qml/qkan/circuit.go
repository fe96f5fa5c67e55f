package qkan

import (
	"fmt"
	"math"
)

// cs holds cos(φ/2) and sin(φ/2) of a rotation angle φ.
type cs struct{ c, s float64 }

func halfAngle(phi float64) cs {
	s, c := math.Sincos(phi / 2)
	return cs{c, s}
}

type opKind uint8

const (
	opRZ     opKind = iota // RZ(θ_idx)
	opRY                   // RY(θ_idx)
	opRX                   // RX(θ_idx)
	opX                    // Pauli X
	opZ                    // Pauli Z
	opDataRZ               // RZ(a_idx)
	opDataRY               // RY(a_idx)
	opDataRX               // RX(arccos a_idx)
)

type op struct {
	kind opKind
	idx  int // θ index for trainable gates, repetition for data gates
}

// circuit is a compiled DARUAN: the gate list applied to H|0⟩. The state
// α|0⟩ + β|1⟩ is carried as four reals (ar, ai, br, bi), and every gate is
// applied as its closed-form 2×2 action.
type circuit struct {
	ansatz  Ansatz
	reps    int
	nTheta  int
	readout Readout
	ops     []op
}

func newCircuit(a Ansatz, reps int, ro Readout) (*circuit, error) {
	if reps < 1 {
		return nil, fmt.Errorf("qkan: reps %d must be at least 1", reps)
	}
	if ro != Exact && ro != Fast {
		return nil, fmt.Errorf("qkan: unknown readout %d", int(ro))
	}
	c := &circuit{ansatz: a, reps: reps, readout: ro}
	switch a {
	case PZ:
		for l := 0; l < reps; l++ {
			c.ops = append(c.ops, op{opRZ, 2 * l}, op{opRY, 2*l + 1}, op{opDataRZ, l})
		}
		c.ops = append(c.ops, op{opRZ, 2 * reps}, op{opRY, 2*reps + 1})
	case RPZ:
		for l := 0; l < reps; l++ {
			c.ops = append(c.ops, op{opRY, l}, op{opDataRZ, l})
		}
		c.ops = append(c.ops, op{opRY, reps})
	case PX:
		for l := 0; l < reps; l++ {
			c.ops = append(c.ops, op{opRZ, l}, op{opDataRX, l})
		}
		c.ops = append(c.ops, op{opRZ, reps})
	case Real:
		for l := 0; l < reps; l++ {
			c.ops = append(c.ops, op{opX, 0}, op{opRY, l}, op{opZ, 0}, op{opDataRY, l})
		}
	default:
		return nil, fmt.Errorf("qkan: unknown ansatz %d", int(a))
	}
	rows, per := a.thetaShape(reps)
	c.nTheta = rows * per
	return c, nil
}

// dataAngle returns the half-angle pair of the data gate for input a. For PX
// the gate angle is arccos(a), whose half-angle cosine and sine are
// √((1+a)/2) and √((1−a)/2).
func (c *circuit) dataAngle(a float64) (cs, error) {
	if c.ansatz != PX {
		return halfAngle(a), nil
	}
	if !(a >= -1 && a <= 1) {
		return cs{}, fmt.Errorf("qkan: px ansatz needs |w·x+b| ≤ 1, got %g", a)
	}
	return cs{math.Sqrt((1 + a) / 2), math.Sqrt((1 - a) / 2)}, nil
}

// fillData computes the data-gate table for inputs xs with weight w and
// bias b into dst (len(xs) entries).
func (c *circuit) fillData(xs []float64, w, b float64, dst []cs) error {
	if c.ansatz != PX {
		for k, x := range xs {
			dst[k] = halfAngle(w*x + b)
		}
		return nil
	}
	for k, x := range xs {
		v, err := c.dataAngle(w*x + b)
		if err != nil {
			return fmt.Errorf("sample %d: %w", k, err)
		}
		dst[k] = v
	}
	return nil
}

const invSqrt2 = 0.70710678118654752440084436210484903928483593768847

// workspace is the batched state: the amplitudes α = ar + i·ai and
// β = br + i·bi of every sample (structure of arrays, so each gate is one
// tight loop over the batch) and, for backward, the adjoint g0, g1.
type workspace struct {
	ar, ai, br, bi     []float64
	g0r, g0i, g1r, g1i []float64
}

func (w *workspace) resize(n int) {
	if cap(w.ar) < n {
		w.ar, w.ai, w.br, w.bi = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
		w.g0r, w.g0i, w.g1r, w.g1i = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	}
	w.ar, w.ai, w.br, w.bi = w.ar[:n], w.ai[:n], w.br[:n], w.bi[:n]
	w.g0r, w.g0i, w.g1r, w.g1i = w.g0r[:n], w.g0i[:n], w.g1r[:n], w.g1i[:n]
}

// run applies the circuit to H|0⟩ for n samples: th holds the trainable
// gates' half-angle pairs, data[ℓ][k] the data gates' for sample k.
func (c *circuit) run(th []cs, data [][]cs, n int, w *workspace) {
	w.resize(n)
	ar, ai, br, bi := w.ar, w.ai, w.br, w.bi
	for k := range ar {
		ar[k], ai[k], br[k], bi[k] = invSqrt2, 0, invSqrt2, 0
	}
	for _, o := range c.ops {
		switch o.kind {
		case opRZ:
			rz(th[o.idx], ar, ai, br, bi)
		case opRY:
			ry(th[o.idx], ar, ai, br, bi)
		case opRX:
			rx(th[o.idx], ar, ai, br, bi)
		case opX:
			w.ar, w.br, w.ai, w.bi = w.br, w.ar, w.bi, w.ai
			ar, ai, br, bi = w.ar, w.ai, w.br, w.bi
		case opZ:
			for k := range br {
				br[k], bi[k] = -br[k], -bi[k]
			}
		case opDataRZ:
			rzData(data[o.idx], ar, ai, br, bi)
		case opDataRY:
			ryData(data[o.idx], ar, ai, br, bi)
		case opDataRX:
			rxData(data[o.idx], ar, ai, br, bi)
		}
	}
}

// The gates, as their closed-form 2×2 actions on (α, β):
// RZ = diag(e^{−iφ/2}, e^{iφ/2}), RY = [[c, −s], [s, c]],
// RX = [[c, −is], [−is, c]] with c, s = cos(φ/2), sin(φ/2).

func rz(g cs, ar, ai, br, bi []float64) {
	c, s := g.c, g.s
	for k := range ar {
		ar[k], ai[k], br[k], bi[k] = ar[k]*c+ai[k]*s, ai[k]*c-ar[k]*s, br[k]*c-bi[k]*s, bi[k]*c+br[k]*s
	}
}

func ry(g cs, ar, ai, br, bi []float64) {
	c, s := g.c, g.s
	for k := range ar {
		ar[k], ai[k], br[k], bi[k] = c*ar[k]-s*br[k], c*ai[k]-s*bi[k], s*ar[k]+c*br[k], s*ai[k]+c*bi[k]
	}
}

func rx(g cs, ar, ai, br, bi []float64) {
	c, s := g.c, g.s
	for k := range ar {
		ar[k], ai[k], br[k], bi[k] = c*ar[k]+s*bi[k], c*ai[k]-s*br[k], c*br[k]+s*ai[k], c*bi[k]-s*ar[k]
	}
}

func rzData(t []cs, ar, ai, br, bi []float64) {
	t = t[:len(ar)]
	for k := range ar {
		c, s := t[k].c, t[k].s
		ar[k], ai[k], br[k], bi[k] = ar[k]*c+ai[k]*s, ai[k]*c-ar[k]*s, br[k]*c-bi[k]*s, bi[k]*c+br[k]*s
	}
}

func ryData(t []cs, ar, ai, br, bi []float64) {
	t = t[:len(ar)]
	for k := range ar {
		c, s := t[k].c, t[k].s
		ar[k], ai[k], br[k], bi[k] = c*ar[k]-s*br[k], c*ai[k]-s*bi[k], s*ar[k]+c*br[k], s*ai[k]+c*bi[k]
	}
}

func rxData(t []cs, ar, ai, br, bi []float64) {
	t = t[:len(ar)]
	for k := range ar {
		c, s := t[k].c, t[k].s
		ar[k], ai[k], br[k], bi[k] = c*ar[k]+s*bi[k], c*ai[k]-s*br[k], c*br[k]+s*ai[k], c*bi[k]-s*ar[k]
	}
}

// forward writes φ(x_k) for every sample into out.
func (c *circuit) forward(th []cs, data [][]cs, out []float64, w *workspace) {
	c.run(th, data, len(out), w)
	ar, ai, br, bi := w.ar, w.ai, w.br, w.bi
	if c.readout == Exact {
		for k := range out {
			out[k] = ar[k]*ar[k] + ai[k]*ai[k] - br[k]*br[k] - bi[k]*bi[k]
		}
		return
	}
	for k := range out {
		out[k] = math.Sqrt(ar[k]*ar[k]+ai[k]*ai[k]) - math.Sqrt(br[k]*br[k]+bi[k]*bi[k])
	}
}

// backward runs the batch forward, then sweeps the gates in reverse with
// the adjoint g = ∂f/∂Re ψ + i·∂f/∂Im ψ (scaled by gout[k]). At a gate with
// generator G, ∂f/∂φ = Re⟨g, −(i/2)·G·ψ⟩ with ψ and g taken after the gate;
// both are then pulled back through U† (U is unitary, so the earlier states
// are recovered without storing them).
//
// It writes φ(x_k) into out, adds ∂/∂θ into dth and writes ∂f/∂a_ℓ of each
// sample into da[ℓ][k]. For the fast readout the derivative of |α| at α = 0
// is taken as 0 (as PyTorch's abs does); the kink is a set of measure zero
// and the gradient is bounded next to it.
func (c *circuit) backward(th []cs, data [][]cs, gout, out, dth []float64, da [][]float64, w *workspace) error {
	n := len(gout)
	c.run(th, data, n, w)
	ar, ai, br, bi := w.ar, w.ai, w.br, w.bi
	g0r, g0i, g1r, g1i := w.g0r, w.g0i, w.g1r, w.g1i
	for k, gk := range gout {
		pa, pb := ar[k]*ar[k]+ai[k]*ai[k], br[k]*br[k]+bi[k]*bi[k]
		if c.readout == Exact {
			out[k] = pa - pb
			g0r[k], g0i[k], g1r[k], g1i[k] = 2*gk*ar[k], 2*gk*ai[k], -2*gk*br[k], -2*gk*bi[k]
			continue
		}
		na, nb := math.Sqrt(pa), math.Sqrt(pb)
		out[k] = na - nb
		g0r[k], g0i[k], g1r[k], g1i[k] = 0, 0, 0, 0
		if na > 0 {
			g0r[k], g0i[k] = gk*ar[k]/na, gk*ai[k]/na
		}
		if nb > 0 {
			g1r[k], g1i[k] = -gk*br[k]/nb, -gk*bi[k]/nb
		}
	}
	for m := len(c.ops) - 1; m >= 0; m-- {
		o := c.ops[m]
		switch o.kind {
		case opRZ:
			dth[o.idx] += rzBack(th[o.idx], w)
		case opRY:
			dth[o.idx] += ryBack(th[o.idx], w)
		case opRX:
			dth[o.idx] += rxBack(th[o.idx], w)
		case opX:
			w.ar, w.br, w.ai, w.bi = w.br, w.ar, w.bi, w.ai
			w.g0r, w.g1r, w.g0i, w.g1i = w.g1r, w.g0r, w.g1i, w.g0i
		case opZ:
			for k := range w.br {
				w.br[k], w.bi[k], w.g1r[k], w.g1i[k] = -w.br[k], -w.bi[k], -w.g1r[k], -w.g1i[k]
			}
		case opDataRZ:
			rzDataBack(data[o.idx], da[o.idx], w)
		case opDataRY:
			ryDataBack(data[o.idx], da[o.idx], w)
		case opDataRX:
			if err := rxDataBack(data[o.idx], da[o.idx], w); err != nil {
				return err
			}
		}
	}
	return nil
}

// The *Back functions return (or store per sample) Re⟨g, −(i/2)·G·ψ⟩ and
// apply U† to ψ and g:
//   RZ: ½[Im(ḡ₀α) − Im(ḡ₁β)],  RY: ½[Re(ḡ₁α) − Re(ḡ₀β)],  RX: ½[Im(ḡ₀β) + Im(ḡ₁α)].

func rzBack(g cs, w *workspace) float64 {
	c, s := g.c, g.s
	ar, ai, br, bi := w.ar, w.ai, w.br, w.bi
	g0r, g0i, g1r, g1i := w.g0r[:len(ar)], w.g0i[:len(ar)], w.g1r[:len(ar)], w.g1i[:len(ar)]
	var d float64
	for k := range ar {
		d += (g0r[k]*ai[k] - g0i[k]*ar[k]) - (g1r[k]*bi[k] - g1i[k]*br[k])
		ar[k], ai[k], br[k], bi[k] = ar[k]*c-ai[k]*s, ai[k]*c+ar[k]*s, br[k]*c+bi[k]*s, bi[k]*c-br[k]*s
		g0r[k], g0i[k], g1r[k], g1i[k] = g0r[k]*c-g0i[k]*s, g0i[k]*c+g0r[k]*s, g1r[k]*c+g1i[k]*s, g1i[k]*c-g1r[k]*s
	}
	return d / 2
}

func ryBack(g cs, w *workspace) float64 {
	c, s := g.c, g.s
	ar, ai, br, bi := w.ar, w.ai, w.br, w.bi
	g0r, g0i, g1r, g1i := w.g0r[:len(ar)], w.g0i[:len(ar)], w.g1r[:len(ar)], w.g1i[:len(ar)]
	var d float64
	for k := range ar {
		d += (g1r[k]*ar[k] + g1i[k]*ai[k]) - (g0r[k]*br[k] + g0i[k]*bi[k])
		ar[k], ai[k], br[k], bi[k] = c*ar[k]+s*br[k], c*ai[k]+s*bi[k], c*br[k]-s*ar[k], c*bi[k]-s*ai[k]
		g0r[k], g0i[k], g1r[k], g1i[k] = c*g0r[k]+s*g1r[k], c*g0i[k]+s*g1i[k], c*g1r[k]-s*g0r[k], c*g1i[k]-s*g0i[k]
	}
	return d / 2
}

func rxBack(g cs, w *workspace) float64 {
	c, s := g.c, g.s
	ar, ai, br, bi := w.ar, w.ai, w.br, w.bi
	g0r, g0i, g1r, g1i := w.g0r[:len(ar)], w.g0i[:len(ar)], w.g1r[:len(ar)], w.g1i[:len(ar)]
	var d float64
	for k := range ar {
		d += (g0r[k]*bi[k] - g0i[k]*br[k]) + (g1r[k]*ai[k] - g1i[k]*ar[k])
		ar[k], ai[k], br[k], bi[k] = c*ar[k]-s*bi[k], c*ai[k]+s*br[k], c*br[k]-s*ai[k], c*bi[k]+s*ar[k]
		g0r[k], g0i[k], g1r[k], g1i[k] = c*g0r[k]-s*g1i[k], c*g0i[k]+s*g1r[k], c*g1r[k]-s*g0i[k], c*g1i[k]+s*g0r[k]
	}
	return d / 2
}

func rzDataBack(t []cs, da []float64, w *workspace) {
	ar, ai, br, bi := w.ar, w.ai, w.br, w.bi
	g0r, g0i, g1r, g1i := w.g0r[:len(ar)], w.g0i[:len(ar)], w.g1r[:len(ar)], w.g1i[:len(ar)]
	t, da = t[:len(ar)], da[:len(ar)]
	for k := range ar {
		c, s := t[k].c, t[k].s
		da[k] = 0.5 * ((g0r[k]*ai[k] - g0i[k]*ar[k]) - (g1r[k]*bi[k] - g1i[k]*br[k]))
		ar[k], ai[k], br[k], bi[k] = ar[k]*c-ai[k]*s, ai[k]*c+ar[k]*s, br[k]*c+bi[k]*s, bi[k]*c-br[k]*s
		g0r[k], g0i[k], g1r[k], g1i[k] = g0r[k]*c-g0i[k]*s, g0i[k]*c+g0r[k]*s, g1r[k]*c+g1i[k]*s, g1i[k]*c-g1r[k]*s
	}
}

func ryDataBack(t []cs, da []float64, w *workspace) {
	ar, ai, br, bi := w.ar, w.ai, w.br, w.bi
	g0r, g0i, g1r, g1i := w.g0r[:len(ar)], w.g0i[:len(ar)], w.g1r[:len(ar)], w.g1i[:len(ar)]
	t, da = t[:len(ar)], da[:len(ar)]
	for k := range ar {
		c, s := t[k].c, t[k].s
		da[k] = 0.5 * ((g1r[k]*ar[k] + g1i[k]*ai[k]) - (g0r[k]*br[k] + g0i[k]*bi[k]))
		ar[k], ai[k], br[k], bi[k] = c*ar[k]+s*br[k], c*ai[k]+s*bi[k], c*br[k]-s*ar[k], c*bi[k]-s*ai[k]
		g0r[k], g0i[k], g1r[k], g1i[k] = c*g0r[k]+s*g1r[k], c*g0i[k]+s*g1i[k], c*g1r[k]-s*g0r[k], c*g1i[k]-s*g0i[k]
	}
}

// rxDataBack handles RX(arccos a): ∂φ/∂a = −1/√(1−a²) = −1/(2·cos(φ/2)·sin(φ/2)).
func rxDataBack(t []cs, da []float64, w *workspace) error {
	ar, ai, br, bi := w.ar, w.ai, w.br, w.bi
	g0r, g0i, g1r, g1i := w.g0r[:len(ar)], w.g0i[:len(ar)], w.g1r[:len(ar)], w.g1i[:len(ar)]
	t, da = t[:len(ar)], da[:len(ar)]
	for k := range ar {
		c, s := t[k].c, t[k].s
		d := 0.5 * ((g0r[k]*bi[k] - g0i[k]*br[k]) + (g1r[k]*ai[k] - g1i[k]*ar[k]))
		switch den := 2 * c * s; {
		case den != 0:
			da[k] = -d / den
		case d == 0:
			da[k] = 0
		default:
			return fmt.Errorf("qkan: px ansatz: derivative of arccos(w·x+b) is infinite at |w·x+b| = 1 (sample %d)", k)
		}
		ar[k], ai[k], br[k], bi[k] = c*ar[k]-s*bi[k], c*ai[k]+s*br[k], c*br[k]-s*ai[k], c*bi[k]+s*ar[k]
		g0r[k], g0i[k], g1r[k], g1i[k] = c*g0r[k]-s*g1i[k], c*g0i[k]+s*g1r[k], c*g1r[k]-s*g0i[k], c*g1i[k]+s*g0r[k]
	}
	return nil
}
