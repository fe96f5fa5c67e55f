package pauli

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Factor is one non-identity Pauli letter on one qubit.
type Factor struct {
	Qubit  int
	Letter byte // 'X', 'Y' or 'Z'
}

// Term is Coeff times a tensor product of Pauli letters; qubits not listed
// carry the identity. Factors are kept sorted by qubit, one per qubit.
type Term struct {
	Coeff   float64
	Factors []Factor
}

// Sum is a real linear combination of Pauli strings: a Hermitian observable
// (Qiskit's SparsePauliOp with real coefficients).
type Sum []Term

// NewTerm builds coeff·P from letters applied to qubits (Qiskit's
// from_sparse_list order: letters[k] acts on qubits[k]). Identity letters
// ('I') are dropped.
func NewTerm(coeff float64, letters string, qubits ...int) (Term, error) {
	if len(letters) != len(qubits) {
		return Term{}, fmt.Errorf("pauli: %d letters for %d qubits", len(letters), len(qubits))
	}
	if math.IsNaN(coeff) || math.IsInf(coeff, 0) {
		return Term{}, fmt.Errorf("pauli: coefficient is %v", coeff)
	}
	t := Term{Coeff: coeff}
	seen := make(map[int]bool, len(qubits))
	for k, q := range qubits {
		l := letters[k]
		switch l {
		case 'I', 'i':
			continue
		case 'X', 'Y', 'Z':
		case 'x', 'y', 'z':
			l -= 'a' - 'A'
		default:
			return Term{}, fmt.Errorf("pauli: letter %q is not I, X, Y or Z", letters[k])
		}
		if q < 0 {
			return Term{}, fmt.Errorf("pauli: negative qubit %d", q)
		}
		if seen[q] {
			return Term{}, fmt.Errorf("pauli: qubit %d appears twice", q)
		}
		seen[q] = true
		t.Factors = append(t.Factors, Factor{Qubit: q, Letter: l})
	}
	slices.SortFunc(t.Factors, func(a, b Factor) int { return a.Qubit - b.Qubit })
	return t, nil
}

// Parse reads a Qiskit Pauli label such as "XIZ", whose rightmost letter
// acts on qubit 0, with coefficient 1.
func Parse(label string) (Term, error) {
	n := len(label)
	qubits := make([]int, n)
	letters := make([]byte, n)
	for i := 0; i < n; i++ {
		letters[i] = label[i]
		qubits[i] = n - 1 - i
	}
	t, err := NewTerm(1, string(letters), qubits...)
	if err != nil {
		return Term{}, fmt.Errorf("pauli label %q: %w", label, err)
	}
	return t, nil
}

// MustParse is Parse for labels known to be valid at compile time; it panics
// on a malformed label.
func MustParse(label string) Term {
	t, err := Parse(label)
	if err != nil {
		panic(err)
	}
	return t
}

// Z returns the single-qubit observable Z on q.
func Z(q int) Term { return Term{Coeff: 1, Factors: []Factor{{q, 'Z'}}} }

// X returns the single-qubit observable X on q.
func X(q int) Term { return Term{Coeff: 1, Factors: []Factor{{q, 'X'}}} }

// Y returns the single-qubit observable Y on q.
func Y(q int) Term { return Term{Coeff: 1, Factors: []Factor{{q, 'Y'}}} }

// ZString returns Z on every listed qubit (a parity observable).
func ZString(qubits ...int) (Term, error) {
	return NewTerm(1, strings.Repeat("Z", len(qubits)), qubits...)
}

// Scale returns c·t.
func (t Term) Scale(c float64) Term {
	t.Coeff *= c
	return t
}

// Validate checks that every factor acts on a qubit below n and that the
// coefficient is finite.
func (t Term) Validate(n int) error {
	if math.IsNaN(t.Coeff) || math.IsInf(t.Coeff, 0) {
		return fmt.Errorf("pauli: coefficient is %v", t.Coeff)
	}
	prev := -1
	for _, f := range t.Factors {
		if f.Qubit < 0 || f.Qubit >= n {
			return fmt.Errorf("pauli: qubit %d out of range [0, %d)", f.Qubit, n)
		}
		if f.Qubit <= prev {
			return fmt.Errorf("pauli: factors not sorted or qubit %d repeated", f.Qubit)
		}
		prev = f.Qubit
		if f.Letter != 'X' && f.Letter != 'Y' && f.Letter != 'Z' {
			return fmt.Errorf("pauli: letter %q on qubit %d", f.Letter, f.Qubit)
		}
	}
	return nil
}

// Validate checks every term of s against n qubits.
func (s Sum) Validate(n int) error {
	for i, t := range s {
		if err := t.Validate(n); err != nil {
			return fmt.Errorf("term %d: %w", i, err)
		}
	}
	return nil
}

// Masks returns the X part (qubits with X or Y) and the Z part (qubits with
// Z or Y) as bit masks, and the number of Y letters; P = i^{#Y}·X^x·Z^z.
// It fails when a factor acts on qubit 64 or above.
func (t Term) Masks() (x, z uint64, ny int, err error) {
	for _, f := range t.Factors {
		if f.Qubit >= 64 {
			return 0, 0, 0, fmt.Errorf("pauli: qubit %d does not fit a 64-bit mask", f.Qubit)
		}
		b := uint64(1) << uint(f.Qubit)
		switch f.Letter {
		case 'X':
			x |= b
		case 'Y':
			x |= b
			z |= b
			ny++
		case 'Z':
			z |= b
		}
	}
	return x, z, ny, nil
}

// String renders the term sparsely, e.g. "0.5*Z0 Z3" or "X2".
func (t Term) String() string {
	var b strings.Builder
	if t.Coeff != 1 {
		b.WriteString(strconv.FormatFloat(t.Coeff, 'g', -1, 64))
		b.WriteByte('*')
	}
	if len(t.Factors) == 0 {
		b.WriteByte('I')
	}
	for i, f := range t.Factors {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(f.Letter)
		b.WriteString(strconv.Itoa(f.Qubit))
	}
	return b.String()
}

// String renders the sum with " + " between terms.
func (s Sum) String() string {
	parts := make([]string, len(s))
	for i, t := range s {
		parts[i] = t.String()
	}
	return strings.Join(parts, " + ")
}
