package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// BSplineConfig describes the spline grid of a KAN layer.
type BSplineConfig struct {
	// Grid is the number of uniform intervals G over [Lo, Hi] (default 5).
	Grid int
	// Order is the spline degree k (default 3, cubic).
	Order int
	// Lo and Hi bound the grid (default −1 and 1). The grid is extended by
	// Order knots on each side, so bases are nonzero on
	// [Lo − k·h, Hi + k·h) with h = (Hi−Lo)/G; outside, only the SiLU term acts.
	Lo, Hi float64
}

func (c BSplineConfig) withDefaults() BSplineConfig {
	if c.Grid == 0 {
		c.Grid = 5
	}
	if c.Order == 0 {
		c.Order = 3
	}
	if c.Lo == 0 && c.Hi == 0 {
		c.Lo, c.Hi = -1, 1
	}
	return c
}

// BSplineKAN is a Kolmogorov–Arnold layer with B-spline edge functions
// (Liu et al. 2024): y_j = Σ_i φ_ji(x_i) with
//
//	φ_ji(x) = s_b,ji·SiLU(x) + s_s,ji·Σ_m c_ji,m·B_m(x)
//
// and G+k bases B_m of degree k on the extended uniform grid, evaluated by
// the Cox–de Boor recursion. Each edge has G+k+2 parameters (10 for G=5,
// k=3).
//
// Initialisation follows the KAN paper's recipe: c ~ U(−½, ½)·0.3/G (small
// noise), s_b ~ U(−1, 1)/√n_in, s_s = 1/√n_in.
type BSplineKAN struct {
	in, out   int
	cfg       BSplineConfig
	nb        int // bases per edge, G+k
	knots     []float64
	coef, dc  []float64 // [edge][nb], edge = j*in+i
	sb, dsb   []float64 // [edge]
	ss, dss   []float64 // [edge]
	x         *Matrix
	basis, db []float64 // cache [row][i][nb]: B_m(x) and B'_m(x)
}

// NewBSplineKAN returns an in→out B-spline KAN layer drawn from rng.
func NewBSplineKAN(in, out int, cfg BSplineConfig, rng *rand.Rand) (*BSplineKAN, error) {
	cfg = cfg.withDefaults()
	if in <= 0 || out <= 0 {
		return nil, fmt.Errorf("nn: NewBSplineKAN: sizes in=%d, out=%d must be positive", in, out)
	}
	if cfg.Grid < 1 || cfg.Order < 0 || !(cfg.Hi > cfg.Lo) || math.IsInf(cfg.Hi-cfg.Lo, 0) {
		return nil, fmt.Errorf("nn: NewBSplineKAN: bad grid G=%d k=%d range [%g, %g]", cfg.Grid, cfg.Order, cfg.Lo, cfg.Hi)
	}
	if rng == nil {
		return nil, fmt.Errorf("nn: NewBSplineKAN: nil random source")
	}
	g, k := cfg.Grid, cfg.Order
	l := &BSplineKAN{in: in, out: out, cfg: cfg, nb: g + k}
	h := (cfg.Hi - cfg.Lo) / float64(g)
	l.knots = make([]float64, g+2*k+1)
	for m := range l.knots {
		l.knots[m] = cfg.Lo + float64(m-k)*h
	}
	e := in * out
	l.coef, l.dc = make([]float64, e*l.nb), make([]float64, e*l.nb)
	l.sb, l.dsb = make([]float64, e), make([]float64, e)
	l.ss, l.dss = make([]float64, e), make([]float64, e)
	r := 1 / math.Sqrt(float64(in))
	for i := range l.coef {
		l.coef[i] = (rng.Float64() - 0.5) * 0.3 / float64(g)
	}
	for i := range l.sb {
		l.sb[i] = r * (2*rng.Float64() - 1)
		l.ss[i] = r
	}
	return l, nil
}

// Knots returns the extended knot vector t_0..t_{G+2k}.
func (l *BSplineKAN) Knots() []float64 { return l.knots }

// Coefficients returns c as a view, laid out [j][i][m].
func (l *BSplineKAN) Coefficients() []float64 { return l.coef }

// Basis evaluates the G+k B-spline bases and their x-derivatives at x into
// b and db (each of length G+k) by the Cox–de Boor recursion.
func (l *BSplineKAN) Basis(x float64, b, db []float64) error {
	if len(b) != l.nb || len(db) != l.nb {
		return fmt.Errorf("nn: Basis: need %d-long buffers, got %d and %d", l.nb, len(b), len(db))
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return fmt.Errorf("nn: Basis: non-finite x %g", x)
	}
	bsplineBasis(l.knots, l.cfg.Order, x, b, db)
	return nil
}

// bsplineBasis fills b[m] = B_{m,k}(x) and db[m] = B'_{m,k}(x) for
// m < len(t)−k−1.
func bsplineBasis(t []float64, k int, x float64, b, db []float64) {
	n := len(t) - 1 // degree-0 bases
	var work [64]float64
	w := work[:0]
	if n > len(work) {
		w = make([]float64, 0, n)
	}
	w = w[:n]
	for m := 0; m < n; m++ {
		if t[m] <= x && x < t[m+1] {
			w[m] = 1
		} else {
			w[m] = 0
		}
	}
	for p := 1; p <= k; p++ {
		if p == k {
			// B'_{m,k} from the degree k−1 values still in w.
			for m := 0; m < n-p; m++ {
				db[m] = float64(p)*w[m]/(t[m+p]-t[m]) - float64(p)*w[m+1]/(t[m+p+1]-t[m+1])
			}
		}
		for m := 0; m < n-p; m++ {
			w[m] = (x-t[m])/(t[m+p]-t[m])*w[m] + (t[m+p+1]-x)/(t[m+p+1]-t[m+1])*w[m+1]
		}
	}
	if k == 0 {
		clear(db[:n])
	}
	copy(b, w[:n-k])
}

// Forward evaluates Σ_i φ_ji(x_i).
func (l *BSplineKAN) Forward(x *Matrix) (*Matrix, error) {
	if err := CheckLayerInput("BSplineKAN", x, l.in); err != nil {
		return nil, err
	}
	l.x = x
	nb := l.nb
	need := x.Rows * l.in * nb
	if cap(l.basis) < need {
		l.basis, l.db = make([]float64, need), make([]float64, need)
	}
	l.basis, l.db = l.basis[:need], l.db[:need]
	y := NewMatrix(x.Rows, l.out)
	for r := 0; r < x.Rows; r++ {
		yr := y.Row(r)
		for i := 0; i < l.in; i++ {
			v := x.Data[r*l.in+i]
			off := (r*l.in + i) * nb
			bs := l.basis[off : off+nb]
			bsplineBasis(l.knots, l.cfg.Order, v, bs, l.db[off:off+nb])
			silu := SiLU(v)
			for j := 0; j < l.out; j++ {
				e := j*l.in + i
				c := l.coef[e*nb : (e+1)*nb]
				var s float64
				for m, bv := range bs {
					s += c[m] * bv
				}
				yr[j] += l.sb[e]*silu + l.ss[e]*s
			}
		}
	}
	return y, nil
}

// Backward accumulates ∂L/∂c, ∂L/∂s_b, ∂L/∂s_s and returns ∂L/∂x using the
// exact derivatives of SiLU and of the bases.
func (l *BSplineKAN) Backward(g *Matrix) (*Matrix, error) {
	rows := 0
	if l.x != nil {
		rows = l.x.Rows
	}
	if err := CheckGradShape("BSplineKAN", g, rows, l.out); err != nil {
		return nil, err
	}
	nb := l.nb
	dx := NewMatrix(rows, l.in)
	for r := 0; r < rows; r++ {
		gr := g.Row(r)
		for i := 0; i < l.in; i++ {
			v := l.x.Data[r*l.in+i]
			off := (r*l.in + i) * nb
			bs, dbs := l.basis[off:off+nb], l.db[off:off+nb]
			silu, dsilu := SiLU(v), SiLUPrime(v)
			var d float64
			for j := 0; j < l.out; j++ {
				gv := gr[j]
				if gv == 0 {
					continue
				}
				e := j*l.in + i
				c := l.coef[e*nb : (e+1)*nb]
				dc := l.dc[e*nb : (e+1)*nb]
				var s, ds float64
				for m, bv := range bs {
					s += c[m] * bv
					ds += c[m] * dbs[m]
					dc[m] += gv * l.ss[e] * bv
				}
				l.dsb[e] += gv * silu
				l.dss[e] += gv * s
				d += gv * (l.sb[e]*dsilu + l.ss[e]*ds)
			}
			dx.Data[r*l.in+i] = d
		}
	}
	return dx, nil
}

// Params returns the spline coefficients and the two scales.
func (l *BSplineKAN) Params() []Param {
	return []Param{
		{Name: "coef", Value: l.coef, Grad: l.dc},
		{Name: "scale_base", Value: l.sb, Grad: l.dsb},
		{Name: "scale_spline", Value: l.ss, Grad: l.dss},
	}
}

// NewKAN stacks B-spline KAN layers with the given widths.
func NewKAN(widths []int, cfg BSplineConfig, rng *rand.Rand) (*Sequential, error) {
	if len(widths) < 2 {
		return nil, fmt.Errorf("nn: NewKAN: need at least two widths, got %v", widths)
	}
	var layers []Layer
	for l := 0; l+1 < len(widths); l++ {
		k, err := NewBSplineKAN(widths[l], widths[l+1], cfg, rng)
		if err != nil {
			return nil, fmt.Errorf("nn: NewKAN: layer %d: %w", l, err)
		}
		layers = append(layers, k)
	}
	return NewSequential(layers...)
}
