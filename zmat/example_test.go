package zmat_test

import (
	"fmt"
	"math"

	"github.com/qmlkit/qmlkit/zmat"
)

func ExampleSVD() {
	// A rank-2 matrix: its singular values are 5 (from the 3,4i row pair) and 2.
	a, err := zmat.FromSlice(3, 2, []complex128{
		3, 0,
		4i, 0,
		0, 2,
	})
	if err != nil {
		panic(err)
	}
	u, s, vh, err := zmat.SVD(a)
	if err != nil {
		panic(err)
	}
	fmt.Printf("s = %.6f\n", s)
	// Rebuild A = U·diag(s)·Vᴴ.
	us, _ := u.Copy()
	for i := range us.Rows {
		for j := range us.Cols {
			us.Data[i*us.Stride+j] *= complex(s[j], 0)
		}
	}
	rec, _ := zmat.New(3, 2)
	if err := zmat.Mul(rec, us, vh); err != nil {
		panic(err)
	}
	diff := 0.0
	for i := range rec.Data {
		diff = math.Max(diff, math.Abs(real(rec.Data[i]-a.Data[i]))+math.Abs(imag(rec.Data[i]-a.Data[i])))
	}
	fmt.Println("reconstructed to 1e-14:", diff < 1e-14)
	// Output:
	// s = [5.000000 2.000000]
	// reconstructed to 1e-14: true
}

func ExampleMulConjTrans() {
	// Rows are states; (A·Bᴴ)(i, j) = ⟨b_j|a_i⟩.
	r := 1 / math.Sqrt2
	a, _ := zmat.FromSlice(2, 2, []complex128{
		1, 0, // |0⟩
		complex(r, 0), complex(r, 0), // |+⟩
	})
	b, _ := zmat.FromSlice(1, 2, []complex128{complex(r, 0), complex(0, r)}) // |+i⟩
	g, _ := zmat.New(2, 1)
	if err := zmat.MulConjTrans(g, a, b); err != nil {
		panic(err)
	}
	fmt.Printf("⟨+i|0⟩ = %.4f\n⟨+i|+⟩ = %.4f\n", g.Data[0], g.Data[1])
	// Output:
	// ⟨+i|0⟩ = (0.7071+0.0000i)
	// ⟨+i|+⟩ = (0.5000-0.5000i)
}

func ExampleGramAbs2Symmetric() {
	// Three one-qubit states in planar form: |0⟩, |1⟩, |+⟩.
	r := 1 / math.Sqrt2
	states := &zmat.Planar{Rows: 3, Cols: 2, Stride: 2,
		Re: []float64{1, 0, 0, 1, r, r},
		Im: []float64{0, 0, 0, 0, 0, 0},
	}
	k := make([]float64, 9)
	if err := zmat.GramAbs2Symmetric(k, states); err != nil {
		panic(err)
	}
	for i := range 3 {
		fmt.Printf("%.2f\n", k[3*i:3*i+3])
	}
	// Output:
	// [1.00 0.00 0.50]
	// [0.00 1.00 0.50]
	// [0.50 0.50 1.00]
}

func ExampleQR() {
	a, _ := zmat.FromSlice(3, 2, []complex128{
		0, 1,
		-2, 1i,
		0, 1,
	})
	q, r, err := zmat.QR(a)
	if err != nil {
		panic(err)
	}
	// R is upper triangular with a real, non-negative diagonal.
	fmt.Printf("diag(R) = [%.4f %.4f]\n", real(r.Data[0]), real(r.Data[3]))
	fmt.Printf("R(0,1) = %+.4fi\n", imag(r.Data[1])) // real part is 0
	rec, _ := zmat.New(3, 2)
	_ = zmat.Mul(rec, q, r)
	fmt.Printf("Q·R(1,0) = %.4f\n", rec.Data[2])
	// Output:
	// diag(R) = [2.0000 1.4142]
	// R(0,1) = -1.0000i
	// Q·R(1,0) = (-2.0000+0.0000i)
}

func ExampleTruncate() {
	s := []float64{1, 0.1, 1e-3, 1e-6}
	keep, discarded, err := zmat.Truncate(s, 0, 1e-4, zmat.CutoffRel)
	if err != nil {
		panic(err)
	}
	fmt.Printf("rel 1e-4: keep %d, discarded weight %.0e\n", keep, discarded)
	keep, discarded, _ = zmat.Truncate(s, 0, 1e-4, zmat.CutoffSum2)
	fmt.Printf("sum2 1e-4: keep %d, discarded weight %.2e\n", keep, discarded)
	keep, _, _ = zmat.Truncate(s, 1, 0, zmat.CutoffRel)
	fmt.Printf("maxRank 1: keep %d\n", keep)
	// Output:
	// rel 1e-4: keep 3, discarded weight 1e-12
	// sum2 1e-4: keep 2, discarded weight 1.00e-06
	// maxRank 1: keep 1
}

func ExampleLQ() {
	// An MPS site reshaped to (left bond) × (physical·right bond): A = L·Q with Q·Qᴴ = I makes
	// the site right-canonical and moves L to the left neighbour.
	a, _ := zmat.FromSlice(2, 4, []complex128{
		1, 1, 0, 0,
		0, 0, 1i, 1,
	})
	l, q, err := zmat.LQ(a)
	if err != nil {
		panic(err)
	}
	fmt.Printf("L = [%.4f %.4f; %.4f %.4f]\n", real(l.Data[0]), real(l.Data[1]), real(l.Data[2]), real(l.Data[3]))
	qqh, _ := zmat.New(2, 2)
	_ = zmat.MulConjTrans(qqh, q, q)
	fmt.Printf("Q·Qᴴ diagonal = %.4f %.4f\n", real(qqh.Data[0]), real(qqh.Data[3]))
	// Output:
	// L = [1.4142 0.0000; 0.0000 1.4142]
	// Q·Qᴴ diagonal = 1.0000 1.0000
}
