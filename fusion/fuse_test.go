package fusion

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/backend/backendtest"
	"github.com/qmlkit/qmlkit/circuits"
)

// requireSameState compares the dense reference simulation of two circuits.
func requireSameState(t *testing.T, want, got *circuits.Circuit, tol float64) {
	t.Helper()
	a, err := backendtest.ReferenceAmplitudes(want)
	require.NoError(t, err)
	b, err := backendtest.ReferenceAmplitudes(got)
	require.NoError(t, err)
	for i := range a {
		require.InDelta(t, 0, cmplx.Abs(a[i]-b[i]), tol, "amplitude %d", i)
	}
}

// isDiagonalOp reports whether a Unitary op's matrix is diagonal.
func isDiagonalOp(op circuits.Op) bool {
	d := 1 << len(op.Targets)
	for r := 0; r < d; r++ {
		for c := 0; c < d; c++ {
			if r != c && op.Matrix[r*d+c] != 0 {
				return false
			}
		}
	}
	return true
}

// isOriginal reports whether op is one of c's ops, unchanged.
func isOriginal(op circuits.Op, c *circuits.Circuit) bool {
	for _, o := range c.Ops {
		if assert.ObjectsAreEqual(o, op) {
			return true
		}
	}
	return false
}

// TestFuseMatchesReference: for every width setting, fused random
// circuits (all gate kinds, controls, random unitaries, a global phase)
// give the unfused state to 1e−12 on the reference simulator, no fused op
// is wider than allowed, and fusion never adds ops.
func TestFuseMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	opts := backendtest.DefaultCircuitOptions()
	opts.MaxUnitaryQubits = 3
	circuitsPer := 12
	if testing.Short() {
		circuitsPer = 5
	}
	for k := 1; k <= MaxQubits; k++ {
		for _, kd := range []int{0, k} {
			opt := Options{MaxQubits: k, MaxDiagonalQubits: kd}
			full, err := opt.withDefaults()
			require.NoError(t, err)
			for i := range circuitsPer {
				n := 1 + (i+k)%10
				c := backendtest.RandomCircuit(rng, n, 6*n+10, opts)
				f, err := Fuse(c, opt)
				require.NoError(t, err)
				require.NoError(t, f.ValidateBound())
				assert.LessOrEqual(t, len(f.Ops), len(c.Ops))
				for _, op := range f.Ops {
					if isOriginal(op, c) || len(op.Targets) <= k {
						continue
					}
					assert.True(t, op.Gate == circuits.Unitary && isDiagonalOp(op) && len(op.Targets) <= full.MaxDiagonalQubits,
						"k=%d: fused op on %v", k, op.Targets)
				}
				requireSameState(t, c, f, 1e-12)
			}
		}
	}
}

// TestFuseRandomLayers: on RY/CZ brickwork the default pass leaves about a
// third of the ops, all on at most two neighbouring qubits with real
// matrices, and the state is unchanged.
func TestFuseRandomLayers(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	n := 10
	c := circuits.New(n)
	for l := range 20 {
		for q := 0; q < n; q++ {
			c.RY(2*math.Pi*rng.Float64(), q)
		}
		for q := l % 2; q+1 < n; q += 2 {
			c.CZ(q, q+1)
		}
	}
	f, err := Fuse(c, Options{})
	require.NoError(t, err)
	assert.Len(t, c.Ops, 290)
	assert.LessOrEqual(t, len(f.Ops), 290/3)
	for _, op := range f.Ops {
		require.LessOrEqual(t, len(op.Qubits()), 2)
		if op.Gate == circuits.Unitary {
			for _, v := range op.Matrix {
				require.Zero(t, imag(v), "products of RY and CZ are real")
			}
		}
	}
	requireSameState(t, c, f, 1e-12)
}

// TestFuseQFTKeepsDiagonals: the controlled phases of a QFT fuse into
// diagonal ops of up to five qubits even when dense ops stop at two, and a
// QFT of a random basis state still gives the analytic amplitudes.
func TestFuseQFTKeepsDiagonals(t *testing.T) {
	n := 9
	x := 301
	c := circuits.New(n)
	for q := 0; q < n; q++ {
		if x>>q&1 == 1 {
			c.X(q)
		}
	}
	c, err := c.Compose(circuits.QFT(n), nil)
	require.NoError(t, err)
	f, err := Fuse(c, Options{MaxQubits: 2})
	require.NoError(t, err)
	wide := 0
	for _, op := range f.Ops {
		if op.Gate == circuits.Unitary && len(op.Targets) > 2 {
			require.True(t, isDiagonalOp(op))
			require.LessOrEqual(t, len(op.Targets), DefaultMaxDiagonalQubits)
			wide++
		}
	}
	assert.Positive(t, wide)
	got, err := backendtest.ReferenceAmplitudes(f)
	require.NoError(t, err)
	dim := 1 << n
	for y := range got {
		want := cmplx.Rect(1/math.Sqrt(float64(dim)), 2*math.Pi*float64(x*y%dim)/float64(dim))
		require.InDelta(t, 0, cmplx.Abs(got[y]-want), 1e-12, "y = %d", y)
	}
}

// TestFuseBarriers: gates on either side of a measurement, reset or barrier
// on the same qubit are never multiplied together (H·H would cancel), the
// non-unitary ops keep their order, and other qubits still fuse across.
func TestFuseBarriers(t *testing.T) {
	c := circuits.New(2, 2)
	c.H(0).Measure(0, 0).H(0).Reset(0).H(0).Barrier().H(0).RY(0.3, 1).Measure(0, 1).RY(0.4, 1)
	f, err := Fuse(c, Options{})
	require.NoError(t, err)
	var kinds []circuits.Gate
	for _, op := range f.Ops {
		kinds = append(kinds, op.Gate)
	}
	assert.Equal(t, []circuits.Gate{
		circuits.H, circuits.Measure, circuits.H, circuits.Reset, circuits.H, circuits.Barrier,
		circuits.H, circuits.Measure, circuits.Unitary,
	}, kinds)
	last := f.Ops[len(f.Ops)-1]
	assert.Equal(t, []int{1}, last.Targets, "RY(0.3)·RY(0.4) on qubit 1 fuse across the measurement of qubit 0")
	want, err := circuits.RY.Matrix(0.7)
	require.NoError(t, err)
	for i := range want {
		assert.InDelta(t, 0, cmplx.Abs(want[i]-last.Matrix[i]), 1e-15)
	}
}

func TestFuseKeepsCircuitFields(t *testing.T) {
	c := circuits.New(3, 2)
	c.GlobalPhase = 0.7
	c.QRegs = []circuits.Register{{Name: "q", Start: 0, Size: 3}}
	c.CRegs = []circuits.Register{{Name: "c", Start: 0, Size: 2}}
	c.H(0).CX(0, 1).CX(1, 2)
	f, err := Fuse(c, Options{})
	require.NoError(t, err)
	assert.Equal(t, 0.7, f.GlobalPhase)
	assert.Equal(t, c.QRegs, f.QRegs)
	assert.Equal(t, c.CRegs, f.CRegs)
	assert.Equal(t, 2, f.NumClbits)
	c.Ops[0].Targets[0] = 2 // the fused circuit shares no slices with c
	want := circuits.New(3).H(0).CX(0, 1).CX(1, 2)
	want.GlobalPhase = 0.7
	requireSameState(t, want, f, 1e-15)
}

func TestFuseErrors(t *testing.T) {
	unbound := circuits.New(1)
	p := unbound.AddParams("θ", 1)
	unbound.Gate(circuits.RX, p, 0)
	_, err := Fuse(unbound, Options{})
	assert.ErrorIs(t, err, circuits.ErrUnbound)
	_, err = Fuse(circuits.New(2).H(2), Options{})
	assert.ErrorContains(t, err, "out of range")
	for _, o := range []Options{{MaxQubits: 6}, {MaxQubits: -1}, {MaxDiagonalQubits: 9}} {
		_, err = Fuse(circuits.GHZ(2), o)
		assert.Error(t, err, "%+v", o)
	}
}

func TestHelpers(t *testing.T) {
	assert.Equal(t, []int{0, 2, 3, 5}, union([]int{0, 3, 5}, []int{2, 3}))
	assert.True(t, transposition([]complex128{0, 1, 1, 0}, 2))
	assert.True(t, transposition([]complex128{1, 0, 0, 0, 0, 0, 1i, 0, 0, 1i, 0, 0, 0, 0, 0, 1}, 4), "iSWAP")
	assert.False(t, transposition([]complex128{1, 0, 0, -1}, 2))
	assert.False(t, transposition([]complex128{0.6, 0.8, 0.8, -0.6}, 2))
	assert.InDelta(t, 0.25, diagonalCost([]complex128{1, 1, 1, -1}), 0)
	assert.Equal(t, 12.0, denseShapeCost(6, false)/denseShapeCost(5, false)*6, "wider than the table doubles")
}
