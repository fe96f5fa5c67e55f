package nn

import (
	"context"
	"fmt"
	"math"
)

// FitResult summarises a training run scored on held-out data.
type FitResult struct {
	TrainLoss, TestLoss float64
	// TrainRMSE and TestRMSE are set for the MSE loss (NaN otherwise).
	TrainRMSE, TestRMSE float64
	// TrainAccuracy and TestAccuracy are set for cross-entropy (NaN otherwise).
	TrainAccuracy, TestAccuracy float64
	// Params is the number of trainable parameters.
	Params int
	// Seconds is the training wall time (scoring excluded).
	Seconds float64
	History *History
}

// Fit trains model on train with cfg and scores it on train and test.
func Fit(ctx context.Context, model Layer, train, test Dataset, cfg TrainConfig) (*FitResult, error) {
	h, err := Train(ctx, model, train, cfg)
	if err != nil {
		return nil, err
	}
	r := &FitResult{
		Params: NumParams(model), Seconds: h.Seconds, History: h,
		TrainRMSE: math.NaN(), TestRMSE: math.NaN(), TrainAccuracy: math.NaN(), TestAccuracy: math.NaN(),
	}
	for _, part := range []struct {
		name            string
		d               Dataset
		loss, rmse, acc *float64
	}{
		{"train", train, &r.TrainLoss, &r.TrainRMSE, &r.TrainAccuracy},
		{"test", test, &r.TestLoss, &r.TestRMSE, &r.TestAccuracy},
	} {
		pred, err := Predict(model, part.d.X)
		if err != nil {
			return nil, fmt.Errorf("nn: Fit: scoring %s: %w", part.name, err)
		}
		if *part.loss, _, err = cfg.Loss.Loss(pred, part.d.Y); err != nil {
			return nil, fmt.Errorf("nn: Fit: scoring %s: %w", part.name, err)
		}
		switch cfg.Loss.(type) {
		case MSE:
			*part.rmse = math.Sqrt(*part.loss)
		case SoftmaxCrossEntropy:
			if *part.acc, err = Accuracy(pred, part.d.Y); err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}
