package statevec

import "fmt"

// Precision is the amplitude type of a simulated state.
type Precision uint8

const (
	// Complex128 stores each amplitude as two float64: 16·2^n bytes,
	// results exact to about 1e−15 per gate.
	Complex128 Precision = iota
	// Complex64 stores each amplitude as two float32: 8·2^n bytes (31
	// qubits in 16 GiB), results to about 1e−6.
	Complex64
)

// String returns "complex128" or "complex64".
func (p Precision) String() string {
	switch p {
	case Complex128:
		return "complex128"
	case Complex64:
		return "complex64"
	}
	return fmt.Sprintf("Precision(%d)", uint8(p))
}

// valid reports whether p is a known precision.
func (p Precision) valid() bool { return p <= Complex64 }

// ParsePrecision reads "complex128" or "complex64" (also "double" and
// "single").
func ParsePrecision(s string) (Precision, error) {
	switch s {
	case "complex128", "double":
		return Complex128, nil
	case "complex64", "single":
		return Complex64, nil
	}
	return 0, fmt.Errorf("statevec: unknown precision %q (want complex128 or complex64)", s)
}
