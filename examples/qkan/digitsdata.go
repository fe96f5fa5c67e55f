package qkan

import (
	"fmt"

	"github.com/qmlkit/qmlkit/datasets"
	"github.com/qmlkit/qmlkit/nn"
)

const (
	digitsFeatures = 64
	// digitsMaxPixel is the largest pixel value (4×4 blocks of 0/1 pixels).
	digitsMaxPixel = 16
)

// loadDigits returns the 8×8 digits with pixels scaled to [0, 1] and the labels.
func loadDigits() (*nn.Matrix, []int, error) {
	d, err := datasets.Digits()
	if err != nil {
		return nil, nil, err
	}
	x := nn.NewMatrix(len(d.X), digitsFeatures)
	for i, row := range d.X {
		if len(row) != digitsFeatures {
			return nil, nil, fmt.Errorf("digits: row %d has %d pixels, want %d", i, len(row), digitsFeatures)
		}
		for j, v := range row {
			x.Data[i*digitsFeatures+j] = v / digitsMaxPixel
		}
	}
	return x, d.Y, nil
}
