package ml_test

import (
	"fmt"

	"github.com/qmlkit/qmlkit/ml"
)

func ExampleStratifiedSplit() {
	// 6 samples of class 0 and 4 of class 1; 30% test → 3 test samples:
	// quotas 1.8 and 1.2 give 1 + 1, and the larger remainder (0.8) the third.
	y := []int{0, 0, 0, 0, 0, 0, 1, 1, 1, 1}
	train, test, err := ml.StratifiedSplit(y, 0.3, 42)
	if err != nil {
		fmt.Println(err)
		return
	}
	perClass := map[int]int{}
	for _, i := range test {
		perClass[y[i]]++
	}
	fmt.Println(len(train), "train,", len(test), "test; test per class:", perClass)
	// Output:
	// 7 train, 3 test; test per class: map[0:2 1:1]
}

func ExampleKMeans() {
	X := [][]float64{{0, 0}, {0, 1}, {10, 10}, {10, 11}, {0.5, 0.5}}
	res, err := ml.KMeans(X, 2, ml.KMeansOptions{Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	// (10, 10) and (10, 11) are equally near (10, 10.5): the lower index wins.
	nearest, _ := ml.NearestSamples(X, res.Centroids)
	for c, centre := range res.Centroids {
		fmt.Printf("centroid %.2f, nearest sample %v\n", centre, X[nearest[c]])
	}
	fmt.Printf("inertia %.3f\n", res.Inertia)
	// Output:
	// centroid [0.17 0.50], nearest sample [0.5 0.5]
	// centroid [10.00 10.50], nearest sample [10 10]
	// inertia 1.167
}
