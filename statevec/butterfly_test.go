package statevec

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/fusion"
	"github.com/qmlkit/qmlkit/statevec/internal/kernel"
)

// twoQubitMatrix multiplies the gates of a two-qubit circuit into its
// matrix with the fusion pass (first target the least significant local
// bit, as ApplyMatrix orders rows).
func twoQubitMatrix(t *testing.T, c *circuits.Circuit) [16]float64 {
	t.Helper()
	f, err := fusion.Fuse(c, fusion.Options{MaxQubits: 2})
	require.NoError(t, err)
	require.Len(t, f.Ops, 1)
	require.Equal(t, []int{0, 1}, f.Ops[0].Targets)
	var r [16]float64
	for i, v := range f.Ops[0].Matrix {
		require.Zero(t, imag(v))
		r[i] = real(v)
	}
	return r
}

// brick is RY(a)⊗RY(b) on qubits 0 and 1 with a CZ after (czAfter) or
// before.
func brick(a, b float64, czAfter bool) *circuits.Circuit {
	c := circuits.New(2)
	if !czAfter {
		c.CZ(0, 1)
	}
	c.RY(a, 0).RY(b, 1)
	if czAfter {
		c.CZ(0, 1)
	}
	return c
}

// TestButterflyOf: products of two RY rotations and a CZ on either side
// factor as k times the kernel's butterfly, k = cos(a/2)·cos(b/2), and the
// kernel applied to the basis states reproduces the matrix; products that
// are not of that form are refused.
func TestButterflyOf(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 21))
	for trial := range 40 {
		a, b := 2*math.Pi*rng.Float64(), 2*math.Pi*rng.Float64()
		r := twoQubitMatrix(t, brick(a, b, trial%2 == 0))
		if trial%4 == 1 {
			r = swapLocalBits(&r) // the same product with the targets listed high first
		}
		f, k, ok := butterflyOf(&r)
		require.True(t, ok, "trial %d", trial)
		assert.InDelta(t, math.Cos(a/2)*math.Cos(b/2), k, 1e-15)
		sites := kernel.NewSites(2, []int{0, 1}, nil)
		for col := range 4 {
			e := make([]complex128, 4)
			e[col] = 1
			kernel.Butterfly4(e, &sites, &f, 0, sites.Count)
			for row := range 4 {
				require.InDelta(t, r[4*row+col], k*real(e[row]), 1e-15, "trial %d, entry (%d, %d)", trial, row, col)
				require.Zero(t, imag(e[row]))
			}
		}
	}
	refuse := map[string][16]float64{
		"RY⊗RY on both sides of the CZ": twoQubitMatrix(t, circuits.New(2).RY(0.3, 0).RY(0.5, 1).CZ(0, 1).RY(0.7, 0).RY(1.1, 1)),
		"H⊗H then CZ (three signs)":     twoQubitMatrix(t, circuits.New(2).H(0).H(1).CZ(0, 1).RY(0.2, 0)),
		"RY(π) leaves no diagonal":      twoQubitMatrix(t, brick(math.Pi, 0.4, true)),
		"a CNOT":                        twoQubitMatrix(t, circuits.New(2).RY(0.3, 0).RY(0.5, 1).CX(0, 1)),
	}
	var orth [16]float64
	copyReal(orth[:], realOrthogonal(rng, 2))
	refuse["random orthogonal"] = orth
	for name, r := range refuse {
		_, _, ok := butterflyOf(&r)
		assert.False(t, ok, name)
	}
}

// TestDeferButterfly: a butterfly multiplies its scalar into the pending
// product; when that product would fall below the limit the op stays dense
// and takes the product into its matrix instead.
func TestDeferButterfly(t *testing.T) {
	r := twoQubitMatrix(t, brick(0.9, 2.1, true))
	k := math.Cos(0.45) * math.Cos(1.05)
	newTask := func() task {
		tk := task{kind: kindReal4}
		tk.r = r
		return tk
	}
	tk, scale := newTask(), 0.5
	deferButterfly[complex128](&tk, []int{0, 1}, &scale)
	assert.Equal(t, kindButterfly, tk.kind)
	assert.InDelta(t, 0.5*k, scale, 1e-16)

	tk, scale = newTask(), 0x1p-511
	deferButterfly[complex128](&tk, []int{0, 1}, &scale)
	assert.Equal(t, kindReal4, tk.kind)
	assert.Equal(t, 1.0, scale)
	for i, v := range tk.r {
		assert.Equal(t, r[i]*0x1p-511, v)
	}
	tk, scale = newTask(), 0x1p-63
	deferButterfly[complex64](&tk, []int{0, 1}, &scale)
	assert.Equal(t, kindReal4, tk.kind, "complex64 defers less")
	tk, scale = newTask(), 0x1p-63
	deferButterfly[complex128](&tk, []int{0, 1}, &scale)
	assert.Equal(t, kindButterfly, tk.kind)
}

// brickwork returns layers of RY on every qubit followed by CZ on even,
// then odd, neighbour pairs of a ring of n (even) qubits; every tenth angle
// lies near π, where the butterfly's scalar is small. After the first
// layer every fused op is a butterfly, so the pending product keeps
// shrinking.
func brickwork(rng *rand.Rand, n, layers int) *circuits.Circuit {
	c := circuits.New(n, 2)
	for l := range layers {
		for q := range n {
			a := 2 * math.Pi * rng.Float64()
			if rng.IntN(10) == 0 {
				a = math.Pi + 1e-3*(rng.Float64()-0.5)
			}
			c.RY(a, q)
		}
		for q := l % 2; q < n; q += 2 {
			c.CZ(q, (q+1)%n)
		}
	}
	return c
}

// TestDeferredScaleRuns runs long brickwork circuits — thousands of
// butterflies, so the pending product crosses the limit many times — with
// no measurement, a mid-circuit measurement or a mid-circuit reset (each
// must see and leave a whole state), fused and unfused: same classical
// bits, states equal to 1e−12 (1e−5 in complex64), unit norm, for one and
// two goroutines; and a short one against the independent oracle.
func TestDeferredScaleRuns(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 22))
	n, layers := 12, 120
	if testing.Short() {
		layers = 60
	}
	for _, midOp := range []circuits.Op{
		{Gate: circuits.Barrier},
		{Gate: circuits.Measure, Targets: []int{4}, Clbits: []int{0}},
		{Gate: circuits.Reset, Targets: []int{7}},
	} {
		c := brickwork(rng, n, layers)
		mid := len(c.Ops) / 2
		c.Ops = append(c.Ops[:mid], append([]circuits.Op{midOp}, c.Ops[mid:]...)...)
		for _, threads := range []int{1, 2} {
			off, offBits, err := Simulator{Seed: 5, Threads: threads, Fusion: -1}.RunState(c)
			require.NoError(t, err)
			on, onBits, err := Simulator{Seed: 5, Threads: threads, Fusion: 2}.RunState(c)
			require.NoError(t, err)
			assert.Equal(t, offBits, onBits)
			for i, a := range off.Data() {
				require.InDelta(t, 0, cmplx.Abs(a-on.Data()[i]), 1e-12, "%s, threads %d, amplitude %d", midOp.Name(), threads, i)
			}
			assert.InDelta(t, 1, on.Norm(), 1e-12)
			// Every butterfly split across goroutines, for the race detector
			// and the chunk edges.
			fused, err := fusion.Fuse(c, fusion.Options{MaxQubits: 2})
			require.NoError(t, err)
			split, err := New(n)
			require.NoError(t, err)
			split.threads, split.parallelMin = threads, 2
			splitBits, err := split.run(fused, rand.New(rand.NewPCG(5, seedStream)), true)
			require.NoError(t, err)
			assert.Equal(t, offBits, splitBits)
			for i, a := range off.Data() {
				require.InDelta(t, 0, cmplx.Abs(a-split.Data()[i]), 1e-12, "%s, split, threads %d, amplitude %d", midOp.Name(), threads, i)
			}
			single, singleBits, err := Simulator{Seed: 5, Threads: threads, Precision: Complex64, Fusion: 2}.RunState64(c)
			require.NoError(t, err)
			assert.Equal(t, offBits, singleBits)
			for i, a := range off.Data() {
				require.InDelta(t, 0, cmplx.Abs(a-complex128(single.Data()[i])), 1e-5, "%s, complex64, threads %d, amplitude %d", midOp.Name(), threads, i)
			}
		}
	}

	small := brickwork(rng, 6, 8)
	want := oracle(t, small)
	got, _, err := Simulator{Fusion: 2}.RunState(small)
	require.NoError(t, err)
	for i, a := range got.Data() {
		require.InDelta(t, 0, cmplx.Abs(a-want[i]), 1e-10, "amplitude %d", i)
	}
}
