package qml

import (
	"fmt"
	"math"
	"math/cmplx"

	"github.com/qmlkit/qmlkit/circuits"
)

// isRotation reports whether g is exp(−iθG/2) for a Pauli string G: its
// generator G/2 has eigenvalues ±½, ∂B(θ) = −(i/2)·G·B(θ) = ½·B(θ+π), and
// the two-term shift rule holds when it is not controlled.
func isRotation(g circuits.Gate) bool {
	switch g {
	case circuits.RX, circuits.RY, circuits.RZ, circuits.RXX, circuits.RYY, circuits.RZZ, circuits.RZX:
		return true
	}
	return false
}

// differentiable reports whether gate kind g has a derivative rule here.
func differentiable(g circuits.Gate) bool {
	return isRotation(g) || g == circuits.P || g == circuits.U
}

// baseDerivative returns ∂B/∂a_j, the derivative of the uncontrolled gate
// matrix with respect to its j-th angle, at angles a. The rules come from
// the definitions in circuits/gate.go:
//
//   - rotations B(θ) = cos(θ/2)·I − i·sin(θ/2)·G: ∂B = ½·B(θ+π);
//   - P(λ) = diag(1, e^{iλ}): ∂P = diag(0, i·e^{iλ});
//   - U(θ,φ,λ) = [[c, −e^{iλ}s], [e^{iφ}s, e^{i(φ+λ)}c]] with c = cos θ/2,
//     s = sin θ/2, differentiated entry by entry.
func baseDerivative(g circuits.Gate, a []float64, j int) ([]complex128, error) {
	switch {
	case isRotation(g):
		m, err := g.Matrix(a[0] + math.Pi)
		if err != nil {
			return nil, err
		}
		for k := range m {
			m[k] *= 0.5
		}
		return m, nil
	case g == circuits.P:
		return []complex128{0, 0, 0, complex(0, 1) * cmplx.Rect(1, a[0])}, nil
	case g == circuits.U:
		theta, phi, lambda := a[0], a[1], a[2]
		c, s := math.Cos(theta/2), math.Sin(theta/2)
		eL, eP, ePL := cmplx.Rect(1, lambda), cmplx.Rect(1, phi), cmplx.Rect(1, phi+lambda)
		switch j {
		case 0:
			return []complex128{complex(-s/2, 0), -eL * complex(c/2, 0), eP * complex(c/2, 0), -ePL * complex(s/2, 0)}, nil
		case 1:
			return []complex128{0, 0, complex(0, s) * eP, complex(0, c) * ePL}, nil
		case 2:
			return []complex128{0, complex(0, -s) * eL, 0, complex(0, c) * ePL}, nil
		}
	}
	return nil, fmt.Errorf("qml: no derivative rule for angle %d of gate %v", j, g)
}

// pauliGenerator returns the Pauli string G of a rotation B(θ) =
// exp(−iθG/2), read off the gate definition: B(π) = −i·G, so G = i·B(π),
// rounded entrywise to the exact 0, ±1, ±i (cos(π/2) is 6e−17 in floating
// point).
func pauliGenerator(g circuits.Gate) ([]complex128, error) {
	m, err := g.Matrix(math.Pi)
	if err != nil {
		return nil, err
	}
	for k, v := range m {
		v *= 1i
		m[k] = complex(math.Round(real(v)), math.Round(imag(v)))
	}
	return m, nil
}

// derivativeGenerator returns M_j = (∂B/∂a_j)·B†, the matrix whose
// expectation between λ and φ (the state after the gate) gives the
// derivative: ∂⟨O⟩/∂a_j = 2·Re⟨λ|M_j|φ⟩ on the controlled block. It is
// exact where it can be: −(i/2)·G for rotations, diag(0, i) for P; for U
// it is the product of the analytic derivative with U†.
func derivativeGenerator(g circuits.Gate, a []float64, j int, b []complex128) ([]complex128, error) {
	switch {
	case isRotation(g):
		m, err := pauliGenerator(g)
		if err != nil {
			return nil, err
		}
		for k := range m {
			m[k] *= complex(0, -0.5)
		}
		return m, nil
	case g == circuits.P:
		return []complex128{0, 0, 0, 1i}, nil
	}
	db, err := baseDerivative(g, a, j)
	if err != nil {
		return nil, err
	}
	return matMulAdjoint(db, b, int(math.Sqrt(float64(len(b))))), nil
}

// matMulAdjoint returns A·Bᴴ for d×d row-major matrices.
func matMulAdjoint(a, b []complex128, d int) []complex128 {
	out := make([]complex128, d*d)
	for r := 0; r < d; r++ {
		for c := 0; c < d; c++ {
			var s complex128
			for k := 0; k < d; k++ {
				s += a[r*d+k] * cmplx.Conj(b[c*d+k])
			}
			out[r*d+c] = s
		}
	}
	return out
}

// adjoint returns the conjugate transpose of a d×d row-major matrix.
func adjoint(m []complex128, d int) []complex128 {
	out := make([]complex128, d*d)
	for r := 0; r < d; r++ {
		for c := 0; c < d; c++ {
			out[c*d+r] = cmplx.Conj(m[r*d+c])
		}
	}
	return out
}

// shiftRule says how ∂⟨O⟩/∂a for one angle of one op follows from
// expectation values at shifted angles: ∂⟨O⟩/∂a = Σ_k Coeffs[k]·⟨O⟩(a + Shifts[k]).
type shiftRule struct {
	Shifts []float64
	Coeffs []float64
}

// The two rules needed here. A generator with eigenvalues ±½ (or any two
// eigenvalues one apart) makes ⟨O⟩(a) = α + β·cos a + γ·sin a, and
// [⟨O⟩(a+π/2) − ⟨O⟩(a−π/2)]/2 is its derivative. A controlled rotation's
// generator |1⟩⟨1|⊗G/2 has eigenvalues {0, ±½}, so ⟨O⟩ has frequencies ½
// and 1; d± = (√2 ± 1)/(4√2) solve 2d₊·sin(ωπ/2) − 2d₋·sin(3ωπ/2) = ω for
// both, giving d₊[⟨O⟩(a+π/2) − ⟨O⟩(a−π/2)] − d₋[⟨O⟩(a+3π/2) − ⟨O⟩(a−3π/2)].
var (
	twoTermRule = shiftRule{
		Shifts: []float64{math.Pi / 2, -math.Pi / 2},
		Coeffs: []float64{0.5, -0.5},
	}
	fourTermRule = shiftRule{
		Shifts: []float64{math.Pi / 2, -math.Pi / 2, 3 * math.Pi / 2, -3 * math.Pi / 2},
		Coeffs: []float64{dPlus, -dPlus, -dMinus, dMinus},
	}
)

const (
	dPlus  = (math.Sqrt2 + 1) / (4 * math.Sqrt2)
	dMinus = (math.Sqrt2 - 1) / (4 * math.Sqrt2)
)

// ruleFor picks the shift rule for angle j of op. Uncontrolled rotations
// and P (= e^{iλ/2}·RZ(λ), a global phase apart) take two terms; P with
// controls still does, its generator being the projector onto the
// all-ones block (eigenvalues 0 and 1). U(θ,φ,λ) = P(φ)·RY(θ)·P(λ) exactly,
// so θ follows RY's rule and φ, λ follow P's.
func ruleFor(op circuits.Op, j int) (shiftRule, error) {
	g := op.Gate
	switch {
	case g == circuits.P, g == circuits.U && j > 0:
		return twoTermRule, nil
	case isRotation(g), g == circuits.U:
		if len(op.Controls) == 0 {
			return twoTermRule, nil
		}
		return fourTermRule, nil
	}
	return shiftRule{}, fmt.Errorf("qml: no shift rule for angle %d of %s", j, op.Name())
}
