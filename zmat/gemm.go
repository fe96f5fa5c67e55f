package zmat

import (
	"fmt"
	"unsafe"
)

// directLimit is the largest m·n·k for which products run on the direct complex kernels; above
// it they split into real planes and use three real Dgemm calls. BenchmarkCrossover on the
// 2-core test machine: the direct path wins at n = 96 (0.96 vs 1.07 ms), the two tie at n = 128
// and trade places around n = 160 depending on whether the second core is free (the split path
// uses both cores, the direct path one).
const directLimit = 128 * 128 * 128

// thinLimit sends products with a small inner or outer dimension to the direct kernels, whatever
// their volume: Dgemm's 64×64 blocking gains little there and the plane copies dominate
// (BenchmarkCrossoverNarrow, 1024×1024 times 1024×n: direct is 3× faster at n = 2 and 1.7× at
// n = 8; from n = 16 the split path is faster).
const thinLimit = 8

// Mul computes dst = a·b. dst must be a.Rows×b.Cols; it may share storage with a or b.
func Mul(dst, a, b *Dense) error {
	if err := product(dst, a, opN, b, opN); err != nil {
		return fmt.Errorf("zmat: Mul: %w", err)
	}
	return nil
}

// MulConjTrans computes dst = a·bᴴ (the Gram product: dst(i,j) = ⟨b_j|a_i⟩ for rows as states).
// dst must be a.Rows×b.Rows; it may share storage with a or b.
func MulConjTrans(dst, a, b *Dense) error {
	if err := product(dst, a, opN, b, opH); err != nil {
		return fmt.Errorf("zmat: MulConjTrans: %w", err)
	}
	return nil
}

// ConjTransMul computes dst = aᴴ·b. dst must be a.Cols×b.Cols; it may share storage with a or b.
func ConjTransMul(dst, a, b *Dense) error {
	if err := product(dst, a, opH, b, opN); err != nil {
		return fmt.Errorf("zmat: ConjTransMul: %w", err)
	}
	return nil
}

func product(dst, a *Dense, opA op, b *Dense, opB op) error {
	m, n, err := checkProduct(dst, a, opA, b, opB)
	if err != nil {
		return err
	}
	if overlaps(dst.Data, a.Data) || overlaps(dst.Data, b.Data) {
		out := newDense(m, n)
		productUnchecked(out, a, opA, b, opB)
		copyInto(dst, out)
		return nil
	}
	productUnchecked(dst, a, opA, b, opB)
	return nil
}

// operand is what the product checks need of a Dense or Planar argument.
type operand interface {
	validate(name string) error
	checkFinite(name string) error
	dims() (rows, cols int)
}

// checkProduct checks the arguments of dst = op(a)·op(b): every matrix well
// formed, the shapes agreeing, a and b finite. It returns the product's
// m×n.
func checkProduct(dst, a operand, opA op, b operand, opB op) (m, n int, err error) {
	if err := a.validate("a"); err != nil {
		return 0, 0, err
	}
	if err := b.validate("b"); err != nil {
		return 0, 0, err
	}
	if err := dst.validate("dst"); err != nil {
		return 0, 0, err
	}
	ar, ac := a.dims()
	br, bc := b.dims()
	m, k := opShape(ar, ac, opA)
	kb, n := opShape(br, bc, opB)
	if k != kb {
		return 0, 0, fmt.Errorf("%w: inner dimensions differ: %s is %d×%d, %s is %d×%d", ErrShape,
			opName("a", opA), m, k, opName("b", opB), kb, n)
	}
	if dr, dc := dst.dims(); dr != m || dc != n {
		return 0, 0, fmt.Errorf("%w: dst is %d×%d, the product is %d×%d", ErrShape, dr, dc, m, n)
	}
	if err := a.checkFinite("a"); err != nil {
		return 0, 0, err
	}
	if err := b.checkFinite("b"); err != nil {
		return 0, 0, err
	}
	return m, n, nil
}

// productUnchecked computes dst = op(A)·op(B) for checked shapes, with the direct kernel for
// small products and largeProduct otherwise. dst must not share storage with A or B.
// op(A) = Aᴴ together with op(B) = Bᴴ is not supported.
func productUnchecked(dst, a *Dense, opA op, b *Dense, opB op) {
	m, k := opShape(a.Rows, a.Cols, opA)
	n := dst.Cols
	if !useDirect(m, n, k) {
		largeProduct(dst, a, opA, b, opB)
		return
	}
	switch {
	case opA == opN && opB == opN:
		mulDirectNN(dst, a, b)
	case opA == opN && opB == opH:
		mulDirectNH(dst, a, b)
	default:
		mulDirectHN(dst, a, b)
	}
}

func useDirect(m, n, k int) bool {
	return m*n*k <= directLimit || min(m, n, k) <= thinLimit
}

func opName(name string, o op) string {
	if o == opH {
		return name + "ᴴ"
	}
	return name
}

// copyInto copies src into dst of the same shape.
func copyInto(dst, src *Dense) {
	for i := range dst.Rows {
		copy(dst.row(i), src.row(i))
	}
}

// overlaps reports whether two slices share any element of their backing arrays.
func overlaps[T any](x, y []T) bool {
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	size := unsafe.Sizeof(x[0])
	x0 := uintptr(unsafe.Pointer(unsafe.SliceData(x)))
	y0 := uintptr(unsafe.Pointer(unsafe.SliceData(y)))
	x1 := x0 + uintptr(len(x))*size
	y1 := y0 + uintptr(len(y))*size
	return x0 < y1 && y0 < x1
}
