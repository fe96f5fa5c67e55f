package cbe_test

import (
	"fmt"

	"github.com/qmlkit/qmlkit/examples/cbe"
)

// The registry entries this package provides.
func ExampleReproductions() {
	for _, r := range cbe.Reproductions() {
		fmt.Println(r.Name)
	}
	// Output:
	// cbe-freestream
	// cbe-jeans
	// landau
}
