package ml

import (
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func repeatLabels(sizes ...int) []int {
	var y []int
	for c, n := range sizes {
		for range n {
			y = append(y, c)
		}
	}
	return y
}

func countByClass(y, idx []int, k int) []int {
	c := make([]int, k)
	for _, i := range idx {
		c[y[i]]++
	}
	return c
}

func requirePartition(t *testing.T, n int, parts ...[]int) {
	t.Helper()
	var all []int
	for _, p := range parts {
		require.True(t, slices.IsSorted(p))
		all = append(all, p...)
	}
	slices.Sort(all)
	want := make([]int, n)
	for i := range want {
		want[i] = i
	}
	require.Equal(t, want, all)
}

func TestStratifiedSplitIris(t *testing.T) {
	y := repeatLabels(50, 50, 50)
	train, test, err := StratifiedSplit(y, 0.2, 7)
	require.NoError(t, err)
	requirePartition(t, 150, train, test)
	assert.Equal(t, []int{10, 10, 10}, countByClass(y, test, 3))
	assert.Equal(t, []int{40, 40, 40}, countByClass(y, train, 3))

	train2, test2, err := StratifiedSplit(y, 0.2, 7)
	require.NoError(t, err)
	assert.Equal(t, train, train2)
	assert.Equal(t, test, test2)
	_, test3, err := StratifiedSplit(y, 0.2, 8)
	require.NoError(t, err)
	assert.NotEqual(t, test, test3)
}

func TestStratifiedSplitRounding(t *testing.T) {
	// n = 10, nTest = 3: quotas 1.5, 0.9, 0.6 → floors 1, 0, 0; the two
	// missing go to the largest remainders (0.9, 0.6).
	y := repeatLabels(5, 3, 2)
	train, test, err := StratifiedSplit(y, 0.3, 1)
	require.NoError(t, err)
	requirePartition(t, 10, train, test)
	assert.Equal(t, []int{1, 1, 1}, countByClass(y, test, 3))

	// nTest = ⌈0.7·10⌉ = 7: quotas 1.4, 1.4, 4.2 → 1, 1, 4, and the last one
	// goes to class 2 because classes 0 and 1 must keep a training sample.
	y = repeatLabels(2, 2, 6)
	_, test, err = StratifiedSplit(y, 0.7, 1)
	require.NoError(t, err)
	assert.Equal(t, []int{1, 1, 5}, countByClass(y, test, 3))

	// Equal remainders: the smaller label wins. nTest = 1 would not hold
	// both classes, so use sizes 3, 3 with nTest = 3: quotas 1.5, 1.5.
	y = repeatLabels(3, 3)
	_, test, err = StratifiedSplit(y, 0.5, 1)
	require.NoError(t, err)
	assert.Equal(t, []int{2, 1}, countByClass(y, test, 2))
}

func TestStratifiedSplitErrors(t *testing.T) {
	y := repeatLabels(5, 5)
	for _, f := range []float64{0, 1, -0.1, math.NaN()} {
		_, _, err := StratifiedSplit(y, f, 0)
		assert.ErrorContains(t, err, "test fraction must be in (0, 1)")
	}
	_, _, err := StratifiedSplit(repeatLabels(5, 1), 0.5, 0)
	assert.ErrorContains(t, err, "class 1 has a single sample")
	_, _, err = StratifiedSplit(repeatLabels(4, 3, 3), 0.1, 0)
	assert.ErrorContains(t, err, "1 test and 9 training samples cannot hold all 3 classes")
	_, _, err = StratifiedSplit(nil, 0.5, 0)
	assert.ErrorContains(t, err, "no labels")
}

func TestStratifiedKFold(t *testing.T) {
	y := repeatLabels(50, 50, 50)
	folds, err := StratifiedKFold(y, 5, 3)
	require.NoError(t, err)
	require.Len(t, folds, 5)
	var tests [][]int
	for _, f := range folds {
		requirePartition(t, 150, f.Train, f.Test)
		assert.Equal(t, []int{10, 10, 10}, countByClass(y, f.Test, 3))
		tests = append(tests, f.Test)
	}
	requirePartition(t, 150, tests...)

	// 7 + 5 samples in 4 folds: sizes 3,3,3,3 and per-class counts differ by ≤ 1.
	y = repeatLabels(7, 5)
	folds, err = StratifiedKFold(y, 4, 3)
	require.NoError(t, err)
	for _, f := range folds {
		assert.Len(t, f.Test, 3)
		c := countByClass(y, f.Test, 2)
		assert.True(t, c[0] >= 1 && c[0] <= 2 && c[1] >= 1 && c[1] <= 2, "counts %v", c)
	}

	_, err = StratifiedKFold(y, 1, 0)
	assert.ErrorContains(t, err, "need 2 ≤ k ≤ 12 samples, got k = 1")
	_, err = StratifiedKFold(y, 13, 0)
	assert.ErrorContains(t, err, "got k = 13")
}

func TestSubset(t *testing.T) {
	X := [][]float64{{1}, {2}, {3}}
	xs, ys, err := Subset(X, []int{7, 8, 9}, []int{2, 0})
	require.NoError(t, err)
	assert.Equal(t, [][]float64{{3}, {1}}, xs)
	assert.Equal(t, []int{9, 7}, ys)
	_, _, err = Subset(X, []int{7, 8, 9}, []int{3})
	assert.ErrorContains(t, err, "index 3 (position 0) outside 0..2")
	_, _, err = Subset(X, []int{7}, nil)
	assert.ErrorContains(t, err, "3 rows but 1 labels")
}
