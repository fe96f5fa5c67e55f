package fusion

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkFuse times the pass on brickworks of n qubits and n layers. A
// simulator run of the same circuit touches 2^n amplitudes per fused op;
// statevec switches fusion on from the width where the pass pays for
// itself (statevec's BenchmarkFusionThreshold times both together).
func BenchmarkFuse(b *testing.B) {
	for _, n := range []int{12, 24} {
		c := brickwork(rand.New(rand.NewPCG(1, uint64(n))), n, n)
		b.Run(fmt.Sprintf("qubits=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Fuse(c, Options{MaxQubits: 2}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
