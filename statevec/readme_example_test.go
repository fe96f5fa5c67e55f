package statevec_test

import (
	"fmt"
	"log"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/statevec"
)

// Example_readme is the ten-line example of the README.
func Example_readme() {
	c := circuits.New(3)
	c.H(0).CX(0, 1).CX(1, 2) // GHZ: (|000⟩ + |111⟩)/√2

	state, _, err := statevec.Simulator{Seed: 1}.RunState(c)
	if err != nil {
		log.Fatal(err)
	}
	counts, _ := state.Sample(1000, rand.New(rand.NewPCG(1, 2)))
	fmt.Println(len(counts), counts["000"]+counts["111"])
	zz, _ := pauli.Parse("ZZI")
	fmt.Println(state.Expectation(pauli.Sum{zz})) // ⟨Z1 Z2⟩ = 1 up to rounding
	// Output:
	// 2 1000
	// 1.0000000000000002 <nil>
}
