package qasm

import (
	"math"
	"math/cmplx"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/circuits"
)

func parseTestdata(t *testing.T, name string) *circuits.Circuit {
	t.Helper()
	c, err := ParseFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	require.NoError(t, c.Validate())
	return c
}

func TestQFTFileMatchesLibraryAndAnalyticResult(t *testing.T) {
	got := parseTestdata(t, "qft4_qiskit.qasm")

	want, err := circuits.New(4).X(0).X(2).Compose(circuits.QFT(4), nil)
	require.NoError(t, err)
	want.QRegs = []circuits.Register{{Name: "q", Start: 0, Size: 4}}
	want.MeasureAll()
	requireSameOps(t, want, got)
	assert.Equal(t, want.QRegs, got.QRegs)
	assert.Equal(t, want.CRegs, got.CRegs)

	// QFT|x⟩ = ¼ Σ_y e^{2πi·x·y/16}|y⟩ for x = 0b0101 = 5.
	state := simulate(t, got)
	for y := range state {
		wantAmp := cmplx.Rect(0.25, 2*math.Pi*5*float64(y)/16)
		assert.InDeltaf(t, 0, cmplx.Abs(state[y]-wantAmp), 1e-12, "amplitude of |%d⟩", y)
	}
}

func TestGHZFileGivesCatState(t *testing.T) {
	got := parseTestdata(t, "ghz5_mqtbench.qasm")
	want := circuits.New(5).H(4).CX(4, 3).CX(3, 2).CX(2, 1).CX(1, 0)
	want.MeasureAll()
	requireSameOps(t, want, got)

	state := simulate(t, got)
	expected := make([]complex128, 32)
	expected[0], expected[31] = complex(1/math.Sqrt2, 0), complex(1/math.Sqrt2, 0)
	assert.InDelta(t, 0, maxDiff(expected, state), 1e-12)
}

func TestAdderFileAddsAndKeepsRegisters(t *testing.T) {
	got := parseTestdata(t, "adder_qasmbench.qasm")
	assert.Equal(t, []circuits.Register{
		{Name: "cin", Start: 0, Size: 1}, {Name: "a", Start: 1, Size: 4},
		{Name: "b", Start: 5, Size: 4}, {Name: "cout", Start: 9, Size: 1},
	}, got.QRegs)
	assert.Equal(t, []circuits.Register{{Name: "ans", Start: 0, Size: 5}}, got.CRegs)

	const cin, a, b, cout = 0, 1, 5, 9
	want := circuits.New(10, 5)
	majority := func(x, y, z int) { want.CX(z, y).CX(z, x).CCX(x, y, z) }
	unmaj := func(x, y, z int) { want.CCX(x, y, z).CX(z, x).CX(x, y) }
	want.X(a).X(b, b+1, b+2, b+3)
	majority(cin, b, a)
	for i := 1; i < 4; i++ {
		majority(a+i-1, b+i, a+i)
	}
	want.CX(a+3, cout)
	for i := 3; i >= 1; i-- {
		unmaj(a+i-1, b+i, a+i)
	}
	unmaj(cin, b, a)
	for i := 0; i < 4; i++ {
		want.Measure(b+i, i)
	}
	want.Measure(cout, 4)
	requireSameOps(t, want, got)

	// 1 + 15 = 16: b becomes 0000 with the carry out set; a keeps 0001.
	state := simulate(t, got)
	index := 1<<a | 1<<cout
	assert.InDelta(t, 1, cmplx.Abs(state[index]), 1e-12)
	assert.InDelta(t, 1, real(state[index]), 1e-12)
}

func TestNestedParameterisedGatesExpandWithExpressions(t *testing.T) {
	got := parseTestdata(t, "nested_params.qasm")

	want := circuits.New(3)
	rot := func(x, y, z float64, q int) { want.RZ(x, q).RY(y, q).RZ(z, q) }
	ent := func(th float64, q0, q1 int) {
		want.CX(q0, q1).RZ(-th/2, q1).CX(q0, q1).P(math.Pow(th, 2)/math.Pi, q0)
	}
	layer := func(th, s float64, a, b, c int) {
		rot(th, s*2, -th+s, a)
		rot(math.Sin(th), math.Cos(s), math.Tan(th/4), b)
		rot(math.Exp(-s), math.Log(2*math.Pi), math.Sqrt(th*th+s*s), c)
		ent(th, a, b)
		ent(-(s-th)*3, b, c)
		want.Barrier(a, b, c)
	}
	layer(0.3, 0.12, 0, 1, 2)
	layer(math.Pi/3, -0.5, 2, 0, 1)
	want.U2(0.5, math.Pow(2, math.Pow(3, 0.5)), 1)

	requireSimilarOps(t, want, got, 1e-14)
	assert.InDelta(t, 0, maxDiff(simulate(t, want), simulate(t, got)), 1e-12)
}

func TestBroadcastingOverSeveralRegisters(t *testing.T) {
	got := parseTestdata(t, "registers_broadcast.qasm")
	want := circuits.New(5, 4)
	want.Reset(0, 1, 4).H(0, 1)
	want.CX(0, 2).CX(1, 3).CX(0, 2).CX(0, 3).CCX(0, 1, 4)
	want.Barrier(0, 1, 3).RZ(math.Pi/8, 2).RZ(math.Pi/8, 3).SWAP(1, 4)
	want.Measure(0, 0).Measure(1, 1).Measure(2, 2).Measure(3, 3)
	requireSameOps(t, want, got)
	assert.Equal(t, []circuits.Register{{Name: "ca", Start: 0, Size: 2}, {Name: "cb", Start: 2, Size: 2}}, got.CRegs)
	assert.InDelta(t, 0, maxDiff(simulate(t, want), simulate(t, got)), 1e-12)
}

func TestQiskitStyleFileWithExtraGateDefinitions(t *testing.T) {
	got := parseTestdata(t, "qiskit_extras.qasm")
	want := circuits.New(5, 5)
	want.U(0.1, 0.2, 0.3, 0).U(math.Pi/2, -math.Pi/4, 3*math.Pi/4, 1).P(-0.7, 2).P(1.1, 3).ID(4).ID(4)
	want.SX(0).SXdg(1).Y(2).Z(3).T(4).Tdg(0).S(1).Sdg(2)
	want.RYY(0.25, 0, 1).RZX(-1.5, 1, 2).ISWAP(2, 3).CCZ(0, 1, 4)
	want.RY(0.9, 3).CZ(3, 4) // gate_Q is an ordinary user gate
	want.RXX(0.4, 0, 3).RZZ(0.6, 1, 4)
	want.CY(0, 1).CH(1, 2).CSX(2, 3).CRX(0.5, 3, 4).CRY(-0.5, 4, 0).CRZ(1.25, 0, 2).CP(0.3, 1, 3)
	want.Controlled(circuits.U, circuits.Nums(0.1, 0.2, 0.3), []int{2}, 4)
	want.CU(0.4, 0.5, 0.6, 0.7, 3, 0)
	want.CSWAP(4, 0, 1).RC3X(0, 1, 2, 3).MCX([]int{1, 2, 3}, 4)
	want.Controlled(circuits.SX, nil, []int{4, 3, 2}, 1).MCX([]int{0, 1, 2, 3}, 4)
	for q := 0; q < 5; q++ {
		want.Measure(q, q)
	}
	requireSameOps(t, want, got)
	assert.InDelta(t, 0, maxDiff(simulate(t, want), simulate(t, got)), 1e-12)
}

func TestUserDefinitionOfExtraGateTakesPrecedence(t *testing.T) {
	src := `OPENQASM 2.0;
include "qelib1.inc";
gate ryy(t) a,b { rx(t) a; cz a,b; }
gate iswap a { x a; }
qreg q[2];
ryy(0.5) q[0],q[1];
iswap q[1];
`
	got, err := Parse([]byte(src), "")
	require.NoError(t, err)
	want := circuits.New(2).RX(0.5, 0).CZ(0, 1).X(1)
	requireSameOps(t, want, got)
}

func TestRegisterShadowsExtraGate(t *testing.T) {
	src := "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg iswap[2];\ncx iswap[0],iswap[1];\n"
	got, err := Parse([]byte(src), "")
	require.NoError(t, err)
	requireSameOps(t, circuits.New(2).CX(0, 1), got)
}

func TestGateWithoutQelib1UsesOnlyBuiltins(t *testing.T) {
	src := `OPENQASM 2.0;
gate h a { U(pi/2,0,pi) a; }
gate cnot c,t { CX c,t; }
qreg q[2];
h q[0];
cnot q[0],q[1];
`
	got, err := Parse([]byte(src), "")
	require.NoError(t, err)
	requireSameOps(t, circuits.New(2).U2(0, math.Pi, 0).CX(0, 1), got)
}

func TestExpressionPrecedence(t *testing.T) {
	cases := map[string]float64{
		"1+2*3":                 7,
		"-2^2":                  -4,
		"2^3^2":                 512,
		"2^-1":                  0.5,
		"(1+2)*3":               9,
		"10/4/5":                0.5,
		"-pi/2":                 -math.Pi / 2,
		"3*pi/4":                3 * math.Pi / 4,
		"1e-3+.5":               0.501,
		"2.5E2":                 250,
		"sqrt(16)-ln(exp(2))":   2,
		"asin(1)":               math.Pi / 2,
		"--1":                   1,
		"+3":                    3,
		"7-2-1":                 4,
		"cos(0)*tan(0)+atan(1)": math.Pi / 4,
	}
	for text, want := range cases {
		c, err := Parse([]byte("OPENQASM 2.0;\nqreg q[1];\nU("+text+",0,0) q[0];\n"), "")
		require.NoError(t, err, text)
		assert.InDelta(t, want, c.Ops[0].Params[0].Value, 1e-15, text)
	}
}

func TestByteOrderMarkAndCRLF(t *testing.T) {
	src := "\uFEFFOPENQASM 2.0;\r\ninclude \"qelib1.inc\";\r\nqreg q[1];\r\nx q[0];\r\n"
	c, err := Parse([]byte(src), "")
	require.NoError(t, err)
	requireSameOps(t, circuits.New(1).X(0), c)
}

func TestParseFileMissing(t *testing.T) {
	_, err := ParseFile(filepath.Join(t.TempDir(), "missing.qasm"))
	var qe *Error
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, 0, qe.Line)
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.Contains(t, err.Error(), "missing.qasm: cannot read file")
}
