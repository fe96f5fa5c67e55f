package tensornet_test

import (
	"math/cmplx"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/kernels"
	"github.com/qmlkit/qmlkit/statevec"
	"github.com/qmlkit/qmlkit/tensornet"
)

// The feature-map tests live in the external test package so that kernels
// may import tensornet without an import cycle in the tests.

// zzStates runs the ZZ feature map (linear entanglement, reps 2) on a
// random point and a perturbation of it at bond cap maxBond.
func zzStates(t testing.TB, n, maxBond int, seed uint64) (a, b *tensornet.State) {
	fm := kernels.ZZFeatureMap(n, 2, kernels.Linear)
	rng := rand.New(rand.NewPCG(seed, 3))
	sim := tensornet.Simulator{MaxBond: maxBond}
	x := make([]float64, n)
	for k := range x {
		x[k] = 2 * rng.Float64()
	}
	var sts [2]*tensornet.State
	for i := range sts {
		if i == 1 { // a nearby point, so the kernel value is not vanishingly small
			for k := range x {
				x[k] += 0.02 * rng.NormFloat64()
			}
		}
		c, err := fm.Circuit(x)
		require.NoError(t, err)
		sts[i], _, err = sim.RunState(c)
		require.NoError(t, err)
	}
	return sts[0], sts[1]
}

// TestZZFeatureMapOverlapMatchesStatevec compares the kernel value with the
// dense simulator at 12 qubits.
func TestZZFeatureMapOverlapMatchesStatevec(t *testing.T) {
	const n = 12
	fm := kernels.ZZFeatureMap(n, 2, kernels.Linear)
	rng := rand.New(rand.NewPCG(5, 3))
	var mps [2]*tensornet.State
	var dense [2]*statevec.State
	for i := range 2 {
		x := make([]float64, n)
		for k := range x {
			x[k] = 2 * rng.Float64()
		}
		c, err := fm.Circuit(x)
		require.NoError(t, err)
		mps[i], _, err = tensornet.Simulator{}.RunState(c)
		require.NoError(t, err)
		dense[i], _, err = statevec.Simulator{}.RunState(c)
		require.NoError(t, err)
	}
	got, err := mps[0].Overlap(mps[1])
	require.NoError(t, err)
	want, err := dense[0].Overlap(dense[1])
	require.NoError(t, err)
	assert.InDelta(t, 0, cmplx.Abs(got-want), 1e-10)
}

// TestZZFeatureMap50Overlap is the acceptance figure: two 50-qubit ZZ
// feature-map states at max bond 64 and their overlap, well under a second.
func TestZZFeatureMap50Overlap(t *testing.T) {
	start := time.Now()
	a, b := zzStates(t, 50, 64, 9)
	ov, err := a.Overlap(b)
	require.NoError(t, err)
	elapsed := time.Since(start)
	t.Logf("ZZ map 50 qubits, reps 2: two states and their overlap in %v; |⟨ψ|φ⟩|² = %.6g, max bond %d/%d, fidelity %v/%v",
		elapsed, real(ov)*real(ov)+imag(ov)*imag(ov), a.MaxBondReached(), b.MaxBondReached(), a.FidelityEstimate(), b.FidelityEstimate())
	// Every bond is crossed by two entangling blocks of operator-Schmidt rank 2.
	assert.LessOrEqual(t, a.MaxBondReached(), 4)
	assert.Equal(t, 1.0, a.FidelityEstimate())
	if !raceEnabled {
		assert.Less(t, elapsed, time.Second)
	}
}

// BenchmarkZZMap50 is two 50-qubit ZZ feature-map states at max bond 64
// and their overlap: the kernel-entry cost.
func BenchmarkZZMap50(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		x, y := zzStates(b, 50, 64, 9)
		if _, err := x.Overlap(y); err != nil {
			b.Fatal(err)
		}
	}
}
