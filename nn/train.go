package nn

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// Optimizer selects the training algorithm of Train.
type Optimizer int

const (
	// AdamOpt is mini-batch Adam; one step of TrainConfig.Steps is one epoch.
	AdamOpt Optimizer = iota
	// LBFGSOpt is full-batch L-BFGS from gonum/optimize; one step is one
	// major (accepted) iteration.
	LBFGSOpt
)

// String names the optimiser.
func (o Optimizer) String() string {
	switch o {
	case AdamOpt:
		return "adam"
	case LBFGSOpt:
		return "lbfgs"
	}
	return fmt.Sprintf("Optimizer(%d)", int(o))
}

// TrainConfig configures Train.
type TrainConfig struct {
	// Loss is required (MSE or SoftmaxCrossEntropy).
	Loss Loss
	// Optimizer picks Adam (default) or L-BFGS.
	Optimizer Optimizer
	// Steps is the number of epochs (Adam) or major iterations (L-BFGS); > 0.
	Steps int
	// LR is Adam's step size (default 1e−3). Unused by L-BFGS, whose line
	// search chooses the step.
	LR float64
	// WeightDecay is Adam's coupled L2 decay.
	WeightDecay float64
	// BatchSize is Adam's mini-batch size; ≤ 0 means full batch.
	BatchSize int
	// MaxEvals caps L-BFGS loss+gradient evaluations (0: no cap beyond Steps).
	MaxEvals int
	// Memory is the L-BFGS history length (default 10, as PyTorch's LBFGS).
	Memory int
	// Seed drives mini-batch shuffling.
	Seed uint64
	// Validation, when set, is scored after every step; the parameters with
	// the lowest validation loss are restored when training ends.
	Validation *Dataset
	// Patience stops training after this many steps without a validation
	// improvement (0: never stop early). Needs Validation.
	Patience int
	// Logf, when set, receives a progress line every LogEvery steps.
	Logf     func(format string, args ...any)
	LogEvery int
}

// History records a training run.
type History struct {
	// Train is the training loss per step: the mean mini-batch loss of the
	// epoch for Adam, the full-batch loss at each major iteration for L-BFGS.
	Train []float64
	// Val is the validation loss per step (empty without Validation).
	Val []float64
	// BestStep is the index in Val of the restored parameters (−1 if none).
	BestStep int
	// Evals counts loss+gradient evaluations (mini-batches for Adam).
	Evals int
	// Status says why training ended.
	Status string
	// Seconds is the wall-clock training time.
	Seconds float64
}

func (c *TrainConfig) validate(data Dataset) error {
	if c.Loss == nil {
		return fmt.Errorf("nn: Train: no loss")
	}
	if c.Steps <= 0 {
		return fmt.Errorf("nn: Train: steps %d must be positive", c.Steps)
	}
	if c.Optimizer != AdamOpt && c.Optimizer != LBFGSOpt {
		return fmt.Errorf("nn: Train: unknown optimizer %d", int(c.Optimizer))
	}
	if c.LR < 0 || math.IsNaN(c.LR) || c.WeightDecay < 0 || c.MaxEvals < 0 || c.Memory < 0 || c.Patience < 0 {
		return fmt.Errorf("nn: Train: negative or NaN setting (lr=%g, decay=%g, maxEvals=%d, memory=%d, patience=%d)",
			c.LR, c.WeightDecay, c.MaxEvals, c.Memory, c.Patience)
	}
	if c.Patience > 0 && c.Validation == nil {
		return fmt.Errorf("nn: Train: patience %d needs a validation set", c.Patience)
	}
	if data.X == nil || data.Y == nil || data.X.Rows == 0 || data.X.Rows != data.Y.Rows {
		return fmt.Errorf("nn: Train: empty or inconsistent training data")
	}
	return nil
}

// Train fits model to data and returns the loss history. It honours ctx
// between steps (and between L-BFGS evaluations).
func Train(ctx context.Context, model Layer, data Dataset, cfg TrainConfig) (*History, error) {
	if model == nil {
		return nil, fmt.Errorf("nn: Train: nil model")
	}
	if err := cfg.validate(data); err != nil {
		return nil, err
	}
	if cfg.LR == 0 {
		cfg.LR = 1e-3
	}
	if cfg.Memory == 0 {
		cfg.Memory = 10
	}
	start := time.Now()
	h := &History{BestStep: -1}
	es := newEarlyStop(model, cfg)
	var err error
	if cfg.Optimizer == LBFGSOpt {
		err = trainLBFGS(ctx, model, data, cfg, h, es)
	} else {
		err = trainAdam(ctx, model, data, cfg, h, es)
	}
	if err != nil {
		return nil, err
	}
	if es.best != nil {
		if err := SetParams(model, es.best); err != nil {
			return nil, err
		}
		h.BestStep = es.bestStep
	}
	h.Seconds = time.Since(start).Seconds()
	return h, nil
}

// earlyStop tracks the validation loss and the best parameters.
type earlyStop struct {
	model    Layer
	cfg      TrainConfig
	best     []float64
	bestLoss float64
	bestStep int
	since    int
}

func newEarlyStop(model Layer, cfg TrainConfig) *earlyStop {
	return &earlyStop{model: model, cfg: cfg, bestLoss: math.Inf(1), bestStep: -1}
}

// observe scores the model's current parameters on the validation set and
// reports whether training should stop.
func (e *earlyStop) observe(h *History) (bool, error) {
	if e.cfg.Validation == nil {
		return false, nil
	}
	loss, err := Evaluate(e.model, *e.cfg.Validation, e.cfg.Loss)
	if err != nil {
		return false, fmt.Errorf("validation: %w", err)
	}
	h.Val = append(h.Val, loss)
	if loss < e.bestLoss {
		e.bestLoss = loss
		e.bestStep = len(h.Val) - 1
		e.best = GetParams(e.model, e.best)
		e.since = 0
		return false, nil
	}
	e.since++
	return e.cfg.Patience > 0 && e.since >= e.cfg.Patience, nil
}

func (c *TrainConfig) log(h *History) {
	if c.Logf == nil {
		return
	}
	every := max(c.LogEvery, 1)
	step := len(h.Train)
	if step%every != 0 {
		return
	}
	if len(h.Val) > 0 {
		c.Logf("step %d: train %.6g, validation %.6g", step, h.Train[step-1], h.Val[len(h.Val)-1])
		return
	}
	c.Logf("step %d: train %.6g", step, h.Train[step-1])
}

func trainAdam(ctx context.Context, model Layer, data Dataset, cfg TrainConfig, h *History, es *earlyStop) error {
	opt := &Adam{LR: cfg.LR, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: cfg.WeightDecay}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0xada))
	n := data.Len()
	h.Status = "step limit"
	for step := 0; step < cfg.Steps; step++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		var sum float64
		for _, idx := range ShuffledBatches(n, cfg.BatchSize, rng) {
			batch := data
			if len(idx) != n {
				var err error
				if batch, err = data.Subset(idx); err != nil {
					return err
				}
			}
			loss, err := lossAndGrad(model, batch, cfg.Loss)
			if err != nil {
				return fmt.Errorf("nn: Train: epoch %d: %w", step, err)
			}
			h.Evals++
			if err := opt.Step(model.Params()); err != nil {
				return err
			}
			sum += loss * float64(len(idx))
		}
		h.Train = append(h.Train, sum/float64(n))
		stop, err := es.observe(h)
		if err != nil {
			return err
		}
		cfg.log(h)
		if stop {
			h.Status = fmt.Sprintf("early stop after %d steps without validation improvement", cfg.Patience)
			return nil
		}
	}
	return nil
}

// lossAndGrad zeroes the gradients, runs forward and backward on batch and
// returns the loss; the gradients are left in the model's Params.
func lossAndGrad(model Layer, batch Dataset, loss Loss) (float64, error) {
	ZeroGrad(model)
	pred, err := model.Forward(batch.X)
	if err != nil {
		return 0, err
	}
	l, g, err := loss.Loss(pred, batch.Y)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(l) || math.IsInf(l, 0) {
		return 0, fmt.Errorf("non-finite loss %g", l)
	}
	if _, err := model.Backward(g); err != nil {
		return 0, err
	}
	return l, nil
}

// Predict runs the model forward on x.
func Predict(model Layer, x *Matrix) (*Matrix, error) {
	if model == nil {
		return nil, fmt.Errorf("nn: Predict: nil model")
	}
	return model.Forward(x)
}

// Evaluate returns the loss of model on data without touching gradients.
func Evaluate(model Layer, data Dataset, loss Loss) (float64, error) {
	if loss == nil {
		return 0, fmt.Errorf("nn: Evaluate: nil loss")
	}
	pred, err := Predict(model, data.X)
	if err != nil {
		return 0, err
	}
	l, _, err := loss.Loss(pred, data.Y)
	return l, err
}
