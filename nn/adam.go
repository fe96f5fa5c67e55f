package nn

import (
	"fmt"
	"math"
)

// Adam is the Adam optimiser (Kingma & Ba 2015) with bias correction and
// optional coupled L2 weight decay (the gradient gets WeightDecay·θ added, as
// in PyTorch's Adam).
type Adam struct {
	LR, Beta1, Beta2, Eps, WeightDecay float64

	t    int
	m, v [][]float64
}

// NewAdam returns Adam with step size lr and the usual β₁ = 0.9,
// β₂ = 0.999, ε = 1e−8.
func NewAdam(lr float64) *Adam {
	return &Adam{LR: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}
}

// Step updates params in place from their gradients. The parameter list must
// have the same shapes at every call.
func (a *Adam) Step(params []Param) error {
	if !(a.LR > 0) || a.Beta1 < 0 || a.Beta1 >= 1 || a.Beta2 < 0 || a.Beta2 >= 1 || !(a.Eps > 0) || a.WeightDecay < 0 {
		return fmt.Errorf("nn: Adam: invalid settings lr=%g β1=%g β2=%g ε=%g decay=%g", a.LR, a.Beta1, a.Beta2, a.Eps, a.WeightDecay)
	}
	if a.m == nil {
		a.m = make([][]float64, len(params))
		a.v = make([][]float64, len(params))
		for i, p := range params {
			a.m[i] = make([]float64, len(p.Value))
			a.v[i] = make([]float64, len(p.Value))
		}
	}
	if len(params) != len(a.m) {
		return fmt.Errorf("nn: Adam: %d parameter tensors, optimiser state has %d", len(params), len(a.m))
	}
	for i, p := range params {
		if len(p.Value) != len(a.m[i]) || len(p.Grad) != len(p.Value) {
			return fmt.Errorf("nn: Adam: parameter %q changed size", p.Name)
		}
	}
	a.t++
	c1 := 1 - math.Pow(a.Beta1, float64(a.t))
	c2 := 1 - math.Pow(a.Beta2, float64(a.t))
	for i, p := range params {
		m, v := a.m[i], a.v[i]
		for k, g := range p.Grad {
			g += a.WeightDecay * p.Value[k]
			m[k] = a.Beta1*m[k] + (1-a.Beta1)*g
			v[k] = a.Beta2*v[k] + (1-a.Beta2)*g*g
			p.Value[k] -= a.LR * (m[k] / c1) / (math.Sqrt(v[k]/c2) + a.Eps)
		}
	}
	return nil
}
