package ml

import (
	"fmt"
	"math"
)

// StandardScaler centres each column on its training mean and divides by its
// population standard deviation (scikit-learn's StandardScaler).
type StandardScaler struct {
	Mean, Scale []float64
}

// FitStandardScaler learns per-column means and standard deviations from X.
// A column is treated as constant, and given Scale 1 so that it maps to 0
// rather than to NaN, when its variance is within floating-point error of
// zero: var ≤ n·ε·var + (n·ε·mean)², scikit-learn's test.
func FitStandardScaler(X [][]float64) (*StandardScaler, error) {
	n, d, err := CheckMatrix(X, "X")
	if err != nil {
		return nil, fmt.Errorf("ml: FitStandardScaler: %w", err)
	}
	s := &StandardScaler{Mean: make([]float64, d), Scale: make([]float64, d)}
	fn := float64(n)
	for j := range d {
		var sum float64
		for _, row := range X {
			sum += row[j]
		}
		mean := sum / fn
		var ss float64
		for _, row := range X {
			ss += (row[j] - mean) * (row[j] - mean)
		}
		variance := ss / fn
		s.Mean[j] = mean
		if variance <= fn*eps*variance+(fn*mean*eps)*(fn*mean*eps) {
			s.Scale[j] = 1
		} else {
			s.Scale[j] = math.Sqrt(variance)
		}
	}
	return s, nil
}

const eps = 0x1p-52 // float64 machine epsilon

// Transform returns (X − Mean)/Scale column by column.
func (s *StandardScaler) Transform(X [][]float64) ([][]float64, error) {
	if err := checkWidth(X, "X", len(s.Mean)); err != nil {
		return nil, fmt.Errorf("ml: StandardScaler.Transform: %w", err)
	}
	return mapColumns(X, func(j int, v float64) float64 { return (v - s.Mean[j]) / s.Scale[j] }), nil
}

// InverseTransform returns Z·Scale + Mean column by column.
func (s *StandardScaler) InverseTransform(Z [][]float64) ([][]float64, error) {
	if err := checkWidth(Z, "Z", len(s.Mean)); err != nil {
		return nil, fmt.Errorf("ml: StandardScaler.InverseTransform: %w", err)
	}
	return mapColumns(Z, func(j int, v float64) float64 { return v*s.Scale[j] + s.Mean[j] }), nil
}

// MinMaxScaler maps each column's training range [DataMin, DataMax] affinely
// onto [Low, High] (scikit-learn's MinMaxScaler with feature_range). Values
// outside the training range map linearly outside [Low, High]; nothing is
// clipped.
type MinMaxScaler struct {
	DataMin, DataMax []float64
	Low, High        float64
	// scale and offset implement x·scale + offset, scikit-learn's formula.
	scale, offset []float64
}

// FitMinMaxScaler learns each column's minimum and maximum from X, for the
// target range [low, high] (low < high). A constant column has its range
// taken as 1, as scikit-learn does, so its training value maps to low.
func FitMinMaxScaler(X [][]float64, low, high float64) (*MinMaxScaler, error) {
	if !(low < high) || math.IsInf(low, 0) || math.IsInf(high, 0) {
		return nil, fmt.Errorf("ml: FitMinMaxScaler: need finite low < high, got [%v, %v]", low, high)
	}
	_, d, err := CheckMatrix(X, "X")
	if err != nil {
		return nil, fmt.Errorf("ml: FitMinMaxScaler: %w", err)
	}
	s := &MinMaxScaler{
		DataMin: make([]float64, d), DataMax: make([]float64, d),
		Low: low, High: high,
		scale: make([]float64, d), offset: make([]float64, d),
	}
	for j := range d {
		lo, hi := X[0][j], X[0][j]
		for _, row := range X {
			lo, hi = math.Min(lo, row[j]), math.Max(hi, row[j])
		}
		s.DataMin[j], s.DataMax[j] = lo, hi
		dataRange := hi - lo
		if dataRange < 10*eps {
			dataRange = 1
		}
		s.scale[j] = (high - low) / dataRange
		s.offset[j] = low - lo*s.scale[j]
	}
	return s, nil
}

// Transform maps X into the target range using the training extremes.
func (s *MinMaxScaler) Transform(X [][]float64) ([][]float64, error) {
	if err := checkWidth(X, "X", len(s.scale)); err != nil {
		return nil, fmt.Errorf("ml: MinMaxScaler.Transform: %w", err)
	}
	return mapColumns(X, func(j int, v float64) float64 { return v*s.scale[j] + s.offset[j] }), nil
}

// InverseTransform undoes Transform.
func (s *MinMaxScaler) InverseTransform(Z [][]float64) ([][]float64, error) {
	if err := checkWidth(Z, "Z", len(s.scale)); err != nil {
		return nil, fmt.Errorf("ml: MinMaxScaler.InverseTransform: %w", err)
	}
	return mapColumns(Z, func(j int, v float64) float64 { return (v - s.offset[j]) / s.scale[j] }), nil
}

func mapColumns(X [][]float64, f func(j int, v float64) float64) [][]float64 {
	out := make([][]float64, len(X))
	for i, row := range X {
		r := make([]float64, len(row))
		for j, v := range row {
			r[j] = f(j, v)
		}
		out[i] = r
	}
	return out
}
