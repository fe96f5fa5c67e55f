package tensornet_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/kernels"
	"github.com/qmlkit/qmlkit/tensornet"
)

// GHZ on 100 qubits: bond dimension 2, exact, sampled without a 2^100
// vector.
func ExampleState_Sample() {
	st, _, err := tensornet.Simulator{}.RunState(circuits.GHZ(100))
	if err != nil {
		panic(err)
	}
	counts, err := st.Sample(1000, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		panic(err)
	}
	fmt.Println("fidelity estimate", st.FidelityEstimate(), "max bond", st.MaxBondReached())
	for _, key := range []string{string(make0(100, '0')), string(make0(100, '1'))} {
		fmt.Printf("%s…%s: %d\n", key[:3], key[97:], counts[key])
	}
	fmt.Println(len(counts), "distinct outcomes")
	// Output:
	// fidelity estimate 1 max bond 2
	// 000…000: 512
	// 111…111: 488
	// 2 distinct outcomes
}

func make0(n int, c byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = c
	}
	return b
}

// The fidelity-kernel entry |⟨Φ(x)|Φ(y)⟩|² of two 50-qubit ZZ feature-map
// states (linear entanglement, two repetitions) at max bond 64.
func ExampleState_Overlap() {
	fm := kernels.ZZFeatureMap(50, 2, kernels.Linear)
	x, y := make([]float64, 50), make([]float64, 50)
	for i := range x {
		x[i] = 0.02 * float64(i)
		y[i] = x[i] + 0.01
	}
	sim := tensornet.Simulator{MaxBond: 64}
	var states [2]*tensornet.State
	for i, point := range [][]float64{x, y} {
		c, err := fm.Circuit(point)
		if err != nil {
			panic(err)
		}
		if states[i], _, err = sim.RunState(c); err != nil {
			panic(err)
		}
	}
	ov, err := states[0].Overlap(states[1])
	if err != nil {
		panic(err)
	}
	fmt.Printf("kernel %.6f, max bond %d, fidelity estimate %v\n",
		real(ov)*real(ov)+imag(ov)*imag(ov), states[0].MaxBondReached(), states[0].FidelityEstimate())
	// Output:
	// kernel 0.810458, max bond 4, fidelity estimate 1
}

// Outcomes lists the likely bitstrings of a 127-qubit GHZ state.
func ExampleState_Outcomes() {
	st, _, err := tensornet.Simulator{}.RunState(circuits.GHZ(127))
	if err != nil {
		panic(err)
	}
	out, err := st.Outcomes(1e-12, 0)
	if err != nil {
		panic(err)
	}
	for _, o := range out {
		b := circuits.BitsString(o.Bits)
		fmt.Printf("%s…%s %.3f\n", b[:4], b[123:], o.Probability)
	}
	// Output:
	// 0000…0000 0.500
	// 1111…1111 0.500
}

// A capped bond dimension truncates; the state reports what it cost.
func ExampleSimulator_Run() {
	c := circuits.New(2).RY(1.1, 0).CX(0, 1) // Schmidt values cos 0.55, sin 0.55
	st, err := tensornet.Simulator{MaxBond: 1}.Run(c)
	if err != nil {
		panic(err)
	}
	mps := st.(*tensornet.State)
	fmt.Printf("fidelity estimate %.6f (cos² 0.55 = 0.726798), bonds %v\n", mps.FidelityEstimate(), mps.BondDims())
	// Output:
	// fidelity estimate 0.726798 (cos² 0.55 = 0.726798), bonds [1]
}
