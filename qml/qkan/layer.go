package qkan

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/nn"
)

// LayerConfig configures a QKAN layer. The zero values of the optional
// fields reproduce the reference model's defaults: PZ ansatz, only θ
// trainable, w = 1, b = 0, pw = 1, pb = 0, bw = 0.
type LayerConfig struct {
	// In and Out are the layer widths.
	In, Out int
	// Reps is the number r of re-uploadings per edge (≥ 1).
	Reps int
	// Ansatz and Readout configure every edge's DARUAN.
	Ansatz  Ansatz
	Readout Readout
	// Group, when positive, shares θ (and w, b) cyclically along the input
	// axis: edge (j, i) uses parameter set i mod Group for every output j.
	// Zero gives every edge its own set.
	Group int
	// PreactTrainable trains the pre-processing weights w and biases b.
	PreactTrainable bool
	// PostWeightTrainable and PostBiasTrainable train pw and pb.
	PostWeightTrainable, PostBiasTrainable bool
	// BaseTrainable trains the residual SiLU weights bw, which start at
	// BaseInit (0 by default, which switches the residual branch off; the
	// reference code starts a trainable bw at 0.5).
	BaseTrainable bool
	BaseInit      float64
	// Seed drives the Xavier-normal draw of θ.
	Seed uint64
}

// Layer is a QKAN layer, an nn.Layer computing
//
//	y_j = Σ_i mask_ji·[(φ_ji(x_i) + pb_ji)·pw_ji + bw_ji·SiLU(x_i)]
//
// with a DARUAN φ_ji per edge. Arrays over edges are laid out [j][i]; θ is
// laid out [set][row][angle] and w, b as [set][rep], where the set of edge
// (j, i) is j·In+i, or i mod Group when grouped.
type Layer struct {
	cfg   LayerConfig
	c     *circuit
	sets  int
	theta []float64
	w, b  []float64
	pw    []float64
	pb    []float64
	bw    []float64
	mask  []float64

	dtheta, dw, db, dpw, dpb, dbw []float64

	x *nn.Matrix // input of the last Forward
}

// NewLayer builds a QKAN layer with θ drawn Xavier-normal from cfg.Seed.
//
// The Xavier-normal standard deviation is the one PyTorch's xavier_normal_
// gives the reference code's θ tensor: √(2/(fan_in+fan_out)) with the
// tensor shape (Out, In, rows, m) per edge, or (Group, rows, m) grouped,
// where rows×m is the per-activation angle shape (e.g. (r+1)×2 for PZ).
func NewLayer(cfg LayerConfig) (*Layer, error) {
	if cfg.In <= 0 || cfg.Out <= 0 {
		return nil, fmt.Errorf("qkan: layer sizes in=%d, out=%d must be positive", cfg.In, cfg.Out)
	}
	if cfg.Group < 0 || cfg.Group > cfg.In {
		return nil, fmt.Errorf("qkan: group %d must be in [0, in=%d]", cfg.Group, cfg.In)
	}
	if math.IsNaN(cfg.BaseInit) || math.IsInf(cfg.BaseInit, 0) {
		return nil, fmt.Errorf("qkan: base weight init %g is not finite", cfg.BaseInit)
	}
	c, err := newCircuit(cfg.Ansatz, cfg.Reps, cfg.Readout)
	if err != nil {
		return nil, err
	}
	l := &Layer{cfg: cfg, c: c}
	edges := cfg.In * cfg.Out
	l.sets = edges
	if cfg.Group > 0 {
		l.sets = cfg.Group
	}
	r := cfg.Reps
	l.theta, l.dtheta = make([]float64, l.sets*c.nTheta), make([]float64, l.sets*c.nTheta)
	l.w, l.b = make([]float64, l.sets*r), make([]float64, l.sets*r)
	l.dw, l.db = make([]float64, l.sets*r), make([]float64, l.sets*r)
	for k := range l.w {
		l.w[k] = 1
	}
	l.pw, l.pb, l.bw, l.mask = make([]float64, edges), make([]float64, edges), make([]float64, edges), make([]float64, edges)
	l.dpw, l.dpb, l.dbw = make([]float64, edges), make([]float64, edges), make([]float64, edges)
	for e := range l.pw {
		l.pw[e] = 1
		l.mask[e] = 1
		l.bw[e] = cfg.BaseInit
	}
	rows, per := cfg.Ansatz.thetaShape(r)
	fanIn, fanOut := cfg.In*rows*per, cfg.Out*rows*per
	if cfg.Group > 0 {
		fanIn, fanOut = rows*per, cfg.Group*per
	}
	std := math.Sqrt(2 / float64(fanIn+fanOut))
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x7ea7))
	for k := range l.theta {
		l.theta[k] = std * rng.NormFloat64()
	}
	return l, nil
}

// Config returns the layer's configuration.
func (l *Layer) Config() LayerConfig { return l.cfg }

// set returns the parameter set of edge (j, i).
func (l *Layer) set(j, i int) int {
	if l.cfg.Group > 0 {
		return i % l.cfg.Group
	}
	return j*l.cfg.In + i
}

// Theta returns all angles as a view ([set][row][angle]).
func (l *Layer) Theta() []float64 { return l.theta }

// PreactWeight and PreactBias return w and b as views ([set][rep]).
func (l *Layer) PreactWeight() []float64 { return l.w }

// PreactBias returns b as a view ([set][rep]).
func (l *Layer) PreactBias() []float64 { return l.b }

// PostWeight returns pw as a view ([j][i]).
func (l *Layer) PostWeight() []float64 { return l.pw }

// PostBias returns pb as a view ([j][i]).
func (l *Layer) PostBias() []float64 { return l.pb }

// BaseWeight returns bw as a view ([j][i]).
func (l *Layer) BaseWeight() []float64 { return l.bw }

// SetMask sets mask_ji (1 keeps the edge, 0 prunes it; other values scale it).
func (l *Layer) SetMask(j, i int, v float64) error {
	if j < 0 || j >= l.cfg.Out || i < 0 || i >= l.cfg.In {
		return fmt.Errorf("qkan: SetMask(%d, %d) outside %d×%d", j, i, l.cfg.Out, l.cfg.In)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("qkan: SetMask: non-finite value %g", v)
	}
	l.mask[j*l.cfg.In+i] = v
	return nil
}

// Mask returns mask_ji.
func (l *Layer) Mask(j, i int) (float64, error) {
	if j < 0 || j >= l.cfg.Out || i < 0 || i >= l.cfg.In {
		return 0, fmt.Errorf("qkan: Mask(%d, %d) outside %d×%d", j, i, l.cfg.Out, l.cfg.In)
	}
	return l.mask[j*l.cfg.In+i], nil
}

// Params lists θ and whichever of w, b, pw, pb, bw are trainable.
func (l *Layer) Params() []nn.Param {
	ps := []nn.Param{{Name: "theta", Value: l.theta, Grad: l.dtheta}}
	if l.cfg.PreactTrainable {
		ps = append(ps, nn.Param{Name: "preact_weight", Value: l.w, Grad: l.dw},
			nn.Param{Name: "preact_bias", Value: l.b, Grad: l.db})
	}
	if l.cfg.PostWeightTrainable {
		ps = append(ps, nn.Param{Name: "postact_weight", Value: l.pw, Grad: l.dpw})
	}
	if l.cfg.PostBiasTrainable {
		ps = append(ps, nn.Param{Name: "postact_bias", Value: l.pb, Grad: l.dpb})
	}
	if l.cfg.BaseTrainable {
		ps = append(ps, nn.Param{Name: "base_weight", Value: l.bw, Grad: l.dbw})
	}
	return ps
}

// pass holds the per-call tables shared by Forward and Backward.
type pass struct {
	n     int
	xT    []float64 // [i][sample]
	th    []cs      // [set][θ]
	silu  []float64 // [i][sample], nil when the base branch is off
	dsilu []float64 // SiLU'(x), same layout
	input [][][]cs  // per input i, per rep: data tables shared by all outputs (nil when per edge)
}

// sharedData reports whether every edge with the same input sees the same
// data-gate angles, so the tables can be computed once per input.
func (l *Layer) sharedData() bool {
	if l.cfg.Group > 0 {
		return true
	}
	for k := range l.w {
		if l.w[k] != 1 || l.b[k] != 0 {
			return false
		}
	}
	return true
}

func (l *Layer) baseActive() bool {
	if l.cfg.BaseTrainable {
		return true
	}
	for _, v := range l.bw {
		if v != 0 {
			return true
		}
	}
	return false
}

func (l *Layer) prepare(x *nn.Matrix) (*pass, error) {
	in, n, r := l.cfg.In, x.Rows, l.cfg.Reps
	p := &pass{n: n, xT: make([]float64, in*n), th: make([]cs, len(l.theta))}
	for s := 0; s < n; s++ {
		for i := 0; i < in; i++ {
			p.xT[i*n+s] = x.Data[s*in+i]
		}
	}
	for k, v := range l.theta {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("qkan: non-finite angle θ[%d] = %g", k, v)
		}
		p.th[k] = halfAngle(v)
	}
	if l.baseActive() {
		p.silu, p.dsilu = make([]float64, in*n), make([]float64, in*n)
		for k, v := range p.xT {
			p.silu[k], p.dsilu[k] = nn.SiLU(v), nn.SiLUPrime(v)
		}
	}
	if l.sharedData() {
		p.input = make([][][]cs, in)
		for i := 0; i < in; i++ {
			xs := p.xT[i*n : (i+1)*n]
			p.input[i] = make([][]cs, r)
			set := l.set(0, i)
			identical := true
			for rep := 1; rep < r; rep++ {
				identical = identical && l.w[set*r+rep] == l.w[set*r] && l.b[set*r+rep] == l.b[set*r]
			}
			for rep := 0; rep < r; rep++ {
				if identical && rep > 0 {
					p.input[i][rep] = p.input[i][0]
					continue
				}
				p.input[i][rep] = make([]cs, n)
				if err := l.c.fillData(xs, l.w[set*r+rep], l.b[set*r+rep], p.input[i][rep]); err != nil {
					return nil, fmt.Errorf("qkan: input %d, repetition %d: %w", i, rep, err)
				}
			}
		}
	}
	return p, nil
}

// edgeData returns the data tables of edge (j, i), filling scratch when the
// tables are per edge.
func (l *Layer) edgeData(p *pass, j, i int, scratch [][]cs) ([][]cs, error) {
	if p.input != nil {
		return p.input[i], nil
	}
	r := l.cfg.Reps
	set := l.set(j, i)
	xs := p.xT[i*p.n : (i+1)*p.n]
	for rep := 0; rep < r; rep++ {
		if err := l.c.fillData(xs, l.w[set*r+rep], l.b[set*r+rep], scratch[rep]); err != nil {
			return nil, fmt.Errorf("qkan: edge (%d, %d), repetition %d: %w", j, i, rep, err)
		}
	}
	return scratch, nil
}

func newScratch(r, n int) [][]cs {
	s := make([][]cs, r)
	for k := range s {
		s[k] = make([]cs, n)
	}
	return s
}

// Forward evaluates the layer on a batch.
func (l *Layer) Forward(x *nn.Matrix) (*nn.Matrix, error) {
	if err := nn.CheckLayerInput("QKAN layer", x, l.cfg.In); err != nil {
		return nil, err
	}
	p, err := l.prepare(x)
	if err != nil {
		return nil, err
	}
	l.x = x
	in, out, n, nt := l.cfg.In, l.cfg.Out, p.n, l.c.nTheta
	yT := make([]float64, out*n)
	phi := make([]float64, n)
	var scratch [][]cs
	if p.input == nil {
		scratch = newScratch(l.cfg.Reps, n)
	}
	var ws workspace
	for j := 0; j < out; j++ {
		yj := yT[j*n : (j+1)*n]
		for i := 0; i < in; i++ {
			e := j*in + i
			m := l.mask[e]
			if m == 0 {
				continue
			}
			data, err := l.edgeData(p, j, i, scratch)
			if err != nil {
				return nil, err
			}
			set := l.set(j, i)
			l.c.forward(p.th[set*nt:(set+1)*nt], data, phi, &ws)
			pw, pb, bw := m*l.pw[e], l.pb[e], m*l.bw[e]
			for s, v := range phi {
				yj[s] += (v + pb) * pw
			}
			if p.silu != nil && bw != 0 {
				for s, v := range p.silu[i*n : (i+1)*n] {
					yj[s] += bw * v
				}
			}
		}
	}
	y := nn.NewMatrix(n, out)
	for s := 0; s < n; s++ {
		for j := 0; j < out; j++ {
			y.Data[s*out+j] = yT[j*n+s]
		}
	}
	return y, nil
}

// Backward accumulates the gradients of the trainable parameters and returns
// ∂L/∂x.
func (l *Layer) Backward(g *nn.Matrix) (*nn.Matrix, error) {
	rows := 0
	if l.x != nil {
		rows = l.x.Rows
	}
	if err := nn.CheckGradShape("QKAN layer", g, rows, l.cfg.Out); err != nil {
		return nil, err
	}
	p, err := l.prepare(l.x)
	if err != nil {
		return nil, err
	}
	in, out, n, nt, r := l.cfg.In, l.cfg.Out, p.n, l.c.nTheta, l.cfg.Reps
	gT := make([]float64, out*n)
	for s := 0; s < n; s++ {
		for j := 0; j < out; j++ {
			gT[j*n+s] = g.Data[s*out+j]
		}
	}
	dxT := make([]float64, in*n)
	phi, gphi := make([]float64, n), make([]float64, n)
	da := make([][]float64, r)
	for rep := range da {
		da[rep] = make([]float64, n)
	}
	var scratch [][]cs
	if p.input == nil {
		scratch = newScratch(r, n)
	}
	var ws workspace
	for j := 0; j < out; j++ {
		gj := gT[j*n : (j+1)*n]
		for i := 0; i < in; i++ {
			e := j*in + i
			m := l.mask[e]
			if m == 0 {
				continue
			}
			data, err := l.edgeData(p, j, i, scratch)
			if err != nil {
				return nil, err
			}
			set := l.set(j, i)
			for s, v := range gj {
				gphi[s] = v * m * l.pw[e]
			}
			if err := l.c.backward(p.th[set*nt:(set+1)*nt], data, gphi, phi, l.dtheta[set*nt:(set+1)*nt], da, &ws); err != nil {
				return nil, fmt.Errorf("qkan: edge (%d, %d): %w", j, i, err)
			}
			xs := p.xT[i*n : (i+1)*n]
			dxi := dxT[i*n : (i+1)*n]
			for rep := 0; rep < r; rep++ {
				w := l.w[set*r+rep]
				var sw, sb float64
				for s, v := range da[rep] {
					dxi[s] += w * v
					sw += xs[s] * v
					sb += v
				}
				if l.cfg.PreactTrainable {
					l.dw[set*r+rep] += sw
					l.db[set*r+rep] += sb
				}
			}
			var spw, spb float64
			for s, v := range gj {
				spw += v * (phi[s] + l.pb[e])
				spb += v
			}
			l.dpw[e] += m * spw
			l.dpb[e] += m * l.pw[e] * spb
			if p.silu != nil {
				var sbw float64
				bw := m * l.bw[e]
				for s, v := range gj {
					sbw += v * p.silu[i*n+s]
					dxi[s] += v * bw * p.dsilu[i*n+s]
				}
				l.dbw[e] += m * sbw
			}
		}
	}
	dx := nn.NewMatrix(n, in)
	for s := 0; s < n; s++ {
		for i := 0; i < in; i++ {
			dx.Data[s*in+i] = dxT[i*n+s]
		}
	}
	return dx, nil
}
