package qkan_test

import (
	"fmt"

	"github.com/qmlkit/qmlkit/examples/qkan"
)

// The registry entries this package provides.
func ExampleReproductions() {
	for _, r := range qkan.Reproductions() {
		fmt.Println(r.Name)
	}
	// Output:
	// qkan-regression
	// qkan-digits
}
