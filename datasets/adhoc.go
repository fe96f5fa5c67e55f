package datasets

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// adHocSet is one entry of ad_hoc_ref.json.
type adHocSet struct {
	TrainingFeatures [][]float64 `json:"training_features"`
	TrainingLabels   []int       `json:"training_labels"`
	TestFeatures     [][]float64 `json:"test_features"`
	TestLabels       []int       `json:"test_labels"`
}

// AdHocReference returns the reference "ad hoc" data set (Havlíček et al.)
// stored by qiskit-machine-learning for the given seed: "0", "1" or "12345".
// Each has 40 training samples (20 of class 0, then 20 of class 1) and 10 test
// samples of 2 features in (0, 2π]; classes are named "A" (0) and "B" (1).
func AdHocReference(seed string) (train, test *Dataset, err error) {
	raw, err := files.ReadFile("data/ad_hoc_ref.json")
	if err != nil {
		return nil, nil, fmt.Errorf("datasets: ad hoc reference: %w", err)
	}
	var all map[string]adHocSet
	if err := json.Unmarshal(raw, &all); err != nil {
		return nil, nil, fmt.Errorf("datasets: ad hoc reference: %w", err)
	}
	set, ok := all[seed]
	if !ok {
		keys := make([]string, 0, len(all))
		for k := range all {
			keys = append(keys, fmt.Sprintf("%q", k))
		}
		slices.Sort(keys)
		return nil, nil, fmt.Errorf("datasets: ad hoc reference: no seed %q (have %s)", seed, strings.Join(keys, ", "))
	}
	train, err = adHocPart(set.TrainingFeatures, set.TrainingLabels)
	if err != nil {
		return nil, nil, fmt.Errorf("datasets: ad hoc reference %q training set: %w", seed, err)
	}
	test, err = adHocPart(set.TestFeatures, set.TestLabels)
	if err != nil {
		return nil, nil, fmt.Errorf("datasets: ad hoc reference %q test set: %w", seed, err)
	}
	return train, test, nil
}

func adHocPart(x [][]float64, y []int) (*Dataset, error) {
	if len(x) != len(y) || len(x) == 0 {
		return nil, fmt.Errorf("%d feature rows but %d labels", len(x), len(y))
	}
	for i, row := range x {
		if len(row) != 2 {
			return nil, fmt.Errorf("row %d has %d features, want 2", i, len(row))
		}
		if y[i] != 0 && y[i] != 1 {
			return nil, fmt.Errorf("row %d has label %d, want 0 or 1", i, y[i])
		}
	}
	return &Dataset{X: x, Y: y, ClassNames: []string{"A", "B"}}, nil
}
