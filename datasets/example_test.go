package datasets_test

import (
	"fmt"
	"os"

	"github.com/qmlkit/qmlkit/datasets"
)

func ExampleIris() {
	iris, err := datasets.Iris()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(iris.X), "samples of", len(iris.FeatureNames), "features")
	fmt.Println(iris.X[0], iris.ClassNames[iris.Y[0]])
	// Output:
	// 150 samples of 4 features
	// [5.1 3.5 1.4 0.2] setosa
}

func ExampleWriteMatrixCSV() {
	if err := datasets.WriteMatrixCSV(os.Stdout, [][]float64{{0.1, 1.0 / 3}, {2, -1e-20}}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 0.1,0.3333333333333333
	// 2,-1e-20
}
