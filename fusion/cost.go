package fusion

import "github.com/qmlkit/qmlkit/circuits"

// denseCost is the time of a dense gate on w qubits (index w), real or
// complex matrix, in memory passes: statevec's BenchmarkDense at 24
// qubits, one thread, targets cycling through the register, divided by
// one in-place eight-stream read-modify-write pass measured side by side
// (portable build, 2-core reference machine). A real matrix needs half the
// multiplications. From w = 3 on scalar arithmetic, not memory, sets the
// time and it grows about 2× per qubit (w = 5 is extrapolated), which is
// why the default width is 2.
var denseCost = [MaxQubits + 1]struct{ real, complex float64 }{
	1: {1.4, 1.5},
	2: {1.5, 2.6},
	3: {7.8, 11.8},
	4: {14.6, 21.9},
	5: {29, 44},
}

// shape is what the cost model needs to know about an op or a group.
type shape struct {
	diagonal bool
	real     bool
	// diag is the diagonal over the sorted qubits when diagonal.
	diag []complex128
	cost float64
}

// diagonalCost is the time of a diagonal gate: the simulator multiplies
// only the entries that differ from 1, so the cost is the fraction of the
// state it changes (a CZ changes a quarter).
func diagonalCost(diag []complex128) float64 {
	n := 0
	for _, v := range diag {
		if v != 1 {
			n++
		}
	}
	return float64(n) / float64(len(diag))
}

// opShape classifies a bound unitary op whose qubits, sorted, are qubits.
func opShape(op circuits.Op, base []complex128, qubits []int) shape {
	dt := 1 << len(op.Targets)
	diag, real := true, true
	for r := 0; r < dt; r++ {
		for c := 0; c < dt; c++ {
			v := base[r*dt+c]
			diag = diag && (r == c || v == 0)
			real = real && imag(v) == 0
		}
	}
	share := 1 / float64(int(1)<<len(op.Controls)) // controls restrict the gate to this share of the state
	switch {
	case diag && len(qubits) <= MaxQubits:
		d := opDiagonal(op, base, qubits)
		return shape{diagonal: true, real: real, diag: d, cost: diagonalCost(d)}
	case diag: // too wide to fuse: only its cost matters
		changed := 0
		for l := 0; l < dt; l++ {
			if base[l*dt+l] != 1 {
				changed++
			}
		}
		return shape{real: real, cost: float64(changed) / float64(dt) * share}
	case transposition(base, dt):
		return shape{real: real, cost: 2 / float64(dt) * share}
	}
	return shape{real: real, cost: denseShapeCost(len(op.Targets), real) * share}
}

// denseShapeCost looks up denseCost, doubling per qubit past the table.
func denseShapeCost(w int, real bool) float64 {
	c := denseCost[min(w, MaxQubits)]
	v := c.complex
	if real {
		v = c.real
	}
	for ; w > MaxQubits; w-- {
		v *= 2
	}
	return v
}

// transposition reports whether the d×d matrix m exchanges two basis
// states (with phases) and leaves the others alone: X, Y, SWAP, iSWAP. The
// simulator then moves only those two amplitudes per group.
func transposition(m []complex128, d int) bool {
	moved := 0
	for r := 0; r < d; r++ {
		switch v := m[r*d+r]; {
		case v == 1:
			for c := 0; c < d; c++ {
				if c != r && (m[r*d+c] != 0 || m[c*d+r] != 0) {
					return false
				}
			}
		case v == 0:
			moved++
		default:
			return false
		}
	}
	return moved == 2
}

// mergedShape is the shape of a group on the sorted qubits all made of
// parts (each on its own sorted qubits): diagonal if every part is, with
// the product diagonal; otherwise the dense cost for the width.
func mergedShape(parts []shape, qubits [][]int, all []int) shape {
	diag, real := true, true
	for _, p := range parts {
		diag = diag && p.diagonal
		real = real && p.real
	}
	if !diag {
		return shape{real: real, cost: denseShapeCost(len(all), real)}
	}
	prod := make([]complex128, 1<<len(all))
	for i := range prod {
		prod[i] = 1
	}
	for k, p := range parts {
		for i, v := range expandDiagonal(p.diag, qubits[k], all) {
			prod[i] *= v
		}
	}
	return shape{diagonal: true, real: real, diag: prod, cost: diagonalCost(prod)}
}
