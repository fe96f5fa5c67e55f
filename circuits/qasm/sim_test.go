package qasm

import (
	"math"
	"math/cmplx"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/circuits"
)

// This file is a tiny dense state-vector simulator for the tests, written
// independently of the package's code and of the library's simulators: it
// applies each op's FullMatrix by index arithmetic.

// simulate runs a bound circuit on |0…0⟩. Barriers and measurements are
// skipped (the tests compare the state before terminal measurements); a
// reset is allowed only on a qubit that is certainly 0.
func simulate(t testing.TB, c *circuits.Circuit) []complex128 {
	t.Helper()
	require.NoError(t, c.ValidateBound())
	state := make([]complex128, 1<<c.NumQubits)
	state[0] = cmplx.Rect(1, c.GlobalPhase)
	for i, op := range c.Ops {
		switch op.Gate {
		case circuits.Barrier, circuits.Measure:
			continue
		case circuits.Reset:
			for _, q := range op.Targets {
				for idx, a := range state {
					require.Falsef(t, idx>>q&1 == 1 && cmplx.Abs(a) > 1e-12, "op %d: test simulator cannot reset a qubit that may be 1", i)
				}
			}
			continue
		}
		m, err := op.FullMatrix(nil)
		require.NoError(t, err)
		applyMatrix(state, m, op.Qubits())
	}
	return state
}

// applyMatrix applies m (row index Σ b_k 2^k over qubits) to state.
func applyMatrix(state, m []complex128, qubits []int) {
	k := len(qubits)
	d := 1 << k
	mask := 0
	for _, q := range qubits {
		mask |= 1 << q
	}
	idx := make([]int, d)
	in := make([]complex128, d)
	for base := range state {
		if base&mask != 0 {
			continue
		}
		for j := 0; j < d; j++ {
			i := base
			for b, q := range qubits {
				if j>>b&1 == 1 {
					i |= 1 << q
				}
			}
			idx[j] = i
			in[j] = state[i]
		}
		for r := 0; r < d; r++ {
			var s complex128
			for c := 0; c < d; c++ {
				s += m[r*d+c] * in[c]
			}
			state[idx[r]] = s
		}
	}
}

// unitaryOf returns the full 2^n × 2^n unitary of a bound circuit without
// measurements, column j being the image of basis state j.
func unitaryOf(t testing.TB, c *circuits.Circuit) []complex128 {
	t.Helper()
	n := 1 << c.NumQubits
	u := make([]complex128, n*n)
	for j := 0; j < n; j++ {
		prep := circuits.New(c.NumQubits)
		for q := 0; q < c.NumQubits; q++ {
			if j>>q&1 == 1 {
				prep.X(q)
			}
		}
		full, err := prep.Compose(c, nil)
		require.NoError(t, err)
		col := simulate(t, full)
		for i := 0; i < n; i++ {
			u[i*n+j] = col[i]
		}
	}
	return u
}

// maxDiff is the largest entrywise distance between two vectors.
func maxDiff(a, b []complex128) float64 {
	if len(a) != len(b) {
		return math.Inf(1)
	}
	d := 0.0
	for i := range a {
		d = math.Max(d, cmplx.Abs(a[i]-b[i]))
	}
	return d
}

// phaseAligned returns b multiplied by the phase that best aligns it with a
// (taken from the largest entry of a), for comparisons up to global phase.
func phaseAligned(a, b []complex128) []complex128 {
	k := 0
	for i := range a {
		if cmplx.Abs(a[i]) > cmplx.Abs(a[k]) {
			k = i
		}
	}
	ph := a[k] / b[k]
	ph /= complex(cmplx.Abs(ph), 0)
	out := make([]complex128, len(b))
	for i := range b {
		out[i] = b[i] * ph
	}
	return out
}

// requireSameOps asserts two circuits have the same sizes and the same ops,
// parameters compared bit for bit (nil and empty slices count as equal).
func requireSameOps(t testing.TB, want, got *circuits.Circuit) {
	t.Helper()
	requireSimilarOps(t, want, got, 0)
}

// requireSimilarOps is requireSameOps with parameters equal within tol.
func requireSimilarOps(t testing.TB, want, got *circuits.Circuit, tol float64) {
	t.Helper()
	require.Equal(t, want.NumQubits, got.NumQubits, "qubits")
	require.Equal(t, want.NumClbits, got.NumClbits, "clbits")
	require.Equal(t, len(want.Ops), len(got.Ops), "op count")
	for i := range want.Ops {
		w, g := want.Ops[i], got.Ops[i]
		require.Equalf(t, w.Gate, g.Gate, "op %d gate", i)
		require.Equalf(t, ints(w.Targets), ints(g.Targets), "op %d (%s) targets", i, w.Name())
		require.Equalf(t, ints(w.Controls), ints(g.Controls), "op %d (%s) controls", i, w.Name())
		require.Equalf(t, ints(w.Clbits), ints(g.Clbits), "op %d (%s) clbits", i, w.Name())
		require.Equalf(t, len(w.Params), len(g.Params), "op %d (%s) params", i, w.Name())
		for j := range w.Params {
			require.Equalf(t, w.Params[j].Var, g.Params[j].Var, "op %d param %d", i, j)
			if tol == 0 {
				require.Equalf(t, math.Float64bits(w.Params[j].Value), math.Float64bits(g.Params[j].Value),
					"op %d (%s) param %d: %v vs %v", i, w.Name(), j, w.Params[j].Value, g.Params[j].Value)
			} else {
				require.InDeltaf(t, w.Params[j].Value, g.Params[j].Value, tol, "op %d (%s) param %d", i, w.Name(), j)
			}
		}
	}
}

func ints(s []int) []int {
	if len(s) == 0 {
		return []int{}
	}
	return s
}
