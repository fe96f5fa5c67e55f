package cbe

import (
	"math"

	"github.com/qmlkit/qmlkit/circuits"
)

// A register is a run of consecutive qubits of the n_x + n_v (+ ancilla)
// circuit: the x register starts at qubit 0, the v register at n_x.
type register struct{ start, size int }

func (r register) qubit(b int) int { return r.start + b }

// mirrored returns the qubit that holds bit b of a Fourier index after the
// swap-free transforms below: the bits come out in reverse order.
func (r register) mirrored(b int) int { return r.start + r.size - 1 - b }

func (r register) qubits() []int {
	qs := make([]int, r.size)
	for b := range qs {
		qs[b] = r.start + b
	}
	return qs
}

// appendMirroredQFT appends Qiskit's QFT on the register without its final
// swaps and with the qubits relabelled b → size−1−b. Writing S for the
// swaps and Q for the swap-free circuit, QFT = S·Q = (S·Q·S)·S, so this
// circuit, M = S·Q·S, satisfies QFT = M·S and QFT† = S·M†: the transform
// reads its input in the natural order and leaves Fourier index bit b on
// qubit mirrored(b). A diagonal placed between M† and M then sees the
// Fourier index bit-reversed, which costs nothing but a relabelling, and
// the 2·⌊n/2⌋ SWAPs of QFT·D·QFT† disappear.
func appendMirroredQFT(c *circuits.Circuit, r register) {
	n := r.size
	for j := n - 1; j >= 0; j-- {
		c.H(r.mirrored(j))
		for k := j - 1; k >= 0; k-- {
			c.CP(math.Pi*math.Pow(2, float64(k-j)), r.mirrored(j), r.mirrored(k))
		}
	}
}

// appendMirroredInverseQFT appends M†, the inverse of appendMirroredQFT.
func appendMirroredInverseQFT(c *circuits.Circuit, r register) {
	n := r.size
	for j := 0; j < n; j++ {
		for k := 0; k < j; k++ {
			c.CP(-math.Pi*math.Pow(2, float64(k-j)), r.mirrored(j), r.mirrored(k))
		}
		c.H(r.mirrored(j))
	}
}

// twosComplementWeight is w_b·2^b, the value bit b adds to the signed
// (two's-complement) reading of an n-bit register: 2^b below the top bit,
// −2^{n−1} for the sign bit. For a DFT index m this is SignedIndex(m, 2^n).
func twosComplementWeight(b, n int) float64 {
	w := math.Ldexp(1, b)
	if b == n-1 {
		return -w
	}
	return w
}
