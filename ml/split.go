package ml

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// classMembers returns the sorted distinct labels and, for each, the sample
// indices carrying it in ascending order.
func classMembers(y []int) (labels []int, members [][]int) {
	labels = slices.Compact(slices.Sorted(slices.Values(y)))
	pos := make(map[int]int, len(labels))
	for i, l := range labels {
		pos[l] = i
	}
	members = make([][]int, len(labels))
	for i, l := range y {
		members[pos[l]] = append(members[pos[l]], i)
	}
	return labels, members
}

// StratifiedSplit splits the sample indices 0..len(y)−1 into a training and
// a test set with (as nearly as integers allow) the class proportions of y.
//
// The test set has nTest = ⌈testFraction·n⌉ samples, scikit-learn's rule for
// a fractional test_size. Class c, with n_c samples, gets ⌊nTest·n_c/n⌋ test
// samples; the samples still missing go one each to the classes with the
// largest fractional parts (ties: smaller label first), skipping classes that
// already have n_c − 1 test samples, so every class keeps at least one
// training sample. A class whose share rounds to zero can be absent from the
// test set.
//
// Which samples go to the test set: a PCG generator seeded (seed, seed)
// shuffles each class's indices (classes in ascending label order, each
// starting from ascending indices) with rand.Shuffle; the first t_c of the
// shuffled class become test samples. Both returned index lists are sorted
// ascending, so subsets keep the original sample order. The result depends
// only on y, testFraction and seed.
//
// Errors: testFraction outside (0, 1), fewer test or training samples than
// classes, or a class with a single sample.
func StratifiedSplit(y []int, testFraction float64, seed uint64) (train, test []int, err error) {
	n := len(y)
	if n == 0 {
		return nil, nil, fmt.Errorf("ml: StratifiedSplit: no labels")
	}
	if !(testFraction > 0 && testFraction < 1) {
		return nil, nil, fmt.Errorf("ml: StratifiedSplit: test fraction must be in (0, 1), got %v", testFraction)
	}
	labels, members := classMembers(y)
	nTest := int(math.Ceil(testFraction * float64(n)))
	nTrain := n - nTest
	if nTest < len(labels) || nTrain < len(labels) {
		return nil, nil, fmt.Errorf("ml: StratifiedSplit: %d test and %d training samples cannot hold all %d classes", nTest, nTrain, len(labels))
	}
	for c, m := range members {
		if len(m) < 2 {
			return nil, nil, fmt.Errorf("ml: StratifiedSplit: class %d has a single sample", labels[c])
		}
	}

	counts := apportion(members, nTest, n)
	rng := rand.New(rand.NewPCG(seed, seed))
	for c, m := range members {
		idx := slices.Clone(m)
		rng.Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
		test = append(test, idx[:counts[c]]...)
		train = append(train, idx[counts[c]:]...)
	}
	slices.Sort(train)
	slices.Sort(test)
	return train, test, nil
}

// apportion splits total among classes in proportion to their sizes by the
// largest-remainder rule, capping each class at size − 1.
func apportion(members [][]int, total, n int) []int {
	counts := make([]int, len(members))
	frac := make([]float64, len(members))
	assigned := 0
	for c, m := range members {
		quota := float64(total) * float64(len(m)) / float64(n)
		counts[c] = min(int(math.Floor(quota)), len(m)-1)
		frac[c] = quota - math.Floor(quota)
		assigned += counts[c]
	}
	order := make([]int, len(members))
	for c := range order {
		order[c] = c
	}
	// Labels are sorted, so a stable sort breaks ties by smaller label.
	sort.SliceStable(order, func(a, b int) bool { return frac[order[a]] > frac[order[b]] })
	for assigned < total {
		progressed := false
		for _, c := range order {
			if assigned == total {
				break
			}
			if counts[c] < len(members[c])-1 {
				counts[c]++
				assigned++
				progressed = true
			}
		}
		if !progressed {
			panic("ml: apportion: capacity below total despite nTrain ≥ classes")
		}
	}
	return counts
}

// Fold is one train/test partition of a cross-validation.
type Fold struct {
	Train, Test []int
}

// StratifiedKFold partitions the indices 0..len(y)−1 into k test folds with
// the class proportions of y kept as evenly as possible, and returns for
// each fold its test indices and the remaining training indices (both
// ascending).
//
// A PCG generator seeded (seed, seed) shuffles each class's indices (classes
// in ascending label order); the shuffled classes are then concatenated and
// dealt round-robin, the p-th index going to fold p mod k. Fold sizes differ
// by at most one, and so do the per-class counts of any two folds. A class
// with fewer than k samples is missing from some test folds.
//
// Errors: k < 2 or k > len(y).
func StratifiedKFold(y []int, k int, seed uint64) ([]Fold, error) {
	if k < 2 || k > len(y) {
		return nil, fmt.Errorf("ml: StratifiedKFold: need 2 ≤ k ≤ %d samples, got k = %d", len(y), k)
	}
	_, members := classMembers(y)
	rng := rand.New(rand.NewPCG(seed, seed))
	fold := make([]int, len(y))
	p := 0
	for _, m := range members {
		idx := slices.Clone(m)
		rng.Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
		for _, i := range idx {
			fold[i] = p % k
			p++
		}
	}
	folds := make([]Fold, k)
	for i, f := range fold {
		for g := range folds {
			if g == f {
				folds[g].Test = append(folds[g].Test, i)
			} else {
				folds[g].Train = append(folds[g].Train, i)
			}
		}
	}
	return folds, nil
}

// Subset returns the rows of X and entries of y at the given indices, in
// that order. The rows are shared with X, not copied.
func Subset(X [][]float64, y []int, idx []int) ([][]float64, []int, error) {
	if len(X) != len(y) {
		return nil, nil, fmt.Errorf("ml: Subset: %d rows but %d labels", len(X), len(y))
	}
	xs := make([][]float64, len(idx))
	ys := make([]int, len(idx))
	for k, i := range idx {
		if i < 0 || i >= len(y) {
			return nil, nil, fmt.Errorf("ml: Subset: index %d (position %d) outside 0..%d", i, k, len(y)-1)
		}
		xs[k], ys[k] = X[i], y[i]
	}
	return xs, ys, nil
}
