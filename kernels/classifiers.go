package kernels

import (
	"errors"
	"fmt"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/qmlkit/qmlkit/ml"
	"github.com/qmlkit/qmlkit/svm"
)

// RBFKernel is the classical Gaussian kernel exp(−γ‖x − y‖²) of
// scikit-learn (svm.RBF), as a Kernel for side-by-side comparisons.
type RBFKernel struct {
	Gamma float64
}

// NewRBFScale returns the RBF kernel with scikit-learn's gamma="scale",
// 1/(n_features·Var(X)), computed from the training samples.
func NewRBFScale(xTrain [][]float64) (RBFKernel, error) {
	g, err := svm.GammaScale(xTrain)
	if err != nil {
		return RBFKernel{}, fmt.Errorf("kernels: %w", err)
	}
	return RBFKernel{Gamma: g}, nil
}

// Matrix returns K(x, y), or K(x, x) when y is nil.
func (r RBFKernel) Matrix(x, y [][]float64) (*mat.Dense, error) {
	if y == nil {
		y = x
	}
	return svm.RBF(x, y, r.Gamma)
}

// QSVC is a C-SVC on the Gram matrix of any Kernel (Qiskit's QSVC): Fit
// computes K(X, X) and trains svm.Fit; Predict computes K(x, X). With an
// RBFKernel it is the classical baseline, so a comparison is the same code
// twice.
type QSVC struct {
	Kernel Kernel
	// C is the box constraint; 0 means 1.
	C float64
	// SVM are the solver options (nil: LIBSVM's defaults).
	SVM *svm.Options
	// Model is the trained SVM; TrainKernel the training Gram matrix.
	Model       *svm.Model
	TrainKernel *mat.Dense
	train       [][]float64
}

// NewQSVC returns an untrained classifier.
func NewQSVC(k Kernel, c float64) *QSVC { return &QSVC{Kernel: k, C: c} }

func (q *QSVC) c() float64 {
	if q.C == 0 {
		return 1
	}
	return q.C
}

// Fit trains on samples x with labels y.
func (q *QSVC) Fit(x [][]float64, y []int) error {
	if q.Kernel == nil {
		return errors.New("kernels: QSVC has no kernel")
	}
	k, err := q.Kernel.Matrix(x, nil)
	if err != nil {
		return fmt.Errorf("kernels: QSVC training kernel: %w", err)
	}
	m, err := svm.Fit(k, y, q.c(), q.SVM)
	if err != nil {
		return fmt.Errorf("kernels: QSVC: %w", err)
	}
	q.Model, q.TrainKernel, q.train = m, k, x
	return nil
}

func (q *QSVC) testKernel(x [][]float64) (*mat.Dense, error) {
	if q.Model == nil {
		return nil, errors.New("kernels: QSVC is not fitted")
	}
	k, err := q.Kernel.Matrix(x, q.train)
	if err != nil {
		return nil, fmt.Errorf("kernels: QSVC test kernel: %w", err)
	}
	return k, nil
}

// DecisionFunction returns the decision values of each sample, one per
// class pair (svm.Model.DecisionFunction).
func (q *QSVC) DecisionFunction(x [][]float64) ([][]float64, error) {
	k, err := q.testKernel(x)
	if err != nil {
		return nil, err
	}
	return q.Model.DecisionFunction(k)
}

// Predict returns the predicted label of each sample.
func (q *QSVC) Predict(x [][]float64) ([]int, error) {
	k, err := q.testKernel(x)
	if err != nil {
		return nil, err
	}
	return q.Model.Predict(k)
}

// Score returns the accuracy on x, y.
func (q *QSVC) Score(x [][]float64, y []int) (float64, error) {
	pred, err := q.Predict(x)
	if err != nil {
		return 0, err
	}
	return ml.Accuracy(y, pred)
}

// Objective returns the dual objective Σα − ½ΣααyyK of the trained binary
// SVM (the sum over class pairs for more classes).
func (q *QSVC) Objective() float64 {
	if q.Model == nil {
		return 0
	}
	var s float64
	for _, p := range q.Model.Pairs {
		s += p.Objective
	}
	return s
}

// Report is what FitScore measures.
type Report struct {
	TrainAccuracy, TestAccuracy float64
	// DualObjective is QSVC.Objective after training.
	DualObjective float64
	// Seconds is the wall time of kernels, training and prediction.
	Seconds float64
}

// FitScore trains a C-SVC with kernel k and box constraint c on the
// training set and scores it on both sets: the one-liner behind every
// QSVM-versus-SVM table.
func FitScore(k Kernel, c float64, xTrain [][]float64, yTrain []int, xTest [][]float64, yTest []int) (Report, error) {
	start := time.Now()
	q := NewQSVC(k, c)
	if err := q.Fit(xTrain, yTrain); err != nil {
		return Report{}, err
	}
	trainPred, err := q.Model.Predict(q.TrainKernel)
	if err != nil {
		return Report{}, err
	}
	trainAcc, err := ml.Accuracy(yTrain, trainPred)
	if err != nil {
		return Report{}, err
	}
	testAcc, err := q.Score(xTest, yTest)
	if err != nil {
		return Report{}, err
	}
	return Report{TrainAccuracy: trainAcc, TestAccuracy: testAcc, DualObjective: q.Objective(), Seconds: time.Since(start).Seconds()}, nil
}

// PegasosQSVC is qiskit-machine-learning's PegasosQSVC: a binary kernel SVM
// trained by Pegasos sub-gradient steps (svm.FitPegasos) on the Gram matrix
// of Kernel.
type PegasosQSVC struct {
	Kernel Kernel
	// C is the regularisation constant (Qiskit's default 1; 0 means 1).
	C float64
	// Steps is the number of iterations (Qiskit's num_steps, default 1000;
	// 0 means 1000).
	Steps int
	Seed  uint64
	Model *svm.PegasosModel
	train [][]float64
}

// Fit trains on x, y.
func (p *PegasosQSVC) Fit(x [][]float64, y []int) error {
	if p.Kernel == nil {
		return errors.New("kernels: PegasosQSVC has no kernel")
	}
	k, err := p.Kernel.Matrix(x, nil)
	if err != nil {
		return fmt.Errorf("kernels: PegasosQSVC training kernel: %w", err)
	}
	c, steps := p.C, p.Steps
	if c == 0 {
		c = 1
	}
	if steps == 0 {
		steps = 1000
	}
	m, err := svm.FitPegasos(k, y, c, steps, p.Seed)
	if err != nil {
		return fmt.Errorf("kernels: PegasosQSVC: %w", err)
	}
	p.Model, p.train = m, x
	return nil
}

// Predict returns the predicted labels of x.
func (p *PegasosQSVC) Predict(x [][]float64) ([]int, error) {
	if p.Model == nil {
		return nil, errors.New("kernels: PegasosQSVC is not fitted")
	}
	k, err := p.Kernel.Matrix(x, p.train)
	if err != nil {
		return nil, fmt.Errorf("kernels: PegasosQSVC test kernel: %w", err)
	}
	return p.Model.Predict(k)
}

// Score returns the accuracy on x, y.
func (p *PegasosQSVC) Score(x [][]float64, y []int) (float64, error) {
	pred, err := p.Predict(x)
	if err != nil {
		return 0, err
	}
	return ml.Accuracy(y, pred)
}
