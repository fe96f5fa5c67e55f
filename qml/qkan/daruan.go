package qkan

import (
	"fmt"
	"math"
)

// DARUANConfig selects a data re-uploading activation.
type DARUANConfig struct {
	// Ansatz is the circuit family (default PZ, the paper's DARUAN).
	Ansatz Ansatz
	// Reps is the number r of data re-uploadings (≥ 1).
	Reps int
	// Readout maps the final state to a number (default Exact).
	Readout Readout
}

// DARUAN is a single-qubit data re-uploading activation φ(x; θ, w, b). It is
// stateless and safe for concurrent use.
type DARUAN struct {
	c *circuit
}

// Angles are the parameters of one DARUAN: Theta (NumTheta values, row ℓ
// holding the angles of block ℓ in gate order, e.g. (RZ, RY) for PZ) and the
// pre-processing weights W and biases B (Reps values each).
type Angles struct {
	Theta, W, B []float64
}

// Grads receives DARUAN derivatives: X[k] = ∂L/∂x_k per sample, and Theta,
// W, B accumulated over the batch. A nil slice is skipped.
type Grads struct {
	X, Theta, W, B []float64
}

// NewDARUAN compiles the activation's circuit.
func NewDARUAN(cfg DARUANConfig) (*DARUAN, error) {
	c, err := newCircuit(cfg.Ansatz, cfg.Reps, cfg.Readout)
	if err != nil {
		return nil, err
	}
	return &DARUAN{c: c}, nil
}

// Config returns the activation's configuration.
func (d *DARUAN) Config() DARUANConfig {
	return DARUANConfig{Ansatz: d.c.ansatz, Reps: d.c.reps, Readout: d.c.readout}
}

// NumTheta is the number of trainable angles: 2(r+1) for PZ, r+1 for RPZ and
// PX, r for Real.
func (d *DARUAN) NumTheta() int { return d.c.nTheta }

func (d *DARUAN) check(p Angles) error {
	if len(p.Theta) != d.c.nTheta {
		return fmt.Errorf("qkan: DARUAN %s r=%d needs %d angles, got %d", d.c.ansatz, d.c.reps, d.c.nTheta, len(p.Theta))
	}
	if len(p.W) != d.c.reps || len(p.B) != d.c.reps {
		return fmt.Errorf("qkan: DARUAN r=%d needs %d weights and biases, got %d and %d", d.c.reps, d.c.reps, len(p.W), len(p.B))
	}
	for _, s := range [][]float64{p.Theta, p.W, p.B} {
		for _, v := range s {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("qkan: DARUAN: non-finite parameter %g", v)
			}
		}
	}
	return nil
}

// prepare converts the angles and inputs to the half-angle tables of the
// kernel.
func (d *DARUAN) prepare(p Angles, xs []float64) ([]cs, [][]cs, error) {
	if err := d.check(p); err != nil {
		return nil, nil, err
	}
	for k, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, nil, fmt.Errorf("qkan: DARUAN: non-finite input %g at sample %d", x, k)
		}
	}
	th := make([]cs, d.c.nTheta)
	for k, v := range p.Theta {
		th[k] = halfAngle(v)
	}
	data := make([][]cs, d.c.reps)
	for l := range data {
		data[l] = make([]cs, len(xs))
		if err := d.c.fillData(xs, p.W[l], p.B[l], data[l]); err != nil {
			return nil, nil, fmt.Errorf("qkan: DARUAN repetition %d: %w", l, err)
		}
	}
	return th, data, nil
}

// Eval returns φ(x).
func (d *DARUAN) Eval(p Angles, x float64) (float64, error) {
	out := make([]float64, 1)
	if err := d.EvalBatch(p, []float64{x}, out); err != nil {
		return 0, err
	}
	return out[0], nil
}

// EvalBatch writes φ(xs[k]) into out[k].
func (d *DARUAN) EvalBatch(p Angles, xs, out []float64) error {
	if len(out) != len(xs) {
		return fmt.Errorf("qkan: EvalBatch: %d inputs, %d outputs", len(xs), len(out))
	}
	th, data, err := d.prepare(p, xs)
	if err != nil {
		return err
	}
	d.c.forward(th, data, out, &workspace{})
	return nil
}

// EvalGrad writes φ(xs[k]) into out[k] and, for L = Σ_k gout[k]·φ(xs[k]),
// sets g.X[k] = ∂L/∂x_k and adds ∂L/∂θ, ∂L/∂w, ∂L/∂b into g.Theta, g.W, g.B.
// Use gout = 1 for plain derivatives of φ.
func (d *DARUAN) EvalGrad(p Angles, xs, gout, out []float64, g Grads) error {
	n := len(xs)
	if len(out) != n || len(gout) != n {
		return fmt.Errorf("qkan: EvalGrad: %d inputs, %d upstream gradients, %d outputs", n, len(gout), len(out))
	}
	if (g.X != nil && len(g.X) != n) || (g.Theta != nil && len(g.Theta) != d.c.nTheta) ||
		(g.W != nil && len(g.W) != d.c.reps) || (g.B != nil && len(g.B) != d.c.reps) {
		return fmt.Errorf("qkan: EvalGrad: gradient buffers have wrong lengths")
	}
	th, data, err := d.prepare(p, xs)
	if err != nil {
		return err
	}
	dth := g.Theta
	if dth == nil {
		dth = make([]float64, d.c.nTheta)
	}
	da := make([][]float64, d.c.reps)
	for l := range da {
		da[l] = make([]float64, n)
	}
	if err := d.c.backward(th, data, gout, out, dth, da, &workspace{}); err != nil {
		return err
	}
	if g.X != nil {
		clear(g.X)
	}
	for l := range da {
		for k, v := range da[l] {
			if g.X != nil {
				g.X[k] += p.W[l] * v
			}
			if g.W != nil {
				g.W[l] += xs[k] * v
			}
			if g.B != nil {
				g.B[l] += v
			}
		}
	}
	return nil
}

// State returns the final amplitudes (α, β) for input x, before readout.
func (d *DARUAN) State(p Angles, x float64) (alpha, beta complex128, err error) {
	th, data, err := d.prepare(p, []float64{x})
	if err != nil {
		return 0, 0, err
	}
	var w workspace
	d.c.run(th, data, 1, &w)
	return complex(w.ar[0], w.ai[0]), complex(w.br[0], w.bi[0]), nil
}
