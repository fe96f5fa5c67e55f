package ml

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAccuracy(t *testing.T) {
	a, err := Accuracy([]int{0, 1, 1, 2}, []int{0, 1, 2, 2})
	require.NoError(t, err)
	assert.Equal(t, 0.75, a)
}

func TestBalancedAccuracy(t *testing.T) {
	// recalls: class 0 2/3, class 1 1/1.
	b, err := BalancedAccuracy([]int{0, 0, 0, 1}, []int{0, 0, 1, 1})
	require.NoError(t, err)
	assert.InDelta(t, 5.0/6, b, 1e-15)
	// A predicted class absent from the truth (5) adds no term of its own.
	b, err = BalancedAccuracy([]int{0, 1}, []int{5, 1})
	require.NoError(t, err)
	assert.Equal(t, 0.5, b)
}

func TestConfusionMatrix(t *testing.T) {
	// The example of scikit-learn's confusion_matrix documentation.
	cm, labels, err := ConfusionMatrix([]int{2, 0, 2, 2, 0, 1}, []int{0, 0, 2, 2, 0, 2})
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1, 2}, labels)
	assert.Equal(t, [][]int{{2, 0, 0}, {0, 0, 1}, {1, 0, 2}}, cm)

	cm, labels, err = ConfusionMatrix([]int{7, 7}, []int{-1, 7})
	require.NoError(t, err)
	assert.Equal(t, []int{-1, 7}, labels)
	assert.Equal(t, [][]int{{0, 0}, {1, 1}}, cm)
}

func TestMetricErrors(t *testing.T) {
	_, err := Accuracy([]int{1}, []int{1, 2})
	assert.ErrorContains(t, err, "1 true labels but 2 predictions")
	_, err = BalancedAccuracy(nil, nil)
	assert.ErrorContains(t, err, "no labels")
	_, _, err = ConfusionMatrix([]int{1, 2}, []int{1})
	assert.ErrorContains(t, err, "2 true labels but 1 predictions")
}
