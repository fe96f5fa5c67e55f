package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// FourierKAN is a Kolmogorov–Arnold layer with truncated Fourier-series edge
// functions:
//
//	y_j = bias_j + Σ_i Σ_{k=1..G} a_ji,k·cos(k·x_i) + b_ji,k·sin(k·x_i)
//
// 2G parameters per edge plus one bias per output. Coefficients start as
// N(0, 1/(n_in·G)) so the output variance does not grow with width or G;
// biases start at zero.
type FourierKAN struct {
	in, out, g int
	a, b, da   []float64 // [edge][k-1], edge = j*in+i
	db         []float64
	bias, dbi  []float64
	x          *Matrix
	cs, sn     []float64 // cache [row][i][k-1]: cos(kx), sin(kx)
}

// NewFourierKAN returns an in→out Fourier KAN layer with G frequencies.
func NewFourierKAN(in, out, g int, rng *rand.Rand) (*FourierKAN, error) {
	if in <= 0 || out <= 0 || g <= 0 {
		return nil, fmt.Errorf("nn: NewFourierKAN: in=%d, out=%d, G=%d must be positive", in, out, g)
	}
	if rng == nil {
		return nil, fmt.Errorf("nn: NewFourierKAN: nil random source")
	}
	e := in * out * g
	l := &FourierKAN{
		in: in, out: out, g: g,
		a: make([]float64, e), b: make([]float64, e), da: make([]float64, e), db: make([]float64, e),
		bias: make([]float64, out), dbi: make([]float64, out),
	}
	s := 1 / math.Sqrt(float64(in*g))
	for k := range l.a {
		l.a[k] = s * rng.NormFloat64()
		l.b[k] = s * rng.NormFloat64()
	}
	return l, nil
}

// Forward evaluates the Fourier edge sums.
func (l *FourierKAN) Forward(x *Matrix) (*Matrix, error) {
	if err := CheckLayerInput("FourierKAN", x, l.in); err != nil {
		return nil, err
	}
	l.x = x
	g := l.g
	need := x.Rows * l.in * g
	if cap(l.cs) < need {
		l.cs, l.sn = make([]float64, need), make([]float64, need)
	}
	l.cs, l.sn = l.cs[:need], l.sn[:need]
	y := NewMatrix(x.Rows, l.out)
	for r := 0; r < x.Rows; r++ {
		yr := y.Row(r)
		copy(yr, l.bias)
		for i := 0; i < l.in; i++ {
			off := (r*l.in + i) * g
			cs, sn := l.cs[off:off+g], l.sn[off:off+g]
			for k := range g {
				sn[k], cs[k] = math.Sincos(float64(k+1) * x.Data[r*l.in+i])
			}
			for j := 0; j < l.out; j++ {
				e := (j*l.in + i) * g
				a, b := l.a[e:e+g], l.b[e:e+g]
				var s float64
				for k := range g {
					s += a[k]*cs[k] + b[k]*sn[k]
				}
				yr[j] += s
			}
		}
	}
	return y, nil
}

// Backward accumulates coefficient and bias gradients and returns ∂L/∂x.
func (l *FourierKAN) Backward(gm *Matrix) (*Matrix, error) {
	rows := 0
	if l.x != nil {
		rows = l.x.Rows
	}
	if err := CheckGradShape("FourierKAN", gm, rows, l.out); err != nil {
		return nil, err
	}
	g := l.g
	dx := NewMatrix(rows, l.in)
	for r := 0; r < rows; r++ {
		gr := gm.Row(r)
		for j, gv := range gr {
			l.dbi[j] += gv
		}
		for i := 0; i < l.in; i++ {
			off := (r*l.in + i) * g
			cs, sn := l.cs[off:off+g], l.sn[off:off+g]
			var d float64
			for j, gv := range gr {
				if gv == 0 {
					continue
				}
				e := (j*l.in + i) * g
				a, b := l.a[e:e+g], l.b[e:e+g]
				da, db := l.da[e:e+g], l.db[e:e+g]
				for k := range g {
					da[k] += gv * cs[k]
					db[k] += gv * sn[k]
					d += gv * float64(k+1) * (b[k]*cs[k] - a[k]*sn[k])
				}
			}
			dx.Data[r*l.in+i] = d
		}
	}
	return dx, nil
}

// Params returns the cosine and sine coefficients and the bias.
func (l *FourierKAN) Params() []Param {
	return []Param{
		{Name: "cos", Value: l.a, Grad: l.da},
		{Name: "sin", Value: l.b, Grad: l.db},
		{Name: "bias", Value: l.bias, Grad: l.dbi},
	}
}

// NewFourierKANNet stacks Fourier KAN layers with G frequencies each.
func NewFourierKANNet(widths []int, g int, rng *rand.Rand) (*Sequential, error) {
	if len(widths) < 2 {
		return nil, fmt.Errorf("nn: NewFourierKANNet: need at least two widths, got %v", widths)
	}
	var layers []Layer
	for l := 0; l+1 < len(widths); l++ {
		f, err := NewFourierKAN(widths[l], widths[l+1], g, rng)
		if err != nil {
			return nil, fmt.Errorf("nn: NewFourierKANNet: layer %d: %w", l, err)
		}
		layers = append(layers, f)
	}
	return NewSequential(layers...)
}
