package cbe

import (
	"math"
	"math/bits"

	"github.com/qmlkit/qmlkit/circuits"
)

// appendUniformRotation appends a uniformly controlled rotation to c: the
// single-qubit rotation gate (RY or RZ) on target with angle alpha[j]
// whenever the control qubits read j (controls[l] holds bit l of j).
//
// It is the Gray-code network of Möttönen, Vartiainen, Bergholm and
// Salomaa (Quantum Inf. Comput. 5, 467 (2005)): 2^k rotations alternating
// with 2^k CNOTs from the controls into the target, k = len(controls). The
// CNOT after rotation i comes from the control whose bit changes between
// the Gray codes g_i and g_{i+1} (cyclically), so by the end every control
// has flipped the target an even number of times. Moving the X's through
// the rotations (X·R(θ)·X = R(−θ) for RY and RZ), rotation i acts with sign
// (−1)^{popcount(j & g_i)} on control pattern j; the angles θ solve
// α_j = Σ_i (−1)^{popcount(j & g_i)} θ_i, a Walsh–Hadamard system whose
// inverse is its transpose over 2^k.
func appendUniformRotation(c *circuits.Circuit, gate circuits.Gate, alpha []float64, controls []int, target int) {
	k := len(controls)
	if len(alpha) != 1<<k {
		panic("cbe: uniform rotation: angle count does not match the controls") // internal invariant
	}
	if k == 0 {
		c.Gate(gate, circuits.Nums(alpha[0]), target)
		return
	}
	n := 1 << k
	theta := walshGray(alpha)
	for i := range n {
		c.Gate(gate, circuits.Nums(theta[i]), target)
		changed := gray(i) ^ gray((i+1)%n)
		c.CX(controls[bits.TrailingZeros(uint(changed))], target)
	}
}

// walshGray returns θ_i = 2^{−k} Σ_j (−1)^{popcount(j & g_i)} α_j for the
// Gray-code order g_i of appendUniformRotation, by a fast Walsh–Hadamard
// transform (the natural-order coefficient of pattern s is θ at the i
// with g_i = s).
func walshGray(alpha []float64) []float64 {
	n := len(alpha)
	w := append([]float64(nil), alpha...)
	for h := 1; h < n; h <<= 1 {
		for i := 0; i < n; i += h << 1 {
			for j := i; j < i+h; j++ {
				a, b := w[j], w[j+h]
				w[j], w[j+h] = a+b, a-b
			}
		}
	}
	theta := make([]float64, n)
	inv := 1 / float64(n)
	for i := range theta {
		theta[i] = w[gray(i)] * inv
	}
	return theta
}

func gray(i int) int { return i ^ i>>1 }

// appendDiagonal appends the diagonal unitary Σ_i e^{iφ_i}|i⟩⟨i| on qubits
// (qubits[l] holds bit l of i), global phase included. The top qubit's
// 2×2 blocks diag(e^{iφ_0}, e^{iφ_1}) equal e^{i(φ_0+φ_1)/2}·RZ(φ_1 − φ_0),
// so the diagonal is a uniformly controlled RZ on the top qubit followed by
// the diagonal of the mean phases on the remaining qubits, down to a global
// phase (Bullock & Markov's recursion). It costs 2^n − 1 RZ and 2^n − 2
// CNOTs for n ≥ 1 qubits.
func appendDiagonal(c *circuits.Circuit, phi []float64, qubits []int) {
	n := len(qubits)
	if len(phi) != 1<<n {
		panic("cbe: diagonal: phase count does not match the qubits") // internal invariant
	}
	cur := append([]float64(nil), phi...)
	for top := n - 1; top >= 0; top-- {
		half := 1 << top
		diff := make([]float64, half)
		for j := range half {
			diff[j] = cur[j+half] - cur[j]
			cur[j] = (cur[j] + cur[j+half]) / 2
		}
		appendUniformRotation(c, circuits.RZ, diff, qubits[:top], qubits[top])
		cur = cur[:half]
	}
	c.GlobalPhase += cur[0]
}

// reducedAngle maps an angle into (−π, π]; e^{iθ} is unchanged and the
// gate angles stay small enough for sin and cos to be accurate.
func reducedAngle(theta float64) float64 {
	r := math.Remainder(theta, 2*math.Pi)
	if r == -math.Pi {
		return math.Pi
	}
	return r
}
