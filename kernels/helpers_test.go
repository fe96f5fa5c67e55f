package kernels

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/statevec"
)

func hOp(q int) circuits.Op { return circuits.Op{Gate: circuits.H, Targets: []int{q}} }

func pauliOp(l byte, q int) circuits.Op {
	g := map[byte]circuits.Gate{'X': circuits.X, 'Y': circuits.Y, 'Z': circuits.Z}[l]
	return circuits.Op{Gate: g, Targets: []int{q}}
}

func mustFrom(t *testing.T, a []complex128) *statevec.State {
	t.Helper()
	s, err := statevec.FromAmplitudes(a)
	require.NoError(t, err)
	return s
}
