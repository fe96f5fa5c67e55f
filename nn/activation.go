package nn

import (
	"fmt"
	"math"
)

// Activation names an element-wise nonlinearity.
type Activation int

const (
	// SiLUAct is x·σ(x) (a.k.a. swish), the base function of KAN layers.
	SiLUAct Activation = iota
	// TanhAct is tanh(x).
	TanhAct
	// ReLUAct is max(0, x); its derivative at 0 is taken as 0.
	ReLUAct
)

// String names the activation.
func (a Activation) String() string {
	switch a {
	case SiLUAct:
		return "silu"
	case TanhAct:
		return "tanh"
	case ReLUAct:
		return "relu"
	}
	return fmt.Sprintf("Activation(%d)", int(a))
}

// SiLU is x/(1+e^{−x}).
func SiLU(x float64) float64 { return x / (1 + math.Exp(-x)) }

// SiLUPrime is d SiLU/dx = σ(x)·(1 + x·(1−σ(x))).
func SiLUPrime(x float64) float64 {
	s := 1 / (1 + math.Exp(-x))
	return s * (1 + x*(1-s))
}

// ActivationLayer applies an Activation element-wise to a batch of any width.
type ActivationLayer struct {
	act Activation
	x   *Matrix
}

// NewActivation returns an element-wise activation layer.
func NewActivation(a Activation) (*ActivationLayer, error) {
	if a < SiLUAct || a > ReLUAct {
		return nil, fmt.Errorf("nn: unknown activation %d", int(a))
	}
	return &ActivationLayer{act: a}, nil
}

// Forward applies the activation.
func (l *ActivationLayer) Forward(x *Matrix) (*Matrix, error) {
	if err := CheckLayerInput(l.act.String(), x, -1); err != nil {
		return nil, err
	}
	l.x = x
	y := NewMatrix(x.Rows, x.Cols)
	switch l.act {
	case SiLUAct:
		for k, v := range x.Data {
			y.Data[k] = SiLU(v)
		}
	case TanhAct:
		for k, v := range x.Data {
			y.Data[k] = math.Tanh(v)
		}
	case ReLUAct:
		for k, v := range x.Data {
			y.Data[k] = max(v, 0)
		}
	}
	return y, nil
}

// Backward multiplies by the derivative.
func (l *ActivationLayer) Backward(g *Matrix) (*Matrix, error) {
	rows, cols := 0, 0
	if l.x != nil {
		rows, cols = l.x.Rows, l.x.Cols
	}
	if err := CheckGradShape(l.act.String(), g, rows, cols); err != nil {
		return nil, err
	}
	dx := NewMatrix(rows, cols)
	switch l.act {
	case SiLUAct:
		for k, v := range l.x.Data {
			dx.Data[k] = g.Data[k] * SiLUPrime(v)
		}
	case TanhAct:
		for k, v := range l.x.Data {
			t := math.Tanh(v)
			dx.Data[k] = g.Data[k] * (1 - t*t)
		}
	case ReLUAct:
		for k, v := range l.x.Data {
			if v > 0 {
				dx.Data[k] = g.Data[k]
			}
		}
	}
	return dx, nil
}

// Params is empty: activations have no parameters.
func (l *ActivationLayer) Params() []Param { return nil }
