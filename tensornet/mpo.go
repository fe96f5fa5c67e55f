package tensornet

import (
	"fmt"
	"slices"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/zmat"
)

// An op on three or more qubits is applied exactly as a matrix-product
// operator (MPO) on a window of adjacent sites that holds exactly its
// qubits, followed by a canonical compression sweep. A controlled op with
// control set C and base gate U on targets T is
//
//	I + P_C ⊗ (U − I)_T,   P_C = ⊗_{c∈C} |1⟩⟨1|,
//
// a sum of two operators: the identity (MPO bond 1) and P_C times the
// operator-Schmidt (tensor-train) decomposition of U − I over the targets in
// window order, whose bond passes unchanged through control sites. The MPO
// bond is therefore 2 on control-only cuts and at most 1 + 4^min(t, |T|−t)
// between targets, independent of the number of controls: a 20-controlled X
// costs 20 small site updates, never a 2^21-dimensional matrix. Uncontrolled
// ops (Unitary on three or more targets) use the decomposition of U alone.

// mpoSite is one MPO tensor W[a, b, o, i] (left bond, right bond, output
// bit, input bit) stored at ((a·db + b)·2 + o)·2 + i.
type mpoSite struct {
	da, db int
	w      []complex128
}

func newMPOSite(da, db int) mpoSite {
	return mpoSite{da: da, db: db, w: make([]complex128, da*db*4)}
}

func (m *mpoSite) set(a, b, o, i int, v complex128) { m.w[((a*m.db+b)*2+o)*2+i] = v }

// core is one tensor-train factor C[a, o, i, b] of an operator, stored at
// ((a·2 + o)·2 + i)·db + b.
type core struct {
	da, db int
	c      []complex128
}

// operatorTrain decomposes the 2^k × 2^k matrix m (row and column bit j
// on the j-th site) into k cores by successive SVDs, dropping singular
// values at the numerical-zero floor, so the ranks are the exact operator-
// Schmidt ranks.
func operatorTrain(m []complex128, k int) ([]core, error) {
	d := 1 << k
	// x holds the operator with digit (o_j, i_j) of site 0 most significant.
	x := make([]complex128, d*d)
	for row := range d {
		for col := range d {
			idx := 0
			for j := range k {
				idx = idx*4 + (row>>j&1)*2 + (col >> j & 1)
			}
			x[idx] = m[row*d+col]
		}
	}
	cores := make([]core, k)
	r := 1
	for j := 0; j < k-1; j++ {
		rows, cols := r*4, len(x)/(r*4)
		u, s, vh, err := zmat.SVD(matrix(rows, cols, x))
		if err != nil {
			return nil, fmt.Errorf("operator decomposition at cut %d: %w", j, err)
		}
		rank := 1
		for rank < len(s) && s[rank] > zeroFloor*s[0] {
			rank++
		}
		c := core{da: r, db: rank, c: make([]complex128, rows*rank)}
		for i := range rows {
			copy(c.c[i*rank:(i+1)*rank], u.Data[i*u.Stride:i*u.Stride+rank])
		}
		cores[j] = c
		x = make([]complex128, rank*cols)
		for b := range rank {
			row := x[b*cols : (b+1)*cols]
			copy(row, vh.Data[b*vh.Stride:b*vh.Stride+cols])
			scaleSlice(row, s[b])
		}
		r = rank
	}
	cores[k-1] = core{da: r, db: 1, c: x}
	return cores, nil
}

// controlledMPO builds the MPO of op on a window whose j-th site holds
// qubit order[j]; order is a permutation of op.Qubits().
func controlledMPO(op circuits.Op, order []int) ([]mpoSite, error) {
	base, err := op.BaseMatrix(nil)
	if err != nil {
		return nil, err
	}
	kt := len(op.Targets)
	dt := 1 << kt
	if len(base) != dt*dt {
		return nil, fmt.Errorf("%s: base matrix has %d entries for %d targets", op.Name(), len(base), kt)
	}
	// Target j in window order is op.Targets[tIdx[j]].
	var tIdx []int
	isTarget := make([]bool, len(order))
	for j, q := range order {
		for t, tq := range op.Targets {
			if tq == q {
				tIdx = append(tIdx, t)
				isTarget[j] = true
			}
		}
	}
	controlled := len(op.Controls) > 0
	spread := make([]int, dt) // window-ordered target bits → op-ordered index
	for x := range dt {
		for j, t := range tIdx {
			spread[x] |= (x >> j & 1) << t
		}
	}
	w := make([]complex128, dt*dt)
	for r := range dt {
		for c := range dt {
			v := base[spread[r]*dt+spread[c]]
			if controlled && r == c {
				v--
			}
			w[r*dt+c] = v
		}
	}
	cores, err := operatorTrain(w, kt)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op.Name(), err)
	}
	k := len(order)
	sites := make([]mpoSite, k)
	if !controlled {
		for j := range k {
			sites[j] = coreSite(cores[j])
		}
		return sites, nil
	}
	// rank[j] is the bond of the U − I branch on the cut after window site j.
	rank := make([]int, k)
	t := 0
	for j := range k {
		if isTarget[j] {
			t++
		}
		rank[j] = 1
		if t > 0 && t < kt {
			rank[j] = cores[t-1].db
		}
	}
	t = 0
	for j := range k {
		da, offA := 1, 0
		if j > 0 {
			da, offA = 1+rank[j-1], 1
		}
		db, offB := 1, 0
		if j < k-1 {
			db, offB = 1+rank[j], 1
		}
		m := newMPOSite(da, db)
		m.set(0, 0, 0, 0, 1) // identity branch
		m.set(0, 0, 1, 1, 1)
		if isTarget[j] {
			cr := cores[t]
			for a := range cr.da {
				for o := range 2 {
					for i := range 2 {
						for b := range cr.db {
							m.set(offA+a, offB+b, o, i, cr.c[((a*2+o)*2+i)*cr.db+b])
						}
					}
				}
			}
			t++
		} else {
			// P_1 = |1⟩⟨1| passes the branch bond through unchanged (no
			// target lies between the cuts on either side of a control).
			rb := 1
			if j > 0 {
				rb = rank[j-1]
			}
			for a := range rb {
				m.set(offA+a, offB+a, 1, 1, 1)
			}
		}
		sites[j] = m
	}
	return sites, nil
}

// coreSite converts a tensor-train core to the MPO site layout.
func coreSite(cr core) mpoSite {
	m := newMPOSite(cr.da, cr.db)
	for a := range cr.da {
		for o := range 2 {
			for i := range 2 {
				for b := range cr.db {
					m.set(a, b, o, i, cr.c[((a*2+o)*2+i)*cr.db+b])
				}
			}
		}
	}
	return m
}

// applyMPO applies the MPO to the sites w … w+len(mpo)−1 and compresses
// the result: the centre is moved to w first (so the environment of the
// window is canonical), the enlarged window is made left-orthonormal by QR
// steps, and a right-to-left sweep of truncated SVDs restores small bonds.
// Each of those SVDs sees the exact Schmidt values of the current state.
// The centre ends at w.
func (st *State) applyMPO(w int, mpo []mpoSite, tr truncation) error {
	if err := st.moveCentre(w); err != nil {
		return err
	}
	old := slices.Clone(st.bond[w : w+len(mpo)+1])
	for j, m := range mpo {
		q := w + j
		dl, dr := old[j], old[j+1]
		a := st.sites[q]
		ndl, ndr := dl*m.da, dr*m.db
		c := make([]complex128, ndl*2*ndr)
		for l := range dl {
			for ma := range m.da {
				for o := range 2 {
					out := c[((l*m.da+ma)*2+o)*ndr : ((l*m.da+ma)*2+o+1)*ndr]
					for mb := range m.db {
						w0 := m.w[((ma*m.db+mb)*2+o)*2]
						w1 := m.w[((ma*m.db+mb)*2+o)*2+1]
						if w0 == 0 && w1 == 0 {
							continue
						}
						in0 := a[(l*2)*dr : (l*2+1)*dr]
						in1 := a[(l*2+1)*dr : (l*2+2)*dr]
						for r := range dr {
							out[r*m.db+mb] += w0*in0[r] + w1*in1[r]
						}
					}
				}
			}
		}
		st.sites[q] = c
		st.bond[q], st.bond[q+1] = ndl, ndr
		st.maxBond = max(st.maxBond, ndl, ndr)
	}
	last := w + len(mpo) - 1
	for st.centre < last {
		if err := st.qrRight(); err != nil {
			return err
		}
	}
	for st.centre > w {
		if err := st.svdLeft(tr); err != nil {
			return err
		}
	}
	return nil
}

// svdLeft splits the centre site c as U·diag(s)·Vᴴ (a dl × (2·dr) matrix),
// truncates, keeps Vᴴ (a right isometry) at c and multiplies U·diag(s)
// into site c−1, which becomes the centre.
func (st *State) svdLeft(tr truncation) error {
	c := st.centre
	dl, dr := st.dims(c)
	dl2, _ := st.dims(c - 1)
	u, ldu, sv, vh, err := st.svd(matrix(dl, 2*dr, st.sites[c]))
	if err != nil {
		return fmt.Errorf("SVD of site %d: %w", c, err)
	}
	k, err := st.truncate(sv, tr)
	if err != nil {
		return fmt.Errorf("truncating bond %d|%d: %w", c-1, c, err)
	}
	us := make([]complex128, dl*k)
	for i := range dl {
		for j := range k {
			us[i*k+j] = u[i*ldu+j] * complex(sv[j], 0)
		}
	}
	prev := st.scratch(2 * dl2 * k)
	if err := zmat.Mul(matrix(2*dl2, k, prev), matrix(2*dl2, dl, st.sites[c-1]), matrix(dl, k, us)); err != nil {
		return fmt.Errorf("A·U·S at site %d: %w", c-1, err)
	}
	copy(st.setSite(c, k, dr), vh[:k*2*dr])
	copy(st.setSite(c-1, dl2, k), prev)
	st.centre = c - 1
	return nil
}
