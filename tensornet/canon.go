package tensornet

import (
	"fmt"

	"github.com/qmlkit/qmlkit/zmat"
)

// matrix wraps data as a contiguous rows×cols zmat matrix (no copy).
func matrix(rows, cols int, data []complex128) *zmat.Dense {
	return &zmat.Dense{Rows: rows, Cols: cols, Stride: cols, Data: data[:rows*cols]}
}

// scratch returns a work slice of length n owned by st; mutating methods
// use it for products whose result is copied into a site right away.
func (st *State) scratch(n int) []complex128 {
	if cap(st.work) < n {
		st.work = make([]complex128, n)
	}
	return st.work[:n]
}

// moveCentre moves the orthogonality centre to site t by QR steps to the
// right or LQ steps to the left. Neither changes the state.
func (st *State) moveCentre(t int) error {
	for st.centre < t {
		if err := st.qrRight(); err != nil {
			return err
		}
	}
	for st.centre > t {
		if err := st.lqLeft(); err != nil {
			return err
		}
	}
	return nil
}

// qrRight makes the centre site c a left isometry Q and multiplies R into
// site c+1: A_c = Q·R as a (2·dl) × dr matrix. The thin factorisation also
// trims the bond to min(2·dl, dr).
func (st *State) qrRight() error {
	c := st.centre
	dl, dr := st.dims(c)
	_, dr2 := st.dims(c + 1)
	if dr == 1 && st.moveNorm(c, c+1) {
		st.centre = c + 1
		return nil
	}
	q, r, err := zmat.QR(matrix(2*dl, dr, st.sites[c]))
	if err != nil {
		return fmt.Errorf("QR of site %d: %w", c, err)
	}
	k := q.Cols
	next := st.scratch(k * 2 * dr2)
	if err := zmat.Mul(matrix(k, 2*dr2, next), r, matrix(dr, 2*dr2, st.sites[c+1])); err != nil {
		return fmt.Errorf("R·A at site %d: %w", c+1, err)
	}
	copy(st.setSite(c, dl, k), q.Data)
	copy(st.setSite(c+1, k, dr2), next)
	st.centre = c + 1
	return nil
}

// lqLeft makes the centre site c a right isometry Q and multiplies L into
// site c−1: A_c = L·Q as a dl × (2·dr) matrix.
func (st *State) lqLeft() error {
	c := st.centre
	dl, dr := st.dims(c)
	dl2, _ := st.dims(c - 1)
	if dl == 1 && st.moveNorm(c, c-1) {
		st.centre = c - 1
		return nil
	}
	l, q, err := zmat.LQ(matrix(dl, 2*dr, st.sites[c]))
	if err != nil {
		return fmt.Errorf("LQ of site %d: %w", c, err)
	}
	k := l.Cols
	prev := st.scratch(2 * dl2 * k)
	if err := zmat.Mul(matrix(2*dl2, k, prev), matrix(2*dl2, dl, st.sites[c-1]), l); err != nil {
		return fmt.Errorf("A·L at site %d: %w", c-1, err)
	}
	copy(st.setSite(c, k, dr), q.Data)
	copy(st.setSite(c-1, dl2, k), prev)
	st.centre = c - 1
	return nil
}

// moveNorm is QR (or LQ) across a bond of dimension 1, the common case in
// product-like states: Q = A_from/‖A_from‖ and R = ‖A_from‖, a scalar that
// multiplies A_to. It reports false for a zero tensor, which needs the
// Householder factorisation to produce an orthonormal Q.
func (st *State) moveNorm(from, to int) bool {
	nrm := norm(st.sites[from])
	if nrm == 0 {
		return false
	}
	scaleSlice(st.sites[from], 1/nrm)
	scaleSlice(st.sites[to], nrm)
	return true
}
