package qasm

import (
	"math"

	"github.com/qmlkit/qmlkit/circuits"
)

// builtin is a gate the reader knows without a definition in the file: the
// language's U and CX, the gates of qelib1.inc, and a few extras Qiskit writes.
type builtin struct {
	name   string
	params int
	qubits int
	ops    int64 // ops appended per application (the expansion budget charge)
	extra  bool  // not in qelib1.inc: a user definition of this name replaces it
	emit   func(e *emitter, p []float64, q []int)
}

// base maps a gate name onto base gate g with the first ctrls qubits as
// controls: cx is X with one control, ccx X with two, cswap SWAP with one.
func base(name string, g circuits.Gate, ctrls int) *builtin {
	return &builtin{
		name: name, params: g.NumParams(), qubits: g.NumTargets() + ctrls, ops: 1,
		emit: func(e *emitter, p []float64, q []int) { e.gate(g, p, ctrls, q) },
	}
}

func extra(b *builtin) *builtin {
	b.extra = true
	return b
}

// coreGates are built into the language; qelib1Gates come with
// include "qelib1.inc", together with extraGates.
var (
	coreGates   = gateMap(base("U", circuits.U, 0), base("CX", circuits.X, 1))
	qelib1Gates = gateMap(
		base("u3", circuits.U, 0),
		base("u", circuits.U, 0),
		&builtin{name: "u2", params: 2, qubits: 1, ops: 1, emit: func(e *emitter, p []float64, q []int) {
			e.gate(circuits.U, []float64{math.Pi / 2, p[0], p[1]}, 0, q)
		}},
		base("u1", circuits.P, 0),
		base("p", circuits.P, 0),
		&builtin{name: "u0", params: 1, qubits: 1, ops: 1, emit: func(e *emitter, _ []float64, q []int) {
			e.gate(circuits.I, nil, 0, q)
		}},
		base("id", circuits.I, 0),
		base("x", circuits.X, 0),
		base("y", circuits.Y, 0),
		base("z", circuits.Z, 0),
		base("h", circuits.H, 0),
		base("s", circuits.S, 0),
		base("sdg", circuits.Sdg, 0),
		base("t", circuits.T, 0),
		base("tdg", circuits.Tdg, 0),
		base("sx", circuits.SX, 0),
		base("sxdg", circuits.SXdg, 0),
		base("rx", circuits.RX, 0),
		base("ry", circuits.RY, 0),
		base("rz", circuits.RZ, 0),
		base("cx", circuits.X, 1),
		base("cy", circuits.Y, 1),
		base("cz", circuits.Z, 1),
		base("ch", circuits.H, 1),
		base("csx", circuits.SX, 1),
		base("swap", circuits.SWAP, 0),
		base("ccx", circuits.X, 2),
		base("cswap", circuits.SWAP, 1),
		base("crx", circuits.RX, 1),
		base("cry", circuits.RY, 1),
		base("crz", circuits.RZ, 1),
		base("cu1", circuits.P, 1),
		base("cp", circuits.P, 1),
		base("cu3", circuits.U, 1),
		// cu(θ,φ,λ,γ) is the controlled e^{iγ}U(θ,φ,λ): the phase lands on the
		// control, as Circuit.CU builds it.
		&builtin{name: "cu", params: 4, qubits: 2, ops: 2, emit: func(e *emitter, p []float64, q []int) {
			if p[3] != 0 {
				e.gate(circuits.P, p[3:4], 0, q[:1])
			}
			e.gate(circuits.U, p[:3], 1, q)
		}},
		base("rxx", circuits.RXX, 0),
		base("rzz", circuits.RZZ, 0),
		// The relative-phase Toffolis are not controlled gates; they are
		// appended as their qelib1 definitions.
		&builtin{name: "rccx", qubits: 3, ops: 9, emit: func(e *emitter, _ []float64, q []int) {
			e.c.RCCX(q[0], q[1], q[2])
		}},
		&builtin{name: "rc3x", qubits: 4, ops: 18, emit: func(e *emitter, _ []float64, q []int) {
			e.c.RC3X(q[0], q[1], q[2], q[3])
		}},
		base("c3x", circuits.X, 3),
		base("c3sqrtx", circuits.SX, 3),
		base("c4x", circuits.X, 4),

		extra(base("ryy", circuits.RYY, 0)),
		extra(base("rzx", circuits.RZX, 0)),
		extra(base("iswap", circuits.ISWAP, 0)),
		extra(base("ccz", circuits.Z, 2)),
		extra(base("cs", circuits.S, 1)),
		extra(base("csdg", circuits.Sdg, 1)),
	)
)

func gateMap(bs ...*builtin) map[string]*builtin {
	m := make(map[string]*builtin, len(bs))
	for _, b := range bs {
		m[b.name] = b
	}
	return m
}
