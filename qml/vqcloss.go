package qml

import (
	"fmt"
	"math"
	"slices"

	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/statevec"
)

// ClassifierLoss is the VQC's mean logistic loss as a function of (θ, b),
// with exact adjoint gradients. It caches the last point; not safe for
// concurrent use.
type ClassifierLoss struct {
	d      *Differentiable
	obs    pauli.Sum
	states []*statevec.State
	signs  []float64
	beta   float64

	lastX    []float64
	lastF    float64
	lastGrad []float64
	hasGrad  bool
	err      error
	// Evals counts evaluations over the whole training set.
	Evals int
}

// softplus(t) = log(1 + e^t), computed without overflow.
func softplus(t float64) float64 {
	if t > 0 {
		return t + math.Log1p(math.Exp(-t))
	}
	return math.Log1p(math.Exp(t))
}

func sigmoid(t float64) float64 {
	if t >= 0 {
		return 1 / (1 + math.Exp(-t))
	}
	e := math.Exp(t)
	return e / (1 + e)
}

func (l *ClassifierLoss) check(x []float64) bool {
	if len(x) != l.d.NumParams()+1 {
		l.err = fmt.Errorf("qml: classifier loss: %d values for %d parameters", len(x), l.d.NumParams()+1)
		return false
	}
	return true
}

// Func returns (1/N)·Σ log(1 + exp(−β·s_i·(f(x_i) + b))).
func (l *ClassifierLoss) Func(x []float64) float64 {
	if l.err != nil || !l.check(x) {
		return math.NaN()
	}
	if l.lastX != nil && slices.Equal(x, l.lastX) {
		return l.lastF
	}
	np := len(x) - 1
	f, err := l.d.Expectations(x[:np], l.obs, l.states)
	l.Evals++
	if err != nil {
		l.err = err
		return math.NaN()
	}
	var sum float64
	for i, fi := range f {
		sum += softplus(-l.beta * l.signs[i] * (fi + x[np]))
	}
	l.lastX = append(l.lastX[:0], x...)
	l.lastF, l.hasGrad = sum/float64(len(f)), false
	return l.lastF
}

// Grad writes the gradient in θ and b into grad.
func (l *ClassifierLoss) Grad(grad, x []float64) {
	if l.err != nil || !l.check(x) {
		clear(grad)
		return
	}
	if l.hasGrad && slices.Equal(x, l.lastX) {
		copy(grad, l.lastGrad)
		return
	}
	np := len(x) - 1
	f, jac, err := l.d.Jacobian(x[:np], l.obs, l.states)
	l.Evals++
	if err != nil {
		l.err = err
		clear(grad)
		return
	}
	if len(l.lastGrad) != len(x) {
		l.lastGrad = make([]float64, len(x))
	}
	g := l.lastGrad
	clear(g)
	var sum float64
	inv := 1 / float64(len(f))
	for i, fi := range f {
		t := -l.beta * l.signs[i] * (fi + x[np])
		sum += softplus(t)
		dm := -l.beta * l.signs[i] * sigmoid(t) * inv // ∂loss/∂(f_i + b)
		for k, v := range jac[i] {
			g[k] += dm * v
		}
		g[np] += dm
	}
	l.lastX = append(l.lastX[:0], x...)
	l.lastF, l.hasGrad = sum*inv, true
	copy(grad, g)
}

// Err returns the first evaluation error.
func (l *ClassifierLoss) Err() error { return l.err }
