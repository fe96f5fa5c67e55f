package qasm

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// generatedProgram writes a Qiskit-style file of n gates on 20 qubits drawn
// from a mix of one-, two- and three-qubit qelib1 gates with angles.
func generatedProgram(n int) []byte {
	rng := rand.New(rand.NewPCG(42, 1))
	var b strings.Builder
	b.WriteString("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[20];\ncreg c[20];\n")
	for i := 0; i < n; i++ {
		p := rng.Perm(20)
		switch rng.IntN(6) {
		case 0:
			fmt.Fprintf(&b, "h q[%d];\n", p[0])
		case 1:
			fmt.Fprintf(&b, "rz(%v) q[%d];\n", rng.NormFloat64(), p[0])
		case 2:
			fmt.Fprintf(&b, "u3(%v,pi/2,-pi/4) q[%d];\n", rng.Float64(), p[0])
		case 3:
			fmt.Fprintf(&b, "cx q[%d],q[%d];\n", p[0], p[1])
		case 4:
			fmt.Fprintf(&b, "cp(pi/%d) q[%d],q[%d];\n", 1+rng.IntN(16), p[0], p[1])
		default:
			fmt.Fprintf(&b, "ccx q[%d],q[%d],q[%d];\n", p[0], p[1], p[2])
		}
	}
	b.WriteString("measure q -> c;\n")
	return []byte(b.String())
}

func BenchmarkParse100kGates(b *testing.B) {
	src := generatedProgram(100_000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		c, err := Parse(src, "bench.qasm")
		require.NoError(b, err)
		require.Len(b, c.Ops, 100_020)
	}
}

// BenchmarkParseNestedGates expands 2^16 ops from 16 levels of user gates.
func BenchmarkParseNestedGates(b *testing.B) {
	src := []byte(nestedDoubling(16))
	b.ReportAllocs()
	for b.Loop() {
		c, err := Parse(src, "nested.qasm")
		require.NoError(b, err)
		require.Len(b, c.Ops, 1<<16)
	}
}

func BenchmarkMarshalV2_100kGates(b *testing.B) {
	c, err := Parse(generatedProgram(100_000), "bench.qasm")
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		_, err := Marshal(c, V2)
		require.NoError(b, err)
	}
}

func BenchmarkMarshalV3_100kGates(b *testing.B) {
	c, err := Parse(generatedProgram(100_000), "bench.qasm")
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		_, err := Marshal(c, V3)
		require.NoError(b, err)
	}
}
