package qkan

import (
	"fmt"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/nn"
)

// Network is a stack of QKAN layers, itself an nn.Layer.
type Network struct {
	layers []*Layer
	seq    *nn.Sequential
}

// NewNetwork builds QKAN(widths): one layer per consecutive pair of widths,
// each configured as tmpl (its In and Out are replaced). Layer ℓ draws θ
// from seed tmpl.Seed+ℓ.
func NewNetwork(widths []int, tmpl LayerConfig) (*Network, error) {
	if len(widths) < 2 {
		return nil, fmt.Errorf("qkan: network needs at least two widths, got %v", widths)
	}
	layers := make([]*Layer, 0, len(widths)-1)
	for k := 0; k+1 < len(widths); k++ {
		cfg := tmpl
		cfg.In, cfg.Out, cfg.Seed = widths[k], widths[k+1], tmpl.Seed+uint64(k)
		if cfg.Group > cfg.In {
			cfg.Group = cfg.In
		}
		l, err := NewLayer(cfg)
		if err != nil {
			return nil, fmt.Errorf("qkan: layer %d: %w", k, err)
		}
		layers = append(layers, l)
	}
	return newNetwork(layers)
}

func newNetwork(layers []*Layer) (*Network, error) {
	ls := make([]nn.Layer, len(layers))
	for k, l := range layers {
		ls[k] = l
	}
	seq, err := nn.NewSequential(ls...)
	if err != nil {
		return nil, err
	}
	return &Network{layers: layers, seq: seq}, nil
}

// Layers returns the QKAN layers.
func (n *Network) Layers() []*Layer { return n.layers }

// Forward runs every layer.
func (n *Network) Forward(x *nn.Matrix) (*nn.Matrix, error) { return n.seq.Forward(x) }

// Backward back-propagates through every layer.
func (n *Network) Backward(g *nn.Matrix) (*nn.Matrix, error) { return n.seq.Backward(g) }

// Params lists every layer's trainable parameters.
func (n *Network) Params() []nn.Param { return n.seq.Params() }

// Extend returns a copy of the network with every layer extended to newReps
// repetitions (see Layer.Extend).
func (n *Network) Extend(newReps int) (*Network, error) {
	out := make([]*Layer, len(n.layers))
	for k, l := range n.layers {
		e, err := l.Extend(newReps)
		if err != nil {
			return nil, fmt.Errorf("qkan: layer %d: %w", k, err)
		}
		out[k] = e
	}
	return newNetwork(out)
}

// NewHQKAN builds the hybrid block Linear(nIn→d) → QKAN([d, dPrime]) →
// Linear(dPrime→nOut), a drop-in replacement for an MLP block. The linear
// maps are Xavier-uniform from rng; the QKAN layer is configured by tmpl
// (its In and Out are replaced).
func NewHQKAN(nIn, d, dPrime, nOut int, tmpl LayerConfig, rng *rand.Rand) (*nn.Sequential, error) {
	first, err := nn.NewLinear(nIn, d, nn.XavierUniform, rng)
	if err != nil {
		return nil, fmt.Errorf("qkan: HQKAN input map: %w", err)
	}
	cfg := tmpl
	cfg.In, cfg.Out = d, dPrime
	mid, err := NewLayer(cfg)
	if err != nil {
		return nil, fmt.Errorf("qkan: HQKAN QKAN layer: %w", err)
	}
	last, err := nn.NewLinear(dPrime, nOut, nn.XavierUniform, rng)
	if err != nil {
		return nil, fmt.Errorf("qkan: HQKAN output map: %w", err)
	}
	return nn.NewSequential(first, mid, last)
}
