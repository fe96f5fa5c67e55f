package zmat

import (
	"fmt"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/cblas128"
)

// Run the side-by-side comparison with
//
//	go test -run '^$' -bench 'Mul/n=512|GonumZgemm|Product4M' -benchtime 5x -count 3 ./zmat/

func BenchmarkMul(b *testing.B) {
	for _, n := range []int{16, 32, 64, 128, 256, 512} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			rng := newRNG(1)
			x, y, c := randDense(b, n, n, rng), randDense(b, n, n, rng), newDense(n, n)
			for b.Loop() {
				if err := Mul(c, x, y); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkMulConjTrans(b *testing.B) {
	for _, n := range []int{64, 512} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			rng := newRNG(2)
			x, y, c := randDense(b, n, n, rng), randDense(b, n, n, rng), newDense(n, n)
			for b.Loop() {
				if err := MulConjTrans(c, x, y); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGonumZgemm is gonum's complex GEMM (an unblocked triple loop) on the same operands as
// BenchmarkMul/n=512, for the ratio.
func BenchmarkGonumZgemm(b *testing.B) {
	const n = 512
	rng := newRNG(1)
	x, y, c := randDense(b, n, n, rng), randDense(b, n, n, rng), newDense(n, n)
	gx := cblas128.General{Rows: n, Cols: n, Stride: n, Data: x.Data}
	gy := cblas128.General{Rows: n, Cols: n, Stride: n, Data: y.Data}
	gc := cblas128.General{Rows: n, Cols: n, Stride: n, Data: c.Data}
	b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
		for b.Loop() {
			cblas128.Gemm(blas.NoTrans, blas.NoTrans, 1, gx, gy, 0, gc)
		}
	})
}

// BenchmarkProduct4M is the four-Dgemm form of the split product at n = 512, the alternative to
// the 3M method that Mul uses.
func BenchmarkProduct4M(b *testing.B) {
	const n = 512
	rng := newRNG(1)
	x, y := randDense(b, n, n, rng), randDense(b, n, n, rng)
	px, _ := x.ToPlanar()
	py, _ := y.ToPlanar()
	pc := newPlanar(n, n)
	b.Run("3M", func(b *testing.B) {
		for b.Loop() {
			planarProduct(pc, px, opN, py, opN)
		}
	})
	b.Run("4M", func(b *testing.B) {
		for b.Loop() {
			planarProduct4M(pc, px, opN, py, opN)
		}
	})
}

func (o op) blas() blas.Transpose {
	if o == opH {
		return blas.Trans
	}
	return blas.NoTrans
}

// planarProduct4M computes C = op(A)·op(B) with four real products: Cr = A'r·B'r − A'i·B'i,
// Ci = A'r·B'i + A'i·B'r.
func planarProduct4M(c, a *Planar, opA op, b *Planar, opB op) {
	sA, sB := opA.sign(), opB.sign()
	m, _ := opShape(a.Rows, a.Cols, opA)
	_, n := opShape(b.Rows, b.Cols, opB)
	ar := general(a.Rows, a.Cols, a.Stride, a.Re)
	ai := general(a.Rows, a.Cols, a.Stride, a.Im)
	br := general(b.Rows, b.Cols, b.Stride, b.Re)
	bi := general(b.Rows, b.Cols, b.Stride, b.Im)
	cr := general(m, n, c.Stride, c.Re)
	ci := general(m, n, c.Stride, c.Im)
	tA, tB := opA.blas(), opB.blas()
	blas64.Gemm(tA, tB, 1, ar, br, 0, cr)
	blas64.Gemm(tA, tB, -sA*sB, ai, bi, 1, cr)
	blas64.Gemm(tA, tB, sB, ar, bi, 0, ci)
	blas64.Gemm(tA, tB, sA, ai, br, 1, ci)
}

// BenchmarkDgemmForm times gonum's real Dgemm at n = 512 in its NoTrans×NoTrans and NoTrans×Trans
// forms, the measurement behind planarProduct's transposes.
func BenchmarkDgemmForm(b *testing.B) {
	const n = 512
	rng := newRNG(1)
	x, _ := randDense(b, n, n, rng).ToPlanar()
	y, _ := randDense(b, n, n, rng).ToPlanar()
	c := make([]float64, n*n)
	for _, f := range []struct {
		name string
		tB   blas.Transpose
	}{{"NN", blas.NoTrans}, {"NT", blas.Trans}} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				blas64.Gemm(blas.NoTrans, f.tB, 1, general(n, n, n, x.Re), general(n, n, n, y.Re), 0, general(n, n, n, c))
			}
		})
	}
}

// BenchmarkCrossover times the direct kernel against the split 3M path for square products, the
// measurement behind directLimit.
func BenchmarkCrossover(b *testing.B) {
	for _, n := range []int{16, 32, 48, 64, 96, 128, 160} {
		rng := newRNG(3)
		x, y, c := randDense(b, n, n, rng), randDense(b, n, n, rng), newDense(n, n)
		b.Run(fmt.Sprintf("direct/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				mulDirectNN(c, x, y)
			}
		})
		b.Run(fmt.Sprintf("split/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				px := newPlanar(n, n)
				splitInto(px, x)
				py := newPlanar(n, n)
				splitInto(py, y)
				pc := newPlanar(n, n)
				planarProduct(pc, px, opN, py, opN)
				joinInto(c, pc)
			}
		})
	}
}

// BenchmarkCrossoverNarrow times the direct kernel against the split path for a 1024×1024 matrix
// times a 1024×n one, the measurement behind thinLimit.
func BenchmarkCrossoverNarrow(b *testing.B) {
	for _, n := range []int{2, 8, 16, 32} {
		rng := newRNG(3)
		x, y, c := randDense(b, 1024, 1024, rng), randDense(b, 1024, n, rng), newDense(1024, n)
		b.Run(fmt.Sprintf("direct/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				mulDirectNN(c, x, y)
			}
		})
		b.Run(fmt.Sprintf("split/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				largeProduct(c, x, opN, y, opN)
			}
		})
	}
}

// BenchmarkGramAbs2 is the fidelity-kernel Gram step for 1000 states of 12 qubits.
func BenchmarkGramAbs2(b *testing.B) {
	const rows, dim = 1000, 4096
	rng := newRNG(4)
	x, _ := randDense(b, rows, dim, rng).ToPlanar()
	dst := make([]float64, rows*rows)
	b.Run("general", func(b *testing.B) {
		for b.Loop() {
			if err := GramAbs2(dst, x, x); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("symmetric", func(b *testing.B) {
		for b.Loop() {
			if err := GramAbs2Symmetric(dst, x); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkSVD(b *testing.B) {
	for _, sh := range [][2]int{{16, 16}, {32, 32}, {64, 64}, {128, 128}, {256, 256}, {512, 512}, {512, 128}} {
		name := fmt.Sprintf("n=%d", sh[0])
		if sh[0] != sh[1] {
			name = fmt.Sprintf("%dx%d", sh[0], sh[1])
		}
		b.Run(name, func(b *testing.B) {
			a := randDense(b, sh[0], sh[1], newRNG(5))
			for b.Loop() {
				if _, _, _, err := SVD(a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkQR(b *testing.B) {
	for _, sh := range [][2]int{{128, 128}, {512, 128}, {512, 512}} {
		b.Run(fmt.Sprintf("%dx%d", sh[0], sh[1]), func(b *testing.B) {
			a := randDense(b, sh[0], sh[1], newRNG(6))
			for b.Loop() {
				if _, _, err := QR(a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
