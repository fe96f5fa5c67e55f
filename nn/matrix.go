package nn

import (
	"fmt"
	"math"
)

// Matrix is a dense row-major batch: Rows samples of Cols features each.
// Data has length Rows*Cols and element (i, j) is Data[i*Cols+j].
type Matrix struct {
	Rows, Cols int
	Data       []float64
}

// NewMatrix returns a zero rows×cols matrix for sizes the caller computed.
// Like make, it panics on a negative size (a programming error); use
// NewMatrixFrom to wrap data whose shape comes from input.
func NewMatrix(rows, cols int) *Matrix {
	if rows < 0 || cols < 0 {
		panic(fmt.Sprintf("nn: NewMatrix(%d, %d): negative size", rows, cols))
	}
	return &Matrix{Rows: rows, Cols: cols, Data: make([]float64, rows*cols)}
}

// NewMatrixFrom wraps data (not copied) as a rows×cols matrix.
func NewMatrixFrom(rows, cols int, data []float64) (*Matrix, error) {
	if rows <= 0 || cols <= 0 {
		return nil, fmt.Errorf("nn: matrix size %d×%d must be positive", rows, cols)
	}
	if len(data) != rows*cols {
		return nil, fmt.Errorf("nn: matrix %d×%d needs %d values, got %d", rows, cols, rows*cols, len(data))
	}
	return &Matrix{Rows: rows, Cols: cols, Data: data}, nil
}

// FromRows copies a slice of equally long rows into a Matrix.
func FromRows(rows [][]float64) (*Matrix, error) {
	if len(rows) == 0 || len(rows[0]) == 0 {
		return nil, fmt.Errorf("nn: FromRows needs at least one non-empty row")
	}
	cols := len(rows[0])
	m := NewMatrix(len(rows), cols)
	for i, r := range rows {
		if len(r) != cols {
			return nil, fmt.Errorf("nn: FromRows: row %d has %d values, row 0 has %d", i, len(r), cols)
		}
		copy(m.Data[i*cols:], r)
	}
	return m, nil
}

// At returns element (i, j).
func (m *Matrix) At(i, j int) float64 { return m.Data[i*m.Cols+j] }

// Set sets element (i, j).
func (m *Matrix) Set(i, j int, v float64) { m.Data[i*m.Cols+j] = v }

// Row returns row i as a view.
func (m *Matrix) Row(i int) []float64 { return m.Data[i*m.Cols : (i+1)*m.Cols] }

// Clone returns a deep copy.
func (m *Matrix) Clone() *Matrix {
	c := &Matrix{Rows: m.Rows, Cols: m.Cols, Data: make([]float64, len(m.Data))}
	copy(c.Data, m.Data)
	return c
}

// Gather returns the rows listed in idx, in that order, as a new matrix.
func (m *Matrix) Gather(idx []int) (*Matrix, error) {
	out := NewMatrix(len(idx), m.Cols)
	for k, i := range idx {
		if i < 0 || i >= m.Rows {
			return nil, fmt.Errorf("nn: Gather: index %d out of range [0, %d)", i, m.Rows)
		}
		copy(out.Data[k*m.Cols:], m.Row(i))
	}
	return out, nil
}

// Transpose returns mᵀ as a new matrix.
func (m *Matrix) Transpose() *Matrix {
	t := NewMatrix(m.Cols, m.Rows)
	for i := 0; i < m.Rows; i++ {
		for j := 0; j < m.Cols; j++ {
			t.Data[j*m.Rows+i] = m.Data[i*m.Cols+j]
		}
	}
	return t
}

// CheckLayerInput validates a layer input: non-nil, cols columns (any width
// when cols < 0), at least one row and finite values. Layers defined in other
// packages use it so every layer rejects bad batches the same way.
func CheckLayerInput(name string, x *Matrix, cols int) error {
	if x == nil {
		return fmt.Errorf("nn: %s: nil input", name)
	}
	if x.Rows <= 0 {
		return fmt.Errorf("nn: %s: input has %d rows", name, x.Rows)
	}
	if cols >= 0 && x.Cols != cols {
		return fmt.Errorf("nn: %s: input has %d columns, want %d", name, x.Cols, cols)
	}
	if len(x.Data) != x.Rows*x.Cols {
		return fmt.Errorf("nn: %s: input %d×%d has %d values", name, x.Rows, x.Cols, len(x.Data))
	}
	return CheckFinite(name, x)
}

// CheckFinite returns an error naming the first NaN or ±Inf entry of x.
func CheckFinite(name string, x *Matrix) error {
	for k, v := range x.Data {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("nn: %s: non-finite value %g at row %d, column %d", name, v, k/x.Cols, k%x.Cols)
		}
	}
	return nil
}

// CheckGradShape validates an upstream gradient against the cached forward
// output size of a layer.
func CheckGradShape(name string, g *Matrix, rows, cols int) error {
	if rows == 0 {
		return fmt.Errorf("nn: %s: Backward called before Forward", name)
	}
	if g == nil {
		return fmt.Errorf("nn: %s: nil upstream gradient", name)
	}
	if g.Rows != rows || g.Cols != cols || len(g.Data) != rows*cols {
		return fmt.Errorf("nn: %s: upstream gradient is %d×%d, want %d×%d", name, g.Rows, g.Cols, rows, cols)
	}
	return nil
}
