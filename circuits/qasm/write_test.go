package qasm

import (
	"cmp"
	"errors"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/circuits"
)

// roundTrip writes c as V2, reads it back and checks the ops are identical;
// writing the result again must give the same text.
func roundTrip(t *testing.T, c *circuits.Circuit) *circuits.Circuit {
	t.Helper()
	text, err := Marshal(c, V2)
	require.NoError(t, err)
	back, err := Parse(text, "roundtrip.qasm")
	require.NoError(t, err, "%s", text)
	requireSameOps(t, c, back)
	again, err := Marshal(back, V2)
	require.NoError(t, err)
	require.Equal(t, string(text), string(again))
	return back
}

func TestRoundTripTestdata(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.qasm"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 6)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			c, err := ParseFile(f)
			require.NoError(t, err)
			back := roundTrip(t, c)
			assert.Equal(t, c.QRegs, back.QRegs)
			assert.Equal(t, c.CRegs, back.CRegs)
			if !c.HasMidCircuitMeasurement() {
				assert.InDelta(t, 0, maxDiff(simulate(t, c), simulate(t, back)), 1e-12)
			}
			_, err = Marshal(c, V3)
			require.NoError(t, err)
		})
	}
}

// v2Kinds lists every base gate + control count V2 can write, in a fixed order.
func v2Kinds() []gateKey {
	keys := make([]gateKey, 0, len(v2Names))
	for k := range v2Names {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b gateKey) int {
		return cmp.Or(cmp.Compare(a.gate, b.gate), cmp.Compare(a.controls, b.controls))
	})
	return keys
}

// randomAngle mixes plain numbers with exact multiples of π and awkward values.
func randomAngle(rng *rand.Rand) float64 {
	switch rng.IntN(8) {
	case 0:
		return float64(rng.IntN(33)-16) * math.Pi / float64([]int{1, 2, 3, 4, 6, 8, 12, 16, 32, 64}[rng.IntN(10)])
	case 1:
		return []float64{0, math.Copysign(0, -1), 1e-300, 5e-324, 1e10, -2.5e-7, math.Pi * 1e-3}[rng.IntN(7)]
	default:
		return rng.NormFloat64() * 3
	}
}

// randomCircuit draws ops from kinds on n qubits; measure adds measurements,
// resets and barriers.
func randomCircuit(rng *rand.Rand, kinds []gateKey, n, nops int, measure bool) *circuits.Circuit {
	c := circuits.New(n, n)
	c.QRegs = []circuits.Register{{Name: "data", Start: 0, Size: n - 2}, {Name: "anc", Start: n - 2, Size: 2}}
	for len(c.Ops) < nops {
		if measure && rng.IntN(10) == 0 {
			switch rng.IntN(3) {
			case 0:
				c.Measure(rng.IntN(n), rng.IntN(n))
			case 1:
				c.Reset(rng.IntN(n))
			default:
				c.Barrier(rng.Perm(n)[:1+rng.IntN(n)]...)
			}
			continue
		}
		k := kinds[rng.IntN(len(kinds))]
		qs := rng.Perm(n)[:k.gate.NumTargets()+k.controls]
		ps := make([]float64, k.gate.NumParams())
		for i := range ps {
			ps[i] = randomAngle(rng)
		}
		c.Controlled(k.gate, circuits.Nums(ps...), qs[:k.controls], qs[k.controls:]...)
		if k.controls == 0 {
			c.Ops[len(c.Ops)-1].Controls = nil
		}
	}
	return c
}

func TestRoundTripRandomCircuitsCoverEveryV2Kind(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	kinds := v2Kinds()
	seen := map[gateKey]bool{}
	for trial := 0; trial < 20; trial++ {
		c := randomCircuit(rng, kinds, 6, 60, false)
		for _, op := range c.Ops {
			seen[gateKey{op.Gate, len(op.Controls)}] = true
		}
		back := roundTrip(t, c)
		assert.InDelta(t, 0, maxDiff(simulate(t, c), simulate(t, back)), 1e-12)

		withMeasure := randomCircuit(rng, kinds, 6, 60, true)
		roundTrip(t, withMeasure)
	}
	assert.Len(t, seen, len(kinds), "every V2 kind was drawn")
}

// randomUnitary2 returns e^{iγ}·U(θ,φ,λ) for random angles.
func randomUnitary2(rng *rand.Rand) []complex128 {
	m, _ := circuits.U.Matrix(rng.Float64()*math.Pi, rng.NormFloat64()*2, rng.NormFloat64()*2)
	ph := cmplx.Rect(1, rng.NormFloat64()*2)
	for i := range m {
		m[i] *= ph
	}
	return m
}

func TestZYZReconstructsTheMatrix(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ms := [][]complex128{
		{cmplx.Rect(1, 0.3), 0, 0, cmplx.Rect(1, -1.1)}, // diagonal
		{0, cmplx.Rect(1, 2.0), cmplx.Rect(1, -0.4), 0}, // anti-diagonal
		{1, 0, 0, 1}, // identity
		{complex(1, 0), complex(-1e-17, 0), complex(1e-17, 0), 1}, // nearly diagonal
	}
	for i := 0; i < 50; i++ {
		ms = append(ms, randomUnitary2(rng))
	}
	for _, m := range ms {
		th, ph, la, ga := zyz(m)
		u, err := circuits.U.Matrix(th, ph, la)
		require.NoError(t, err)
		for i := range u {
			u[i] *= cmplx.Rect(1, ga)
		}
		assert.InDelta(t, 0, maxDiff(m, u), 1e-14, "%v", m)
	}
}

func TestOneQubitUnitaryIsWrittenAsU3AndCu(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	m := randomUnitary2(rng)
	_, _, _, gamma := zyz(m)

	c := circuits.New(2).H(0, 1).UnitaryGate(m, 1)
	_, err := Marshal(c, V2)
	require.ErrorIs(t, err, ErrGlobalPhase)

	text, err := WriteOptions{DropGlobalPhase: true}.Marshal(c, V2)
	require.NoError(t, err)
	back, err := Parse(text, "")
	require.NoError(t, err)
	want := simulate(t, c)
	got := simulate(t, back)
	assert.Greater(t, maxDiff(want, got), 1e-3, "the dropped phase is visible")
	assert.InDelta(t, 0, maxDiff(want, phaseAligned(want, got)), 1e-12)

	// Compensating the unitary's phase in the circuit's makes V2 exact.
	c.GlobalPhase = -gamma
	text, err = Marshal(c, V2)
	require.NoError(t, err)
	back, err = Parse(text, "")
	require.NoError(t, err)
	assert.InDelta(t, 0, maxDiff(simulate(t, c), simulate(t, back)), 1e-12)

	// With one control the phase is relative and cu carries it exactly.
	cc := circuits.New(2).H(0, 1)
	cc.Append(circuits.Op{Gate: circuits.Unitary, Targets: []int{1}, Controls: []int{0}, Matrix: m})
	text, err = Marshal(cc, V2)
	require.NoError(t, err)
	assert.Contains(t, string(text), "cu(")
	back, err = Parse(text, "")
	require.NoError(t, err)
	assert.InDelta(t, 0, maxDiff(simulate(t, cc), simulate(t, back)), 1e-12)
}

func TestV2WriterRefusesWhatItCannotExpress(t *testing.T) {
	u4 := make([]complex128, 16)
	for i := 0; i < 4; i++ {
		u4[i*4+i] = 1
	}
	theta := circuits.New(2)
	p := theta.AddParams("theta", 1)
	theta.Gate(circuits.RZ, p, 0)
	cases := []struct {
		name string
		c    *circuits.Circuit
		msg  string
	}{
		{"five controls", circuits.New(6).H(0).MCX([]int{0, 1, 2, 3, 4}, 5),
			"op 1 (c5x): x with 5 controls has no qelib1.inc name and cannot be expressed exactly in OpenQASM 2.0; use V3"},
		{"ry with two controls", circuits.New(3).Controlled(circuits.RY, circuits.Nums(0.2), []int{0, 1}, 2),
			"op 0 (ccry): ry with 2 controls has no qelib1.inc name"},
		{"controlled identity", circuits.New(2).Controlled(circuits.I, nil, []int{0}, 1), "op 0 (cid): id with 1 control"},
		{"two-qubit unitary", circuits.New(2).UnitaryGate(u4, 0, 1), "op 0 (unitary): a 2-qubit unitary matrix has no exact OpenQASM 2.0 form"},
		{"doubly controlled unitary", circuits.New(3).Append(circuits.Op{Gate: circuits.Unitary, Targets: []int{2}, Controls: []int{0, 1}, Matrix: []complex128{0, 1, 1, 0}}),
			"a 1-qubit unitary with 2 controls cannot be expressed exactly in OpenQASM 2.0; use V3"},
		{"unbound parameter", theta, "circuit has unbound parameters"},
		{"global phase", &circuits.Circuit{NumQubits: 1, GlobalPhase: 0.5}, "global phase 0.5"},
		{"invalid circuit", circuits.New(1).X(3), "cannot write an invalid circuit"},
		{"too many classical bits", circuits.New(1, MaxClbits+1), "classical bit count 1048577 out of range"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			err := Write(&b, tc.c, V2)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.msg)
			assert.Empty(t, b.String(), "nothing is written on error")
		})
	}
	_, err := Marshal(theta, V2)
	assert.True(t, errors.Is(err, circuits.ErrUnbound))
	_, err = Marshal(circuits.New(1), Version(4))
	assert.ErrorContains(t, err, "unknown version 4")
	_, err = Marshal(circuits.New(2).UnitaryGate(u4, 0, 1), V3)
	assert.ErrorContains(t, err, "2-qubit unitary matrix has no exact OpenQASM 3.0 form")
}

func TestGlobalPhaseMultipleOfTwoPiIsAccepted(t *testing.T) {
	c := &circuits.Circuit{NumQubits: 1, GlobalPhase: 4 * math.Pi}
	c.H(0)
	text, err := Marshal(c, V2)
	require.NoError(t, err)
	assert.Equal(t, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nh q[0];\n", string(text))
}

func TestRegisterNamesFallBackWhenTheyCannotBeKept(t *testing.T) {
	c := circuits.New(3, 2).H(0).CX(1, 2).Measure(2, 1)
	c.QRegs = []circuits.Register{{Name: "h", Start: 0, Size: 3}} // a gate name
	c.CRegs = []circuits.Register{{Name: "q", Start: 0, Size: 2}}
	text, err := Marshal(c, V2)
	require.NoError(t, err)
	assert.Equal(t, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\ncreg c[2];\nh q[0];\ncx q[1],q[2];\nmeasure q[2] -> c[1];\n", string(text))

	// Registers that tile the qubits out of declaration order are written
	// by position, so the reader's concatenation restores the numbering.
	c.QRegs = []circuits.Register{{Name: "b", Start: 1, Size: 2}, {Name: "a", Start: 0, Size: 1}}
	c.CRegs = []circuits.Register{{Name: "m", Start: 0, Size: 1}} // does not cover bit 1
	text, err = Marshal(c, V2)
	require.NoError(t, err)
	assert.Contains(t, string(text), "qreg a[1];\nqreg b[2];\ncreg c[2];\nh a[0];\ncx b[0],b[1];\nmeasure b[1] -> c[1];\n")
	back, err := Parse(text, "")
	require.NoError(t, err)
	requireSameOps(t, c, back)
}

func TestFormatAngleReadsBackExactly(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	values := []float64{0, math.Copysign(0, -1), math.Pi, -math.Pi, math.Pi / 2, 3 * math.Pi / 4, -math.Pi / 3,
		2 * math.Pi, 1e-320, math.SmallestNonzeroFloat64, math.MaxFloat64, -math.MaxFloat64, 0.1, 1.0 / 3}
	for i := 0; i < 300; i++ {
		values = append(values, randomAngle(rng), rng.NormFloat64()*math.Pow(10, float64(rng.IntN(40)-20)))
	}
	for _, v := range values {
		text := formatAngle(v)
		c, err := Parse([]byte("OPENQASM 2.0;\nqreg q[1];\nU("+text+",0,0) q[0];\n"), "")
		require.NoError(t, err, text)
		require.Equal(t, math.Float64bits(v), math.Float64bits(c.Ops[0].Params[0].Value), "%v written as %s", v, text)
	}
	assert.Equal(t, "pi/2", formatAngle(math.Pi/2))
	assert.Equal(t, "-3*pi/4", formatAngle(-3*math.Pi/4))
	assert.Equal(t, "pi", formatAngle(math.Pi))
	assert.Equal(t, "0.1", formatAngle(0.1))
	assert.Equal(t, "-0", formatAngle(math.Copysign(0, -1)))
}

func TestV3Golden(t *testing.T) {
	c := circuits.New(3, 2)
	theta := c.AddParams("theta", 1)[0]
	xs := c.AddParams("x", 2)
	c.GlobalPhase = math.Pi / 4
	c.H(0).CX(0, 1)
	c.Gate(circuits.RZ, []circuits.Param{circuits.Affine(theta.Index, 2, 0.5)}, 1)
	c.Gate(circuits.RY, []circuits.Param{xs[1].Neg().Add(-math.Pi / 2)}, 2)
	c.CCX(0, 1, 2)
	c.Controlled(circuits.RY, circuits.Nums(0.3), []int{0, 1}, 2)
	c.SXdg(2).ISWAP(0, 2)
	c.Controlled(circuits.SXdg, nil, []int{2}, 0)
	c.Append(circuits.Op{Gate: circuits.Unitary, Targets: []int{1}, Controls: []int{0}, Matrix: []complex128{0, 1i, 1i, 0}})
	c.CU(0.1, 0.2, 0.3, 0, 1, 2).Reset(2).Barrier(0, 2)
	c.Measure(0, 0).Measure(1, 1)

	text, err := Marshal(c, V3)
	require.NoError(t, err)
	want := `OPENQASM 3.0;
include "stdgates.inc";
input float[64] theta;
input float[64] x_0; // x[0]
input float[64] x_1; // x[1]
gate iswap a, b { s a; s b; h a; cx a, b; cx b, a; h b; }
qubit[3] q;
bit[2] c;
gphase(pi/4);
h q[0];
cx q[0], q[1];
rz(2*theta + 0.5) q[1];
ry(-x_1 - pi/2) q[2];
ccx q[0], q[1], q[2];
ctrl(2) @ ry(0.3) q[0], q[1], q[2];
inv @ sx q[2];
iswap q[0], q[2];
ctrl @ inv @ sx q[2], q[0];
ctrl @ gphase(pi/2) q[0];
ctrl @ U(pi, 0, -pi) q[0], q[1];
ctrl @ U(0.1, 0.2, 0.3) q[1], q[2];
reset q[2];
barrier q[0], q[2];
c[0] = measure q[0];
c[1] = measure q[1];
`
	assert.Equal(t, want, string(text))
}

func TestWriteReportsWriterFailure(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out.qasm"))
	require.NoError(t, err)
	require.NoError(t, f.Close())
	err = Write(f, circuits.New(1).H(0), V2)
	assert.Error(t, err)
}
