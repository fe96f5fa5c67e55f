package statevec

import (
	"math"

	"github.com/qmlkit/qmlkit/statevec/internal/kernel"
)

// Deferred scalars.
//
// A real two-qubit product of one-qubit rotations and a CZ, such as the
// fused (RY ⊗ RY)·CZ of a brickwork circuit, is k times a butterfly: two
// stages of 2×2 blocks with unit diagonals and a sign on |11⟩
// (kernel.Butterfly), four arithmetic operations per real number against
// seven for the dense 4×4. Leaving out k is what makes the unit diagonals,
// and so the saving, possible. While a Simulator runs a circuit it does
// leave k out and keeps the product of the left-out scalars instead:
// between ops the amplitudes hold the state divided by that product.
// Linear ops commute with a scalar, so nothing else changes; the product
// is folded back into the next dense two-qubit op without controls (for
// free), or applied in one pass over the state before a measurement or
// reset and at the end of the run, errors included. No one else sees the
// amplitudes in between: only Simulator runs defer, on the fresh unit-norm
// state they own, never State.Run, Apply or ApplyMatrix.

// minButterflyDiag is the smallest diagonal entry (relative to 1, the
// scale of a unitary's entries) for which a matrix is run as a butterfly:
// the unit-diagonal form divides by it. Products with a rotation angle
// within about 3e−5 of π fall below and run as dense 4×4s.
const minButterflyDiag = 0x1p-16

// butterflyTol bounds, in units of the entries involved, how far a matrix
// may be from an exact k·butterfly and still run as one: a few roundings,
// what the fusion pass's products carry. The butterfly then differs from
// the matrix by no more than the dense kernel's own rounding.
const butterflyTol = 16 * 0x1p-53

// deferLimit is the smallest magnitude the product of deferred scalars may
// reach in a state of amplitude type C. Amplitudes of a unit-norm state
// are held as the true ones divided by the product, so up to 1/limit:
// 2^64 stays far below complex64's overflow (2^128), 2^512 below
// complex128's (2^1024). Each butterfly of a random (RY ⊗ RY)·CZ layer
// scales by about 2^−2.
func deferLimit[C kernel.Complex]() float64 {
	var z C
	if _, single := any(z).(complex64); single {
		return 0x1p-64
	}
	return 0x1p-512
}

// butterflyOf reports whether the real row-major 4×4 matrix r (local bit 0
// the lower qubit) is k·B for the operator B that kernel.Butterfly4
// applies with f, to rounding, and returns f and k.
//
// B has unit diagonal except for −1 at |11⟩, and row l of B is [1, T_l,
// A_l, A_l·T_{l⊕2}] at columns l, l⊕1, l⊕2, l⊕3. So k is r's first diagonal
// entry, the other diagonal entries must be k, k, −k, T and A follow from
// the entries next to the diagonal, and the fourth entry of every row
// must be the product the first two stages imply.
func butterflyOf(r *[16]float64) (f kernel.Butterfly, k float64, ok bool) {
	k = r[0]
	if !(math.Abs(k) >= minButterflyDiag) || math.IsInf(k, 0) {
		return f, 0, false
	}
	var d [4]float64
	for l, sign := range [4]float64{1, 1, 1, -1} {
		d[l] = r[5*l]
		if math.Abs(d[l]-sign*k) > butterflyTol*math.Abs(k) {
			return f, 0, false
		}
	}
	for l := range 4 {
		f.T[l] = r[4*l+(l^1)] / d[l]
		f.A[l] = r[4*l+(l^2)] / d[l]
	}
	for l := range 4 {
		got, want := r[4*l+(l^3)], d[l]*f.A[l]*f.T[l^2]
		if math.Abs(got-want) > butterflyTol*(math.Abs(got)+math.Abs(want)) {
			return f, 0, false
		}
	}
	return f, k, true
}

// swapLocalBits returns the 4×4 matrix r with the roles of its two local
// bits exchanged (local states 1 and 2 swapped in rows and columns).
func swapLocalBits(r *[16]float64) [16]float64 {
	perm := [4]int{0, 2, 1, 3}
	var out [16]float64
	for i, pi := range perm {
		for j, pj := range perm {
			out[4*i+j] = r[4*pi+pj]
		}
	}
	return out
}

// deferButterfly makes t, a dense task for a real two-qubit matrix without
// controls on targets, a butterfly task with its scalar multiplied into
// *scale. When the matrix is no butterfly, or the product of scalars would
// fall below deferLimit, t stays dense and takes the pending product into
// its matrix instead, resetting *scale to 1: a dense kernel applies a
// scaled matrix at no extra cost.
func deferButterfly[C kernel.Complex](t *task, targets []int, scale *float64) {
	r := t.r
	if targets[0] > targets[1] {
		r = swapLocalBits(&r)
	}
	if f, k, ok := butterflyOf(&r); ok && math.Abs(*scale*k) >= deferLimit[C]() {
		t.kind, t.bfly = kindButterfly, f
		*scale *= k
		return
	}
	for i := range t.r {
		t.r[i] *= *scale
	}
	*scale = 1
}
