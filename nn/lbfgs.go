package nn

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/optimize"
)

// earlyStopStatus is the gonum status Train's converger returns when the
// validation loss stops improving (a sentinel, created once at init).
var earlyStopStatus = optimize.NewStatus("EarlyStop", true, nil)

// fullBatch exposes a model's full-batch loss as an optimize.Problem. Func
// and Grad are called separately by gonum at the same point, so the last
// evaluation is cached.
type fullBatch struct {
	ctx   context.Context
	model Layer
	data  Dataset
	loss  Loss
	h     *History

	x    []float64
	f    float64
	grad []float64
	err  error
}

func (p *fullBatch) eval(x []float64) {
	if p.err != nil || (p.x != nil && slices.Equal(x, p.x)) {
		return
	}
	if err := SetParams(p.model, x); err != nil {
		p.err = err
		return
	}
	f, err := lossAndGrad(p.model, p.data, p.loss)
	p.h.Evals++
	if err != nil {
		p.err = err
		return
	}
	p.x = append(p.x[:0], x...)
	p.f = f
	p.grad = GetGrads(p.model, p.grad)
}

func (p *fullBatch) problem() optimize.Problem {
	return optimize.Problem{
		Func: func(x []float64) float64 {
			p.eval(x)
			if p.err != nil {
				return math.NaN()
			}
			return p.f
		},
		Grad: func(grad, x []float64) {
			p.eval(x)
			if p.err != nil {
				clear(grad)
				return
			}
			copy(grad, p.grad)
		},
		Status: func() (optimize.Status, error) {
			if p.err != nil {
				return optimize.Failure, p.err
			}
			if err := p.ctx.Err(); err != nil {
				return optimize.Failure, err
			}
			return optimize.NotTerminated, nil
		},
	}
}

// iterationRecorder is the gonum Converger: it records the loss at every
// major iteration and applies early stopping. It runs between evaluations,
// so it may use the model.
type iterationRecorder struct {
	cfg TrainConfig
	h   *History
	es  *earlyStop
	err error
}

func (r *iterationRecorder) Init(int) {}

func (r *iterationRecorder) Converged(loc *optimize.Location) optimize.Status {
	r.h.Train = append(r.h.Train, loc.F)
	if r.cfg.Validation != nil {
		if err := SetParams(r.es.model, loc.X); err != nil {
			r.err = err
			return optimize.Failure
		}
		stop, err := r.es.observe(r.h)
		if err != nil {
			r.err = err
			return optimize.Failure
		}
		r.cfg.log(r.h)
		if stop {
			return earlyStopStatus
		}
		return optimize.NotTerminated
	}
	r.cfg.log(r.h)
	return optimize.NotTerminated
}

func trainLBFGS(ctx context.Context, model Layer, data Dataset, cfg TrainConfig, h *History, es *earlyStop) error {
	x0 := GetParams(model, nil)
	if len(x0) == 0 {
		return fmt.Errorf("nn: Train: model has no trainable parameters")
	}
	fb := &fullBatch{ctx: ctx, model: model, data: data, loss: cfg.Loss, h: h}
	rec := &iterationRecorder{cfg: cfg, h: h, es: es}
	settings := &optimize.Settings{
		MajorIterations: cfg.Steps,
		FuncEvaluations: cfg.MaxEvals,
		Converger:       rec,
	}
	method := &optimize.LBFGS{Store: cfg.Memory, Linesearcher: &optimize.MoreThuente{}}
	res, err := optimize.Minimize(fb.problem(), x0, settings, method)
	switch {
	case fb.err != nil:
		return fmt.Errorf("nn: Train: L-BFGS evaluation: %w", fb.err)
	case rec.err != nil:
		return fmt.Errorf("nn: Train: L-BFGS: %w", rec.err)
	case ctx.Err() != nil:
		return ctx.Err()
	case err != nil && !errors.Is(err, optimize.ErrNoProgress) && !errors.Is(err, optimize.ErrLinesearcherFailure):
		return fmt.Errorf("nn: Train: L-BFGS: %w", err)
	}
	if res == nil {
		return fmt.Errorf("nn: Train: L-BFGS returned no result")
	}
	h.Status = res.Status.String()
	if err != nil {
		// The line search could not decrease the loss further: the last
		// accepted iterate is a (local) minimum to working precision.
		h.Status = fmt.Sprintf("%s (%v)", h.Status, err)
	}
	if res.Status == earlyStopStatus {
		h.Status = fmt.Sprintf("early stop after %d steps without validation improvement", cfg.Patience)
	}
	if math.IsInf(res.Location.F, 1) {
		// No major iteration completed: keep the starting point.
		return SetParams(model, x0)
	}
	return SetParams(model, res.Location.X)
}
