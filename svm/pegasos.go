package svm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// PegasosModel is a binary kernel SVM trained by the Pegasos sub-gradient
// method as qiskit-machine-learning's PegasosQSVC does it.
type PegasosModel struct {
	// Positive is the smaller of the two labels (y = +1), Negative the larger
	// (y = −1), the mapping PegasosQSVC uses.
	Positive, Negative int
	// Alpha[i] counts the steps at which sample i violated the margin.
	Alpha []int
	// Support lists samples with Alpha > 0 in the order they first entered,
	// which is also the order terms are summed.
	Support []int
	y       []float64
	C       float64
	Steps   int
}

// FitPegasos runs T = steps Pegasos iterations on the precomputed training
// kernel K with binary labels y. At step t = 1..T it draws i uniformly from
// a PCG generator seeded (seed, seed), computes
// v = Σ_{j: α_j>0} α_j y_j (K_ij + 1), and increments α_i when y_i·(C/t)·v < 1.
// The +1 is PegasosQSVC's kernel offset, an implicit bias.
func FitPegasos(K mat.Matrix, y []int, C float64, steps int, seed uint64) (*PegasosModel, error) {
	if !(C > 0) || math.IsInf(C, 1) {
		return nil, fmt.Errorf("svm: FitPegasos: C must be positive and finite, got %v", C)
	}
	if steps < 1 {
		return nil, fmt.Errorf("svm: FitPegasos: steps must be ≥ 1, got %d", steps)
	}
	kern, err := trainKernel(K)
	if err != nil {
		return nil, fmt.Errorf("svm: FitPegasos: %w", err)
	}
	n := kern.rows
	if len(y) != n {
		return nil, fmt.Errorf("svm: FitPegasos: %d labels for a %d×%d kernel", len(y), n, n)
	}
	labels := slices.Compact(slices.Sorted(slices.Values(y)))
	if len(labels) != 2 {
		return nil, fmt.Errorf("svm: FitPegasos: need exactly two classes, got %d (%v)", len(labels), labels)
	}
	m := &PegasosModel{Positive: labels[0], Negative: labels[1], Alpha: make([]int, n), y: make([]float64, n), C: C, Steps: steps}
	for i, label := range y {
		m.y[i] = -1
		if label == m.Positive {
			m.y[i] = 1
		}
	}
	rng := rand.New(rand.NewPCG(seed, seed))
	for t := 1; t <= steps; t++ {
		i := rng.IntN(n)
		v := m.weightedSum(kern.row(i))
		if m.y[i]*(C/float64(t))*v < 1 {
			if m.Alpha[i] == 0 {
				m.Support = append(m.Support, i)
			}
			m.Alpha[i]++
		}
	}
	return m, nil
}

// weightedSum is Σ_{j∈Support} α_j y_j (k_j + 1) for one kernel row k.
func (m *PegasosModel) weightedSum(k []float64) float64 {
	var v float64
	for _, j := range m.Support {
		v += float64(m.Alpha[j]) * m.y[j] * (k[j] + 1)
	}
	return v
}

// DecisionFunction returns Σ_j α_j y_j (K(x, x_j) + 1) for each row of K
// (m × number of training samples); positive favours Positive.
func (m *PegasosModel) DecisionFunction(K mat.Matrix) ([]float64, error) {
	if m == nil || len(m.Alpha) == 0 {
		return nil, fmt.Errorf("svm: Pegasos model is not fitted")
	}
	kern, err := testKernel(K, len(m.Alpha))
	if err != nil {
		return nil, fmt.Errorf("svm: Pegasos: %w", err)
	}
	out := make([]float64, kern.rows)
	for r := range out {
		out[r] = m.weightedSum(kern.row(r))
	}
	return out, nil
}

// Predict returns Positive where the decision value is > 0, else Negative.
func (m *PegasosModel) Predict(K mat.Matrix) ([]int, error) {
	dec, err := m.DecisionFunction(K)
	if err != nil {
		return nil, err
	}
	pred := make([]int, len(dec))
	for r, d := range dec {
		pred[r] = m.Negative
		if d > 0 {
			pred[r] = m.Positive
		}
	}
	return pred, nil
}
