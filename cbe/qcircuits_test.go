package cbe

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Power-of-two grids for the circuits: square, wide, tall, and the
// smallest registers.
var quantumGrids = []Grid{
	{Nx: 8, Nv: 8, L: 3, VMax: 5},
	{Nx: 16, Nv: 4, L: 2, VMax: 6},
	{Nx: 4, Nv: 32, L: 7, VMax: 3},
	{Nx: 2, Nv: 2, L: 1, VMax: 1},
}

func TestStreamCircuitMatchesClassicalStream(t *testing.T) {
	for _, g := range quantumGrids {
		s := testSolverAnyGrid(t, g)
		for _, tau := range []float64{0.37, -1.3, 25} {
			f := randomState(g, 3)
			c, err := StreamCircuit(g, tau)
			require.NoError(t, err)
			got := runOn(t, c, f)
			require.NoError(t, s.Stream(f, tau))
			assert.Less(t, relL2(got, f), 1e-13, "grid %v, τ = %v", g, tau)
			assert.Equal(t, FourierStreamGates(log2(g.Nx), log2(g.Nv)), c.Size(), "grid %v", g)
		}
	}
}

func TestKickCircuitMatchesClassicalKick(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, g := range quantumGrids {
		s := testSolverAnyGrid(t, g)
		for _, tau := range []float64{0.21, -2} {
			f := randomState(g, 2)
			a := make([]float64, g.Nx)
			for i := range a {
				a[i] = 3 * r.NormFloat64()
			}
			c, err := KickCircuit(g, a, tau)
			require.NoError(t, err)
			got := runOn(t, c, f)
			require.NoError(t, s.Kick(f, a, tau))
			assert.Less(t, relL2(got, f), 1e-13, "grid %v, τ = %v", g, tau)
			assert.Equal(t, KickGates(log2(g.Nx), log2(g.Nv)), c.Size(), "grid %v", g)
		}
	}
}

func TestReadoutCircuitGivesDensityModes(t *testing.T) {
	for _, g := range quantumGrids {
		s := testSolverAnyGrid(t, g)
		f := randomState(g, 4)
		norm := l2(f)
		psi := make([]complex128, len(f))
		for i, c := range f {
			psi[i] = c / complex(norm, 0)
		}
		c, err := ReadoutCircuit(g)
		require.NoError(t, err)
		assert.Equal(t, ReadoutGates(log2(g.Nx), log2(g.Nv)), c.Size())
		out := runOn(t, c, psi)
		want, err := s.DensityModes(f, g.Nx/2)
		require.NoError(t, err)
		scale := norm * g.Dv() * math.Sqrt(float64(g.Nv)/float64(g.Nx))
		for m := range want {
			idx, err := ReadoutIndex(g, m)
			require.NoError(t, err)
			got := complex(scale, 0) * out[idx]
			assert.InDelta(t, 0, cmplx.Abs(got-want[m]), 1e-13*cmplx.Abs(want[0])+1e-15, "grid %v, mode %d", g, m)
		}
	}
	_, err := ReadoutIndex(Grid{Nx: 8, Nv: 8, L: 1, VMax: 1}, 8)
	assert.ErrorContains(t, err, "out of range")
}

// P(ancilla 0, x 0, v 0) − P(ancilla 1, x 0, v 0) of the Hadamard test is
// Re or Im of A_0*·A_m, computed here from the readout amplitudes.
func TestHadamardTestCircuit(t *testing.T) {
	g := Grid{Nx: 8, Nv: 4, L: 2, VMax: 3}
	f := randomState(g, 9)
	norm := l2(f)
	psi := make([]complex128, 2*len(f))
	for i, c := range f {
		psi[i] = c / complex(norm, 0)
	}
	ro, err := ReadoutCircuit(g)
	require.NoError(t, err)
	out := runOn(t, ro, psi[:len(f)])
	for m := 1; m < g.Nx; m++ {
		idx, err := ReadoutIndex(g, m)
		require.NoError(t, err)
		z := cmplx.Conj(out[0]) * out[idx]
		for _, imaginary := range []bool{false, true} {
			c, err := HadamardTestCircuit(g, m, imaginary)
			require.NoError(t, err)
			res := runOn(t, c, psi)
			p0 := sq(res[0])
			p1 := sq(res[len(f)])
			want := real(z)
			if imaginary {
				want = imag(z)
			}
			assert.InDelta(t, want, p0-p1, 1e-14, "m = %d, imaginary %v", m, imaginary)
		}
	}
	_, err = HadamardTestCircuit(g, 0, false)
	assert.Error(t, err)
}

func sq(c complex128) float64 { return real(c)*real(c) + imag(c)*imag(c) }

func TestPreparationCircuit(t *testing.T) {
	g := Grid{Nx: 16, Nv: 8, L: 2, VMax: 4}
	sep, err := PerturbedMaxwellian(1, 0.4, 2*math.Pi/g.L, 1)
	require.NoError(t, err)
	signed := Function(func(x, v float64) float64 { return math.Sin(3*x) * (v - 0.3) * math.Exp(-v*v) })
	for _, ic := range []InitialCondition{sep, signed} {
		c, norm, err := PreparationCircuit(g, ic)
		require.NoError(t, err)
		f0, err := ic.Sample(g)
		require.NoError(t, err)
		assert.InEpsilon(t, l2(f0), norm, 1e-14)
		zero := make([]complex128, g.Size())
		zero[0] = 1
		got := runOn(t, c, zero)
		for i := range got {
			got[i] *= complex(norm, 0)
		}
		assert.Less(t, relL2(got, f0), 1e-14)
		ops := c.CountOps()
		if _, ok := ic.(Separable); ok {
			assert.Equal(t, g.Nx+g.Nv-2, ops["ry"])
			assert.Equal(t, g.Nx+g.Nv-4, ops["cx"])
		} else {
			assert.Equal(t, g.Size()-1, ops["ry"])
			assert.Equal(t, g.Size()-2, ops["cx"])
		}
	}
	_, _, err = PreparationCircuit(g, Function(func(x, v float64) float64 { return 0 }))
	assert.ErrorContains(t, err, "zero")
	_, _, err = PreparationCircuit(g, nil)
	assert.Error(t, err)
	_, _, err = PreparationCircuit(Grid{Nx: 12, Nv: 8, L: 1, VMax: 1}, sep)
	assert.ErrorContains(t, err, "powers of two")
}

func TestIntegerShiftPlan(t *testing.T) {
	g := Grid{Nx: 32, Nv: 16, L: 4, VMax: 2} // Δx = 1/8, Δv = 1/4
	for _, c := range []struct {
		tau           float64
		cells, period int
	}{
		{1, 1, 1},            // C = 2
		{0.5, 1, 2},          // C = 1
		{0.125, 1, 8},        // C = 1/4
		{3, 3, 1},            // C = 6
		{1.5, 3, 2},          // C = 3
		{0.75, 3, 4},         // C = 3/2
		{1.0 / 3 / 4, 1, 12}, // C = 1/6
	} {
		n, p, err := IntegerShiftPlan(g, c.tau)
		require.NoError(t, err, "τ = %v", c.tau)
		assert.Equal(t, [2]int{c.cells, c.period}, [2]int{n, p}, "τ = %v", c.tau)
	}
	_, _, err := IntegerShiftPlan(g, 0.5*math.Sqrt(2)/7)
	assert.ErrorContains(t, err, "cannot take Courant number")
	_, _, err = IntegerShiftPlan(g, 0.5/(MaxCounterPeriod+1))
	assert.ErrorContains(t, err, "cannot take Courant number")
	_, _, err = IntegerShiftPlan(g, -0.5)
	assert.ErrorContains(t, err, "positive")
	_, _, err = IntegerShiftPlan(g, 1e300)
	assert.ErrorContains(t, err, "cells per stream")
}

// A shift by n·(2j − Nv + 1) whole cells is exactly the Fourier stream
// over the time that moves class j that far: the circuit of incrementers
// and the QFT phase network implement the same permutation.
func TestIntegerShiftCircuitIsExactFreeStreaming(t *testing.T) {
	for _, g := range []Grid{{Nx: 32, Nv: 16, L: 4, VMax: 2}, {Nx: 8, Nv: 8, L: 3, VMax: 1.5}} {
		for _, cells := range []int{1, 3, 8} {
			c, err := IntegerShiftCircuit(g, cells)
			require.NoError(t, err)
			f := randomState(g, uint64(cells))
			got := runOn(t, c, f)
			for j := 0; j < g.Nv; j++ {
				s := cells * (2*j - g.Nv + 1)
				for i := 0; i < g.Nx; i++ {
					src := ((i-s)%g.Nx + g.Nx) % g.Nx
					require.Equal(t, f[src+g.Nx*j], got[i+g.Nx*j], "grid %v, cells %d, (%d, %d)", g, cells, i, j)
				}
			}
			tau := 2 * float64(cells) * g.Dx() / g.Dv()
			exact, err := FreeStreamingExact(g, f, tau)
			require.NoError(t, err)
			assert.Less(t, relL2(got, exact), 1e-13, "grid %v, cells %d", g, cells)
		}
	}
}

func testSolverAnyGrid(t *testing.T, g Grid) *Solver {
	t.Helper()
	f0, err := PerturbedMaxwellian(1, 0.3, 2*math.Pi/g.L, 1)
	require.NoError(t, err)
	s, err := NewSolver(Problem{Grid: g, Initial: f0}, Options{Dt: 0.1})
	require.NoError(t, err)
	return s
}

func log2(n int) int {
	k := 0
	for 1<<k < n {
		k++
	}
	return k
}
