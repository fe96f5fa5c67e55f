package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Init selects how a Linear layer's weights are drawn.
type Init int

const (
	// XavierUniform draws U(−a, a) with a = √(6/(in+out)) (Glorot & Bengio 2010).
	XavierUniform Init = iota
	// XavierNormal draws N(0, 2/(in+out)).
	XavierNormal
	// HeNormal draws N(0, 2/in) (He et al. 2015), for ReLU networks.
	HeNormal
)

// String names the initialisation.
func (i Init) String() string {
	switch i {
	case XavierUniform:
		return "xavier-uniform"
	case XavierNormal:
		return "xavier-normal"
	case HeNormal:
		return "he-normal"
	}
	return fmt.Sprintf("Init(%d)", int(i))
}

// Linear is the affine map y = x·Wᵀ + b with W of shape out×in (row-major)
// and the bias initialised to zero.
type Linear struct {
	in, out int
	w, b    []float64
	dw, db  []float64
	x       *Matrix
}

// NewLinear returns an in→out affine layer with weights drawn by init from rng.
func NewLinear(in, out int, init Init, rng *rand.Rand) (*Linear, error) {
	if in <= 0 || out <= 0 {
		return nil, fmt.Errorf("nn: NewLinear: sizes in=%d, out=%d must be positive", in, out)
	}
	if rng == nil {
		return nil, fmt.Errorf("nn: NewLinear: nil random source")
	}
	l := &Linear{
		in: in, out: out,
		w: make([]float64, in*out), b: make([]float64, out),
		dw: make([]float64, in*out), db: make([]float64, out),
	}
	switch init {
	case XavierUniform:
		a := math.Sqrt(6 / float64(in+out))
		for k := range l.w {
			l.w[k] = a * (2*rng.Float64() - 1)
		}
	case XavierNormal:
		s := math.Sqrt(2 / float64(in+out))
		for k := range l.w {
			l.w[k] = s * rng.NormFloat64()
		}
	case HeNormal:
		s := math.Sqrt(2 / float64(in))
		for k := range l.w {
			l.w[k] = s * rng.NormFloat64()
		}
	default:
		return nil, fmt.Errorf("nn: NewLinear: unknown init %d", int(init))
	}
	return l, nil
}

// In is the input width.
func (l *Linear) In() int { return l.in }

// Out is the output width.
func (l *Linear) Out() int { return l.out }

// Weights returns W (out×in, row-major) as a view.
func (l *Linear) Weights() []float64 { return l.w }

// Bias returns b as a view.
func (l *Linear) Bias() []float64 { return l.b }

// Forward computes x·Wᵀ + b.
func (l *Linear) Forward(x *Matrix) (*Matrix, error) {
	if err := CheckLayerInput("Linear", x, l.in); err != nil {
		return nil, err
	}
	l.x = x
	y := NewMatrix(x.Rows, l.out)
	for r := 0; r < x.Rows; r++ {
		xr := x.Data[r*l.in : (r+1)*l.in]
		yr := y.Data[r*l.out : (r+1)*l.out]
		for o := 0; o < l.out; o++ {
			s := l.b[o]
			wo := l.w[o*l.in : (o+1)*l.in]
			for i, v := range xr {
				s += v * wo[i]
			}
			yr[o] = s
		}
	}
	return y, nil
}

// Backward accumulates ∂L/∂W and ∂L/∂b and returns ∂L/∂x.
func (l *Linear) Backward(g *Matrix) (*Matrix, error) {
	rows := 0
	if l.x != nil {
		rows = l.x.Rows
	}
	if err := CheckGradShape("Linear", g, rows, l.out); err != nil {
		return nil, err
	}
	dx := NewMatrix(rows, l.in)
	for r := 0; r < rows; r++ {
		xr := l.x.Data[r*l.in : (r+1)*l.in]
		dxr := dx.Data[r*l.in : (r+1)*l.in]
		for o := 0; o < l.out; o++ {
			gv := g.Data[r*l.out+o]
			if gv == 0 {
				continue
			}
			l.db[o] += gv
			wo := l.w[o*l.in : (o+1)*l.in]
			dwo := l.dw[o*l.in : (o+1)*l.in]
			for i, v := range xr {
				dwo[i] += gv * v
				dxr[i] += gv * wo[i]
			}
		}
	}
	return dx, nil
}

// Params returns the weight and bias.
func (l *Linear) Params() []Param {
	return []Param{{Name: "weight", Value: l.w, Grad: l.dw}, {Name: "bias", Value: l.b, Grad: l.db}}
}
