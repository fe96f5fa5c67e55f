package zmat

import "fmt"

// PlanarMul computes dst = a·b on planar matrices. dst must be a.Rows×b.Cols; it may share
// storage with a or b. Planar products always take the split real-BLAS path (3 Dgemm calls).
func PlanarMul(dst, a, b *Planar) error {
	if err := planarProductChecked(dst, a, opN, b, opN); err != nil {
		return fmt.Errorf("zmat: PlanarMul: %w", err)
	}
	return nil
}

// PlanarMulConjTrans computes dst = a·bᴴ on planar matrices. dst must be a.Rows×b.Rows; it may
// share storage with a or b.
func PlanarMulConjTrans(dst, a, b *Planar) error {
	if err := planarProductChecked(dst, a, opN, b, opH); err != nil {
		return fmt.Errorf("zmat: PlanarMulConjTrans: %w", err)
	}
	return nil
}

// PlanarConjTransMul computes dst = aᴴ·b on planar matrices. dst must be a.Cols×b.Cols; it may
// share storage with a or b.
func PlanarConjTransMul(dst, a, b *Planar) error {
	if err := planarProductChecked(dst, a, opH, b, opN); err != nil {
		return fmt.Errorf("zmat: PlanarConjTransMul: %w", err)
	}
	return nil
}

func planarProductChecked(dst, a *Planar, opA op, b *Planar, opB op) error {
	m, n, err := checkProduct(dst, a, opA, b, opB)
	if err != nil {
		return err
	}
	if overlaps(dst.Re, dst.Im) {
		return fmt.Errorf("%w: dst.Re and dst.Im share storage", ErrShape)
	}
	if planesOverlap(dst, a) || planesOverlap(dst, b) {
		out := newPlanar(m, n)
		planarProduct(out, a, opA, b, opB)
		for i := range m {
			copy(dst.Re[i*dst.Stride:i*dst.Stride+n], out.Re[i*n:(i+1)*n])
			copy(dst.Im[i*dst.Stride:i*dst.Stride+n], out.Im[i*n:(i+1)*n])
		}
		return nil
	}
	planarProduct(dst, a, opA, b, opB)
	return nil
}

func planesOverlap(x, y *Planar) bool {
	return overlaps(x.Re, y.Re) || overlaps(x.Re, y.Im) || overlaps(x.Im, y.Re) || overlaps(x.Im, y.Im)
}
