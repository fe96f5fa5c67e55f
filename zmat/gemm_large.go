//go:build !openblas

package zmat

// largeProduct computes dst = op(A)·op(B) by splitting into real planes and calling gonum's
// Dgemm three times (planarProduct). Building with -tags openblas replaces it with OpenBLAS's
// zgemm.
func largeProduct(dst, a *Dense, opA op, b *Dense, opB op) {
	m, n := dst.Rows, dst.Cols
	pa := newPlanar(a.Rows, a.Cols)
	splitInto(pa, a)
	pb := newPlanar(b.Rows, b.Cols)
	splitInto(pb, b)
	pc := newPlanar(m, n)
	planarProduct(pc, pa, opA, pb, opB)
	joinInto(dst, pc)
}
