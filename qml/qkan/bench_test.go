package qkan

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkDARUANGrad10k times 10⁴ DARUAN evaluations (PZ, r = 3, trainable
// w and b) with all derivatives (x, θ, w, b).
func BenchmarkDARUANGrad10k(b *testing.B) {
	for _, ro := range []Readout{Exact, Fast} {
		b.Run(ro.String(), func(b *testing.B) {
			d, err := NewDARUAN(DARUANConfig{Ansatz: PZ, Reps: 3, Readout: ro})
			if err != nil {
				b.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(5, 6))
			p := randomAngles(rng, d, 2)
			const n = 10000
			xs, gout, out := make([]float64, n), make([]float64, n), make([]float64, n)
			for k := range xs {
				xs[k] = 2*rng.Float64() - 1
				gout[k] = 1
			}
			g := Grads{X: make([]float64, n), Theta: make([]float64, d.NumTheta()), W: make([]float64, 3), B: make([]float64, 3)}
			b.ResetTimer()
			for b.Loop() {
				if err := d.EvalGrad(p, xs, gout, out, g); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDARUANEval10k times 10⁴ forward evaluations.
func BenchmarkDARUANEval10k(b *testing.B) {
	d, err := NewDARUAN(DARUANConfig{Ansatz: PZ, Reps: 3})
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	p := randomAngles(rng, d, 2)
	const n = 10000
	xs, out := make([]float64, n), make([]float64, n)
	for k := range xs {
		xs[k] = 2*rng.Float64() - 1
	}
	for b.Loop() {
		if err := d.EvalBatch(p, xs, out); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLayerStep times one forward and backward pass of a QKAN layer on
// a batch of 1000: QKAN([10,10]) with only θ trainable (shared data tables)
// and QKAN([2,5]) with every option trainable (per-edge tables).
func BenchmarkLayerStep(b *testing.B) {
	all := LayerConfig{PreactTrainable: true, PostWeightTrainable: true, PostBiasTrainable: true, BaseTrainable: true, BaseInit: 0.5}
	for _, c := range []struct {
		name string
		cfg  LayerConfig
	}{
		{"10x10-theta", LayerConfig{In: 10, Out: 10}},
		{"2x5-all", func() LayerConfig { c := all; c.In, c.Out = 2, 5; return c }()},
	} {
		b.Run(c.name, func(b *testing.B) {
			cfg := c.cfg
			cfg.Reps = 3
			l, err := NewLayer(cfg)
			if err != nil {
				b.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(1, 2))
			x := randomBatch(rng, 1000, cfg.In, 1)
			g := randomBatch(rng, 1000, cfg.Out, 1)
			b.ResetTimer()
			for b.Loop() {
				if _, err := l.Forward(x); err != nil {
					b.Fatal(err)
				}
				if _, err := l.Backward(g); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
