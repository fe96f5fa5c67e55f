package qml

import (
	"fmt"
	"math"
	"slices"

	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/statevec"
	"gonum.org/v1/gonum/optimize"
)

// Loss is a differentiable scalar function of a flat parameter vector, in
// the shape gonum.org/v1/gonum/optimize expects: Func returns the value,
// Grad writes the gradient into grad. Losses here cannot return errors
// from those two methods; they return NaN (and zero gradients) instead and
// report the cause through Err.
type Loss interface {
	Func(x []float64) float64
	Grad(grad, x []float64)
	// Err returns the first evaluation error, or nil.
	Err() error
}

// Problem wraps a loss as an optimize.Problem whose Status stops the
// optimiser with the loss's error, so gonum's methods (LBFGS, BFGS,
// NelderMead, …) plug in directly.
func Problem(l Loss) optimize.Problem {
	return optimize.Problem{
		Func: l.Func,
		Grad: l.Grad,
		Status: func() (optimize.Status, error) {
			if err := l.Err(); err != nil {
				return optimize.Failure, err
			}
			return optimize.NotTerminated, nil
		},
	}
}

// ExpectationLoss is f(θ) = ⟨O⟩ for a Differentiable circuit, with
// adjoint gradients. Grad computes the value too and caches both, so an
// optimiser that asks for Func and Grad at the same point pays for one
// forward and one backward pass; Func alone (Nelder–Mead) runs only the
// forward simulation. Not safe for concurrent use.
type ExpectationLoss struct {
	d    *Differentiable
	obs  pauli.Sum
	init *statevec.State

	// Evals counts forward simulations, Grads backward sweeps.
	Evals, Grads int

	lastX    []float64
	lastF    float64
	lastGrad []float64
	hasGrad  bool
	err      error
}

// NewExpectationLoss returns the loss ⟨init|U(θ)† O U(θ)|init⟩ (init nil:
// |0…0⟩).
func NewExpectationLoss(d *Differentiable, obs pauli.Sum, init *statevec.State) (*ExpectationLoss, error) {
	if d == nil {
		return nil, fmt.Errorf("qml: expectation loss: circuit is nil")
	}
	if err := obs.Validate(d.NumQubits()); err != nil {
		return nil, fmt.Errorf("qml: expectation loss: %w", err)
	}
	if init != nil && init.NumQubits() != d.NumQubits() {
		return nil, fmt.Errorf("qml: expectation loss: initial state has %d qubits, the circuit %d", init.NumQubits(), d.NumQubits())
	}
	return &ExpectationLoss{d: d, obs: obs, init: init}, nil
}

// Func returns ⟨O⟩(x), or NaN after an error.
func (l *ExpectationLoss) Func(x []float64) float64 {
	if l.err != nil {
		return math.NaN()
	}
	if l.lastX != nil && slices.Equal(x, l.lastX) {
		return l.lastF
	}
	f, err := l.d.Expectation(x, l.obs, l.init)
	l.Evals++
	if err != nil {
		l.err = err
		return math.NaN()
	}
	l.lastX = append(l.lastX[:0], x...)
	l.lastF, l.hasGrad = f, false
	return f
}

// Grad writes ∂⟨O⟩/∂x into grad (zeros after an error).
func (l *ExpectationLoss) Grad(grad, x []float64) {
	if l.err != nil {
		clear(grad)
		return
	}
	if l.hasGrad && slices.Equal(x, l.lastX) {
		copy(grad, l.lastGrad)
		return
	}
	if len(l.lastGrad) != len(x) {
		l.lastGrad = make([]float64, len(x))
	}
	f, err := l.d.Gradient(x, l.obs, l.init, l.lastGrad)
	l.Evals++
	l.Grads++
	if err != nil {
		l.err = err
		clear(grad)
		return
	}
	l.lastX = append(l.lastX[:0], x...)
	l.lastF, l.hasGrad = f, true
	copy(grad, l.lastGrad)
}

// Err returns the first evaluation error.
func (l *ExpectationLoss) Err() error { return l.err }
