package cbe

import (
	"fmt"
	"math"
	"math/bits"
)

// Grid is the phase-space mesh shared by the classical and the quantum
// solver.
//
// Position: x_i = i·L/Nx, i = 0…Nx−1, on the periodic box [0, L).
// Velocity: cell-centred, v_j = −VMax + (j + ½)·Δv with Δv = 2·VMax/Nv,
// j = 0…Nv−1, covering [−VMax, VMax). The points are computed as
// (2j − Nv + 1)·VMax/Nv, so v_{Nv−1−j} = −v_j holds exactly in floating
// point and a symmetric f carries no spurious momentum.
//
// A distribution on the grid is a []complex128 of length Nx·Nv with
// f(x_i, v_j) at index i + Nx·j: x runs fastest. In the quantum register
// this is basis index i + Nx·j, the x register in the low n_x qubits and
// the v register (j read as an unsigned integer) in the high n_v qubits.
type Grid struct {
	Nx, Nv int
	// L is the box length.
	L float64
	// VMax is the half width of the velocity interval.
	VMax float64
}

// Validate reports whether the grid is usable: Nx, Nv ≥ 2, L and VMax
// positive and finite and, when powerOfTwo is set (the quantum solver
// needs it: a register of n qubits holds 2^n points), Nx and Nv powers of
// two.
func (g Grid) Validate(powerOfTwo bool) error {
	if g.Nx < 2 || g.Nv < 2 {
		return fmt.Errorf("cbe: grid needs Nx, Nv ≥ 2, got Nx = %d, Nv = %d", g.Nx, g.Nv)
	}
	if !(g.L > 0) || math.IsInf(g.L, 0) {
		return fmt.Errorf("cbe: box length L must be positive and finite, got %v", g.L)
	}
	if !(g.VMax > 0) || math.IsInf(g.VMax, 0) {
		return fmt.Errorf("cbe: VMax must be positive and finite, got %v", g.VMax)
	}
	if powerOfTwo {
		if bits.OnesCount(uint(g.Nx)) != 1 || bits.OnesCount(uint(g.Nv)) != 1 {
			return fmt.Errorf("cbe: grid sizes must be powers of two, got Nx = %d, Nv = %d", g.Nx, g.Nv)
		}
	}
	return nil
}

// Qubits returns the register sizes n_x = log2 Nx and n_v = log2 Nv, or an
// error if the grid is invalid or not a power of two in both directions.
func (g Grid) Qubits() (nx, nv int, err error) {
	if err := g.Validate(true); err != nil {
		return 0, 0, err
	}
	return bits.TrailingZeros(uint(g.Nx)), bits.TrailingZeros(uint(g.Nv)), nil
}

// Size is Nx·Nv, the length of a distribution on the grid.
func (g Grid) Size() int { return g.Nx * g.Nv }

// Dx is the position spacing L/Nx.
func (g Grid) Dx() float64 { return g.L / float64(g.Nx) }

// Dv is the velocity spacing 2·VMax/Nv.
func (g Grid) Dv() float64 { return 2 * g.VMax / float64(g.Nv) }

// MaxModes is the largest number of density modes that can drive the
// field: (Nx−1)/2. For even Nx this excludes the Nyquist mode Nx/2,
// whose spectral derivative is not defined consistently (see doc.go).
func (g Grid) MaxModes() int { return (g.Nx - 1) / 2 }

// XPoints returns x_i = i·L/Nx.
func (g Grid) XPoints() []float64 {
	xs := make([]float64, g.Nx)
	for i := range xs {
		xs[i] = g.x(i)
	}
	return xs
}

// VPoints returns the cell centres v_j = −VMax + (j + ½)·Δv.
func (g Grid) VPoints() []float64 {
	vs := make([]float64, g.Nv)
	for j := range vs {
		vs[j] = g.v(j)
	}
	return vs
}

// XWavenumbers returns the wavenumber attached to DFT index m along x:
// 2π·SignedIndex(m, Nx)/L. For even Nx the Nyquist index Nx/2 gets
// −π·Nx/L, the two's-complement reading of the register.
func (g Grid) XWavenumbers() []float64 {
	ks := make([]float64, g.Nx)
	for m := range ks {
		ks[m] = 2 * math.Pi * float64(signedIndex(m, g.Nx)) / g.L
	}
	return ks
}

// VWavenumbers returns the wavenumber η attached to DFT index m along v:
// 2π·SignedIndex(m, Nv)/(2·VMax), Nyquist again negative.
func (g Grid) VWavenumbers() []float64 {
	etas := make([]float64, g.Nv)
	for m := range etas {
		etas[m] = g.etaStep() * float64(signedIndex(m, g.Nv))
	}
	return etas
}

// SignedIndex is the signed reading of DFT index m of an n-point
// transform: m for 2m < n, m − n otherwise. For n = 2^q this is the
// two's-complement value of the q-bit register holding m, so the Nyquist
// index n/2 maps to −n/2.
func SignedIndex(m, n int) (int, error) {
	if n < 1 || m < 0 || m >= n {
		return 0, fmt.Errorf("cbe: DFT index %d out of range for length %d", m, n)
	}
	return signedIndex(m, n), nil
}

func signedIndex(m, n int) int {
	if 2*m < n {
		return m
	}
	return m - n
}

func (g Grid) x(i int) float64 { return float64(i) * g.L / float64(g.Nx) }

func (g Grid) v(j int) float64 { return float64(2*j-g.Nv+1) * g.VMax / float64(g.Nv) }

// etaStep is the velocity wavenumber spacing 2π/(Nv·Δv) = π/VMax.
func (g Grid) etaStep() float64 { return math.Pi / g.VMax }
