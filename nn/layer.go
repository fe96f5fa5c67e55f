package nn

import (
	"fmt"
)

// Layer is one differentiable stage of a model.
//
// Forward maps a batch (one sample per row) to a batch and remembers what
// Backward needs; the caller must not modify x until Backward has run.
// Backward takes ∂L/∂output for the batch of the last Forward, adds the
// parameter gradients into the Grad slices of Params (accumulating, so call
// ZeroGrad between steps) and returns ∂L/∂input.
//
// Params lists the trainable parameters as views: writing Value changes the
// layer. Frozen parameters are not listed.
type Layer interface {
	Forward(x *Matrix) (*Matrix, error)
	Backward(gradOut *Matrix) (*Matrix, error)
	Params() []Param
}

// Param is one trainable parameter tensor, flattened. Value and Grad have the
// same length and alias the layer's storage.
type Param struct {
	Name  string
	Value []float64
	Grad  []float64
}

// NumParams is the number of trainable scalars of l.
func NumParams(l Layer) int {
	n := 0
	for _, p := range l.Params() {
		n += len(p.Value)
	}
	return n
}

// ZeroGrad clears every gradient of l.
func ZeroGrad(l Layer) {
	for _, p := range l.Params() {
		clear(p.Grad)
	}
}

// GetParams copies all trainable values of l, in Params order, into dst
// (allocated when too short) and returns it.
func GetParams(l Layer, dst []float64) []float64 {
	return flatten(l.Params(), dst, func(p Param) []float64 { return p.Value })
}

// GetGrads copies all gradients of l, in Params order, into dst.
func GetGrads(l Layer, dst []float64) []float64 {
	return flatten(l.Params(), dst, func(p Param) []float64 { return p.Grad })
}

func flatten(ps []Param, dst []float64, pick func(Param) []float64) []float64 {
	n := 0
	for _, p := range ps {
		n += len(p.Value)
	}
	if cap(dst) < n {
		dst = make([]float64, n)
	}
	dst = dst[:n]
	off := 0
	for _, p := range ps {
		off += copy(dst[off:], pick(p))
	}
	return dst
}

// SetParams writes src (in Params order) into the trainable values of l.
func SetParams(l Layer, src []float64) error {
	ps := l.Params()
	n := 0
	for _, p := range ps {
		n += len(p.Value)
	}
	if len(src) != n {
		return fmt.Errorf("nn: SetParams: got %d values, model has %d parameters", len(src), n)
	}
	off := 0
	for _, p := range ps {
		off += copy(p.Value, src[off:])
	}
	return nil
}

// Sequential chains layers: the output of each is the input of the next.
type Sequential struct {
	layers []Layer
}

// NewSequential chains the given layers.
func NewSequential(layers ...Layer) (*Sequential, error) {
	if len(layers) == 0 {
		return nil, fmt.Errorf("nn: NewSequential needs at least one layer")
	}
	for i, l := range layers {
		if l == nil {
			return nil, fmt.Errorf("nn: NewSequential: layer %d is nil", i)
		}
	}
	return &Sequential{layers: append([]Layer(nil), layers...)}, nil
}

// Layers returns the chained layers.
func (s *Sequential) Layers() []Layer { return s.layers }

// Forward runs every layer in order.
func (s *Sequential) Forward(x *Matrix) (*Matrix, error) {
	var err error
	for i, l := range s.layers {
		if x, err = l.Forward(x); err != nil {
			return nil, fmt.Errorf("layer %d: %w", i, err)
		}
	}
	return x, nil
}

// Backward runs every layer's Backward in reverse order.
func (s *Sequential) Backward(g *Matrix) (*Matrix, error) {
	var err error
	for i := len(s.layers) - 1; i >= 0; i-- {
		if g, err = s.layers[i].Backward(g); err != nil {
			return nil, fmt.Errorf("layer %d: %w", i, err)
		}
	}
	return g, nil
}

// Params concatenates the layers' parameters, prefixing names with the
// layer index ("0.weight", "1.theta", ...).
func (s *Sequential) Params() []Param {
	var ps []Param
	for i, l := range s.layers {
		for _, p := range l.Params() {
			p.Name = fmt.Sprintf("%d.%s", i, p.Name)
			ps = append(ps, p)
		}
	}
	return ps
}
