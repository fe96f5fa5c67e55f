package cbe

import (
	"fmt"
	"math"
	"math/bits"

	"github.com/qmlkit/qmlkit/circuits"
)

// quantumLayout checks that g can be held in qubits and returns the two
// registers: x in qubits 0…n_x−1, v in n_x…n_x+n_v−1.
func quantumLayout(g Grid) (xr, vr register, err error) {
	nx, nv, err := g.Qubits()
	if err != nil {
		return register{}, register{}, fmt.Errorf("cbe: quantum solver: %w", err)
	}
	return register{0, nx}, register{nx, nv}, nil
}

// StreamCircuit returns the free-streaming map over a time tau on the
// n_x + n_v qubits of g: QFT_x · D · QFT_x†, with
// D|m, j⟩ = e^{−i k_m v_j τ}|m, j⟩ for the signed (two's-complement)
// wavenumber k_m — the same linear map as Solver.Stream (see doc.go).
//
// With v_j = Δv·(j − (Nv−1)/2) and k_m = (2π/L)·q(m), q(m) = Σ_b w_b 2^b m_b
// (w_b = −1 for the sign bit), the phase −k_m v_j τ is
// −c·q·j + c·q·(Nv−1)/2, c = 2πτΔv/L: a controlled phase
// CP(−c·w_b·2^{b+c'}) for every pair of x-frequency bit b and v bit c',
// and a phase P(c·w_b·2^b·(Nv−1)/2) on every x-frequency bit. The QFTs are
// the swap-free mirrored ones (appendMirroredQFT), so the circuit has
// n_x(n_x + n_v + 2) gates: 2n_x H, n_x(n_x−1) + n_x·n_v CP and n_x P.
func StreamCircuit(g Grid, tau float64) (*circuits.Circuit, error) {
	xr, vr, err := quantumLayout(g)
	if err != nil {
		return nil, err
	}
	if !finite(tau) {
		return nil, fmt.Errorf("cbe: stream circuit: time %v is not finite", tau)
	}
	c := circuits.New(xr.size + vr.size)
	appendMirroredInverseQFT(c, xr)
	scale := 2 * math.Pi * tau * g.Dv() / g.L
	center := float64(g.Nv-1) / 2
	for b := 0; b < xr.size; b++ {
		wb := twosComplementWeight(b, xr.size)
		for cv := 0; cv < vr.size; cv++ {
			c.CP(reducedAngle(-scale*wb*math.Ldexp(1, cv)), xr.mirrored(b), vr.qubit(cv))
		}
		c.P(reducedAngle(scale*wb*center), xr.mirrored(b))
	}
	appendMirroredQFT(c, xr)
	return c, nil
}

// KickCircuit returns the velocity kick f(x_i, v) → f(x_i, v − a_i·τ):
// for every x_i, QFT_v · diag_m(e^{−i η_m a_i τ}) · QFT_v†, the same map
// as Solver.Kick with KickFourier.
//
// The diagonal e^{iβ_i q(m)}, β_i = −(π/VMax)·a_i·τ, q(m) the signed
// v-frequency index, factorises over the v-frequency bits m_c into
// e^{iβ_i w_c 2^c m_c} = e^{iθ_c(i)/2}·RZ(θ_c(i)), θ_c(i) = β_i·w_c·2^c: one
// uniformly controlled RZ per v-frequency qubit, controlled by the whole x
// register (Möttönen's network: 2^{n_x} RZ + 2^{n_x} CNOT), and one
// n_x-qubit diagonal with phases Σ_c θ_c(i)/2 (= −β_i/2 before the angles
// are reduced, since Σ_c w_c 2^c = −1; 2^{n_x}−1 RZ + 2^{n_x}−2 CNOT).
// a(x) is an arbitrary function of the x register, so this is exact at a
// cost linear in Nx: n_v(n_v+1) + (n_v+1)·2^{n_x+1} − 3 gates.
func KickCircuit(g Grid, a []float64, tau float64) (*circuits.Circuit, error) {
	xr, vr, err := quantumLayout(g)
	if err != nil {
		return nil, err
	}
	if len(a) != g.Nx {
		return nil, fmt.Errorf("cbe: kick circuit: acceleration has %d values, want Nx = %d", len(a), g.Nx)
	}
	for i, ai := range a {
		if !finite(ai) {
			return nil, fmt.Errorf("cbe: kick circuit: acceleration is %v at x index %d", ai, i)
		}
	}
	if !finite(tau) {
		return nil, fmt.Errorf("cbe: kick circuit: time %v is not finite", tau)
	}
	beta := make([]float64, g.Nx)
	for i, ai := range a {
		beta[i] = -g.etaStep() * ai * tau
	}
	c := circuits.New(xr.size + vr.size)
	appendMirroredInverseQFT(c, vr)
	controls := xr.qubits()
	theta := make([]float64, g.Nx)
	// RZ has period 4π, so the x diagonal collects the reduced angles
	// actually used: e^{iθ/2}·RZ(θ) = P(θ) holds for every θ.
	xPhase := make([]float64, g.Nx)
	for cv := 0; cv < vr.size; cv++ {
		w := twosComplementWeight(cv, vr.size)
		for i, b := range beta {
			theta[i] = reducedAngle(b * w)
			xPhase[i] += theta[i] / 2
		}
		appendUniformRotation(c, circuits.RZ, theta, controls, vr.mirrored(cv))
	}
	appendDiagonal(c, xPhase, controls)
	c.GlobalPhase = reducedAngle(c.GlobalPhase)
	appendMirroredQFT(c, vr)
	return c, nil
}

// ReadoutCircuit returns QFT_x† ⊗ H^{⊗n_v} (the QFT swap-free, so its
// output is bit-reversed; see ReadoutIndex). Applied to the solution
// state ψ = f/‖f‖, the amplitude A_m of ReadoutIndex(g, m) gives the
// density mode ρ̂_m = ‖f‖·Δv·√(Nv/Nx)·A_m (doc.go): the v Hadamards sum
// f over velocities into |v = 0⟩, the inverse QFT takes the x spectrum.
// It has n_x(n_x+1)/2 + n_v gates.
func ReadoutCircuit(g Grid) (*circuits.Circuit, error) {
	xr, vr, err := quantumLayout(g)
	if err != nil {
		return nil, err
	}
	c := circuits.New(xr.size + vr.size)
	appendReadout(c, xr, vr)
	return c, nil
}

func appendReadout(c *circuits.Circuit, xr, vr register) {
	appendMirroredInverseQFT(c, xr)
	for b := 0; b < vr.size; b++ {
		c.H(vr.qubit(b))
	}
}

// ReadoutIndex is the basis index that holds density mode m (x-frequency
// m, v = 0) after ReadoutCircuit: m with its n_x bits reversed.
func ReadoutIndex(g Grid, m int) (int, error) {
	xr, _, err := quantumLayout(g)
	if err != nil {
		return 0, err
	}
	if m < 0 || m >= g.Nx {
		return 0, fmt.Errorf("cbe: readout index: mode %d out of range [0, %d)", m, g.Nx)
	}
	return reverseBits(m, xr.size), nil
}

func reverseBits(m, n int) int {
	return int(bits.Reverse(uint(m)) >> (bits.UintSize - n))
}

// HadamardTestCircuit returns the circuit that measures the phase of
// density mode m relative to the mean, on n_x + n_v + 1 qubits (the
// ancilla is the top qubit): ReadoutCircuit, then H on the ancilla, the
// controlled unitary X^{ReadoutIndex(m)} on the x register (a CNOT from
// the ancilla to every set bit, mapping |m⟩ to |0⟩ in the ancilla's |1⟩
// branch), S† on the ancilla when imaginary is set, and H. With A_0 and
// A_m the readout amplitudes of modes 0 and m at v = 0, the probabilities
// of reading (ancilla, x, v) = (0, 0, 0) and (1, 0, 0) are
// |A_0 ± A_m|²/4 (Re) or |A_0 ∓ iA_m|²/4 (Im), so
// P(0,0,0) − P(1,0,0) = Re(A_0*·A_m) or Im(A_0*·A_m).
func HadamardTestCircuit(g Grid, m int, imaginary bool) (*circuits.Circuit, error) {
	xr, vr, err := quantumLayout(g)
	if err != nil {
		return nil, err
	}
	if m < 1 || m >= g.Nx {
		return nil, fmt.Errorf("cbe: Hadamard test: mode %d out of range [1, %d)", m, g.Nx)
	}
	c := circuits.New(xr.size + vr.size + 1)
	appendReadout(c, xr, vr)
	appendHadamardTest(c, xr, m, imaginary)
	return c, nil
}

// appendHadamardTest appends the ancilla part of HadamardTestCircuit; the
// ancilla is qubit c.NumQubits−1.
func appendHadamardTest(c *circuits.Circuit, xr register, m int, imaginary bool) {
	anc := c.NumQubits - 1
	c.H(anc)
	idx := reverseBits(m, xr.size)
	for b := 0; b < xr.size; b++ {
		if idx>>b&1 == 1 {
			c.CX(anc, xr.qubit(b))
		}
	}
	if imaginary {
		c.Sdg(anc)
	}
	c.H(anc)
}
