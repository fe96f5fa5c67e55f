package bench_test

import (
	"context"
	"fmt"
	"io"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/bench"
	"github.com/qmlkit/qmlkit/statevec"
)

// The circuits of the comparison and their sizes at 24 qubits.
func ExampleCircuit() {
	for _, kind := range bench.Kinds() {
		c, err := bench.Circuit(kind, 24)
		if err != nil {
			panic(err)
		}
		fmt.Println(kind, len(c.Ops))
	}
	// Output:
	// h 24
	// cnot 23
	// qft 312
	// random 710
	// ghz 24
	// zzmap 234
}

// One memory pass scales every amplitude in place: the bound every time is
// divided by.
func ExampleMemoryPass() {
	x := []complex128{1, 2i, 3, 4i}
	bench.MemoryPass(x, 0.5, 1)
	fmt.Println(x)
	// Output:
	// [(0.5+0i) (0+1i) (1.5+0i) (0+2i)]
}

// A two-point sweep of the QFT; the times vary from run to run, the shape
// of the rows does not.
func ExampleScaling() {
	cfg := bench.Config{Circuit: bench.KindQFT, Min: 4, Max: 5, Dense: true, Repeats: 1, ItsubakiMaxQubits: -1}
	rows, err := bench.Scaling(context.Background(), cfg, func(threads int) (backend.Simulator, error) {
		return statevec.Simulator{Threads: threads}, nil
	}, io.Discard)
	if err != nil {
		panic(err)
	}
	for _, r := range rows {
		fmt.Println(r.Backend, r.Qubits, r.Gates, r.Seconds > 0, r.Passes > 0)
	}
	// Output:
	// statevec 4 12 true true
	// statevec 5 17 true true
}
