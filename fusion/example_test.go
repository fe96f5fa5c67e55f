package fusion_test

import (
	"fmt"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/fusion"
)

// Two layers of RY rotations joined by CZs: each neighbouring pair's
// rotations and entangler become one real two-qubit matrix.
func ExampleFuse() {
	c := circuits.New(4)
	for layer := range 2 {
		for q := range 4 {
			c.RY(0.1*float64(q+layer), q)
		}
		c.CZ(0, 1).CZ(2, 3)
	}
	fused, err := fusion.Fuse(c, fusion.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(c.Ops), "gates →", len(fused.Ops), "fused ops")
	for _, op := range fused.Ops {
		fmt.Println(op.Name(), op.Targets)
	}
	// Output:
	// 12 gates → 2 fused ops
	// unitary [0 1]
	// unitary [2 3]
}

// The controlled phases of a QFT multiply into diagonal ops on up to five
// qubits, which the simulator applies by touching only the amplitudes
// whose phase changes.
func ExampleFuse_diagonal() {
	c := circuits.QFT(6)
	fused, err := fusion.Fuse(c, fusion.Options{MaxQubits: 2})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(c.Ops), "gates →", len(fused.Ops), "ops")
	for _, op := range fused.Ops[:4] {
		fmt.Println(op.Name(), op.Targets, op.Controls)
	}
	// Output:
	// 24 gates → 14 ops
	// h [5] []
	// unitary [1 2 3 4 5] []
	// h [4] []
	// cp [0] [5]
}
