package zmat

import (
	"math/cmplx"

	"gonum.org/v1/gonum/blas/gonum"
)

// The direct kernels work on the interleaved storage with no copies. They beat the split
// real-BLAS path for small products, where converting to planes and the blocking overhead of
// Dgemm cost more than the arithmetic (see directLimit).

// narrowLimit is the output width below which the direct kernels switch from row updates (one
// axpy of length n per term, dominated by call overhead when n is small) to dot products of
// length k against a transposed copy of the right operand.
const narrowLimit = 16

// mulDirectNN computes C = A·B row by row: row i of C accumulates a(i,p)·row p of B, so every
// inner loop runs over contiguous memory. Narrow products use dot products with Bᵀ instead.
func mulDirectNN(c, a, b *Dense) {
	if c.Cols < narrowLimit {
		bt := transposeOf(b)
		for i := range c.Rows {
			ai := a.row(i)
			ci := c.row(i)
			for j := range ci {
				ci[j] = dotPlain(ai, bt.row(j))
			}
		}
		return
	}
	for i := range c.Rows {
		ci := c.row(i)
		clear(ci)
		for p, aip := range a.row(i) {
			if aip == 0 {
				continue
			}
			axpyComplex(ci, aip, b.row(p))
		}
	}
}

// mulDirectNH computes C = A·Bᴴ: c(i,j) is the conjugated dot product of two rows.
func mulDirectNH(c, a, b *Dense) {
	for i := range c.Rows {
		ci := c.row(i)
		ai := a.row(i)
		for j := range ci {
			ci[j] = dotConjRight(ai, b.row(j))
		}
	}
}

// mulDirectHN computes C = Aᴴ·B: row p of A and row p of B contribute conj(a(p,i))·row p of B
// to row i of C. Narrow products use dot products of the columns of A and B instead.
func mulDirectHN(c, a, b *Dense) {
	if c.Cols < narrowLimit {
		at, bt := transposeOf(a), transposeOf(b)
		for i := range c.Rows {
			ci := c.row(i)
			for j := range ci {
				ci[j] = dotConjRight(bt.row(j), at.row(i))
			}
		}
		return
	}
	for i := range c.Rows {
		clear(c.row(i))
	}
	for p := range a.Rows {
		ap := a.row(p)
		bp := b.row(p)
		for i, api := range ap {
			if api == 0 {
				continue
			}
			axpyComplex(c.row(i), cmplx.Conj(api), bp)
		}
	}
}

// transposeOf returns Dᵀ (no conjugation) as a new contiguous matrix.
func transposeOf(d *Dense) *Dense {
	t := newDense(d.Cols, d.Rows)
	for i := range d.Rows {
		for j, z := range d.row(i) {
			t.Data[j*t.Stride+i] = z
		}
	}
	return t
}

// The level-1 kernels go to gonum's native BLAS, whose amd64 assembly is 2–3× faster than the
// same loops compiled from Go (measured: 1.2 vs 2.8 ns per element for an axpy, 0.8 vs 2.7 ns
// for a dot product). Vectors shorter than shortVector stay in Go, where the call and argument
// checks would cost more than the loop.
const shortVector = 8

// axpyComplex does y += alpha·x.
func axpyComplex(y []complex128, alpha complex128, x []complex128) {
	if len(y) >= shortVector {
		gonum.Implementation{}.Zaxpy(len(y), alpha, x, 1, y, 1)
		return
	}
	x = x[:len(y)]
	for j := range y {
		y[j] += alpha * x[j]
	}
}

// dotConjRight returns Σ_j x_j·conj(y_j).
func dotConjRight(x, y []complex128) complex128 {
	if len(x) >= shortVector {
		return gonum.Implementation{}.Zdotc(len(x), y, 1, x, 1)
	}
	var s complex128
	y = y[:len(x)]
	for j := range x {
		s += x[j] * cmplx.Conj(y[j])
	}
	return s
}

// dotPlain returns Σ_j x_j·y_j.
func dotPlain(x, y []complex128) complex128 {
	if len(x) >= shortVector {
		return gonum.Implementation{}.Zdotu(len(x), x, 1, y, 1)
	}
	var s complex128
	y = y[:len(x)]
	for j := range x {
		s += x[j] * y[j]
	}
	return s
}
