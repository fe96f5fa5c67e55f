package qml

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/optimize"
)

// vqeProblem is H = Z₀ + Z₁ + ½X₀X₁ on an EfficientSU2(2, reps 2) ansatz.
// H splits into span{|00⟩, |11⟩} with [[2, ½], [½, −2]] and span{|01⟩,
// |10⟩} with [[0, ½], [½, 0]], so its ground energy is −√(4 + ¼).
func vqeProblem(t *testing.T) (*ExpectationLoss, []float64, float64) {
	t.Helper()
	c := circuits.New(2)
	ps, err := EfficientSU2(c, []int{0, 1}, 2, "")
	require.NoError(t, err)
	d, err := NewDifferentiable(c)
	require.NoError(t, err)
	xx, err := pauli.NewTerm(0.5, "XX", 0, 1)
	require.NoError(t, err)
	loss, err := NewExpectationLoss(d, pauli.Sum{pauli.Z(0), pauli.Z(1), xx}, nil)
	require.NoError(t, err)
	x0 := randomTheta(rand.New(rand.NewPCG(4, 4)), len(ps))
	return loss, x0, -math.Sqrt(4.25)
}

// TestGonumOptimizers plugs the loss into gonum's LBFGS, BFGS (adjoint
// gradients) and Nelder–Mead (values only).
func TestGonumOptimizers(t *testing.T) {
	for _, tc := range []struct {
		name   string
		method optimize.Method
		tol    float64
	}{
		{"LBFGS", &optimize.LBFGS{}, 1e-8},
		{"BFGS", &optimize.BFGS{}, 1e-8},
		{"NelderMead", &optimize.NelderMead{}, 1e-4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			loss, x0, ground := vqeProblem(t)
			res, err := optimize.Minimize(Problem(loss), x0, &optimize.Settings{FuncEvaluations: 4000}, tc.method)
			if err != nil {
				// A line search stalling at machine precision is fine if
				// the value is right.
				require.True(t, errors.Is(err, optimize.ErrLinesearcherFailure) || errors.Is(err, optimize.ErrNoProgress), "%v", err)
			}
			require.NoError(t, loss.Err())
			assert.InDelta(t, ground, res.F, tc.tol)
			if tc.name == "NelderMead" {
				assert.Zero(t, loss.Grads, "Nelder–Mead must not trigger gradients")
			}
		})
	}
}

func TestAdam(t *testing.T) {
	loss, x0, ground := vqeProblem(t)
	res, err := Adam(context.Background(), loss, x0, 0.05, 400)
	require.NoError(t, err)
	assert.InDelta(t, ground, res.F, 1e-3)
	assert.Len(t, res.History, 400)
	assert.Greater(t, res.History[0], res.History[399])
	_, err = Adam(context.Background(), loss, x0, -1, 3)
	assert.ErrorContains(t, err, "invalid settings")
}

// TestSPSAOnCircuitLoss: nn's SPSA (qml.SPSA) with calibrated gains finds
// the ground energy of the circuit loss.
func TestSPSAOnCircuitLoss(t *testing.T) {
	loss, xc, ground := vqeProblem(t)
	res, err := SPSA{Iterations: 1500, Stability: 50, Seed: 1}.Minimize(context.Background(), loss.Func, xc)
	require.NoError(t, err)
	assert.InDelta(t, ground, res.F, 0.05)
}

// TestExpectationLossCaches: Grad then Func at the same point costs one
// evaluation; an error surfaces through Err and Problem's Status.
func TestExpectationLossCaches(t *testing.T) {
	loss, x0, _ := vqeProblem(t)
	g := make([]float64, len(x0))
	loss.Grad(g, x0)
	f := loss.Func(x0)
	assert.Equal(t, 1, loss.Evals)
	want, err := loss.d.Expectation(x0, loss.obs, nil)
	require.NoError(t, err)
	assert.Equal(t, want, f)

	assert.True(t, math.IsNaN(loss.Func(x0[:3])))
	assert.ErrorContains(t, loss.Err(), "got 3 values")
	status, err := Problem(loss).Status()
	assert.Equal(t, optimize.Failure, status)
	assert.Error(t, err)
}
