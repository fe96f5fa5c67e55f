package circuits

import (
	"fmt"
	"strings"
)

// Bitstring formats basis-state index i of an n-qubit register with qubit
// n−1 on the left, as Qiskit prints counts: X on qubit 0 of 3 qubits is "001".
func Bitstring(i uint64, n int) string {
	b := make([]byte, n)
	for q := 0; q < n; q++ {
		b[n-1-q] = '0' + byte(i>>uint(q)&1)
	}
	return string(b)
}

// BitsString formats bits (bits[q] is qubit q's value, 0 or 1) with qubit
// n−1 on the left. It serves registers wider than 64 qubits.
func BitsString(bits []byte) string {
	n := len(bits)
	b := make([]byte, n)
	for q, v := range bits {
		b[n-1-q] = '0' + v&1
	}
	return string(b)
}

// ParseBits reads a bitstring with qubit n−1 on the left into bits[q].
func ParseBits(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	n := len(s)
	if n == 0 {
		return nil, fmt.Errorf("empty bitstring")
	}
	bits := make([]byte, n)
	for i := 0; i < n; i++ {
		switch s[i] {
		case '0':
		case '1':
			bits[n-1-i] = 1
		default:
			return nil, fmt.Errorf("bitstring %q: character %d is %q, want 0 or 1", s, i, s[i])
		}
	}
	return bits, nil
}

// BitsIndex converts bits (qubit q at bits[q]) to a basis-state index; it
// fails for registers wider than 63 qubits.
func BitsIndex(bits []byte) (uint64, error) {
	if len(bits) > 63 {
		return 0, fmt.Errorf("%d bits do not fit a basis-state index", len(bits))
	}
	var i uint64
	for q, v := range bits {
		if v > 1 {
			return 0, fmt.Errorf("bit %d is %d, want 0 or 1", q, v)
		}
		i |= uint64(v) << uint(q)
	}
	return i, nil
}
