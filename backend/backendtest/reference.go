package backendtest

import (
	"errors"
	"fmt"
	"math/cmplx"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
)

// MaxReferenceQubits bounds the width of the reference simulator, which
// costs 2^n·4^k operations per op.
const MaxReferenceQubits = 16

// ReferenceAmplitudes simulates the bound circuit c from |0…0⟩ with the
// plainest possible method and returns its 2^n amplitudes: for every basis
// state i it reads the bits of the op's qubits (targets, then controls) as a
// row of op.FullMatrix and sums that row against the amplitudes that differ
// from i only on those qubits. Barriers and terminal measurements are
// skipped; mid-circuit measurements and resets are refused.
func ReferenceAmplitudes(c *circuits.Circuit) ([]complex128, error) {
	if err := c.ValidateBound(); err != nil {
		return nil, fmt.Errorf("reference: %w", err)
	}
	n := c.NumQubits
	if n > MaxReferenceQubits {
		return nil, fmt.Errorf("reference: %d qubits, at most %d", n, MaxReferenceQubits)
	}
	if c.HasMidCircuitMeasurement() {
		return nil, errors.New("reference: mid-circuit measurement or reset is not supported")
	}
	dim := 1 << uint(n)
	psi := make([]complex128, dim)
	psi[0] = cmplx.Rect(1, c.GlobalPhase)
	for i, op := range c.Ops {
		if !op.Gate.IsUnitary() {
			continue
		}
		m, err := op.FullMatrix(nil)
		if err != nil {
			return nil, fmt.Errorf("reference: op %d: %w", i, err)
		}
		psi = applyFull(psi, m, op.Qubits())
	}
	return psi, nil
}

// applyFull returns M·ψ for the matrix m acting on qubits (row index bit j
// is qubits[j]).
func applyFull(psi, m []complex128, qubits []int) []complex128 {
	k := len(qubits)
	d := 1 << uint(k)
	var clear int
	spread := make([]int, d) // local index → its bits placed at qubits
	for l := range spread {
		for j, q := range qubits {
			if l>>uint(j)&1 == 1 {
				spread[l] |= 1 << uint(q)
			}
		}
	}
	for _, q := range qubits {
		clear |= 1 << uint(q)
	}
	out := make([]complex128, len(psi))
	for i := range psi {
		row := 0
		for j, q := range qubits {
			row |= (i >> uint(q) & 1) << uint(j)
		}
		rest := i &^ clear
		var acc complex128
		for col := 0; col < d; col++ {
			acc += m[row*d+col] * psi[rest|spread[col]]
		}
		out[i] = acc
	}
	return out
}

// ReferenceProbabilities returns the distribution of the listed qubits
// (qubits[0] least significant) of the amplitudes psi, or of all qubits
// when none are listed.
func ReferenceProbabilities(psi []complex128, qubits ...int) []float64 {
	if len(qubits) == 0 {
		p := make([]float64, len(psi))
		for i, a := range psi {
			p[i] = real(a)*real(a) + imag(a)*imag(a)
		}
		return p
	}
	p := make([]float64, 1<<uint(len(qubits)))
	for i, a := range psi {
		k := 0
		for j, q := range qubits {
			k |= (i >> uint(q) & 1) << uint(j)
		}
		p[k] += real(a)*real(a) + imag(a)*imag(a)
	}
	return p
}

// ReferenceExpectation returns ⟨ψ|O|ψ⟩ by applying each Pauli letter of
// each term to a copy of ψ as its 2×2 matrix, then taking the inner
// product: no bit masks, no i^{#Y} bookkeeping.
func ReferenceExpectation(psi []complex128, obs pauli.Sum) (float64, error) {
	var e float64
	for ti, t := range obs {
		phi := append([]complex128(nil), psi...)
		for _, f := range t.Factors {
			var m []complex128
			switch f.Letter {
			case 'X':
				m = []complex128{0, 1, 1, 0}
			case 'Y':
				m = []complex128{0, -1i, 1i, 0}
			case 'Z':
				m = []complex128{1, 0, 0, -1}
			default:
				return 0, fmt.Errorf("reference: term %d: letter %q", ti, f.Letter)
			}
			if f.Qubit < 0 || 1<<uint(f.Qubit) >= len(psi) {
				return 0, fmt.Errorf("reference: term %d: qubit %d out of range", ti, f.Qubit)
			}
			phi = applyFull(phi, m, []int{f.Qubit})
		}
		var v complex128
		for i := range psi {
			v += cmplx.Conj(psi[i]) * phi[i]
		}
		e += t.Coeff * real(v)
	}
	return e, nil
}
