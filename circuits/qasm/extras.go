package qasm

import (
	"fmt"
	"strings"
)

// extraOrder lists the gates outside qelib1.inc that the V2 writer defines
// in the file when a circuit uses them, in the order it writes them.
var extraOrder = []string{"ryy", "rzx", "iswap", "ccz", "cs", "csdg"}

// extraDefs are those definitions, built from qelib1 gates and exact
// including the global phase (the tests check each against the base gate's
// matrix). They follow the layout of Qiskit's qasm2 exporter, so a file
// written by either tool is recognised by the reader (see canonicalExtras).
var extraDefs = map[string]string{
	"ryy":   "gate ryy(param0) q0,q1 { rx(pi/2) q0; rx(pi/2) q1; cx q0,q1; rz(param0) q1; cx q0,q1; rx(-pi/2) q0; rx(-pi/2) q1; }",
	"rzx":   "gate rzx(param0) q0,q1 { h q1; cx q0,q1; rz(param0) q1; cx q0,q1; h q1; }",
	"iswap": "gate iswap q0,q1 { s q0; s q1; h q0; cx q0,q1; cx q1,q0; h q1; }",
	"ccz":   "gate ccz q0,q1,q2 { h q2; ccx q0,q1,q2; h q2; }",
	"cs":    "gate cs q0,q1 { p(pi/4) q0; cx q0,q1; p(-pi/4) q1; cx q0,q1; p(pi/4) q1; }",
	"csdg":  "gate csdg q0,q1 { p(-pi/4) q0; cx q0,q1; p(pi/4) q1; cx q0,q1; p(-pi/4) q1; }",
}

// canonicalExtras maps each extra gate to the canonical form (canonBody) of
// its definition in extraDefs. A file that defines an extra gate with
// exactly this body (up to names) gets the built-in gate, so files the V2
// writer produces read back op for op; any other body is a user gate and is
// expanded, because a user definition takes precedence over an extra.
var canonicalExtras map[string]string

func init() { canonicalExtras = buildCanonicalExtras() }

func buildCanonicalExtras() map[string]string {
	var b strings.Builder
	b.WriteString("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n")
	for _, name := range extraOrder {
		b.WriteString(extraDefs[name] + "\n")
	}
	b.WriteString("qreg q[1];\n")
	p := newParser([]byte(b.String()), "extras", ParseOptions{})
	p.recognize = false
	if _, err := p.run(); err != nil {
		panic(fmt.Sprintf("qasm: built-in extra gate definitions do not parse: %v", err))
	}
	m := make(map[string]string, len(extraOrder))
	for _, name := range extraOrder {
		g := p.gates[name]
		if g == nil || g.def == nil {
			panic(fmt.Sprintf("qasm: built-in definition of %s missing", name))
		}
		m[name] = canonBody(g.def)
	}
	return m
}

// canonBody renders a definition with parameters and qubits by position and
// callees marked as built-in or user-defined.
func canonBody(d *gateDef) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d;%d;", len(d.params), len(d.qubits))
	for _, st := range d.body {
		if st.callee == nil {
			b.WriteString("barrier")
		} else {
			kind := "u:"
			if st.callee.bi != nil {
				kind = "b:"
			}
			b.WriteString(kind + st.callee.name + "(")
			for i, e := range st.params {
				if i > 0 {
					b.WriteString(",")
				}
				e.canon(&b)
			}
			b.WriteString(")")
		}
		for _, a := range st.args {
			fmt.Fprintf(&b, " #%d", a)
		}
		b.WriteString(";")
	}
	return b.String()
}
