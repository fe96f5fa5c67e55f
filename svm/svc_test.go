package svm

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// Hard-margin SVM on the line: points −2, −1 (class −1) and 1, 2 (class +1).
// The maximum-margin separator is w = 1, b = 0 with support vectors ±1 and
// α = ½ each, so the dual objective is Σα − ½w² = ½.
func TestFitHardMarginAnalytic(t *testing.T) {
	x := [][]float64{{-2}, {-1}, {1}, {2}}
	y := []int{-1, -1, 1, 1}
	K, err := Linear(x, x)
	require.NoError(t, err)
	m, err := Fit(K, y, 1e6, &Options{Eps: 1e-10})
	require.NoError(t, err)

	require.Equal(t, []int{1, -1}, m.Classes, "−1/+1 problems put +1 first")
	require.Len(t, m.Pairs, 1)
	p := m.Pairs[0]
	assert.Equal(t, []int{2, 1}, p.Support, "positive class first")
	assert.InDeltaSlice(t, []float64{0.5, -0.5}, p.Coef, 1e-9)
	assert.InDelta(t, 0, p.Rho, 1e-9)
	assert.InDelta(t, 0.5, p.Objective, 1e-9)
	assert.Zero(t, p.BoundSupport)
	assert.True(t, p.Converged)

	test := [][]float64{{1.5}, {-0.25}, {3}}
	Kt, err := Linear(test, x)
	require.NoError(t, err)
	dec, err := m.DecisionFunction(Kt)
	require.NoError(t, err)
	assert.InDelta(t, 1.5, dec[0][0], 1e-9)
	assert.InDelta(t, -0.25, dec[1][0], 1e-9)
	assert.InDelta(t, 3, dec[2][0], 1e-9)
	pred, err := m.Predict(Kt)
	require.NoError(t, err)
	assert.Equal(t, []int{1, -1, 1}, pred)
}

// With K = I and C = ½ both multipliers sit at the bound: α = ½, objective
// 2·½ − ½(¼ + ¼) = ¾, and rho is the midpoint of [−½, ½], i.e. 0.
func TestFitAllBoundedRhoMidpoint(t *testing.T) {
	K := mat.NewSymDense(2, []float64{1, 0, 0, 1})
	m, err := Fit(K, []int{4, 9}, 0.5, nil)
	require.NoError(t, err)
	p := m.Pairs[0]
	assert.Equal(t, 4, p.Positive)
	assert.Equal(t, 9, p.Negative)
	assert.Equal(t, []float64{0.5, -0.5}, p.Coef)
	assert.Equal(t, 2, p.BoundSupport)
	assert.InDelta(t, 0.75, p.Objective, 1e-15)
	assert.InDelta(t, 0, p.Rho, 1e-15)
}

// The solution must satisfy the KKT conditions of the dual to the requested
// tolerance: y_i f(x_i) ≥ 1 where α_i = 0, ≤ 1 where α_i = C, = 1 where free,
// and Σ y_i α_i = 0.
func TestFitSatisfiesKKT(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 11))
	n := 120
	x := make([][]float64, n)
	y := make([]int, n)
	for i := range x {
		y[i] = 2*(i%2) - 1
		x[i] = []float64{rng.NormFloat64() + 0.8*float64(y[i]), rng.NormFloat64(), rng.NormFloat64()}
	}
	gamma, err := GammaScale(x)
	require.NoError(t, err)
	K, err := RBF(x, x, gamma)
	require.NoError(t, err)
	const C = 3.0
	m, err := Fit(K, y, C, &Options{Eps: 1e-9})
	require.NoError(t, err)
	dec, err := m.DecisionFunction(K)
	require.NoError(t, err)

	p := m.Pairs[0]
	alpha := make([]float64, n)
	var balance float64
	for s, i := range p.Support {
		alpha[i] = math.Abs(p.Coef[s])
		balance += p.Coef[s]
	}
	assert.InDelta(t, 0, balance, 1e-12)
	sign := map[int]float64{p.Positive: 1, p.Negative: -1}
	nFree := 0
	for i := range n {
		margin := sign[y[i]] * dec[i][0]
		switch {
		case alpha[i] == 0:
			assert.GreaterOrEqual(t, margin, 1-1e-8, "row %d at 0", i)
		case alpha[i] == C:
			assert.LessOrEqual(t, margin, 1+1e-8, "row %d at C", i)
		default:
			nFree++
			assert.InDelta(t, 1, margin, 1e-8, "free row %d", i)
		}
	}
	assert.Positive(t, nFree)
}

func TestClassOrder(t *testing.T) {
	for _, tc := range []struct {
		y    []int
		want []int
	}{
		{[]int{-1, 1, 1}, []int{1, -1}},
		{[]int{1, -1, -1}, []int{1, -1}},
		{[]int{2, 1, 2}, []int{2, 1}},
		{[]int{-1, 2, 2}, []int{-1, 2}},
		{[]int{5, -1, 1, 5}, []int{5, -1, 1}},
	} {
		assert.Equal(t, tc.want, groupClasses(tc.y).labels, "y = %v", tc.y)
	}
}

// One-vs-one voting: a 1–1–1 tie goes to the class listed first, and a zero
// decision value votes for the pair's Negative class.
func TestPredictVotingTies(t *testing.T) {
	m := &Model{
		Classes: []int{30, 10, 20},
		NTrain:  1,
		Pairs: []Pair{
			{Positive: 30, Negative: 10, Rho: -1}, // decision +1: vote 30
			{Positive: 30, Negative: 20, Rho: 1},  // decision −1: vote 20
			{Positive: 10, Negative: 20, Rho: -1}, // decision +1: vote 10
		},
	}
	K := mat.NewDense(1, 1, []float64{0})
	pred, err := m.Predict(K)
	require.NoError(t, err)
	assert.Equal(t, []int{30}, pred)

	m.Pairs[0].Rho = 0 // decision 0 now votes for 10, which then has two votes
	pred, err = m.Predict(K)
	require.NoError(t, err)
	assert.Equal(t, []int{10}, pred)
}

func TestFitSymmetrisesRoundingNoise(t *testing.T) {
	K := mat.NewDense(2, 2, []float64{1, 0.3, 0.3 + 1e-14, 1})
	Ks := mat.NewSymDense(2, []float64{1, 0.3 + 0.5e-14, 0.3 + 0.5e-14, 1})
	a, err := Fit(K, []int{0, 1}, 1, nil)
	require.NoError(t, err)
	b, err := Fit(Ks, []int{0, 1}, 1, nil)
	require.NoError(t, err)
	assert.Equal(t, b.Pairs, a.Pairs)
}

func TestFitNotConverged(t *testing.T) {
	fx := loadFixture(t, "iris3_rbf")
	m, err := Fit(fx.kTrain, fx.yTrain, fx.c, &Options{MaxIter: 2})
	require.ErrorIs(t, err, ErrNotConverged)
	require.NotNil(t, m)
	assert.False(t, m.Pairs[0].Converged)
	assert.Equal(t, 2, m.Pairs[0].Iterations)
}

func TestFitErrors(t *testing.T) {
	good := mat.NewSymDense(2, []float64{1, 0.5, 0.5, 1})
	y := []int{0, 1}
	for _, tc := range []struct {
		name string
		K    mat.Matrix
		y    []int
		C    float64
		opt  *Options
		msg  string
	}{
		{"nil kernel", nil, y, 1, nil, "nil"},
		{"nil dense", (*mat.Dense)(nil), y, 1, nil, "empty"},
		{"non-square", mat.NewDense(2, 3, nil), y, 1, nil, "square, got 2×3"},
		{"asymmetric", mat.NewDense(2, 2, []float64{1, 0.5, 0.4, 1}), y, 1, nil, "not symmetric"},
		{"NaN", mat.NewDense(2, 2, []float64{1, math.NaN(), math.NaN(), 1}), y, 1, nil, "not finite"},
		{"Inf", mat.NewDense(2, 2, []float64{math.Inf(1), 0, 0, 1}), y, 1, nil, "not finite"},
		{"label count", good, []int{0, 1, 1}, 1, nil, "3 labels for a 2×2"},
		{"one class", good, []int{4, 4}, 1, nil, "two classes, all 2 labels are 4"},
		{"C zero", good, y, 0, nil, "C must be positive"},
		{"C negative", good, y, -1, nil, "C must be positive"},
		{"C NaN", good, y, math.NaN(), nil, "C must be positive"},
		{"C Inf", good, y, math.Inf(1), nil, "C must be positive"},
		{"eps negative", good, y, 1, &Options{Eps: -1}, "Eps"},
		{"max iter negative", good, y, 1, &Options{MaxIter: -1}, "MaxIter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Fit(tc.K, tc.y, tc.C, tc.opt)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.msg)
			assert.False(t, errors.Is(err, ErrNotConverged))
		})
	}
}

func TestDecisionErrors(t *testing.T) {
	m, err := Fit(mat.NewSymDense(2, []float64{1, 0, 0, 1}), []int{0, 1}, 1, nil)
	require.NoError(t, err)
	_, err = m.DecisionFunction(mat.NewDense(3, 3, nil))
	require.ErrorContains(t, err, "3 columns, want one per training sample (2)")
	_, err = m.Predict(mat.NewDense(1, 2, []float64{math.NaN(), 0}))
	require.ErrorContains(t, err, "not finite")
	var empty *Model
	_, err = empty.Predict(mat.NewDense(1, 2, nil))
	require.ErrorContains(t, err, "not fitted")
}
