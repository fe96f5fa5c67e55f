package backendtest_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/backend/backendtest"
	"github.com/qmlkit/qmlkit/circuits"
)

// The reference simulator on a Bell state.
func ExampleReferenceAmplitudes() {
	c := circuits.New(2)
	c.H(0).CX(0, 1)
	psi, err := backendtest.ReferenceAmplitudes(c)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.4f\n", psi)
	// Output: [(0.7071+0.0000i) (0.0000+0.0000i) (0.0000+0.0000i) (0.7071+0.0000i)]
}

// Random circuits are bound and valid by construction.
func ExampleRandomCircuit() {
	rng := rand.New(rand.NewPCG(1, 2))
	c := backendtest.RandomCircuit(rng, 4, 10, backendtest.DefaultCircuitOptions())
	fmt.Println(len(c.Ops), c.ValidateBound())
	// Output: 10 <nil>
}

// A fair coin tossed 1000 times coming up heads 520 times passes the test.
func ExampleChiSquarePValue() {
	p, df, err := backendtest.ChiSquarePValue([]int{520, 480}, []float64{0.5, 0.5})
	if err != nil {
		panic(err)
	}
	fmt.Printf("p = %.3f, %d degree of freedom\n", p, df)
	// Output: p = 0.206, 1 degree of freedom
}
