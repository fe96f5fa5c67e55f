package qasm

import "github.com/qmlkit/qmlkit/circuits"

// slabSize is how many ints or params the emitter allocates at a time; ops
// share these blocks through capacity-limited slices, so appending to one
// op's slice never touches another's.
const slabSize = 1 << 12

// emitter appends ops to a circuit.
type emitter struct {
	c      *circuits.Circuit
	ints   []int
	params []circuits.Param
}

// ints copies q into fresh storage.
func (e *emitter) copyInts(q ...int) []int {
	n := len(q)
	if n > len(e.ints) {
		e.ints = make([]int, max(n, slabSize))
	}
	s := e.ints[:n:n]
	e.ints = e.ints[n:]
	copy(s, q)
	return s
}

// gate appends base gate g with angles p; the first ctrls qubits of q are
// controls, the rest targets.
func (e *emitter) gate(g circuits.Gate, p []float64, ctrls int, q []int) {
	qs := e.copyInts(q...)
	op := circuits.Op{Gate: g, Targets: qs[ctrls:]}
	if ctrls > 0 {
		op.Controls = qs[:ctrls:ctrls]
	}
	if len(p) > 0 {
		if len(p) > len(e.params) {
			e.params = make([]circuits.Param, max(len(p), slabSize))
		}
		ps := e.params[:len(p):len(p)]
		e.params = e.params[len(p):]
		for i, v := range p {
			ps[i] = circuits.Num(v)
		}
		op.Params = ps
	}
	e.c.Ops = append(e.c.Ops, op)
}

func (e *emitter) barrier(q []int) {
	e.c.Ops = append(e.c.Ops, circuits.Op{Gate: circuits.Barrier, Targets: e.copyInts(q...)})
}

func (e *emitter) measure(q, c int) {
	e.c.Ops = append(e.c.Ops, circuits.Op{Gate: circuits.Measure, Targets: e.copyInts(q), Clbits: e.copyInts(c)})
}

func (e *emitter) reset(q int) {
	e.c.Ops = append(e.c.Ops, circuits.Op{Gate: circuits.Reset, Targets: e.copyInts(q)})
}
