package circuits

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// matMul multiplies row-major d×d matrices.
func matMul(a, b []complex128) []complex128 {
	d := int(math.Sqrt(float64(len(a))))
	c := make([]complex128, d*d)
	for i := 0; i < d; i++ {
		for k := 0; k < d; k++ {
			for j := 0; j < d; j++ {
				c[i*d+j] += a[i*d+k] * b[k*d+j]
			}
		}
	}
	return c
}

func assertMatrix(t *testing.T, want, got []complex128, tol float64, msg ...any) {
	t.Helper()
	require.Equal(t, len(want), len(got), msg...)
	for i := range want {
		assert.InDelta(t, 0, cmplx.Abs(want[i]-got[i]), tol, append([]any{"entry %d: want %v got %v", i, want[i], got[i]}, msg...)...)
	}
}

func mat(t *testing.T, g Gate, p ...float64) []complex128 {
	t.Helper()
	m, err := g.Matrix(p...)
	require.NoError(t, err)
	return m
}

func TestGateMatricesAreUnitary(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for g := Gate(1); g < Unitary; g++ {
		p := make([]float64, g.NumParams())
		for i := range p {
			p[i] = rng.Float64()*4*math.Pi - 2*math.Pi
		}
		m := mat(t, g, p...)
		assert.NoError(t, checkUnitary(m, g.NumTargets()), "gate %v", g)
		if g.IsDiagonal() {
			d := 1 << g.NumTargets()
			for r := 0; r < d; r++ {
				for c := 0; c < d; c++ {
					if r != c {
						assert.Zero(t, m[r*d+c], "gate %v claims diagonal", g)
					}
				}
			}
		}
		if g.IsReal() {
			for _, v := range m {
				assert.Zero(t, imag(v), "gate %v claims real", g)
			}
		}
	}
}

// TestGateIdentities checks the matrices against relations that define them
// in qelib1.inc and Qiskit's documentation.
func TestGateIdentities(t *testing.T) {
	const tol = 1e-15
	pi := math.Pi
	h, x, z := mat(t, H), mat(t, X), mat(t, Z)
	assertMatrix(t, z, matMul(h, matMul(x, h)), tol, "HXH = Z")
	assertMatrix(t, z, matMul(mat(t, S), mat(t, S)), tol, "S² = Z")
	assertMatrix(t, mat(t, S), matMul(mat(t, T), mat(t, T)), tol, "T² = S")
	assertMatrix(t, x, matMul(mat(t, SX), mat(t, SX)), tol, "SX² = X")
	assertMatrix(t, mat(t, I), matMul(mat(t, SX), mat(t, SXdg)), tol, "SX·SX† = I")
	assertMatrix(t, x, mat(t, U, pi, 0, pi), tol, "x = u3(π,0,π)")
	assertMatrix(t, mat(t, Y), mat(t, U, pi, pi/2, pi/2), tol, "y = u3(π,π/2,π/2)")
	assertMatrix(t, h, mat(t, U, pi/2, 0, pi), tol, "h = u2(0,π)")
	assertMatrix(t, mat(t, S), mat(t, P, pi/2), tol, "s = p(π/2)")
	for _, th := range []float64{0.3, -1.7, 2.9} {
		assertMatrix(t, mat(t, RX, th), mat(t, U, th, -pi/2, pi/2), 1e-15, "rx = u3(θ,−π/2,π/2)")
		assertMatrix(t, mat(t, RY, th), mat(t, U, th, 0, 0), tol, "ry = u3(θ,0,0)")
		// rz(θ) = e^{−iθ/2}·p(θ): the global phase that makes crz ≠ cp.
		p := mat(t, P, th)
		for i := range p {
			p[i] *= cmplx.Rect(1, -th/2)
		}
		assertMatrix(t, p, mat(t, RZ, th), tol, "rz = e^{−iθ/2} p")
		// rzz = cx · (I ⊗ rz) · cx on (a, b): diag(e^{∓iθ/2}) by parity.
		rzz := mat(t, RZZ, th)
		for i := 0; i < 4; i++ {
			parity := (i ^ i>>1) & 1
			want := cmplx.Rect(1, -th/2)
			if parity == 1 {
				want = cmplx.Rect(1, th/2)
			}
			assert.InDelta(t, 0, cmplx.Abs(rzz[i*4+i]-want), tol)
		}
		// rxx = (H⊗H) rzz (H⊗H).
		hh := kron(h, h)
		assertMatrix(t, matMul(hh, matMul(rzz, hh)), mat(t, RXX, th), 1e-15, "rxx")
		// rzx(θ) on (a, b) = (H_b) rzz (H_b): X on the second target.
		hb := kron(h, mat(t, I))
		assertMatrix(t, matMul(hb, matMul(rzz, hb)), mat(t, RZX, th), 1e-15, "rzx")
	}
}

// kron returns a ⊗ b with b on the least significant bit.
func kron(a, b []complex128) []complex128 {
	m := make([]complex128, 16)
	for r1 := 0; r1 < 2; r1++ {
		for c1 := 0; c1 < 2; c1++ {
			for r0 := 0; r0 < 2; r0++ {
				for c0 := 0; c0 < 2; c0++ {
					m[(r1*2+r0)*4+c1*2+c0] = a[r1*2+c1] * b[r0*2+c0]
				}
			}
		}
	}
	return m
}

func TestFullMatrixControls(t *testing.T) {
	// cx with target 0, control 1 over Qubits() = [target, control]:
	// it flips bit 0 where bit 1 is set.
	op := Op{Gate: X, Targets: []int{0}, Controls: []int{1}}
	m, err := op.FullMatrix(nil)
	require.NoError(t, err)
	want := []complex128{
		1, 0, 0, 0,
		0, 1, 0, 0,
		0, 0, 0, 1,
		0, 0, 1, 0,
	}
	assertMatrix(t, want, m, 0)
	// A doubly controlled RZ only acts on the block with both controls set.
	op = Op{Gate: RZ, Targets: []int{2}, Controls: []int{0, 1}, Params: Nums(0.7)}
	m, err = op.FullMatrix(nil)
	require.NoError(t, err)
	for i := 0; i < 6; i++ {
		assert.Equal(t, complex128(1), m[i*8+i])
	}
	assert.InDelta(t, 0, cmplx.Abs(m[6*8+6]-cmplx.Rect(1, -0.35)), 1e-15)
	assert.InDelta(t, 0, cmplx.Abs(m[7*8+7]-cmplx.Rect(1, 0.35)), 1e-15)
}

func randomOp(rng *rand.Rand, n int) Op {
	for {
		g := Gate(1 + rng.IntN(int(Unitary)))
		k := g.NumTargets()
		if g == Unitary {
			k = 1
		}
		if k+1 > n {
			continue
		}
		perm := rng.Perm(n)
		op := Op{Gate: g, Targets: perm[:k]}
		if rng.IntN(3) == 0 && k < n {
			op.Controls = perm[k : k+1]
		}
		for i := 0; i < g.NumParams(); i++ {
			op.Params = append(op.Params, Num(rng.Float64()*6-3))
		}
		if g == Unitary {
			op.Matrix = U.matrix([]float64{rng.Float64(), rng.Float64(), rng.Float64()})
			op.Matrix[0] *= cmplx.Rect(1, 0.3)
			op.Matrix[1] *= cmplx.Rect(1, 0.3)
		}
		return op
	}
}

func TestOpInverse(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 500; i++ {
		op := randomOp(rng, 3)
		inv, err := op.Inverse()
		require.NoError(t, err)
		require.Equal(t, op.Qubits(), inv.Qubits())
		m, err := op.FullMatrix(nil)
		require.NoError(t, err)
		mi, err := inv.FullMatrix(nil)
		require.NoError(t, err)
		d := int(math.Sqrt(float64(len(m))))
		id := make([]complex128, d*d)
		for j := 0; j < d; j++ {
			id[j*d+j] = 1
		}
		assertMatrix(t, id, matMul(mi, m), 1e-14, "op %s", op.Name())
	}
	_, err := Op{Gate: Measure, Targets: []int{0}, Clbits: []int{0}}.Inverse()
	assert.Error(t, err)
}

func TestValidate(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name string
		c    *Circuit
		msg  string
	}{
		{"range", New(2).H(2), "out of range"},
		{"negative", New(2).CX(-1, 0), "out of range"},
		{"repeated", New(2).CX(1, 1), "used twice"},
		{"nan", New(1).RZ(nan, 0), "not finite"},
		{"inf", New(1).U(0, math.Inf(1), 0, 0), "not finite"},
		{"arity", New(3).Gate(SWAP, nil, 0), "target qubits"},
		{"params", New(1).Gate(RX, nil, 0), "parameters"},
		{"unbound ref", New(1).Gate(RX, []Param{Var(0)}, 0), "has 0 parameters"},
		{"non-unitary", New(1).UnitaryGate([]complex128{1, 1, 0, 1}, 0), "not unitary"},
		{"matrix size", New(2).UnitaryGate([]complex128{1, 0, 0, 1}, 0, 1), "entries"},
		{"clbit", New(1, 1).Measure(0, 1), "classical bit"},
		{"zero qubits", New(0), "qubit count"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.c.Validate()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
	assert.Error(t, New(3).H(0).CCX(0, 1, 2).Measure(2, 0).Validate(), "no classical bits declared")
	assert.NoError(t, New(3, 1).H(0).CCX(0, 1, 2).Measure(2, 0).Validate())
	c := New(2)
	theta := c.AddParams("theta", 1)
	c.Gate(RY, theta, 0)
	require.NoError(t, c.Validate())
	assert.ErrorIs(t, c.ValidateBound(), ErrUnbound)
}

func TestBind(t *testing.T) {
	c := New(2)
	th := c.AddParams("θ", 2)
	c.Gate(RY, []Param{th[0]}, 0).Gate(RZ, []Param{Affine(1, -2, 0.5)}, 1).CX(0, 1)
	b, err := c.Bind([]float64{0.25, 1.5})
	require.NoError(t, err)
	require.NoError(t, b.ValidateBound())
	assert.Equal(t, 0.25, b.Ops[0].Params[0].Value)
	assert.Equal(t, 0.5-3.0, b.Ops[1].Params[0].Value)
	// The original keeps its references.
	assert.True(t, c.Ops[0].Params[0].Var)

	named, err := c.BindNamed(map[string]float64{"θ[0]": 0.25, "θ[1]": 1.5})
	require.NoError(t, err)
	assert.Equal(t, b.Ops, named.Ops)

	_, err = c.Bind([]float64{1})
	assert.ErrorContains(t, err, "2 parameters")
	_, err = c.Bind([]float64{1, math.NaN()})
	assert.ErrorContains(t, err, "NaN")
	_, err = c.BindNamed(map[string]float64{"θ[0]": 1})
	assert.ErrorContains(t, err, "no value")
	_, err = c.BindNamed(map[string]float64{"θ[0]": 1, "θ[1]": 2, "φ": 3})
	assert.ErrorContains(t, err, "no parameter")
}

func TestComposeDepthCounts(t *testing.T) {
	a := GHZ(3)
	assert.Equal(t, 3, a.Depth())
	assert.Equal(t, map[string]int{"h": 1, "cx": 2}, a.CountOps())

	b := New(2)
	p := b.AddParams("φ", 1)
	b.Gate(RX, p, 1).CZ(0, 1)
	c, err := a.Compose(b, []int{2, 0})
	require.NoError(t, err)
	assert.Equal(t, []int{0}, c.Ops[3].Targets)
	assert.Equal(t, []int{2}, c.Ops[4].Controls)
	assert.Equal(t, []string{"φ"}, c.ParamNames)
	assert.Equal(t, 5, c.Size())
	_, err = a.Compose(b, []int{0, 0})
	assert.Error(t, err)
	_, err = a.Compose(New(4), nil)
	assert.Error(t, err)

	// A barrier synchronises without adding depth.
	d := New(2).H(0).Barrier().H(1)
	assert.Equal(t, 2, d.Depth())
}

func TestInverseCircuit(t *testing.T) {
	c := QFT(4)
	c.GlobalPhase = 0.4
	inv, err := c.Inverse()
	require.NoError(t, err)
	assert.Equal(t, -0.4, inv.GlobalPhase)
	assert.Equal(t, len(c.Ops), len(inv.Ops))
	// The last op of the inverse undoes the first op of the circuit.
	assert.Equal(t, H, inv.Ops[len(inv.Ops)-1].Gate)
	_, err = New(1, 1).Measure(0, 0).Inverse()
	assert.Error(t, err)
}

func TestMidCircuitMeasurement(t *testing.T) {
	assert.False(t, New(2, 2).H(0).CX(0, 1).Measure(0, 0).Measure(1, 1).HasMidCircuitMeasurement())
	assert.True(t, New(2, 2).H(0).Measure(0, 0).CX(0, 1).HasMidCircuitMeasurement())
	assert.False(t, New(2, 2).H(0).Measure(0, 0).X(1).HasMidCircuitMeasurement())
}

func TestBitstrings(t *testing.T) {
	assert.Equal(t, "001", Bitstring(1, 3))
	assert.Equal(t, "110", Bitstring(6, 3))
	bits, err := ParseBits("110")
	require.NoError(t, err)
	assert.Equal(t, []byte{0, 1, 1}, bits)
	assert.Equal(t, "110", BitsString(bits))
	i, err := BitsIndex(bits)
	require.NoError(t, err)
	assert.Equal(t, uint64(6), i)
	_, err = ParseBits("10a")
	assert.Error(t, err)
}

func TestFormatAngleRoundTrips(t *testing.T) {
	assert.Equal(t, "pi/2", formatAngle(math.Pi/2))
	assert.Equal(t, "-3*pi/4", formatAngle(-3*math.Pi/4))
	assert.Equal(t, "0.1", formatAngle(0.1))
	// Close to but not exactly π/4 keeps every digit.
	assert.Equal(t, "0.7853981633974484", formatAngle(math.Nextafter(math.Pi/4, 1)))
}

func TestDraw(t *testing.T) {
	c := New(3).H(0).CX(0, 2).RZ(math.Pi/2, 1)
	s := c.String()
	assert.Contains(t, s, "q0: ──H──■──")
	assert.Contains(t, s, "RZ(pi/2)")
	assert.Contains(t, s, "q2: ─────⊕──")
}

func TestRandomUnitary(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	for k := 1; k <= 3; k++ {
		m := RandomUnitary(rng, k)
		assert.NoError(t, checkUnitary(m, k))
	}
	// The same stream gives the same matrix.
	a := RandomUnitary(rand.New(rand.NewPCG(1, 1)), 2)
	b := RandomUnitary(rand.New(rand.NewPCG(1, 1)), 2)
	assert.Equal(t, a, b)
}
