package datasets_test

import (
	"fmt"
	"math"

	"github.com/qmlkit/qmlkit/datasets"
)

// Generate Havlíček's ad hoc data: 20 + 5 samples per class on the
// 100 × 100 grid of (0, 2π]², labelled by the sign of ⟨Φ(x)|V†ZZV|Φ(x)⟩
// with |⟨…⟩| > 0.3.
func ExampleAdHoc() {
	d, err := datasets.AdHoc(datasets.AdHocOptions{Seed: 1})
	if err != nil {
		panic(err)
	}
	minGap := math.Inf(1)
	for _, x := range d.Train.X {
		v, err := d.Parity(x)
		if err != nil {
			panic(err)
		}
		minGap = min(minGap, math.Abs(v))
	}
	fmt.Println(len(d.Train.X), len(d.Test.X), d.Train.ClassNames, minGap > 0.3)
	// Output: 40 10 [A B] true
}
