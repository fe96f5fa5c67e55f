package nn

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkLayerStep times one forward and backward pass on a batch of 1000
// for the classical layers used as QKAN baselines.
func BenchmarkLayerStep(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	kan, _ := NewBSplineKAN(10, 10, BSplineConfig{}, rng)
	fourier, _ := NewFourierKAN(10, 10, 8, rng)
	lin, _ := NewLinear(64, 10, XavierUniform, rng)
	for _, c := range []struct {
		name string
		l    Layer
		in   int
	}{{"bspline-kan-10x10", kan, 10}, {"fourier-kan-10x10", fourier, 10}, {"linear-64x10", lin, 64}} {
		b.Run(c.name, func(b *testing.B) {
			x := randMatrix(rng, 1000, c.in, 1)
			g := randMatrix(rng, 1000, 10, 1)
			for b.Loop() {
				if _, err := c.l.Forward(x); err != nil {
					b.Fatal(err)
				}
				if _, err := c.l.Backward(g); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
