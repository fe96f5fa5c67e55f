package zmat

import (
	"fmt"
	"math"
)

// Planar is a complex matrix stored as two real row-major planes: element (i, j) is
// complex(Re[i*Stride+j], Im[i*Stride+j]). It is the layout the real BLAS works on, so callers that
// keep many states as separate real and imaginary parts (the kernel package) hand them to
// PlanarMul, PlanarMulConjTrans and GramAbs2 without any conversion.
type Planar struct {
	Rows, Cols, Stride int
	Re, Im             []float64
}

// NewPlanar returns a zeroed rows×cols planar matrix.
func NewPlanar(rows, cols int) (*Planar, error) {
	if rows < 1 || cols < 1 {
		return nil, fmt.Errorf("zmat: NewPlanar: %w: size %d×%d, need at least 1×1", ErrShape, rows, cols)
	}
	return newPlanar(rows, cols), nil
}

func newPlanar(rows, cols int) *Planar {
	return &Planar{Rows: rows, Cols: cols, Stride: cols, Re: make([]float64, rows*cols), Im: make([]float64, rows*cols)}
}

// ToPlanar returns a contiguous planar copy of d.
func (d *Dense) ToPlanar() (*Planar, error) {
	if err := d.validate("matrix"); err != nil {
		return nil, fmt.Errorf("zmat: ToPlanar: %w", err)
	}
	p := newPlanar(d.Rows, d.Cols)
	splitInto(p, d)
	return p, nil
}

// ToDense returns a contiguous interleaved copy of p.
func (p *Planar) ToDense() (*Dense, error) {
	if err := p.validate("matrix"); err != nil {
		return nil, fmt.Errorf("zmat: ToDense: %w", err)
	}
	d := newDense(p.Rows, p.Cols)
	joinInto(d, p)
	return d, nil
}

// splitInto copies d into p, which has the same shape.
func splitInto(p *Planar, d *Dense) {
	for i := range d.Rows {
		src := d.row(i)
		re := p.Re[i*p.Stride : i*p.Stride+len(src)]
		im := p.Im[i*p.Stride : i*p.Stride+len(src)]
		for j, z := range src {
			re[j] = real(z)
			im[j] = imag(z)
		}
	}
}

// joinInto copies p into d, which has the same shape.
func joinInto(d *Dense, p *Planar) {
	for i := range d.Rows {
		dst := d.row(i)
		re := p.Re[i*p.Stride : i*p.Stride+len(dst)]
		im := p.Im[i*p.Stride : i*p.Stride+len(dst)]
		for j := range dst {
			dst[j] = complex(re[j], im[j])
		}
	}
}

func (p *Planar) validate(name string) error {
	switch {
	case p == nil:
		return fmt.Errorf("%w: %s is nil", ErrShape, name)
	case p.Rows < 1 || p.Cols < 1:
		return fmt.Errorf("%w: %s has size %d×%d, need at least 1×1", ErrShape, name, p.Rows, p.Cols)
	case p.Stride < p.Cols:
		return fmt.Errorf("%w: %s has stride %d < %d columns", ErrShape, name, p.Stride, p.Cols)
	}
	need := (p.Rows-1)*p.Stride + p.Cols
	if len(p.Re) < need || len(p.Im) < need {
		return fmt.Errorf("%w: %s (%d×%d, stride %d) needs %d values per plane, has Re %d, Im %d",
			ErrShape, name, p.Rows, p.Cols, p.Stride, need, len(p.Re), len(p.Im))
	}
	return nil
}

func (p *Planar) checkFinite(name string) error {
	for i := range p.Rows {
		for j := range p.Cols {
			re, im := p.Re[i*p.Stride+j], p.Im[i*p.Stride+j]
			if math.IsNaN(re) || math.IsNaN(im) || math.IsInf(re, 0) || math.IsInf(im, 0) {
				return fmt.Errorf("%w: %s(%d, %d) = %v", ErrNotFinite, name, i, j, complex(re, im))
			}
		}
	}
	return nil
}

func (p *Planar) dims() (rows, cols int) { return p.Rows, p.Cols }
