package circuits

import (
	"fmt"
	"math"
)

// QFT returns the n-qubit quantum Fourier transform as Qiskit builds it:
// QFT|x⟩ = 2^{−n/2} Σ_y e^{2πi·x·y/2^n}|y⟩ with qubit 0 least significant,
// from Hadamards and controlled phases (qubit n−1 first), then the swaps
// that reverse the qubit order.
func QFT(n int) *Circuit {
	c := New(n)
	for j := n - 1; j >= 0; j-- {
		c.H(j)
		for k := j - 1; k >= 0; k-- {
			c.CP(math.Pi*math.Pow(2, float64(k-j)), j, k)
		}
	}
	for i := 0; i < n/2; i++ {
		c.SWAP(i, n-1-i)
	}
	return c
}

// InverseQFT returns the inverse of QFT(n).
func InverseQFT(n int) *Circuit {
	inv, err := QFT(n).Inverse()
	if err != nil {
		panic(fmt.Sprintf("circuits: QFT has no inverse: %v", err)) // QFT is unitary by construction
	}
	return inv
}

// GHZ returns the n-qubit circuit preparing (|0…0⟩ + |1…1⟩)/√2: a Hadamard
// on qubit 0 and a chain of CNOTs (0→1, 1→2, …), which keeps every gate
// between neighbours.
func GHZ(n int) *Circuit {
	c := New(n)
	c.H(0)
	for q := 1; q < n; q++ {
		c.CX(q-1, q)
	}
	return c
}

// BernsteinVazirani returns the circuit that recovers the secret bit
// string s (s[i] is qubit i) with one oracle query, on len(s) data qubits
// plus an ancilla (qubit len(s)). It ends in the basis state with the data
// register equal to s and the ancilla 1: index Σ s_i·2^i + 2^len(s).
func BernsteinVazirani(secret []bool) *Circuit {
	n := len(secret)
	c := New(n + 1)
	c.X(n).H(n)
	for q := 0; q < n; q++ {
		c.H(q)
	}
	for q, bit := range secret {
		if bit {
			c.CX(q, n)
		}
	}
	for q := 0; q < n; q++ {
		c.H(q)
	}
	return c.H(n)
}
