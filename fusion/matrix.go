package fusion

import (
	"slices"

	"github.com/qmlkit/qmlkit/circuits"
)

// localBits maps each qubit of qs to its bit in an index over the sorted
// qubit list all (position of the qubit in all).
func localBits(qs, all []int) []uint {
	out := make([]uint, len(qs))
	for i, q := range qs {
		p, ok := slices.BinarySearch(all, q)
		if !ok {
			panic("fusion: qubit missing from its group") // the group's qubits include every op's qubits
		}
		out[i] = uint(p)
	}
	return out
}

// opDiagonal returns the diagonal of a diagonal op over the sorted qubit
// list all: entry i is the base matrix's entry for the targets' bits of i
// where every control bit of i is set, and 1 elsewhere.
func opDiagonal(op circuits.Op, base []complex128, all []int) []complex128 {
	tb := localBits(op.Targets, all)
	cb := localBits(op.Controls, all)
	dt := 1 << len(op.Targets)
	out := make([]complex128, 1<<len(all))
	for i := range out {
		out[i] = 1
		on := true
		for _, b := range cb {
			on = on && i>>b&1 == 1
		}
		if !on {
			continue
		}
		l := 0
		for k, b := range tb {
			l |= (i >> b & 1) << k
		}
		out[i] = base[l*dt+l]
	}
	return out
}

// expandDiagonal returns the diagonal v over the sorted qubits from as a
// diagonal over the sorted superset to.
func expandDiagonal(v []complex128, from, to []int) []complex128 {
	bits := localBits(from, to)
	out := make([]complex128, 1<<len(to))
	for i := range out {
		l := 0
		for k, b := range bits {
			l |= (i >> b & 1) << k
		}
		out[i] = v[l]
	}
	return out
}

// applyToColumns multiplies the row-major d×d matrix m (d = 2^len(all)) from
// the left by op's full unitary, whose base matrix is base: each column of m
// is treated as a state of the qubits all, and the op updates it as a
// simulator would.
func applyToColumns(m []complex128, op circuits.Op, base []complex128, all []int) {
	d := 1 << len(all)
	tb := localBits(op.Targets, all)
	var mask, ctrl int
	for _, b := range localBits(op.Controls, all) {
		ctrl |= 1 << b
	}
	mask = ctrl
	for _, b := range tb {
		mask |= 1 << b
	}
	dt := 1 << len(tb)
	off := make([]int, dt)
	for l := range off {
		off[l] = ctrl
		for k, b := range tb {
			if l>>k&1 == 1 {
				off[l] |= 1 << b
			}
		}
	}
	in := make([]complex128, dt)
	for col := 0; col < d; col++ {
		for b := 0; b < d; b++ {
			if b&mask != 0 {
				continue
			}
			for l, o := range off {
				in[l] = m[(b|o)*d+col]
			}
			for r, o := range off {
				var acc complex128
				for c, a := range in {
					acc += base[r*dt+c] * a
				}
				m[(b|o)*d+col] = acc
			}
		}
	}
}
