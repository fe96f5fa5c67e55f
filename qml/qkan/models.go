package qkan

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/nn"
)

// ModelKind names a model family trained by Run.
type ModelKind string

const (
	// QKANModel is a QKAN network (DARUAN edges).
	QKANModel ModelKind = "qkan"
	// KANModel is a B-spline KAN (Liu et al.).
	KANModel ModelKind = "kan"
	// FourierKANModel is a Fourier-series KAN.
	FourierKANModel ModelKind = "fourier-kan"
	// MLPModel is a multilayer perceptron.
	MLPModel ModelKind = "mlp"
)

// ModelSpec describes a model so QKAN and its classical twins are built and
// trained the same way.
type ModelSpec struct {
	Kind   ModelKind
	Widths []int
	// QKAN is the layer template for QKANModel (In, Out and Seed are set per
	// layer from Widths and Seed).
	QKAN LayerConfig
	// KAN is the spline grid of KANModel.
	KAN nn.BSplineConfig
	// FourierGrid is the number of frequencies G of FourierKANModel.
	FourierGrid int
	// Activation is the MLP nonlinearity.
	Activation nn.Activation
	// Seed drives the initialisation.
	Seed uint64
}

// Build constructs the model.
func (s ModelSpec) Build() (nn.Layer, error) {
	rng := rand.New(rand.NewPCG(s.Seed, 0xb11d))
	switch s.Kind {
	case QKANModel:
		cfg := s.QKAN
		cfg.Seed = s.Seed
		return NewNetwork(s.Widths, cfg)
	case KANModel:
		return nn.NewKAN(s.Widths, s.KAN, rng)
	case FourierKANModel:
		return nn.NewFourierKANNet(s.Widths, s.FourierGrid, rng)
	case MLPModel:
		return nn.NewMLP(s.Widths, s.Activation, rng)
	}
	return nil, fmt.Errorf("qkan: unknown model kind %q", s.Kind)
}

// Run builds the model of spec, trains it on train with cfg (Adam or
// full-batch L-BFGS, same loop for every kind) and scores it on test: test
// RMSE for the MSE loss, accuracy for cross-entropy, the trainable
// parameter count and the training seconds.
func Run(ctx context.Context, spec ModelSpec, train, test nn.Dataset, cfg nn.TrainConfig) (*nn.FitResult, error) {
	m, err := spec.Build()
	if err != nil {
		return nil, err
	}
	res, err := nn.Fit(ctx, m, train, test, cfg)
	if err != nil {
		return nil, fmt.Errorf("qkan: %s %v: %w", spec.Kind, spec.Widths, err)
	}
	return res, nil
}
