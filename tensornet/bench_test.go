package tensornet

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/circuits/qasm"
)

// benchState returns a state of n qubits whose middle bonds have dimension
// chi: random layers at max bond chi, enough of them (two per doubling,
// plus four) to saturate the cap.
func benchState(b *testing.B, n, chi int) *State {
	depth := 4
	for d := 1; d < chi; d *= 2 {
		depth += 2
	}
	st, _, err := Simulator{MaxBond: chi}.RunState(randomLayers(n, depth, 3))
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkApplyTwo is one two-site gate (contract, 4×4 multiply, SVD,
// truncation back to chi) in the middle of a 16-qubit chain.
func BenchmarkApplyTwo(b *testing.B) {
	m, err := circuits.Op{Gate: circuits.RXX, Targets: []int{0, 1}, Params: circuits.Nums(0.3)}.FullMatrix(nil)
	if err != nil {
		b.Fatal(err)
	}
	var g gate2
	copy(g[:], m)
	for _, chi := range []int{1, 2, 8, 32, 64} {
		b.Run(fmt.Sprintf("chi=%d", chi), func(b *testing.B) {
			st := benchState(b, 16, chi)
			tr := truncation{maxBond: chi, mode: CutoffRel}
			b.ReportAllocs()
			for b.Loop() {
				if err := st.applyTwo(7, &g, tr, true); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkApplyOne is a one-qubit gate on a site of bond 32.
func BenchmarkApplyOne(b *testing.B) {
	st := benchState(b, 12, 32)
	h := [4]complex128{0.7071067811865476, 0.7071067811865476, 0.7071067811865476, -0.7071067811865476}
	b.ReportAllocs()
	for b.Loop() {
		st.applyOne(6, &h)
	}
}

func BenchmarkGHZ(b *testing.B) {
	for _, n := range []int{50, 100, 150, 200} {
		c := circuits.GHZ(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := (Simulator{}).Run(c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAcceptanceFiles runs the committed GHZ-127, BV-140 and QFT-50
// circuits (parsing excluded).
func BenchmarkAcceptanceFiles(b *testing.B) {
	for _, name := range []string{"ghz127.qasm", "bv140.qasm", "qft50.qasm"} {
		c, err := qasm.ParseFile(filepath.Join("testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := (Simulator{}).Run(c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkOverlap is ⟨ψ|φ⟩ of two 50-qubit states of bond chi.
func BenchmarkOverlap(b *testing.B) {
	for _, chi := range []int{4, 16, 64} {
		x, y := benchState(b, 50, chi), benchState(b, 50, chi)
		b.Run(fmt.Sprintf("chi=%d", chi), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := x.Overlap(y); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSample draws 10000 shots from a 50-qubit state of bond 16.
func BenchmarkSample(b *testing.B) {
	st := benchState(b, 50, 16)
	rng := rand.New(rand.NewPCG(1, 1))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := st.Sample(10000, rng); err != nil {
			b.Fatal(err)
		}
	}
}
