package nn

import (
	"fmt"
	"math"
)

// Loss scores a batch of predictions against targets and returns the mean
// loss with its gradient with respect to the predictions.
type Loss interface {
	Loss(pred, target *Matrix) (float64, *Matrix, error)
	String() string
}

// MSE is the mean squared error over all entries, Σ(p−t)²/(rows·cols), as
// PyTorch's MSELoss with mean reduction.
type MSE struct{}

// String names the loss.
func (MSE) String() string { return "mse" }

// Loss returns the mean squared error and its gradient.
func (MSE) Loss(pred, target *Matrix) (float64, *Matrix, error) {
	if pred == nil || target == nil {
		return 0, nil, fmt.Errorf("nn: MSE: nil matrix")
	}
	if pred.Rows != target.Rows || pred.Cols != target.Cols {
		return 0, nil, fmt.Errorf("nn: MSE: prediction %d×%d, target %d×%d", pred.Rows, pred.Cols, target.Rows, target.Cols)
	}
	n := float64(len(pred.Data))
	g := NewMatrix(pred.Rows, pred.Cols)
	var s float64
	for k, p := range pred.Data {
		d := p - target.Data[k]
		s += d * d
		g.Data[k] = 2 * d / n
	}
	return s / n, g, nil
}

// SoftmaxCrossEntropy is the mean over rows of −log softmax(pred)[label].
// The target is a single column holding each row's class index (0..Cols−1)
// as a float.
type SoftmaxCrossEntropy struct{}

// String names the loss.
func (SoftmaxCrossEntropy) String() string { return "softmax-cross-entropy" }

// Loss returns the mean cross-entropy and its gradient (softmax − onehot)/rows.
func (SoftmaxCrossEntropy) Loss(pred, target *Matrix) (float64, *Matrix, error) {
	if pred == nil || target == nil {
		return 0, nil, fmt.Errorf("nn: cross-entropy: nil matrix")
	}
	if target.Cols != 1 || target.Rows != pred.Rows {
		return 0, nil, fmt.Errorf("nn: cross-entropy: target is %d×%d, want %d×1 class indices", target.Rows, target.Cols, pred.Rows)
	}
	g := NewMatrix(pred.Rows, pred.Cols)
	n := float64(pred.Rows)
	var s float64
	for r := 0; r < pred.Rows; r++ {
		lab, err := classIndex(target.Data[r], pred.Cols)
		if err != nil {
			return 0, nil, fmt.Errorf("nn: cross-entropy: row %d: %w", r, err)
		}
		z := pred.Row(r)
		gr := g.Row(r)
		m := z[0]
		for _, v := range z {
			m = max(m, v)
		}
		var sum float64
		for c, v := range z {
			e := math.Exp(v - m)
			gr[c] = e
			sum += e
		}
		s += math.Log(sum) + m - z[lab]
		for c := range gr {
			gr[c] /= sum * n
		}
		gr[lab] -= 1 / n
	}
	return s / n, g, nil
}

func classIndex(v float64, classes int) (int, error) {
	c := int(v)
	if float64(c) != v || c < 0 || c >= classes {
		return 0, fmt.Errorf("label %g is not a class index in [0, %d)", v, classes)
	}
	return c, nil
}
