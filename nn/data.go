package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Dataset pairs inputs X with targets Y row by row. For regression Y holds
// the target values; for classification it is one column of class indices.
type Dataset struct {
	X, Y *Matrix
}

// NewDataset validates that x and y have the same number of rows and finite
// values.
func NewDataset(x, y *Matrix) (Dataset, error) {
	if x == nil || y == nil {
		return Dataset{}, fmt.Errorf("nn: NewDataset: nil matrix")
	}
	if x.Rows != y.Rows || x.Rows == 0 {
		return Dataset{}, fmt.Errorf("nn: NewDataset: %d input rows, %d target rows", x.Rows, y.Rows)
	}
	if err := CheckFinite("dataset inputs", x); err != nil {
		return Dataset{}, err
	}
	if err := CheckFinite("dataset targets", y); err != nil {
		return Dataset{}, err
	}
	return Dataset{X: x, Y: y}, nil
}

// Len is the number of samples.
func (d Dataset) Len() int {
	if d.X == nil {
		return 0
	}
	return d.X.Rows
}

// Subset returns the samples listed in idx (copied).
func (d Dataset) Subset(idx []int) (Dataset, error) {
	x, err := d.X.Gather(idx)
	if err != nil {
		return Dataset{}, err
	}
	y, err := d.Y.Gather(idx)
	if err != nil {
		return Dataset{}, err
	}
	return Dataset{X: x, Y: y}, nil
}

// ShuffledBatches splits 0..n−1, shuffled by rng, into consecutive batches of
// size batch (the last may be shorter). batch ≤ 0 or ≥ n gives one batch, in
// order.
func ShuffledBatches(n, batch int, rng *rand.Rand) [][]int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	if batch <= 0 || batch >= n {
		return [][]int{idx}
	}
	rng.Shuffle(n, func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
	var out [][]int
	for lo := 0; lo < n; lo += batch {
		out = append(out, idx[lo:min(lo+batch, n)])
	}
	return out
}

// StratifiedSplit splits sample indices so every class keeps (rounded) the
// same fraction testFrac in the test part. labels are class indices; the
// result is deterministic for a given rng state and both parts are sorted.
func StratifiedSplit(labels []int, testFrac float64, rng *rand.Rand) (train, test []int, err error) {
	if !(testFrac > 0 && testFrac < 1) {
		return nil, nil, fmt.Errorf("nn: StratifiedSplit: test fraction %g not in (0, 1)", testFrac)
	}
	if rng == nil {
		return nil, nil, fmt.Errorf("nn: StratifiedSplit: nil random source")
	}
	byClass := map[int][]int{}
	for i, c := range labels {
		if c < 0 {
			return nil, nil, fmt.Errorf("nn: StratifiedSplit: negative label %d at %d", c, i)
		}
		byClass[c] = append(byClass[c], i)
	}
	classes := make([]int, 0, len(byClass))
	for c := range byClass {
		classes = append(classes, c)
	}
	slices.Sort(classes)
	for _, c := range classes {
		idx := byClass[c]
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		k := int(math.Round(testFrac * float64(len(idx))))
		test = append(test, idx[:k]...)
		train = append(train, idx[k:]...)
	}
	slices.Sort(train)
	slices.Sort(test)
	return train, test, nil
}

// RMSE is the root mean squared difference over all entries.
func RMSE(pred, target *Matrix) (float64, error) {
	l, _, err := MSE{}.Loss(pred, target)
	return math.Sqrt(l), err
}

// Accuracy is the fraction of rows whose largest prediction is at the class
// index held in target's single column.
func Accuracy(pred, target *Matrix) (float64, error) {
	if pred == nil || target == nil || target.Cols != 1 || target.Rows != pred.Rows || pred.Rows == 0 {
		return 0, fmt.Errorf("nn: Accuracy: need n×k predictions and n×1 labels")
	}
	hit := 0
	for r := 0; r < pred.Rows; r++ {
		lab, err := classIndex(target.Data[r], pred.Cols)
		if err != nil {
			return 0, fmt.Errorf("nn: Accuracy: row %d: %w", r, err)
		}
		z := pred.Row(r)
		best := 0
		for c, v := range z {
			if v > z[best] {
				best = c
			}
		}
		if best == lab {
			hit++
		}
	}
	return float64(hit) / float64(pred.Rows), nil
}
