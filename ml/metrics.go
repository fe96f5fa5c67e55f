package ml

import (
	"fmt"
	"maps"
	"slices"
)

func checkLabels(yTrue, yPred []int) error {
	if len(yTrue) == 0 {
		return fmt.Errorf("no labels")
	}
	if len(yTrue) != len(yPred) {
		return fmt.Errorf("%d true labels but %d predictions", len(yTrue), len(yPred))
	}
	return nil
}

// Accuracy is the fraction of predictions equal to the true label.
func Accuracy(yTrue, yPred []int) (float64, error) {
	if err := checkLabels(yTrue, yPred); err != nil {
		return 0, fmt.Errorf("ml: Accuracy: %w", err)
	}
	hits := 0
	for i, y := range yTrue {
		if yPred[i] == y {
			hits++
		}
	}
	return float64(hits) / float64(len(yTrue)), nil
}

// BalancedAccuracy is the mean over the classes present in yTrue of the
// recall (fraction of that class predicted correctly), as scikit-learn's
// balanced_accuracy_score; predicted labels absent from yTrue only lower
// the recall of the classes they were wrongly assigned to.
func BalancedAccuracy(yTrue, yPred []int) (float64, error) {
	if err := checkLabels(yTrue, yPred); err != nil {
		return 0, fmt.Errorf("ml: BalancedAccuracy: %w", err)
	}
	total := map[int]int{}
	hits := map[int]int{}
	for i, y := range yTrue {
		total[y]++
		if yPred[i] == y {
			hits[y]++
		}
	}
	var sum float64
	// Summing in label order keeps the result independent of map order.
	for _, y := range slices.Sorted(maps.Keys(total)) {
		sum += float64(hits[y]) / float64(total[y])
	}
	return sum / float64(len(total)), nil
}

// ConfusionMatrix counts cm[i][j] = number of samples of true class
// labels[i] predicted as labels[j], where labels is the sorted union of the
// values in yTrue and yPred (scikit-learn's convention: rows are truth).
func ConfusionMatrix(yTrue, yPred []int) (cm [][]int, labels []int, err error) {
	if err := checkLabels(yTrue, yPred); err != nil {
		return nil, nil, fmt.Errorf("ml: ConfusionMatrix: %w", err)
	}
	labels = slices.Compact(slices.Sorted(slices.Values(slices.Concat(yTrue, yPred))))
	index := make(map[int]int, len(labels))
	for i, l := range labels {
		index[l] = i
	}
	cm = make([][]int, len(labels))
	for i := range cm {
		cm[i] = make([]int, len(labels))
	}
	for i, y := range yTrue {
		cm[index[y]][index[yPred[i]]]++
	}
	return cm, labels, nil
}
