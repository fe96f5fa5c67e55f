package tensornet

import (
	"math/cmplx"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/backend/backendtest"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/statevec"
)

// compareWithStatevec runs c on both backends and compares amplitudes.
func compareWithStatevec(t *testing.T, what string, c *circuits.Circuit, tol float64) *State {
	t.Helper()
	st, _, err := Simulator{}.RunState(c)
	require.NoError(t, err, what)
	ref, _, err := statevec.Simulator{}.RunState(c)
	require.NoError(t, err, what)
	got, err := st.Amplitudes()
	require.NoError(t, err, what)
	for i, want := range ref.Data() {
		if d := cmplx.Abs(got[i] - want); d > tol {
			require.Failf(t, "amplitude mismatch", "%s: amplitude %d = %v, want %v (|Δ| = %.3g)", what, i, got[i], want, d)
		}
	}
	return st
}

// TestManyControls draws random circuits whose ops carry up to eight
// controls and up to three targets (random unitaries included), anywhere in
// the register, and compares with statevec.
func TestManyControls(t *testing.T) {
	opts := backendtest.DefaultCircuitOptions()
	opts.MaxControls = 8
	opts.MaxUnitaryQubits = 3
	rng := rand.New(rand.NewPCG(31, 1))
	count, n := 24, 12
	if testing.Short() {
		count, n = 8, 10
	}
	for range count {
		c := backendtest.RandomCircuit(rng, n, 40, opts)
		compareWithStatevec(t, "many controls", c, 1e-10)
	}
}

// TestThreeQubitUnitaries applies Haar-random three-qubit unitaries (no
// controls) on scattered qubits between entangling layers.
func TestThreeQubitUnitaries(t *testing.T) {
	rng := rand.New(rand.NewPCG(32, 1))
	n := 11
	c := circuits.New(n)
	for range 12 {
		for q := range n {
			c.RY(rng.Float64()*3, q)
		}
		qs := rng.Perm(n)[:3]
		c.UnitaryGate(backendtest.RandomUnitary(rng, 3), qs...)
		c.CX(rng.IntN(n/2), n/2+rng.IntN(n/2))
	}
	compareWithStatevec(t, "three-qubit unitaries", c, 1e-10)
	c4 := circuits.New(6)
	c4.H(0, 1, 2, 3, 4, 5)
	c4.UnitaryGate(backendtest.RandomUnitary(rng, 4), 5, 0, 3, 1)
	compareWithStatevec(t, "four-qubit unitary", c4, 1e-10)
}

// TestWideToffoli: X on a target controlled by 20 qubits spread over 60
// costs 21 small MPO site updates (a dense matrix would be 2^21 square).
func TestWideToffoli(t *testing.T) {
	const n = 60
	controls := make([]int, 20)
	for i := range controls {
		controls[i] = 3 * i
	}
	target := n - 2
	for _, allOnes := range []bool{true, false} {
		c := circuits.New(n)
		c.X(controls...)
		if !allOnes {
			c.X(controls[7])
		}
		c.MCX(controls, target)
		st, _, err := Simulator{}.RunState(c)
		require.NoError(t, err)
		out, err := st.Outcomes(1e-12, 0)
		require.NoError(t, err)
		require.Len(t, out, 1)
		want := byte(0)
		if allOnes {
			want = 1
		}
		assert.Equal(t, want, out[0].Bits[target], "all controls set: %v", allOnes)
		assert.Equal(t, 1.0, st.FidelityEstimate())
	}
	// In superposition the controlled flip entangles: GHZ-like on 21 qubits.
	c := circuits.New(n)
	c.H(controls...)
	c.MCX(controls, target)
	st, _, err := Simulator{}.RunState(c)
	require.NoError(t, err)
	p, err := st.Probabilities(target)
	require.NoError(t, err)
	assert.InDelta(t, 1.0/(1<<20), p[1], 1e-15)
}

// TestOperatorTrain rebuilds a random 3-qubit unitary from its cores and
// checks the ranks of a product operator.
func TestOperatorTrain(t *testing.T) {
	rng := rand.New(rand.NewPCG(33, 1))
	u := backendtest.RandomUnitary(rng, 3)
	cores, err := operatorTrain(u, 3)
	require.NoError(t, err)
	for row := range 8 {
		for col := range 8 {
			v := []complex128{1}
			for j, cr := range cores {
				o, i := row>>j&1, col>>j&1
				w := make([]complex128, cr.db)
				for a, va := range v {
					for b := range cr.db {
						w[b] += va * cr.c[((a*2+o)*2+i)*cr.db+b]
					}
				}
				v = w
			}
			require.InDelta(t, 0, cmplx.Abs(v[0]-u[row*8+col]), 1e-12, "entry (%d, %d)", row, col)
		}
	}
	// X ⊗ Z ⊗ H has operator-Schmidt rank 1 at both cuts.
	x, z, h := [4]complex128{0, 1, 1, 0}, [4]complex128{1, 0, 0, -1}, [4]complex128{1, 1, 1, -1}
	prod := make([]complex128, 64)
	for r := range 8 {
		for c := range 8 {
			prod[r*8+c] = x[(r&1)*2+c&1] * z[(r>>1&1)*2+c>>1&1] * h[(r>>2&1)*2+c>>2&1]
		}
	}
	cores, err = operatorTrain(prod, 3)
	require.NoError(t, err)
	assert.Equal(t, 1, cores[0].db)
	assert.Equal(t, 1, cores[1].db)
}

// TestSwapsAreRelabelled: uncontrolled SWAP gates move no data, and the
// final state is back in qubit order.
func TestSwapsAreRelabelled(t *testing.T) {
	c := circuits.New(5)
	c.X(0).H(4).SWAP(0, 3).SWAP(3, 2).CX(4, 1).SWAP(1, 0)
	st := compareWithStatevec(t, "swaps", c, 1e-12)
	assert.Equal(t, 2, st.MaxBondReached())
}

// TestDeterministicAcrossGOMAXPROCS: zmat splits large factorisations over
// goroutines with a fixed operation order, and the MPS code is
// sequential, so the amplitudes are bitwise identical with 1 or 2 threads.
func TestDeterministicAcrossGOMAXPROCS(t *testing.T) {
	// Middle bonds of 100 make 200×200 SVDs, large enough for zmat to split.
	c := randomLayers(14, 14, 5)
	run := func(procs int) []complex128 {
		old := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(old)
		st, _, err := Simulator{MaxBond: 100}.RunState(c)
		require.NoError(t, err)
		require.Equal(t, 100, st.MaxBondReached())
		a, err := st.Amplitudes()
		require.NoError(t, err)
		return a
	}
	assert.Equal(t, run(1), run(2))
}
