package tensornet

import (
	"flag"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/circuits/qasm"
)

var update = flag.Bool("update", false, "rewrite the OpenQASM files in testdata from the circuit builders")

// The acceptance circuits, built from the circuits package and committed
// as OpenQASM 2.0 files (go test -run TestAcceptanceFiles -update rewrites
// them).
const (
	ghzQubits = 127
	bvQubits  = 140 // 139 data qubits and the ancilla
	qftQubits = 50
)

// bvSecret is the Bernstein–Vazirani secret of testdata/bv140.qasm.
func bvSecret() []bool {
	rng := rand.New(rand.NewPCG(140, 1))
	s := make([]bool, bvQubits-1)
	for i := range s {
		s[i] = rng.IntN(2) == 1
	}
	return s
}

// qftInput is the basis state x of testdata/qft50.qasm.
func qftInput() uint64 {
	return rand.New(rand.NewPCG(50, 1)).Uint64() & (1<<qftQubits - 1)
}

func acceptanceCircuits(t *testing.T) map[string]*circuits.Circuit {
	qft := circuits.New(qftQubits)
	x := qftInput()
	for q := range qftQubits {
		if x>>q&1 == 1 {
			qft.X(q)
		}
	}
	qft, err := qft.Compose(circuits.QFT(qftQubits), nil)
	require.NoError(t, err)
	return map[string]*circuits.Circuit{
		"ghz127.qasm": circuits.GHZ(ghzQubits).MeasureAll(),
		"bv140.qasm":  circuits.BernsteinVazirani(bvSecret()).MeasureAll(),
		"qft50.qasm":  qft.MeasureAll(),
	}
}

// TestAcceptanceFiles checks that the committed files hold the builders'
// circuits: same ops on the same qubits with the same angles.
func TestAcceptanceFiles(t *testing.T) {
	for name, want := range acceptanceCircuits(t) {
		path := filepath.Join("testdata", name)
		if *update {
			text, err := qasm.Marshal(want, qasm.V2)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(path, text, 0o644))
		}
		got, err := qasm.ParseFile(path)
		require.NoError(t, err, name)
		require.Equal(t, want.NumQubits, got.NumQubits, name)
		require.Len(t, got.Ops, len(want.Ops), name)
		for i, op := range want.Ops {
			g := got.Ops[i]
			require.Equal(t, op.Name(), g.Name(), "%s op %d", name, i)
			require.Equal(t, op.Qubits(), g.Qubits(), "%s op %d", name, i)
			for k, p := range op.Params {
				assert.InDelta(t, p.Value, g.Params[k].Value, 1e-15, "%s op %d", name, i)
			}
		}
	}
}

// runFile parses and runs a testdata file exactly, logging the time.
func runFile(t *testing.T, name string) *State {
	t.Helper()
	c, err := qasm.ParseFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	start := time.Now()
	st, _, err := Simulator{}.RunState(c)
	require.NoError(t, err)
	t.Logf("%s: %d qubits, %d ops, %v, fidelity estimate %v, max bond %d",
		name, c.NumQubits, len(c.Ops), time.Since(start), st.FidelityEstimate(), st.MaxBondReached())
	return st
}

func TestGHZ127(t *testing.T) {
	st := runFile(t, "ghz127.qasm")
	assert.Equal(t, 1.0, st.FidelityEstimate())
	assert.Equal(t, 2, st.MaxBondReached())
	out, err := st.Outcomes(1e-12, 0)
	require.NoError(t, err)
	require.Len(t, out, 2)
	for i, o := range out {
		assert.InDelta(t, 0.5, o.Probability, 1e-12)
		for q, b := range o.Bits {
			require.Equal(t, byte(i), b, "outcome %d, qubit %d", i, q) // 0…0 sorts first on the tie
		}
	}
	ent, err := st.EntanglementEntropy()
	require.NoError(t, err)
	for b, s := range ent {
		require.InDelta(t, math.Ln2, s, 1e-12, "bond %d", b)
	}
}

func TestBV140(t *testing.T) {
	st := runFile(t, "bv140.qasm")
	assert.Equal(t, 1.0, st.FidelityEstimate())
	out, err := st.Outcomes(1e-12, 0)
	require.NoError(t, err)
	require.Len(t, out, 1)
	assert.InDelta(t, 1, out[0].Probability, 1e-12)
	for q, bit := range bvSecret() {
		want := byte(0)
		if bit {
			want = 1
		}
		require.Equal(t, want, out[0].Bits[q], "data qubit %d", q)
	}
	assert.Equal(t, byte(1), out[0].Bits[bvQubits-1], "ancilla")
	for b, d := range st.BondDims() {
		require.Equal(t, 1, d, "bond %d of a basis state", b)
	}
}

// TestQFT50 checks QFT|x⟩ = 2^{−n/2} Σ_y e^{2πi·x·y/2^n}|y⟩ on bitstrings
// y, and that the result is a product state (every bond 1).
func TestQFT50(t *testing.T) {
	st := runFile(t, "qft50.qasm")
	assert.Equal(t, 1.0, st.FidelityEstimate())
	// Every intermediate state, swap chains included, is a product state.
	assert.Equal(t, 1, st.MaxBondReached())
	for b, d := range st.BondDims() {
		require.Equal(t, 1, d, "bond %d of the product state", b)
	}
	x := qftInput()
	rng := rand.New(rand.NewPCG(7, 7))
	const mask = 1<<qftQubits - 1
	for _, y := range []uint64{0, 1, mask, x, rng.Uint64() & mask, rng.Uint64() & mask, rng.Uint64() & mask} {
		bits := make([]byte, qftQubits)
		for q := range bits {
			bits[q] = byte(y >> q & 1)
		}
		a, err := st.Amplitude(bits)
		require.NoError(t, err)
		// x·y mod 2^50 is the low bits of the wrapped 64-bit product.
		phase := 2 * math.Pi * float64(x*y&mask) / (1 << qftQubits)
		want := cmplx.Rect(math.Pow(2, -qftQubits/2.0), phase)
		assert.InDelta(t, 0, cmplx.Abs(a-want)*math.Pow(2, qftQubits/2.0), 1e-10, "y = %d", y)
	}
}
