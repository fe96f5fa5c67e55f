package qasm

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/circuits"
)

// prelude is four lines, so the statement under test is on line 5.
const prelude = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\ncreg c[3];\n"

type badInput struct {
	name      string
	src       string
	line, col int
	msg       string // a fragment the message must contain
}

func nestedDoubling(levels int) string {
	var b strings.Builder
	b.WriteString("OPENQASM 2.0;\ninclude \"qelib1.inc\";\ngate g0 a { x a; }\n")
	for k := 1; k <= levels; k++ {
		fmt.Fprintf(&b, "gate g%d a { g%d a; g%d a; }\n", k, k-1, k-1)
	}
	fmt.Fprintf(&b, "qreg q[1];\ng%d q[0];\n", levels)
	return b.String()
}

var badInputs = []badInput{
	{"unknown gate", prelude + "foo q[0];\n", 5, 1, `unknown gate "foo"`},
	{"qelib1 gate without include", "OPENQASM 2.0;\nqreg q[1];\nh q[0];\n", 3, 1, `add include "qelib1.inc"`},
	{"wrong arity", prelude + "cx q[0];\n", 5, 1, "gate cx takes 2 qubit arguments, got 1"},
	{"wrong parameter count", prelude + "rz(1,2) q[0];\n", 5, 1, "gate rz takes 1 parameter, got 2"},
	{"missing parameters", prelude + "u3 q[0];\n", 5, 1, "gate u3 takes 3 parameters, got 0"},
	{"bad expression", prelude + "rz(1+) q[0];\n", 5, 6, `expected an expression, found ")"`},
	{"unknown identifier in expression", prelude + "rz(theta) q[0];\n", 5, 4, `unknown identifier "theta"`},
	{"malformed number", prelude + "rz(1e) q[0];\n", 5, 4, "exponent without digits"},
	{"undeclared register", prelude + "h r[0];\n", 5, 3, `undeclared register "r"`},
	{"classical register as qubit", prelude + "h c[0];\n", 5, 3, `"c" is a classical register`},
	{"quantum register as bit", prelude + "measure q[0] -> q[1];\n", 5, 17, `"q" is a quantum register`},
	{"index out of range", prelude + "h q[3];\n", 5, 5, "index 3 out of range for register q[3]"},
	{"missing semicolon", prelude + "h q[0]\nx q[1];\n", 5, 7, `missing ';' after gate h (found identifier "x")`},
	{"missing semicolon at end", prelude + "h q[0]", 5, 7, "missing ';' after gate h (found end of input)"},
	{"recursive gate", prelude + "gate g a { h a; g a; }\n", 5, 17, "gate g uses itself: recursive definitions are not allowed"},
	{"gate used before its definition", prelude + "gate a1 x { b1 x; }\ngate b1 x { h x; }\n", 5, 13, `unknown gate "b1" in the body of gate a1`},
	{"redefined gate", prelude + "gate g a { h a; }\ngate g a { x a; }\n", 6, 6, `gate "g" already defined at 5:1`},
	{"redefined qelib1 gate", prelude + "gate h a { x a; }\n", 5, 6, `gate "h" is built in and cannot be redefined`},
	{"indexed gate argument", prelude + "gate g a { h a[0]; }\n", 5, 15, "qubit arguments cannot be indexed"},
	{"measure in gate body", prelude + "gate g a { measure a -> c[0]; }\n", 5, 12, "measure is not allowed inside a gate definition"},
	{"unclosed gate body", prelude + "gate g a { h a;\n", 6, 1, "gate g: body is not closed"},
	{"unterminated comment", prelude + "h q[0]; /* never\nclosed\n", 5, 9, "unterminated block comment"},
	{"binary garbage", prelude + "h q[0];\x00\x01\x02", 5, 8, "NUL byte in input"},
	{"control character", prelude + "h q[0];\x07\n", 5, 8, "control character U+0007"},
	{"invalid UTF-8", "OPENQASM 2.0;\nqreg q[1];\n// ok \xff\n", 3, 7, "invalid UTF-8 byte 0xff"},
	{"non-ASCII outside comment", prelude + "h q[0]; θ\n", 5, 9, "unexpected character 'θ'"},
	{"duplicate register", prelude + "qreg q[2];\n", 5, 6, `register "q" already declared at 3:6`},
	{"register named like a gate", prelude + "qreg cx[2];\n", 5, 6, `cannot declare register "cx": the name is a gate`},
	{"repeated qubit", prelude + "cx q[0],q[0];\n", 5, 9, "qubit q[0] is used twice in one application of gate cx"},
	{"repeated qubit in broadcast", prelude + "cx q,q[1];\n", 5, 6, "qubit q[1] is used twice"},
	{"repeated qubit argument in body", prelude + "gate g a,b { cx a,a; }\n", 5, 19, `qubit argument "a" is used twice`},
	{"mismatched broadcast", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg a[2];\nqreg b[3];\ncx a,b;\n", 5, 6, "register sizes differ"},
	{"mismatched measure", prelude + "creg d[2];\nmeasure q -> d;\n", 6, 14, "register sizes differ (3 qubits, 2 bits)"},
	{"measure register into bit", prelude + "measure q -> c[0];\n", 5, 14, "measure a register into a register"},
	{"OpenQASM 3 header", "OPENQASM 3.0;\nqubit[2] q;\n", 1, 10, "OpenQASM 3.0 is not supported"},
	{"bad version", "OPENQASM 1.5;\n", 1, 10, "unsupported OpenQASM version 1.5"},
	{"missing header", "qreg q[1];\n", 1, 1, "expected the header 'OPENQASM 2.0;'"},
	{"empty input", "// nothing here\n", 2, 1, "empty program"},
	{"repeated header", prelude + "OPENQASM 2.0;\n", 5, 1, "may appear only once"},
	{"unknown include", "OPENQASM 2.0;\ninclude \"stdgates.inc\";\n", 2, 9, `cannot include "stdgates.inc"`},
	{"unterminated string", "OPENQASM 2.0;\ninclude \"qelib1.inc;\n", 2, 9, "unterminated string"},
	{"opaque gate", prelude + "opaque mygate(a) q;\n", 5, 1, "opaque gate mygate cannot be simulated"},
	{"classical condition", prelude + "if (c==1) x q[0];\n", 5, 1, "classically conditioned operations (if) are not supported"},
	{"division by zero", prelude + "rz(1/0) q[0];\n", 5, 5, "division by zero"},
	{"log of zero", prelude + "rz(ln(0)) q[0];\n", 5, 4, "logarithm of a non-positive number"},
	{"sqrt of negative", prelude + "rz(sqrt(-1)) q[0];\n", 5, 4, "square root of a negative number"},
	{"asin out of domain", prelude + "rz(asin(2)) q[0];\n", 5, 4, "argument outside [-1, 1]"},
	{"exp overflow", prelude + "rz(exp(1000)) q[0];\n", 5, 4, "exp(1000) is not finite"},
	{"power overflow", prelude + "rz(10^400) q[0];\n", 5, 6, "is not finite"},
	{"number out of range", prelude + "rz(1e999) q[0];\n", 5, 4, "number 1e999 is out of range"},
	{"division by zero during expansion", prelude + "gate g(a) x { rz(1/a) x; }\ng(0) q[0];\n", 6, 1,
		"division by zero (1/0) (in the body of gate g, at 5:19)"},
	{"expansion blow-up", nestedDoubling(30), 35, 1, "expands to more than 10000000 operations"},
	{"too many qubits", "OPENQASM 2.0;\nqreg q[2000000];\n", 2, 8, "would make more than 1048576 qubits"},
	{"too many qubits in total", "OPENQASM 2.0;\nqreg a[1048576];\nqreg b[1];\n", 3, 8, "would make more than 1048576 qubits"},
	{"size overflowing int", "OPENQASM 2.0;\nqreg q[99999999999999999999999];\n", 2, 8, "would make more than"},
	{"empty register", "OPENQASM 2.0;\nqreg q[0];\n", 2, 8, "sizes must be positive"},
	{"no qubits", "OPENQASM 2.0;\ncreg c[1];\n", 3, 1, "declares no qubits"},
	{"expression too deep", "OPENQASM 2.0;\nqreg q[1];\nU(" + strings.Repeat("(", 2000) + "0" + strings.Repeat(")", 2000) + ",0,0) q[0];\n",
		3, 1003, "nested too deeply"},
	{"long flat sum", "OPENQASM 2.0;\nqreg q[1];\nU(0" + strings.Repeat("+1", 1500) + ",0,0) q[0];\n", 3, 2002, "nested too deeply"},
}

func TestMalformedInputsReportPosition(t *testing.T) {
	for _, tc := range badInputs {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse([]byte(tc.src), "bad.qasm")
			require.Error(t, err)
			assert.Nil(t, c)
			var qe *Error
			require.True(t, errors.As(err, &qe), "error is an *Error")
			assert.Equal(t, "bad.qasm", qe.File)
			assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{qe.Line, qe.Col}, "line:col of %q", qe.Msg)
			assert.Contains(t, qe.Msg, tc.msg)
			assert.Equal(t, fmt.Sprintf("bad.qasm:%d:%d: %s", tc.line, tc.col, qe.Msg), err.Error())
		})
	}
}

func TestErrorFormatWithoutFile(t *testing.T) {
	_, err := Parse([]byte(prelude+"foo q[0];\n"), "")
	require.EqualError(t, err, `5:1: unknown gate "foo"`)
}

func TestExpansionBudget(t *testing.T) {
	// Ten doublings expand to 1024 ops, well inside the default budget.
	c, err := Parse([]byte(nestedDoubling(10)), "")
	require.NoError(t, err)
	assert.Len(t, c.Ops, 1024)

	// A register broadcast counts one op per qubit against MaxOps.
	src := "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[100];\nh q;\nh q;\n"
	_, err = ParseOptions{MaxOps: 150}.Parse([]byte(src), "")
	var qe *Error
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, [2]int{5, 1}, [2]int{qe.Line, qe.Col})
	c, err = ParseOptions{MaxOps: 200}.Parse([]byte(src), "")
	require.NoError(t, err)
	assert.Len(t, c.Ops, 200)

	// A barrier counts one per qubit.
	_, err = ParseOptions{MaxOps: 99}.Parse([]byte("OPENQASM 2.0;\nqreg q[100];\nbarrier q;\n"), "")
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, [2]int{3, 1}, [2]int{qe.Line, qe.Col})
}

func TestMaximalRegisterIsAccepted(t *testing.T) {
	c, err := Parse([]byte("OPENQASM 2.0;\nqreg q[1048576];\ncreg c[1048576];\n"), "")
	require.NoError(t, err)
	assert.Equal(t, circuits.MaxQubits, c.NumQubits)
	assert.Equal(t, MaxClbits, c.NumClbits)
}
