package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// GradCheckResult reports the worst disagreement between a layer's analytic
// gradients and central finite differences.
type GradCheckResult struct {
	// MaxInputErr and MaxParamErr are max |analytic − numeric| / max(1, |numeric|)
	// over input and parameter entries: relative for large derivatives,
	// absolute for small ones.
	MaxInputErr, MaxParamErr float64
	// Worst names the entry with the largest error.
	Worst string
}

// GradCheck compares Backward with central differences of step h for the
// scalar L = Σ r ⊙ Forward(x), r a fixed random weighting drawn from seed.
// It restores every parameter it perturbs.
func GradCheck(l Layer, x *Matrix, h float64, seed uint64) (GradCheckResult, error) {
	var res GradCheckResult
	if !(h > 0) {
		return res, fmt.Errorf("nn: GradCheck: step %g must be positive", h)
	}
	y, err := l.Forward(x)
	if err != nil {
		return res, err
	}
	rng := rand.New(rand.NewPCG(seed, 0x9c))
	w := NewMatrix(y.Rows, y.Cols)
	for k := range w.Data {
		w.Data[k] = rng.NormFloat64()
	}
	objective := func() (float64, error) {
		out, err := l.Forward(x)
		if err != nil {
			return 0, err
		}
		var s float64
		for k, v := range out.Data {
			s += v * w.Data[k]
		}
		return s, nil
	}
	if _, err := l.Forward(x); err != nil {
		return res, err
	}
	ZeroGrad(l)
	dx, err := l.Backward(w)
	if err != nil {
		return res, err
	}
	analyticX := dx.Clone()
	var analyticP [][]float64
	for _, p := range l.Params() {
		analyticP = append(analyticP, append([]float64(nil), p.Grad...))
	}
	central := func(v *float64) (float64, error) {
		old := *v
		*v = old + h
		fp, err := objective()
		if err != nil {
			return 0, err
		}
		*v = old - h
		fm, err := objective()
		*v = old
		if err != nil {
			return 0, err
		}
		return (fp - fm) / (2 * h), nil
	}
	worst := -1.0
	note := func(err float64, name string, into *float64) {
		*into = max(*into, err)
		if err > worst {
			worst = err
			res.Worst = name
		}
	}
	for k := range x.Data {
		num, err := central(&x.Data[k])
		if err != nil {
			return res, err
		}
		note(math.Abs(analyticX.Data[k]-num)/math.Max(1, math.Abs(num)), fmt.Sprintf("input[%d]", k), &res.MaxInputErr)
	}
	for pi, p := range l.Params() {
		for k := range p.Value {
			num, err := central(&p.Value[k])
			if err != nil {
				return res, err
			}
			note(math.Abs(analyticP[pi][k]-num)/math.Max(1, math.Abs(num)), fmt.Sprintf("%s[%d]", p.Name, k), &res.MaxParamErr)
		}
	}
	// Leave the layer's cache consistent with x.
	_, err = l.Forward(x)
	return res, err
}
