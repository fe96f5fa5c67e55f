//go:build openblas

package zmat

// With -tags openblas (cgo, Debian's libopenblas-dev) the large interleaved products go to
// OpenBLAS's zgemm. OpenBLAS picks its own thread count (OPENBLAS_NUM_THREADS), not GOMAXPROCS.
// Planar products, GramAbs2 and the SVD's internal real products still use gonum.

/*
#cgo LDFLAGS: -lopenblas
#include <cblas.h>
*/
import "C"

import "unsafe"

func cblasTrans(o op) C.enum_CBLAS_TRANSPOSE {
	if o == opH {
		return C.CblasConjTrans
	}
	return C.CblasNoTrans
}

// largeProduct computes dst = op(A)·op(B) with cblas_zgemm on the interleaved storage. Every
// pointer passed is to complex128 data, which holds no Go pointers.
func largeProduct(dst, a *Dense, opA op, b *Dense, opB op) {
	m, k := opShape(a.Rows, a.Cols, opA)
	n := dst.Cols
	alpha, beta := complex128(1), complex128(0)
	C.cblas_zgemm(C.CblasRowMajor, cblasTrans(opA), cblasTrans(opB),
		C.blasint(m), C.blasint(n), C.blasint(k),
		unsafe.Pointer(&alpha), unsafe.Pointer(&a.Data[0]), C.blasint(a.Stride),
		unsafe.Pointer(&b.Data[0]), C.blasint(b.Stride),
		unsafe.Pointer(&beta), unsafe.Pointer(&dst.Data[0]), C.blasint(dst.Stride))
}
