package zmat

import (
	"fmt"
	"math"
	"math/cmplx"
)

// Dense is a row-major complex matrix: element (i, j) is Data[i*Stride+j].
// Stride ≥ Cols lets a Dense be a view into a larger matrix (see Slice).
// The zero value is not a valid matrix; use New, FromSlice or Identity.
type Dense struct {
	Rows, Cols, Stride int
	Data               []complex128
}

// New returns a zeroed rows×cols matrix.
func New(rows, cols int) (*Dense, error) {
	if rows < 1 || cols < 1 {
		return nil, fmt.Errorf("zmat: New: %w: size %d×%d, need at least 1×1", ErrShape, rows, cols)
	}
	return newDense(rows, cols), nil
}

// newDense is New for sizes the package has already checked.
func newDense(rows, cols int) *Dense {
	return &Dense{Rows: rows, Cols: cols, Stride: cols, Data: make([]complex128, rows*cols)}
}

// FromSlice returns a rows×cols matrix holding a copy of data, read row by row.
func FromSlice(rows, cols int, data []complex128) (*Dense, error) {
	if rows < 1 || cols < 1 {
		return nil, fmt.Errorf("zmat: FromSlice: %w: size %d×%d, need at least 1×1", ErrShape, rows, cols)
	}
	if len(data) != rows*cols {
		return nil, fmt.Errorf("zmat: FromSlice: %w: %d×%d needs %d values, got %d", ErrShape, rows, cols, rows*cols, len(data))
	}
	d := newDense(rows, cols)
	copy(d.Data, data)
	return d, nil
}

// Identity returns the n×n identity matrix.
func Identity(n int) (*Dense, error) {
	if n < 1 {
		return nil, fmt.Errorf("zmat: Identity: %w: size %d, need at least 1", ErrShape, n)
	}
	return identity(n, n), nil
}

// identity returns the rows×cols matrix with ones on the main diagonal.
func identity(rows, cols int) *Dense {
	d := newDense(rows, cols)
	for i := range min(rows, cols) {
		d.Data[i*cols+i] = 1
	}
	return d
}

// At returns element (i, j).
func (d *Dense) At(i, j int) (complex128, error) {
	if err := d.checkIndex(i, j); err != nil {
		return 0, fmt.Errorf("zmat: At: %w", err)
	}
	return d.Data[i*d.Stride+j], nil
}

// Set stores v at element (i, j).
func (d *Dense) Set(i, j int, v complex128) error {
	if err := d.checkIndex(i, j); err != nil {
		return fmt.Errorf("zmat: Set: %w", err)
	}
	d.Data[i*d.Stride+j] = v
	return nil
}

func (d *Dense) checkIndex(i, j int) error {
	if err := d.validate("matrix"); err != nil {
		return err
	}
	if i < 0 || i >= d.Rows || j < 0 || j >= d.Cols {
		return fmt.Errorf("%w: index (%d, %d) outside %d×%d", ErrIndex, i, j, d.Rows, d.Cols)
	}
	return nil
}

// Row returns row i as a slice sharing d's storage.
func (d *Dense) Row(i int) ([]complex128, error) {
	if err := d.checkIndex(i, 0); err != nil {
		return nil, fmt.Errorf("zmat: Row: %w", err)
	}
	return d.row(i), nil
}

func (d *Dense) row(i int) []complex128 {
	return d.Data[i*d.Stride : i*d.Stride+d.Cols : i*d.Stride+d.Cols]
}

// Copy returns a contiguous (Stride == Cols) deep copy of d.
func (d *Dense) Copy() (*Dense, error) {
	if err := d.validate("matrix"); err != nil {
		return nil, fmt.Errorf("zmat: Copy: %w", err)
	}
	return d.clone(), nil
}

func (d *Dense) clone() *Dense {
	c := newDense(d.Rows, d.Cols)
	for i := range d.Rows {
		copy(c.row(i), d.row(i))
	}
	return c
}

// ConjTranspose returns the conjugate transpose Dᴴ as a new matrix.
func (d *Dense) ConjTranspose() (*Dense, error) {
	if err := d.validate("matrix"); err != nil {
		return nil, fmt.Errorf("zmat: ConjTranspose: %w", err)
	}
	return d.conjTranspose(), nil
}

// conjTranspose works in tiles so that both the reads and the writes stay in cache.
func (d *Dense) conjTranspose() *Dense {
	const tile = 32
	t := newDense(d.Cols, d.Rows)
	for i0 := 0; i0 < d.Rows; i0 += tile {
		i1 := min(i0+tile, d.Rows)
		for j0 := 0; j0 < d.Cols; j0 += tile {
			j1 := min(j0+tile, d.Cols)
			for i := i0; i < i1; i++ {
				src := d.Data[i*d.Stride : i*d.Stride+j1]
				for j := j0; j < j1; j++ {
					t.Data[j*t.Stride+i] = cmplx.Conj(src[j])
				}
			}
		}
	}
	return t
}

// Slice returns the view of rows [i0, i1) and columns [j0, j1) of d. The view shares storage
// with d: writes through one are seen by the other.
func (d *Dense) Slice(i0, i1, j0, j1 int) (*Dense, error) {
	if err := d.validate("matrix"); err != nil {
		return nil, fmt.Errorf("zmat: Slice: %w", err)
	}
	if i0 < 0 || i1 > d.Rows || i0 >= i1 || j0 < 0 || j1 > d.Cols || j0 >= j1 {
		return nil, fmt.Errorf("zmat: Slice: %w: rows [%d, %d) and columns [%d, %d) do not select a non-empty part of %d×%d",
			ErrIndex, i0, i1, j0, j1, d.Rows, d.Cols)
	}
	end := (i1-1)*d.Stride + j1
	return &Dense{Rows: i1 - i0, Cols: j1 - j0, Stride: d.Stride, Data: d.Data[i0*d.Stride+j0 : end : end]}, nil
}

// FrobeniusNorm returns ‖D‖_F, computed without overflow or underflow in the squares.
func (d *Dense) FrobeniusNorm() (float64, error) {
	if err := d.validate("matrix"); err != nil {
		return 0, fmt.Errorf("zmat: FrobeniusNorm: %w", err)
	}
	var acc scaledSumSq
	for i := range d.Rows {
		acc.addComplex(d.row(i))
	}
	return acc.norm(), nil
}

// validate checks that d describes a usable matrix; name says which argument it is.
func (d *Dense) validate(name string) error {
	switch {
	case d == nil:
		return fmt.Errorf("%w: %s is nil", ErrShape, name)
	case d.Rows < 1 || d.Cols < 1:
		return fmt.Errorf("%w: %s has size %d×%d, need at least 1×1", ErrShape, name, d.Rows, d.Cols)
	case d.Stride < d.Cols:
		return fmt.Errorf("%w: %s has stride %d < %d columns", ErrShape, name, d.Stride, d.Cols)
	case len(d.Data) < (d.Rows-1)*d.Stride+d.Cols:
		return fmt.Errorf("%w: %s (%d×%d, stride %d) needs %d values, has %d",
			ErrShape, name, d.Rows, d.Cols, d.Stride, (d.Rows-1)*d.Stride+d.Cols, len(d.Data))
	}
	return nil
}

// checkFinite reports the first NaN or infinite element of d.
func (d *Dense) checkFinite(name string) error {
	for i := range d.Rows {
		for j, v := range d.row(i) {
			if math.IsNaN(real(v)) || math.IsNaN(imag(v)) || math.IsInf(real(v), 0) || math.IsInf(imag(v), 0) {
				return fmt.Errorf("%w: %s(%d, %d) = %v", ErrNotFinite, name, i, j, v)
			}
		}
	}
	return nil
}

func (d *Dense) dims() (rows, cols int) { return d.Rows, d.Cols }
