package statevec_test

import (
	"fmt"
	"math/rand/v2"
	"sort"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/statevec"
)

// A Bell state: amplitude 1/√2 on |00⟩ and |11⟩.
func ExampleSimulator_Run() {
	c := circuits.New(2)
	c.H(0).CX(0, 1)
	st, err := statevec.Simulator{}.Run(c)
	if err != nil {
		panic(err)
	}
	amps, _ := st.Amplitudes()
	for i, a := range amps {
		fmt.Printf("%s %.4f\n", circuits.Bitstring(uint64(i), 2), a)
	}
	// Output:
	// 00 (0.7071+0.0000i)
	// 01 (0.0000+0.0000i)
	// 10 (0.0000+0.0000i)
	// 11 (0.7071+0.0000i)
}

// Sampling a 3-qubit GHZ state with a fixed seed: only 000 and 111 occur,
// and the same seed always gives the same counts.
func ExampleState_Sample() {
	st, _, err := statevec.Simulator{}.RunState(circuits.GHZ(3))
	if err != nil {
		panic(err)
	}
	counts, err := st.Sample(1000, rand.New(rand.NewPCG(7, 7)))
	if err != nil {
		panic(err)
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, counts[k])
	}
	// Output:
	// 000 533
	// 111 467
}

// ⟨Z0 Z1⟩ = 1 and ⟨X0 X1⟩ = 1 on the Bell state; ⟨Y0 Y1⟩ = −1.
func ExampleState_Expectation() {
	st, err := statevec.New(2)
	if err != nil {
		panic(err)
	}
	c := circuits.New(2)
	c.H(0).CX(0, 1)
	if _, err := st.Run(c, nil); err != nil {
		panic(err)
	}
	for _, label := range []string{"ZZ", "XX", "YY", "ZI"} {
		v, err := st.Expectation(pauli.Sum{pauli.MustParse(label)})
		if err != nil {
			panic(err)
		}
		fmt.Printf("<%s> = %+.3f\n", label, v)
	}
	// Output:
	// <ZZ> = +1.000
	// <XX> = +1.000
	// <YY> = -1.000
	// <ZI> = +0.000
}

// Memory is checked before allocating: 40 qubits would need 16 TiB.
func ExampleNew_tooLarge() {
	_, err := statevec.New(40)
	fmt.Println(statevec.MemoryNeeded(40))
	fmt.Println(err != nil)
	// Output:
	// 17592186044416
	// true
}

// Complex64 amplitudes halve the memory (31 qubits fit in 16 GiB) and keep
// about seven significant digits.
func ExampleSimulator_precision() {
	sim := statevec.Simulator{Precision: statevec.Complex64}
	st, _, err := sim.RunState64(circuits.QFT(3))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%T %.4f %v\n", st, st.Data()[5], statevec.MemoryNeeded64(31)>>30)
	// Output:
	// *statevec.State64 (0.3536+0.0000i) 16
}
