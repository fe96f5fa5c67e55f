package nn

import (
	"fmt"
	"math/rand/v2"
)

// NewMLP builds Linear(w0→w1) → act → Linear(w1→w2) → act → … → Linear(→wL)
// (no activation after the last layer). Weights are Xavier-uniform for SiLU
// and tanh and He-normal for ReLU, drawn from rng.
func NewMLP(widths []int, act Activation, rng *rand.Rand) (*Sequential, error) {
	if len(widths) < 2 {
		return nil, fmt.Errorf("nn: NewMLP: need at least input and output widths, got %v", widths)
	}
	init := XavierUniform
	if act == ReLUAct {
		init = HeNormal
	}
	var layers []Layer
	for l := 0; l+1 < len(widths); l++ {
		lin, err := NewLinear(widths[l], widths[l+1], init, rng)
		if err != nil {
			return nil, fmt.Errorf("nn: NewMLP: layer %d: %w", l, err)
		}
		layers = append(layers, lin)
		if l+2 < len(widths) {
			a, err := NewActivation(act)
			if err != nil {
				return nil, fmt.Errorf("nn: NewMLP: %w", err)
			}
			layers = append(layers, a)
		}
	}
	return NewSequential(layers...)
}

// MLPParams is the parameter count of NewMLP(widths, ...): Σ (wₗ+1)·wₗ₊₁.
func MLPParams(widths []int) int {
	n := 0
	for l := 0; l+1 < len(widths); l++ {
		n += (widths[l] + 1) * widths[l+1]
	}
	return n
}

// MLPWidthsFor returns [nIn, h, …, h, nOut] with `hidden` hidden layers of
// the width h ≥ 1 whose parameter count is closest to target (ties go to the
// smaller h), for building MLP baselines of matched size.
func MLPWidthsFor(nIn, nOut, hidden, target int) ([]int, error) {
	if nIn <= 0 || nOut <= 0 || hidden <= 0 || target <= 0 {
		return nil, fmt.Errorf("nn: MLPWidthsFor(%d, %d, %d, %d): all arguments must be positive", nIn, nOut, hidden, target)
	}
	widths := func(h int) []int {
		w := []int{nIn}
		for range hidden {
			w = append(w, h)
		}
		return append(w, nOut)
	}
	best, bestDiff := 1, -1
	for h := 1; ; h++ {
		p := MLPParams(widths(h))
		diff := max(p-target, target-p)
		if bestDiff < 0 || diff < bestDiff {
			best, bestDiff = h, diff
		}
		if p > target {
			break
		}
	}
	return widths(best), nil
}
