package tensornet

import (
	"fmt"

	"github.com/qmlkit/qmlkit/zmat"
)

// One-site operators for transfer matrices, row-major 2×2.
var (
	opIdentity = [4]complex128{1, 0, 0, 1}
	opProject0 = [4]complex128{1, 0, 0, 0}
	opProject1 = [4]complex128{0, 0, 0, 1}
	opPauliX   = [4]complex128{0, 1, 1, 0}
	opPauliY   = [4]complex128{0, -1i, 1i, 0}
	opPauliZ   = [4]complex128{1, 0, 0, -1}
)

// leftTransfer carries a left environment E[a', a] (bra bond a' of site a
// of x, ket bond a of site b of y; nil means the identity, which is the
// environment of a left-canonical prefix) through one site with operator o
// between bra and ket:
//
//	E'[r', r] = Σ conj(X[a', p, r']) E[a', a] o[p, p'] Y[a, p', r].
//
// It returns E' as an xr × yr matrix.
func leftTransfer(e, x []complex128, xl, xr int, y []complex128, yl, yr int, o *[4]complex128) ([]complex128, error) {
	t := make([]complex128, xl*2*yr)
	if e == nil {
		copy(t, y[:xl*2*yr])
	} else if err := zmat.Mul(matrix(xl, 2*yr, t), matrix(xl, yl, e), matrix(yl, 2*yr, y)); err != nil {
		return nil, fmt.Errorf("environment product: %w", err)
	}
	if *o != opIdentity {
		for a := range xl {
			t0 := t[(2*a)*yr : (2*a+1)*yr]
			t1 := t[(2*a+1)*yr : (2*a+2)*yr]
			for r := range t0 {
				u, v := t0[r], t1[r]
				t0[r] = o[0]*u + o[1]*v
				t1[r] = o[2]*u + o[3]*v
			}
		}
	}
	out := make([]complex128, xr*yr)
	if err := zmat.ConjTransMul(matrix(xr, yr, out), matrix(2*xl, xr, x), matrix(2*xl, yr, t)); err != nil {
		return nil, fmt.Errorf("environment product: %w", err)
	}
	return out, nil
}

// rightEnvironments returns R_s for s = 0 … n, where R_s[r, r'] (ket r,
// bra r') contracts the sites s … n−1 of st with themselves:
// R_n = [1], R_s = Σ_p A_s[:, p, :]·R_{s+1}·A_s[:, p, :]ᴴ.
func (st *State) rightEnvironments() ([][]complex128, error) {
	r := make([][]complex128, st.n+1)
	r[st.n] = []complex128{1}
	for s := st.n - 1; s >= 0; s-- {
		dl, dr := st.dims(s)
		u := make([]complex128, 2*dl*dr)
		if err := zmat.Mul(matrix(2*dl, dr, u), matrix(2*dl, dr, st.sites[s]), matrix(dr, dr, r[s+1])); err != nil {
			return nil, fmt.Errorf("right environment of site %d: %w", s, err)
		}
		r[s] = make([]complex128, dl*dl)
		if err := zmat.MulConjTrans(matrix(dl, dl, r[s]), matrix(dl, 2*dr, u), matrix(dl, 2*dr, st.sites[s])); err != nil {
			return nil, fmt.Errorf("right environment of site %d: %w", s, err)
		}
	}
	return r, nil
}

// closeEnvironment returns Σ_{r', r} E[r', r]·R[r, r'] for d × d matrices.
func closeEnvironment(e, r []complex128, d int) complex128 {
	var v complex128
	for a := range d {
		for b := range d {
			v += e[a*d+b] * r[b*d+a]
		}
	}
	return v
}
