package backend_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/statevec"
	"github.com/qmlkit/qmlkit/tensornet"
)

// Example runs one circuit on both simulators through the interface: code
// that takes a backend.Simulator works with either.
func Example() {
	c := circuits.GHZ(4)
	zz, _ := pauli.Parse("ZZII")
	for _, sim := range []backend.Simulator{statevec.Simulator{}, tensornet.Simulator{MaxBond: 8}} {
		st, err := sim.Run(c)
		if err != nil {
			fmt.Println(err)
			return
		}
		a, _ := st.Amplitude([]byte{1, 1, 1, 1})
		e, _ := st.Expectation(pauli.Sum{zz})
		counts, _ := st.Sample(100, rand.New(rand.NewPCG(1, 2)))
		fmt.Printf("%s: ⟨1111|ψ⟩ = %.4f, ⟨Z2 Z3⟩ = %.1f, %d outcomes sampled\n", sim.Name(), real(a), e, len(counts))
	}
	// Output:
	// statevec: ⟨1111|ψ⟩ = 0.7071, ⟨Z2 Z3⟩ = 1.0, 2 outcomes sampled
	// mps: ⟨1111|ψ⟩ = 0.7071, ⟨Z2 Z3⟩ = 1.0, 2 outcomes sampled
}
