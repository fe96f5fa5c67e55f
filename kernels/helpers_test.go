package kernels

import (
	"math"
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

// referenceKernel is one row of the spec's ZZ kernel table (kernels.md,
// 12 digits): K(x, y) for a PauliFeatureMap with Z and ZZ words.
type referenceKernel struct {
	n, reps int
	ent     Entanglement
	alpha   float64
	x, y    []float64
	want    float64
}

// referenceKernels returns the spec's table.
func referenceKernels() []referenceKernel {
	pi := math.Pi
	return []referenceKernel{
		{2, 2, Linear, 2, []float64{0.5, 1.0}, []float64{2.0, 3.0}, 0.487259183201},
		{2, 2, Full, 2, []float64{0.5, 1.0}, []float64{2.0, 3.0}, 0.487259183201},
		{2, 2, Linear, 2, []float64{1.0, 2.0}, []float64{1.1, 2.1}, 0.671986279876},
		{2, 2, Linear, 2, []float64{0, 0}, []float64{pi, pi}, 0.814840862648},
		{3, 2, Linear, 2, []float64{0.5, 1.0, 1.5}, []float64{2.0, 3.0, 0.7}, 0.279351879844},
		{3, 2, Full, 2, []float64{0.5, 1.0, 1.5}, []float64{2.0, 3.0, 0.7}, 0.041431643154},
		{3, 2, Circular, 2, []float64{0.5, 1.0, 1.5}, []float64{2.0, 3.0, 0.7}, 0.041431643154},
		{3, 2, Linear, 2, []float64{1, 2, 3}, []float64{1.1, 2.1, 3.1}, 0.646740837245},
		{3, 2, Full, 2, []float64{1, 2, 3}, []float64{1.1, 2.1, 3.1}, 0.657957220762},
		{3, 1, Full, 2, []float64{0.5, 1.0, 1.5}, []float64{2.0, 3.0, 0.7}, 0.042271327640},
		{3, 3, Full, 2, []float64{0.5, 1.0, 1.5}, []float64{2.0, 3.0, 0.7}, 0.097831740219},
		{3, 2, Full, 1, []float64{0.5, 1.0, 1.5}, []float64{2.0, 3.0, 0.7}, 0.051087826666},
	}
}
