package qasm_test

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/circuits/qasm"
)

func ExampleParse() {
	src := `OPENQASM 2.0;
include "qelib1.inc";
gate bell a, b { h a; cx a, b; }
qreg q[3];
creg c[3];
bell q[0], q[1];
rz(pi/4) q[2];
measure q -> c;
`
	c, err := qasm.Parse([]byte(src), "bell.qasm")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.NumQubits, "qubits,", c.NumClbits, "classical bits")
	counts := c.CountOps()
	for _, name := range slices.Sorted(maps.Keys(counts)) {
		fmt.Println(name, counts[name])
	}
	fmt.Print(c)
	// Output:
	// 3 qubits, 3 classical bits
	// cx 1
	// h 1
	// measure 3
	// rz 1
	// q0: ─────H──────■───M0──
	// q1: ────────────⊕───M1──
	// q2: ──RZ(pi/4)──M2──────
}

func ExampleParse_error() {
	_, err := qasm.Parse([]byte("OPENQASM 2.0;\nqreg q[2];\nh q[0];\n"), "x.qasm")
	fmt.Println(err)
	// Output:
	// x.qasm:3:1: unknown gate "h" (it is defined in qelib1.inc: add include "qelib1.inc";)
}

func ExampleMarshal() {
	c := circuits.New(3).H(0).CX(0, 1).CRZ(math.Pi/4, 1, 2).RYY(0.5, 0, 2)
	c.MeasureAll()
	text, err := qasm.Marshal(c, qasm.V2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(text))
	// Output:
	// OPENQASM 2.0;
	// include "qelib1.inc";
	// gate ryy(param0) q0,q1 { rx(pi/2) q0; rx(pi/2) q1; cx q0,q1; rz(param0) q1; cx q0,q1; rx(-pi/2) q0; rx(-pi/2) q1; }
	// qreg q[3];
	// creg meas[3];
	// h q[0];
	// cx q[0],q[1];
	// crz(pi/4) q[1],q[2];
	// ryy(0.5) q[0],q[2];
	// barrier q[0],q[1],q[2];
	// measure q[0] -> meas[0];
	// measure q[1] -> meas[1];
	// measure q[2] -> meas[2];
}

func ExampleMarshal_v3() {
	c := circuits.New(3)
	alpha := c.AddParams("alpha", 1)[0]
	c.Gate(circuits.RY, []circuits.Param{alpha}, 0)
	c.MCX([]int{0, 1}, 2).MCP(math.Pi/8, []int{0, 1}, 2)
	c.GlobalPhase = 0.25
	text, err := qasm.Marshal(c, qasm.V3)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(text))
	// Output:
	// OPENQASM 3.0;
	// include "stdgates.inc";
	// input float[64] alpha;
	// qubit[3] q;
	// gphase(0.25);
	// ry(alpha) q[0];
	// ccx q[0], q[1], q[2];
	// ctrl(2) @ p(pi/8) q[0], q[1], q[2];
}

func ExampleWriteOptions() {
	c := circuits.New(1).H(0)
	c.GlobalPhase = math.Pi / 2
	_, err := qasm.Marshal(c, qasm.V2)
	fmt.Println(err)
	text, _ := qasm.WriteOptions{DropGlobalPhase: true}.Marshal(c, qasm.V2)
	fmt.Print(string(text))
	// Output:
	// qasm: the circuit has global phase 1.5707963267948966 (including the phases of 1-qubit unitaries): OpenQASM 2.0 cannot express a global phase; use V3 or WriteOptions{DropGlobalPhase: true}
	// OPENQASM 2.0;
	// include "qelib1.inc";
	// qreg q[1];
	// h q[0];
}
