package ml

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// PCA is a fitted principal-component analysis.
type PCA struct {
	// Mean is the training column mean subtracted before projecting.
	Mean []float64
	// Components are the principal axes, one unit vector per row, in order
	// of decreasing variance. Each is signed so that its entry of largest
	// magnitude (the first such entry on ties) is positive, which makes the
	// result independent of the SVD routine's arbitrary signs.
	Components [][]float64
	// SingularValues of the centred training matrix for the kept components.
	SingularValues []float64
	// ExplainedVariance is s²/(n−1) per component (the sample variance along
	// it); ExplainedVarianceRatio divides by the total sample variance of all
	// columns, so it sums to 1 when every component is kept.
	ExplainedVariance      []float64
	ExplainedVarianceRatio []float64
}

// FitPCA centres X (n×d, n ≥ 2) and keeps its nComponents leading principal
// axes (1 ≤ nComponents ≤ min(n, d)), from the thin SVD of the centred matrix
// computed by gonum.
func FitPCA(X [][]float64, nComponents int) (*PCA, error) {
	n, d, err := CheckMatrix(X, "X")
	if err != nil {
		return nil, fmt.Errorf("ml: FitPCA: %w", err)
	}
	if n < 2 {
		return nil, fmt.Errorf("ml: FitPCA: need at least 2 samples, got %d", n)
	}
	if nComponents < 1 || nComponents > min(n, d) {
		return nil, fmt.Errorf("ml: FitPCA: nComponents must be in 1..%d (min of %d samples, %d features), got %d", min(n, d), n, d, nComponents)
	}
	p := &PCA{Mean: make([]float64, d)}
	for _, row := range X {
		for j, v := range row {
			p.Mean[j] += v
		}
	}
	for j := range p.Mean {
		p.Mean[j] /= float64(n)
	}
	centred := mat.NewDense(n, d, nil)
	for i, row := range X {
		for j, v := range row {
			centred.Set(i, j, v-p.Mean[j])
		}
	}
	var svd mat.SVD
	if !svd.Factorize(centred, mat.SVDThinV) {
		return nil, fmt.Errorf("ml: FitPCA: SVD did not converge")
	}
	s := svd.Values(nil)
	var v mat.Dense
	svd.VTo(&v)

	var total float64
	for _, sv := range s {
		total += sv * sv
	}
	for c := range nComponents {
		axis := mat.Col(nil, c, &v)
		flipSign(axis)
		p.Components = append(p.Components, axis)
		p.SingularValues = append(p.SingularValues, s[c])
		p.ExplainedVariance = append(p.ExplainedVariance, s[c]*s[c]/float64(n-1))
		ratio := 0.0
		if total > 0 {
			ratio = s[c] * s[c] / total
		}
		p.ExplainedVarianceRatio = append(p.ExplainedVarianceRatio, ratio)
	}
	return p, nil
}

// flipSign negates v if its largest-magnitude entry is negative.
func flipSign(v []float64) {
	best := 0
	for i, x := range v {
		if math.Abs(x) > math.Abs(v[best]) {
			best = i
		}
	}
	if v[best] < 0 {
		for i := range v {
			v[i] = -v[i]
		}
	}
}

// Transform projects X onto the components: Z = (X − Mean)·Componentsᵀ.
func (p *PCA) Transform(X [][]float64) ([][]float64, error) {
	if err := checkWidth(X, "X", len(p.Mean)); err != nil {
		return nil, fmt.Errorf("ml: PCA.Transform: %w", err)
	}
	out := make([][]float64, len(X))
	centred := make([]float64, len(p.Mean))
	for i, row := range X {
		for j, v := range row {
			centred[j] = v - p.Mean[j]
		}
		z := make([]float64, len(p.Components))
		for c, axis := range p.Components {
			var s float64
			for j, a := range axis {
				s += a * centred[j]
			}
			z[c] = s
		}
		out[i] = z
	}
	return out, nil
}

// InverseTransform maps component scores back: X = Z·Components + Mean.
func (p *PCA) InverseTransform(Z [][]float64) ([][]float64, error) {
	if err := checkWidth(Z, "Z", len(p.Components)); err != nil {
		return nil, fmt.Errorf("ml: PCA.InverseTransform: %w", err)
	}
	out := make([][]float64, len(Z))
	for i, z := range Z {
		x := append([]float64(nil), p.Mean...)
		for c, axis := range p.Components {
			for j, a := range axis {
				x[j] += z[c] * a
			}
		}
		out[i] = x
	}
	return out, nil
}
