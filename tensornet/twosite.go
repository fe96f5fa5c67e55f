package tensornet

import (
	"fmt"
	"math"

	"github.com/qmlkit/qmlkit/zmat"
)

// gate2 is a two-site gate: a 4×4 row-major matrix whose row and column
// index is b_s + 2·b_{s+1} for the bits on sites s and s+1.
type gate2 [16]complex128

// applyOne multiplies the 2×2 matrix g into the physical index of site q.
// A one-site unitary keeps every canonical property, so the centre stays
// where it is.
func (st *State) applyOne(q int, g *[4]complex128) {
	dl, dr := st.dims(q)
	a := st.sites[q]
	g00, g01, g10, g11 := g[0], g[1], g[2], g[3]
	for l := range dl {
		x0 := a[(2*l)*dr : (2*l+1)*dr]
		x1 := a[(2*l+1)*dr : (2*l+2)*dr]
		for r := range x0 {
			u, v := x0[r], x1[r]
			x0[r] = g00*u + g01*v
			x1[r] = g10*u + g11*v
		}
	}
}

// contractPair returns θ = A_s·A_{s+1} as the (2·dl) × (2·dr) matrix with
// row index (l, b_s) and column index (b_{s+1}, r), in scratch storage.
func (st *State) contractPair(s int) (theta []complex128, dl, dr int, err error) {
	dl, dm := st.dims(s)
	_, dr = st.dims(s + 1)
	theta = st.scratch(4 * dl * dr)
	if err := zmat.Mul(matrix(2*dl, 2*dr, theta), matrix(2*dl, dm, st.sites[s]), matrix(dm, 2*dr, st.sites[s+1])); err != nil {
		return nil, 0, 0, fmt.Errorf("contracting sites %d and %d: %w", s, s+1, err)
	}
	return theta, dl, dr, nil
}

// applyTwo applies g to sites s and s+1 (contract, multiply, truncated
// SVD) and leaves the centre at s+1 when right is set, at s otherwise. A
// nil g swaps the two sites' physical indices.
func (st *State) applyTwo(s int, g *gate2, tr truncation, right bool) error {
	if st.centre < s {
		if err := st.moveCentre(s); err != nil {
			return err
		}
	} else if st.centre > s+1 {
		if err := st.moveCentre(s + 1); err != nil {
			return err
		}
	}
	theta, dl, dr, err := st.contractPair(s)
	if err != nil {
		return err
	}
	w := 2 * dr
	for l := range dl {
		row0 := theta[(2*l)*w : (2*l+1)*w]
		row1 := theta[(2*l+1)*w : (2*l+2)*w]
		// x[b_s + 2·b_{s+1}] is a segment of dr values sharing (l, bits).
		x0, x1, x2, x3 := row0[:dr], row1[:dr], row0[dr:], row1[dr:]
		if g == nil {
			for r := range x1 {
				x1[r], x2[r] = x2[r], x1[r]
			}
			continue
		}
		for r := range x0 {
			v0, v1, v2, v3 := x0[r], x1[r], x2[r], x3[r]
			x0[r] = g[0]*v0 + g[1]*v1 + g[2]*v2 + g[3]*v3
			x1[r] = g[4]*v0 + g[5]*v1 + g[6]*v2 + g[7]*v3
			x2[r] = g[8]*v0 + g[9]*v1 + g[10]*v2 + g[11]*v3
			x3[r] = g[12]*v0 + g[13]*v1 + g[14]*v2 + g[15]*v3
		}
	}
	return st.splitPair(s, matrix(2*dl, w, theta), tr, right)
}

// splitPair factorises θ ((2·dl) × (2·dr)) into sites s and s+1 with a
// truncated SVD: U becomes site s, diag(s)·Vᴴ site s+1 (right) or U·diag(s)
// site s and Vᴴ site s+1. The singular values are the Schmidt values of
// the state at that bond because every other site is in canonical form
// about the pair.
func (st *State) splitPair(s int, theta *zmat.Dense, tr truncation, right bool) error {
	m, w := theta.Rows, theta.Cols
	u, ldu, sv, vh, err := st.svd(theta)
	if err != nil {
		return fmt.Errorf("SVD at bond %d|%d: %w", s, s+1, err)
	}
	k, err := st.truncate(sv, tr)
	if err != nil {
		return fmt.Errorf("truncating bond %d|%d: %w", s, s+1, err)
	}
	a := st.setSite(s, m/2, k)
	for i := range m {
		copy(a[i*k:(i+1)*k], u[i*ldu:i*ldu+k])
	}
	b := st.setSite(s+1, k, w/2)
	copy(b, vh[:k*w])
	if right {
		for j := range k {
			scaleSlice(b[j*w:(j+1)*w], sv[j])
		}
		st.centre = s + 1
	} else {
		for i := range m {
			row := a[i*k : (i+1)*k]
			for j := range row {
				row[j] *= complex(sv[j], 0)
			}
		}
		st.centre = s
	}
	return nil
}

// svd returns the thin SVD of the contiguous matrix a: U (row-major with
// leading dimension ldu), the singular values (descending) and Vᴴ
// (contiguous, a.Cols wide). Small matrices use the Jacobi kernel on st's
// reused buffers (the results stay valid until the next call), larger
// ones, and any the kernel gives up on, zmat.SVD.
func (st *State) svd(a *zmat.Dense) (u []complex128, ldu int, s []float64, vh []complex128, err error) {
	if min(a.Rows, a.Cols) <= jacobiLimit && st.jac.factor(a.Data, a.Rows, a.Cols) {
		return st.jac.u, min(a.Rows, a.Cols), st.jac.s, st.jac.vh, nil
	}
	ud, s, vd, err := zmat.SVD(a)
	if err != nil {
		return nil, 0, nil, nil, err
	}
	return ud.Data, ud.Stride, s, vd.Data, nil
}

// truncate chooses how many singular values to keep, records the
// discarded weight in the fidelity estimate, and rescales the kept values
// in place when the settings ask to renormalise.
func (st *State) truncate(sv []float64, tr truncation) (int, error) {
	k, disc, total, err := tr.keep(sv)
	if err != nil {
		return 0, err
	}
	if disc > 0 && total > 0 {
		st.fidelity *= 1 - disc/total
		if tr.renormalize {
			f := math.Sqrt(total / (total - disc))
			for j := range k {
				sv[j] *= f
			}
		}
	}
	return k, nil
}

// scaleSlice multiplies x by the real factor f.
func scaleSlice(x []complex128, f float64) {
	c := complex(f, 0)
	for i := range x {
		x[i] *= c
	}
}
