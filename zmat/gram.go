package zmat

import "fmt"

// gramBlockRows bounds the rows of A multiplied at once, so the temporary complex block stays
// at gramBlockRows × b.Rows and the symmetric Gram matrix skips most of its lower triangle.
const gramBlockRows = 128

// GramAbs2 fills dst (row-major, a.Rows×b.Rows) with dst[i*b.Rows+j] = |⟨b_j|a_i⟩|² =
// |Σ_k a(i,k)·conj(b(j,k))|², the fidelity-kernel matrix of the states stored as the rows of a and
// b. a and b must have the same number of columns. Use GramAbs2Symmetric when a and b are the
// same states: it does about half the work and returns an exactly symmetric matrix.
// Besides dst it allocates one real plane the size of b and, per block of 128 rows of a, a plane of
// those rows and three 128×b.Rows planes.
func GramAbs2(dst []float64, a, b *Planar) error {
	if err := checkGram(dst, a, b); err != nil {
		return fmt.Errorf("zmat: GramAbs2: %w", err)
	}
	n := b.Rows
	sumB := planeSum(b, -1)
	for i0 := 0; i0 < a.Rows; i0 += gramBlockRows {
		i1 := min(i0+gramBlockRows, a.Rows)
		ab := a.rowView(i0, i1)
		blk := newPlanar(i1-i0, n)
		productNT(blk, ab, planeSum(ab, 1), b, sumB, -1)
		abs2Into(dst[i0*n:i1*n], blk)
	}
	return nil
}

// GramAbs2Symmetric fills dst (row-major, a.Rows×a.Rows) with dst[i*a.Rows+j] = |⟨a_j|a_i⟩|².
// Only blocks on or above the diagonal are multiplied; the lower triangle is copied from the
// upper one, so dst is exactly symmetric. The diagonal holds ‖a_i‖⁴ (1 for normalised states).
func GramAbs2Symmetric(dst []float64, a *Planar) error {
	if err := checkGram(dst, a, a); err != nil {
		return fmt.Errorf("zmat: GramAbs2Symmetric: %w", err)
	}
	m := a.Rows
	sumA := planeSum(a, 1)
	sumH := planeSum(a, -1)
	for i0 := 0; i0 < m; i0 += gramBlockRows {
		i1 := min(i0+gramBlockRows, m)
		rows := a.rowView(i0, i1)
		right := a.rowView(i0, m)
		blk := newPlanar(i1-i0, m-i0)
		productNT(blk, rows, sumA[i0*a.Cols:i1*a.Cols], right, sumH[i0*a.Cols:], -1)
		for i := i0; i < i1; i++ {
			re := blk.Re[(i-i0)*blk.Stride : (i-i0+1)*blk.Stride]
			im := blk.Im[(i-i0)*blk.Stride : (i-i0+1)*blk.Stride]
			for j := i; j < m; j++ {
				v := re[j-i0]*re[j-i0] + im[j-i0]*im[j-i0]
				dst[i*m+j] = v
				dst[j*m+i] = v
			}
		}
	}
	return nil
}

func checkGram(dst []float64, a, b *Planar) error {
	if err := a.validate("a"); err != nil {
		return err
	}
	if err := b.validate("b"); err != nil {
		return err
	}
	if a.Cols != b.Cols {
		return fmt.Errorf("%w: a has %d columns, b has %d", ErrShape, a.Cols, b.Cols)
	}
	if len(dst) != a.Rows*b.Rows {
		return fmt.Errorf("%w: dst has length %d, want %d×%d = %d", ErrShape, len(dst), a.Rows, b.Rows, a.Rows*b.Rows)
	}
	for _, p := range [][]float64{a.Re, a.Im, b.Re, b.Im} {
		if overlaps(dst, p) {
			return fmt.Errorf("%w: dst shares storage with an input plane", ErrShape)
		}
	}
	if err := a.checkFinite("a"); err != nil {
		return err
	}
	if b != a {
		if err := b.checkFinite("b"); err != nil {
			return err
		}
	}
	return nil
}

// rowView returns rows [i0, i1) of p, sharing storage.
func (p *Planar) rowView(i0, i1 int) *Planar {
	lo, hi := i0*p.Stride, (i1-1)*p.Stride+p.Cols
	return &Planar{Rows: i1 - i0, Cols: p.Cols, Stride: p.Stride, Re: p.Re[lo:hi:hi], Im: p.Im[lo:hi:hi]}
}

// abs2Into writes |c(i,j)|² row by row into dst (contiguous, c.Rows×c.Cols).
func abs2Into(dst []float64, c *Planar) {
	for i := range c.Rows {
		re := c.Re[i*c.Stride : i*c.Stride+c.Cols]
		im := c.Im[i*c.Stride : i*c.Stride+c.Cols]
		d := dst[i*c.Cols : (i+1)*c.Cols]
		for j := range d {
			d[j] = re[j]*re[j] + im[j]*im[j]
		}
	}
}
