package qml

import (
	"context"
	"fmt"
	"slices"

	"github.com/qmlkit/qmlkit/nn"
)

// OptResult is what the optimisers return: the final point X, the loss F
// there, the loss per iteration and the number of loss evaluations.
type OptResult = nn.OptResult

// SPSA is nn's simultaneous-perturbation stochastic approximation (the
// module's one implementation, shared with kernel training); use its
// Minimize with a Loss's Func.
type SPSA = nn.SPSA

// Adam minimises l from x0 with steps iterations of nn's Adam (the
// module's one implementation: bias-corrected, β₁ = 0.9, β₂ = 0.999,
// ε = 1e−8) at learning rate lr, on full-batch gradients. ctx is checked
// between steps.
func Adam(ctx context.Context, l Loss, x0 []float64, lr float64, steps int) (*OptResult, error) {
	if steps < 1 {
		return nil, fmt.Errorf("qml: adam: steps %d must be positive", steps)
	}
	x := slices.Clone(x0)
	g := make([]float64, len(x))
	opt := nn.NewAdam(lr)
	params := []nn.Param{{Name: "θ", Value: x, Grad: g}}
	res := &OptResult{History: make([]float64, 0, steps)}
	for k := 0; k < steps; k++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		l.Grad(g, x)
		f := l.Func(x)
		res.Evaluations += 2
		if err := l.Err(); err != nil {
			return nil, fmt.Errorf("qml: adam step %d: %w", k, err)
		}
		res.History = append(res.History, f)
		if err := opt.Step(params); err != nil {
			return nil, fmt.Errorf("qml: adam: %w", err)
		}
	}
	res.X = x
	res.F = l.Func(x)
	res.Evaluations++
	if err := l.Err(); err != nil {
		return nil, fmt.Errorf("qml: adam: %w", err)
	}
	return res, nil
}
