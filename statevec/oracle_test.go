package statevec

import (
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/backend/backendtest"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/internal/itsubakiref"
)

// oracle returns itsubaki/q's amplitudes for the bound unitary circuit c
// (internal/itsubakiref holds the translation).
func oracle(t *testing.T, c *circuits.Circuit) []complex128 {
	t.Helper()
	amp, err := itsubakiref.Run(c)
	require.NoError(t, err)
	return amp
}

func TestAgainstItsubaki(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 7))
	opts := backendtest.DefaultCircuitOptions()
	opts.MaxUnitaryQubits = 3
	circuitsRun := 200
	if testing.Short() {
		circuitsRun = 60
	}
	for i := 0; i < circuitsRun; i++ {
		n := 1 + i%10
		c := backendtest.RandomCircuit(rng, n, 3*n+10, opts)
		want := oracle(t, c)
		st, err := New(n)
		require.NoError(t, err)
		_, err = st.Run(c, nil)
		require.NoError(t, err)
		for k, a := range st.Data() {
			if d := cmplx.Abs(a - want[k]); d > 1e-10 {
				t.Fatalf("circuit %d (%d qubits): amplitude %d = %v, itsubaki %v (|Δ| = %.3g)\n%v", i, n, k, a, want[k], d, c)
			}
		}
		// Every simulator variant (fusion, threads, precision) on a share
		// of the circuits.
		sim := variants()[i%len(variants())]
		got, err := sim.Run(c)
		require.NoError(t, err)
		amp, err := got.Amplitudes()
		require.NoError(t, err)
		tol := 1e-10
		if sim.Precision == Complex64 {
			tol = 1e-5
		}
		for k, a := range amp {
			if d := cmplx.Abs(a - want[k]); d > tol {
				t.Fatalf("%s, circuit %d (%d qubits): amplitude %d = %v, itsubaki %v (|Δ| = %.3g)", sim.label(), i, n, k, a, want[k], d)
			}
		}
	}
}
