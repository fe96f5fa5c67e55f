package qml

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/kernels"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/statevec"
	"gonum.org/v1/gonum/optimize"
)

// VQCConfig configures the variational classifier.
type VQCConfig struct {
	// FeatureMap encodes inputs; nil means kernels.ZZFeatureMap(2, 2,
	// full), the map of the paper's ad hoc experiment.
	FeatureMap kernels.FeatureMap
	// Depth is the number of entangling layers l of W(θ); 0 means none
	// (one rotation layer). The paper trained l = 0 … 4.
	Depth int
	// Edges is the CZ graph; nil means all pairs.
	Edges [][2]int
	// Beta scales the margin in the logistic loss; 0 means 5.
	Beta float64
	// Restarts is the number of random initialisations (the lowest final
	// training loss wins); 0 means 4.
	Restarts int
	// Iterations bounds the L-BFGS major iterations per restart; 0 means 200.
	Iterations int
	// Seed fixes the initialisations.
	Seed uint64
}

func (c VQCConfig) withDefaults() VQCConfig {
	if c.FeatureMap == nil {
		c.FeatureMap = kernels.ZZFeatureMap(2, 2, kernels.Full)
	}
	if c.Beta == 0 {
		c.Beta = 5
	}
	if c.Restarts == 0 {
		c.Restarts = 4
	}
	if c.Iterations == 0 {
		c.Iterations = 200
	}
	return c
}

// VQC is Havlíček et al.'s variational quantum classifier: |Φ(x)⟩ from
// the feature map, then W(θ), read out as the parity f(x) = ⟨Z^{⊗n}⟩,
// with a trained bias b; the label is 1 when f(x) + b > 0 and 0
// otherwise. Training minimises the mean logistic loss
// log(1 + exp(−β·s·(f(x) + b))), s = ±1 for labels 1 and 0, which is
// cross-entropy with P(1|x) = σ(β(f + b)) — a smooth stand-in for the
// paper's error-probability surrogate — by L-BFGS on exact adjoint
// gradients, from several random starts.
type VQC struct {
	cfg   VQCConfig
	d     *Differentiable
	obs   pauli.Sum
	theta []float64
	bias  float64
	// TrainLoss is the final training loss of the best restart.
	TrainLoss float64
}

// NewVQC builds the classifier's circuit W(θ) on the feature map's qubits.
func NewVQC(cfg VQCConfig) (*VQC, error) {
	cfg = cfg.withDefaults()
	if !(cfg.Beta > 0) || math.IsInf(cfg.Beta, 0) || cfg.Restarts < 0 || cfg.Iterations < 0 {
		return nil, fmt.Errorf("qml: vqc: beta %v must be positive, restarts %d and iterations %d non-negative", cfg.Beta, cfg.Restarts, cfg.Iterations)
	}
	n := cfg.FeatureMap.NumQubits()
	if n < 1 {
		return nil, fmt.Errorf("qml: vqc: feature map has %d qubits", n)
	}
	c := circuits.New(n)
	qubits := make([]int, n)
	for i := range qubits {
		qubits[i] = i
	}
	if _, err := HavlicekAnsatz(c, qubits, cfg.Depth, cfg.Edges); err != nil {
		return nil, err
	}
	d, err := NewDifferentiable(c)
	if err != nil {
		return nil, err
	}
	parity, err := pauli.ZString(qubits...)
	if err != nil {
		return nil, err
	}
	return &VQC{cfg: cfg, d: d, obs: pauli.Sum{parity}}, nil
}

// NumParams is the number of trained values: the angles of W(θ) and the bias.
func (v *VQC) NumParams() int { return v.d.NumParams() + 1 }

// Theta returns a copy of the trained angles (nil before Fit).
func (v *VQC) Theta() []float64 { return slices.Clone(v.theta) }

// Bias returns the trained bias.
func (v *VQC) Bias() float64 { return v.bias }

// Encode runs the feature map on every input and returns the states.
func (v *VQC) Encode(X [][]float64) ([]*statevec.State, error) {
	states := make([]*statevec.State, len(X))
	for i, x := range X {
		c, err := v.cfg.FeatureMap.Circuit(x)
		if err != nil {
			return nil, fmt.Errorf("qml: vqc: sample %d: %w", i, err)
		}
		st, _, err := statevec.Simulator{}.RunState(c)
		if err != nil {
			return nil, fmt.Errorf("qml: vqc: sample %d: %w", i, err)
		}
		states[i] = st
	}
	return states, nil
}

// NewLoss returns the training loss on (X, y) as a function of
// (θ, b) — len NumParams, the bias last — for use with any optimiser.
func (v *VQC) NewLoss(X [][]float64, y []int) (*ClassifierLoss, error) {
	if len(X) == 0 || len(X) != len(y) {
		return nil, fmt.Errorf("qml: vqc: %d samples with %d labels", len(X), len(y))
	}
	signs := make([]float64, len(y))
	for i, l := range y {
		if l != 0 && l != 1 {
			return nil, fmt.Errorf("qml: vqc: label %d of sample %d is not 0 or 1", l, i)
		}
		signs[i] = float64(2*l - 1)
	}
	states, err := v.Encode(X)
	if err != nil {
		return nil, err
	}
	return &ClassifierLoss{d: v.d, obs: v.obs, states: states, signs: signs, beta: v.cfg.Beta}, nil
}

// Fit trains θ and b on inputs X with labels y ∈ {0, 1}.
func (v *VQC) Fit(ctx context.Context, X [][]float64, y []int) error {
	loss, err := v.NewLoss(X, y)
	if err != nil {
		return err
	}
	np := v.NumParams()
	best := math.Inf(1)
	for r := 0; r < v.cfg.Restarts; r++ {
		rng := rand.New(rand.NewPCG(v.cfg.Seed, uint64(r)))
		x0 := make([]float64, np)
		for i := 0; i < np-1; i++ {
			x0[i] = 2*math.Pi*rng.Float64() - math.Pi
		}
		p := Problem(loss)
		status := p.Status
		p.Status = func() (optimize.Status, error) {
			if err := ctx.Err(); err != nil {
				return optimize.Failure, err
			}
			return status()
		}
		res, err := optimize.Minimize(p, x0, &optimize.Settings{MajorIterations: v.cfg.Iterations, GradientThreshold: 1e-9},
			&optimize.LBFGS{Linesearcher: &optimize.MoreThuente{}})
		if err := ctx.Err(); err != nil {
			return err
		}
		if lerr := loss.Err(); lerr != nil {
			return fmt.Errorf("qml: vqc: restart %d: %w", r, lerr)
		}
		// A line search that can no longer make progress ends a run at a
		// usable point; anything else is a failure.
		if err != nil && !errors.Is(err, optimize.ErrLinesearcherFailure) && !errors.Is(err, optimize.ErrNoProgress) {
			return fmt.Errorf("qml: vqc: restart %d: %w", r, err)
		}
		if res == nil {
			return fmt.Errorf("qml: vqc: restart %d returned no result", r)
		}
		if res.F < best {
			best = res.F
			v.theta = slices.Clone(res.X[:np-1])
			v.bias = res.X[np-1]
		}
	}
	if v.theta == nil {
		return fmt.Errorf("qml: vqc: no restart produced a model (restarts = %d)", v.cfg.Restarts)
	}
	v.TrainLoss = best
	return nil
}

// Decision returns f(x) + b for every input.
func (v *VQC) Decision(X [][]float64) ([]float64, error) {
	if v.theta == nil {
		return nil, errors.New("qml: vqc: not trained; call Fit first")
	}
	states, err := v.Encode(X)
	if err != nil {
		return nil, err
	}
	f, err := v.d.Expectations(v.theta, v.obs, states)
	if err != nil {
		return nil, err
	}
	for i := range f {
		f[i] += v.bias
	}
	return f, nil
}

// Predict returns labels: 1 where f(x) + b > 0, else 0.
func (v *VQC) Predict(X [][]float64) ([]int, error) {
	dec, err := v.Decision(X)
	if err != nil {
		return nil, err
	}
	out := make([]int, len(dec))
	for i, m := range dec {
		if m > 0 {
			out[i] = 1
		}
	}
	return out, nil
}

// Score returns the accuracy on (X, y).
func (v *VQC) Score(X [][]float64, y []int) (float64, error) {
	if len(X) != len(y) || len(X) == 0 {
		return 0, fmt.Errorf("qml: vqc: %d samples with %d labels", len(X), len(y))
	}
	pred, err := v.Predict(X)
	if err != nil {
		return 0, err
	}
	right := 0
	for i, p := range pred {
		if p == y[i] {
			right++
		}
	}
	return float64(right) / float64(len(y)), nil
}
