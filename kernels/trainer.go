package kernels

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"

	"github.com/qmlkit/qmlkit/nn"
	"github.com/qmlkit/qmlkit/svm"
)

// Optimizer chooses how QuantumKernelTrainer moves θ.
type Optimizer int

const (
	// OptimizerGradient is gradient descent on F(θ) with the exact gradient
	// −½ Σ α_i α_j y_i y_j ∂K_ij/∂θ at the SVM's optimal α (Danskin's
	// theorem), a backtracking (Armijo) step so that F never increases, and
	// a step that grows by 1.5 after each accepted move.
	OptimizerGradient Optimizer = iota
	// OptimizerSPSA is nn.SPSA (Spall's simultaneous-perturbation
	// stochastic approximation) with gains a_k = a/(k+1+A)^0.602,
	// c_k = c/(k+1)^0.101, A = MaxIter/10, and seeded ±1 perturbations:
	// two kernel evaluations per step for any number of parameters, plus
	// one per step for the recorded path.
	OptimizerSPSA
)

// GradientMethod chooses how ∂K/∂θ is computed for OptimizerGradient.
type GradientMethod int

const (
	// GradientParameterShift is KernelGradient: exact, dense states.
	GradientParameterShift GradientMethod = iota
	// GradientCentralDifference is KernelGradientFD: any map and backend.
	GradientCentralDifference
)

// TrainerOptions configure QuantumKernelTrainer. Zero values select the
// defaults.
type TrainerOptions struct {
	Optimizer Optimizer
	Gradient  GradientMethod
	// MaxIter is the number of optimisation steps (default 30).
	MaxIter int
	// LearningRate is the first step size η of gradient descent or SPSA's
	// gain a (default 0.1).
	LearningRate float64
	// Perturbation is SPSA's c (default 0.1); FDStep the central-difference
	// step (default 1e−4).
	Perturbation, FDStep float64
	// Tol stops gradient descent when a step moves θ by less (default 1e−6).
	Tol float64
	// Seed drives SPSA's perturbations.
	Seed uint64
	// C is the SVM box constraint (default 1); SVM its solver options (nil:
	// Eps = 1e−6, tighter than LIBSVM's default so that F is smooth in θ).
	C   float64
	SVM *svm.Options
	// Kernel configures the fidelity kernel evaluations (backend, method).
	// Shots and PSD projection are honoured for F but not for gradients.
	Kernel Options
}

// QuantumKernelTrainer trains the parameters of a TrainableFeatureMap by
// minimising the SVM dual objective (Qiskit's QuantumKernelTrainer with
// SVCLoss; Glick et al.'s weighted kernel alignment)
//
//	F(θ) = Σ_i α_i − ½ Σ_ij α_i α_j y_i y_j K_θ(x_i, x_j)
//
// at the optimal α of a C-SVC trained on K_θ, for binary labels. Since F is
// the maximum of the dual over α, its gradient at fixed optimal α is
// −½ Σ α_i α_j y_i y_j ∂K_ij/∂θ.
type QuantumKernelTrainer struct {
	Map     TrainableFeatureMap
	Options TrainerOptions
}

// TrainStep is one point of the optimisation path.
type TrainStep struct {
	Iteration int
	Theta     []float64
	Objective float64
}

// TrainResult is the outcome of QuantumKernelTrainer.Fit.
type TrainResult struct {
	// Theta is the final parameter vector and Objective F(Theta).
	Theta     []float64
	Objective float64
	// History starts at θ₀ and has one entry per accepted step (gradient)
	// or per iteration (SPSA).
	History []TrainStep
	// Evaluations counts kernel matrices computed for F.
	Evaluations int
	// Map is the feature map at Theta.
	Map FeatureMap
}

func (o TrainerOptions) withDefaults() TrainerOptions {
	if o.MaxIter == 0 {
		o.MaxIter = 30
	}
	if o.LearningRate == 0 {
		o.LearningRate = 0.1
	}
	if o.Perturbation == 0 {
		o.Perturbation = 0.1
	}
	if o.Tol == 0 {
		o.Tol = 1e-6
	}
	if o.C == 0 {
		o.C = 1
	}
	if o.SVM == nil {
		o.SVM = &svm.Options{Eps: 1e-6}
	}
	return o
}

// Objective returns F(θ) on the training data and the SVM that attains it.
func (t *QuantumKernelTrainer) Objective(x [][]float64, y []int, theta []float64) (float64, *svm.Model, error) {
	o := t.Options.withDefaults()
	fm, err := AtParams(t.Map, theta)
	if err != nil {
		return 0, nil, err
	}
	opt := o.Kernel
	opt.CacheBytes = -1
	k, err := NewFidelityKernel(fm, opt)
	if err != nil {
		return 0, nil, err
	}
	km, err := k.Matrix(x, nil)
	if err != nil {
		return 0, nil, err
	}
	model, err := svm.Fit(km, y, o.C, o.SVM)
	if err != nil && !errors.Is(err, svm.ErrNotConverged) {
		return 0, nil, fmt.Errorf("kernels: trainer: %w", err)
	}
	return model.Pairs[0].Objective, model, nil
}

// Fit minimises F from theta0 and returns the path and the trained map.
func (t *QuantumKernelTrainer) Fit(x [][]float64, y []int, theta0 []float64) (*TrainResult, error) {
	if t.Map == nil {
		return nil, errors.New("kernels: trainer has no feature map")
	}
	if len(theta0) != t.Map.NumParams() {
		return nil, fmt.Errorf("kernels: trainer: the map has %d parameters, θ₀ has %d", t.Map.NumParams(), len(theta0))
	}
	if _, _, err := binaryClasses(y); err != nil {
		return nil, fmt.Errorf("kernels: trainer: %w", err)
	}
	o := t.Options.withDefaults()
	if o.MaxIter < 0 || !(o.LearningRate > 0) || !(o.Perturbation > 0) || !(o.Tol > 0) {
		return nil, fmt.Errorf("kernels: trainer: MaxIter %d, LearningRate %v, Perturbation %v and Tol %v must be positive", o.MaxIter, o.LearningRate, o.Perturbation, o.Tol)
	}
	switch o.Optimizer {
	case OptimizerGradient:
		return t.fitGradient(x, y, slices.Clone(theta0), o)
	case OptimizerSPSA:
		return t.fitSPSA(x, y, slices.Clone(theta0), o)
	}
	return nil, fmt.Errorf("kernels: trainer: unknown optimizer %d", int(o.Optimizer))
}

// gradient returns ∇F(θ) at the SVM's optimal α.
func (t *QuantumKernelTrainer) gradient(x [][]float64, model *svm.Model, theta []float64, o TrainerOptions) ([]float64, error) {
	var grads []*mat.Dense
	var err error
	if o.Gradient == GradientCentralDifference {
		_, grads, err = KernelGradientFD(t.Map, theta, x, o.FDStep, o.Kernel)
	} else {
		_, grads, err = KernelGradient(t.Map, theta, x)
	}
	if err != nil {
		return nil, err
	}
	pair := model.Pairs[0]
	g := make([]float64, len(theta))
	for p, dk := range grads {
		var s float64
		for a, i := range pair.Support {
			for b, j := range pair.Support {
				s += pair.Coef[a] * pair.Coef[b] * dk.At(i, j)
			}
		}
		g[p] = -s / 2
	}
	return g, nil
}

func (t *QuantumKernelTrainer) fitGradient(x [][]float64, y []int, theta []float64, o TrainerOptions) (*TrainResult, error) {
	res := &TrainResult{}
	f, model, err := t.Objective(x, y, theta)
	if err != nil {
		return nil, err
	}
	res.Evaluations++
	res.History = append(res.History, TrainStep{0, slices.Clone(theta), f})
	eta := o.LearningRate
	for it := 1; it <= o.MaxIter; it++ {
		g, err := t.gradient(x, model, theta, o)
		if err != nil {
			return nil, err
		}
		gg := dot(g, g)
		if gg == 0 {
			break
		}
		accepted := false
		var moved float64
		for eta > 1e-12 {
			next := make([]float64, len(theta))
			for p := range theta {
				next[p] = theta[p] - eta*g[p]
			}
			fn, mn, err := t.Objective(x, y, next)
			if err != nil {
				return nil, err
			}
			res.Evaluations++
			if fn <= f-1e-4*eta*gg {
				moved = eta * math.Sqrt(gg)
				theta, f, model = next, fn, mn
				accepted = true
				eta *= 1.5
				break
			}
			eta /= 2
		}
		if !accepted {
			break
		}
		res.History = append(res.History, TrainStep{it, slices.Clone(theta), f})
		if moved < o.Tol {
			break
		}
	}
	return t.finish(res, theta, f)
}

func (t *QuantumKernelTrainer) fitSPSA(x [][]float64, y []int, theta []float64, o TrainerOptions) (*TrainResult, error) {
	res := &TrainResult{}
	f, _, err := t.Objective(x, y, theta)
	if err != nil {
		return nil, err
	}
	res.Evaluations++
	res.History = append(res.History, TrainStep{0, slices.Clone(theta), f})
	// SPSA signals a failed evaluation by NaN; the error itself is kept here.
	var failed error
	objective := func(th []float64) float64 {
		v, _, err := t.Objective(x, y, th)
		res.Evaluations++
		if err != nil {
			failed = err
			return math.NaN()
		}
		return v
	}
	spsa := nn.SPSA{
		Iterations:   o.MaxIter,
		LearningRate: o.LearningRate,
		Perturbation: o.Perturbation,
		Stability:    float64(o.MaxIter) / 10,
		Seed:         o.Seed,
		Observe: func(step int, th []float64) {
			if failed == nil {
				res.History = append(res.History, TrainStep{step, slices.Clone(th), objective(th)})
			}
		},
	}
	out, err := spsa.Minimize(context.Background(), objective, theta)
	if failed != nil {
		return nil, failed
	}
	if err != nil {
		return nil, fmt.Errorf("kernels: train: %w", err)
	}
	return t.finish(res, out.X, out.F)
}

func (t *QuantumKernelTrainer) finish(res *TrainResult, theta []float64, f float64) (*TrainResult, error) {
	fm, err := AtParams(t.Map, theta)
	if err != nil {
		return nil, err
	}
	res.Theta, res.Objective, res.Map = theta, f, fm
	return res, nil
}

func dot(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
