package svm

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// DecisionFunction returns, for each row of K (kernel values between a new
// sample and every training sample, m×NTrain), one decision value per pair
// in Pairs order: positive values favour the pair's Positive class.
func (m *Model) DecisionFunction(K mat.Matrix) ([][]float64, error) {
	if m == nil || len(m.Pairs) == 0 {
		return nil, errNotFitted
	}
	kern, err := testKernel(K, m.NTrain)
	if err != nil {
		return nil, fmt.Errorf("svm: %w", err)
	}
	out := make([][]float64, kern.rows)
	for r := range out {
		row := kern.row(r)
		dec := make([]float64, len(m.Pairs))
		for p, pair := range m.Pairs {
			var sum float64
			for s, i := range pair.Support {
				sum += pair.Coef[s] * row[i]
			}
			dec[p] = sum - pair.Rho
		}
		out[r] = dec
	}
	return out, nil
}

// Predict returns the predicted label of each row of K (m×NTrain) by
// one-vs-one voting: each pair votes for its Positive class when its
// decision value is > 0 and for its Negative class otherwise; the class with
// most votes wins, ties going to the class that comes first in Classes.
func (m *Model) Predict(K mat.Matrix) ([]int, error) {
	dec, err := m.DecisionFunction(K)
	if err != nil {
		return nil, err
	}
	k := len(m.Classes)
	pred := make([]int, len(dec))
	votes := make([]int, k)
	for r, d := range dec {
		clear(votes)
		p := 0
		for a := range k {
			for b := a + 1; b < k; b++ {
				if d[p] > 0 {
					votes[a]++
				} else {
					votes[b]++
				}
				p++
			}
		}
		best := 0
		for c := 1; c < k; c++ {
			if votes[c] > votes[best] {
				best = c
			}
		}
		pred[r] = m.Classes[best]
	}
	return pred, nil
}
