package zmat

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

// productCase runs fn for one product type against the naive reference.
type productKind struct {
	name   string
	ha, hb bool
	dense  func(dst, a, b *Dense) error
	planar func(dst, a, b *Planar) error
}

var productKinds = []productKind{
	{"Mul", false, false, Mul, PlanarMul},
	{"MulConjTrans", false, true, MulConjTrans, PlanarMulConjTrans},
	{"ConjTransMul", true, false, ConjTransMul, PlanarConjTransMul},
}

// operandShapes returns the stored shapes of a and b for op(a) m×k and op(b) k×n.
func operandShapes(pk productKind, m, n, k int) (ar, ac, br, bc int) {
	ar, ac = m, k
	if pk.ha {
		ar, ac = k, m
	}
	br, bc = k, n
	if pk.hb {
		br, bc = n, k
	}
	return
}

func TestProductsMatchNaive(t *testing.T) {
	rng := newRNG(10)
	// Sizes on both sides of the direct/split crossover, thin shapes, and 1×1.
	sizes := [][3]int{{1, 1, 1}, {1, 9, 1}, {3, 1, 5}, {7, 5, 3}, {16, 16, 16}, {40, 40, 40}, {50, 50, 50}, {3, 200, 100}, {100, 70, 90}, {65, 130, 67}, {140, 130, 125}}
	if !testing.Short() {
		sizes = append(sizes, [3]int{200, 150, 180})
	}
	for _, pk := range productKinds {
		for _, sz := range sizes {
			m, n, k := sz[0], sz[1], sz[2]
			t.Run(fmt.Sprintf("%s/%dx%dx%d", pk.name, m, n, k), func(t *testing.T) {
				ar, ac, br, bc := operandShapes(pk, m, n, k)
				a := randDense(t, ar, ac, rng)
				b := randDense(t, br, bc, rng)
				want := naiveProduct(a, pk.ha, b, pk.hb)
				scale := absProduct(a, pk.ha, b, pk.hb)

				got, err := New(m, n)
				require.NoError(t, err)
				require.NoError(t, pk.dense(got, a, b))
				requireProductClose(t, got, want, scale, 1e-13)

				pa, err := a.ToPlanar()
				require.NoError(t, err)
				pb, err := b.ToPlanar()
				require.NoError(t, err)
				pc, err := NewPlanar(m, n)
				require.NoError(t, err)
				require.NoError(t, pk.planar(pc, pa, pb))
				gotP, err := pc.ToDense()
				require.NoError(t, err)
				requireProductClose(t, gotP, want, scale, 1e-13)
			})
		}
	}
}

func TestProductDirectAndSplitAgree(t *testing.T) {
	// The same product through both paths, at a size where either could be chosen.
	rng := newRNG(11)
	a := randDense(t, 30, 40, rng)
	b := randDense(t, 40, 20, rng)
	direct := newDense(30, 20)
	mulDirectNN(direct, a, b)
	split := newDense(30, 20)
	pa, _ := a.ToPlanar()
	pb, _ := b.ToPlanar()
	pc := newPlanar(30, 20)
	planarProduct(pc, pa, opN, pb, opN)
	joinInto(split, pc)
	requireProductClose(t, split, direct, absProduct(a, false, b, false), 1e-13)
}

func TestProductAliasingAndViews(t *testing.T) {
	rng := newRNG(12)
	for _, n := range []int{6, 130} { // direct and split paths
		a := randDense(t, n, n, rng)
		b := randDense(t, n, n, rng)
		want := naiveProduct(a, false, b, false)
		scale := absProduct(a, false, b, false)
		require.NoError(t, Mul(a, a, b)) // dst aliases a
		requireProductClose(t, a, want, scale, 1e-13)

		big := randDense(t, n+3, n+5, rng)
		view, err := big.Slice(1, n+1, 2, n+2)
		require.NoError(t, err)
		vcopy, err := view.Copy()
		require.NoError(t, err)
		want = naiveProduct(vcopy, false, b, true)
		dst := newDense(n, n)
		require.NoError(t, MulConjTrans(dst, view, b))
		requireProductClose(t, dst, want, absProduct(vcopy, false, b, true), 1e-13)
	}
	p := newPlanar(4, 4)
	for i := range p.Re {
		p.Re[i], p.Im[i] = float64(i), -float64(i)
	}
	d, _ := p.ToDense()
	want := naiveProduct(d, false, d, false)
	require.NoError(t, PlanarMul(p, p, p))
	got, _ := p.ToDense()
	requireProductClose(t, got, want, absProduct(d, false, d, false), 1e-14)
}

func TestProductErrors(t *testing.T) {
	a, _ := New(3, 4)
	b, _ := New(5, 2)
	c, _ := New(3, 2)
	err := Mul(c, a, b)
	require.ErrorIs(t, err, ErrShape)
	require.ErrorContains(t, err, "a is 3×4, b is 5×2")
	b2, _ := New(4, 2)
	wrong, _ := New(2, 3)
	require.ErrorIs(t, Mul(wrong, a, b2), ErrShape)
	require.NoError(t, Mul(c, a, b2))
	require.ErrorIs(t, MulConjTrans(c, a, b2), ErrShape)
	require.ErrorIs(t, Mul(nil, a, b2), ErrShape)
	a.Data[5] = complex(math.Inf(1), 0)
	require.ErrorIs(t, Mul(c, a, b2), ErrNotFinite)

	pa, _ := NewPlanar(2, 3)
	pb, _ := NewPlanar(2, 3)
	pc, _ := NewPlanar(2, 2)
	require.NoError(t, PlanarMulConjTrans(pc, pa, pb))
	require.ErrorIs(t, PlanarMul(pc, pa, pb), ErrShape)
	pc.Im = pc.Re
	require.ErrorIs(t, PlanarMulConjTrans(pc, pa, pb), ErrShape)
	pa.Im[0] = math.NaN()
	require.ErrorIs(t, PlanarMulConjTrans(pb, pa, pb), ErrShape)
	require.ErrorIs(t, PlanarConjTransMul(&Planar{Rows: 3, Cols: 3, Stride: 3, Re: make([]float64, 9), Im: make([]float64, 9)}, pa, pa), ErrNotFinite)
}
