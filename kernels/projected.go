package kernels

import (
	"errors"
	"fmt"
	"math"
	"runtime"

	"gonum.org/v1/gonum/mat"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/statevec"
)

// ProjectedKernel is the projected quantum kernel of Huang et al.
// (Nat. Commun. 12, 2631, 2021): k(x, x′) = exp(−γ Σ_k ‖ρ_k(x) − ρ_k(x′)‖_F²)
// with ρ_k the one-qubit reduced density matrix of qubit k in U(x)|0⟩.
// Since ρ_k = (I + ⟨X_k⟩X + ⟨Y_k⟩Y + ⟨Z_k⟩Z)/2, the squared distance is
// ½ Σ_{P∈{X,Y,Z}} (⟨P_k⟩ − ⟨P_k⟩′)², so only one circuit per sample runs.
type ProjectedKernel struct {
	Map FeatureMap
	// Gamma > 0 is the bandwidth γ; 0 means 1.
	Gamma float64
	// Simulator runs the circuits; nil means statevec.Simulator{}.
	Simulator backend.Simulator
	// Workers is the number of goroutines; 0 means GOMAXPROCS.
	Workers int
}

// BlochVectors returns, for each sample, the 3n values ⟨X_0⟩, ⟨Y_0⟩,
// ⟨Z_0⟩, ⟨X_1⟩, … of its state: the projected features the kernel compares.
func (p *ProjectedKernel) BlochVectors(x [][]float64) ([][]float64, error) {
	if p.Map == nil {
		return nil, errors.New("kernels: projected kernel has no feature map")
	}
	if err := checkRows(x, p.Map.NumFeatures(), "x"); err != nil {
		return nil, err
	}
	sim := p.Simulator
	if sim == nil {
		sim = statevec.Simulator{Threads: 1}
	}
	n := p.Map.NumQubits()
	out := make([][]float64, len(x))
	workers := p.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	err := parallelFor(workers, len(x), func(i int) error {
		c, err := p.Map.Circuit(x[i])
		if err != nil {
			return fmt.Errorf("kernels: x row %d: %w", i+1, err)
		}
		st, err := sim.Run(c)
		if err != nil {
			return fmt.Errorf("kernels: x row %d: %w", i+1, err)
		}
		v, err := blochVector(st, n)
		if err != nil {
			return fmt.Errorf("kernels: x row %d: %w", i+1, err)
		}
		out[i] = v
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// blochVector reads ⟨X_k⟩, ⟨Y_k⟩, ⟨Z_k⟩ for every qubit: from the reduced
// density matrix on dense states (ρ01 = (⟨X⟩ − i⟨Y⟩)/2), from Pauli
// expectation values on other backends.
func blochVector(st backend.State, n int) ([]float64, error) {
	v := make([]float64, 3*n)
	if sv, ok := st.(*statevec.State); ok {
		for q := range n {
			rho, err := sv.ReducedDensityMatrix(q)
			if err != nil {
				return nil, err
			}
			v[3*q] = 2 * real(rho[1])
			v[3*q+1] = -2 * imag(rho[1])
			v[3*q+2] = real(rho[0]) - real(rho[3])
		}
		return v, nil
	}
	for q := range n {
		for l, term := range []pauli.Term{pauli.X(q), pauli.Y(q), pauli.Z(q)} {
			e, err := st.Expectation(pauli.Sum{term})
			if err != nil {
				return nil, err
			}
			v[3*q+l] = e
		}
	}
	return v, nil
}

// Matrix returns the projected kernel K(x, y), or K(x, x) when y is nil.
func (p *ProjectedKernel) Matrix(x, y [][]float64) (*mat.Dense, error) {
	gamma := p.Gamma
	if gamma == 0 {
		gamma = 1
	}
	if !(gamma > 0) || math.IsInf(gamma, 0) {
		return nil, fmt.Errorf("kernels: projected kernel γ must be positive and finite, got %v", p.Gamma)
	}
	bx, err := p.BlochVectors(x)
	if err != nil {
		return nil, err
	}
	by := bx
	if y != nil {
		if by, err = p.BlochVectors(y); err != nil {
			return nil, fmt.Errorf("%w (in y)", err)
		}
	}
	out := mat.NewDense(len(bx), len(by), nil)
	for i, a := range bx {
		for j, b := range by {
			var s float64
			for k := range a {
				d := a[k] - b[k]
				s += d * d
			}
			out.Set(i, j, math.Exp(-gamma*s/2))
		}
	}
	return out, nil
}
