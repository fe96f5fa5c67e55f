package circuits_test

import (
	"fmt"

	"github.com/qmlkit/qmlkit/circuits"
)

func ExampleCircuit_String() {
	bell := circuits.New(2)
	bell.H(0).CX(0, 1)
	fmt.Print(bell)
	// Output:
	// q0: ──H──■──
	// q1: ─────⊕──
}

func ExampleCircuit_Bind() {
	c := circuits.New(1)
	theta := c.AddParams("theta", 1)
	c.Gate(circuits.RY, theta, 0)
	bound, err := c.BindNamed(map[string]float64{"theta": 0.5})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(bound)
	// Output:
	// q0: ──RY(0.5)──
}

func ExampleQFT() {
	qft := circuits.QFT(3)
	fmt.Println(qft.CountOps(), "depth", qft.Depth())
	// Output:
	// map[cp:3 h:3 swap:1] depth 6
}

func ExampleBitstring() {
	// Qubit 0 is the least significant bit and prints rightmost.
	fmt.Println(circuits.Bitstring(1, 3), circuits.Bitstring(4, 3))
	// Output:
	// 001 100
}
