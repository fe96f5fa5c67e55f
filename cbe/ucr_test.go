package cbe

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/statevec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runOn runs c on a copy of the amplitudes a and returns the result.
func runOn(t *testing.T, c *circuits.Circuit, a []complex128) []complex128 {
	t.Helper()
	s, err := statevec.FromAmplitudes(a)
	require.NoError(t, err)
	_, err = s.Run(c, nil)
	require.NoError(t, err)
	return append([]complex128(nil), s.Data()...)
}

func randomAmplitudes(n int, seed uint64) []complex128 {
	r := rand.New(rand.NewPCG(seed, 11))
	a := make([]complex128, n)
	for i := range a {
		a[i] = complex(r.NormFloat64(), r.NormFloat64())
	}
	return a
}

// The Gray-code network applies R(α_j) on the target exactly when the
// controls read j, for RY and RZ, checked on every basis state against
// the gate matrices.
func TestUniformRotationMatchesBlockDiagonal(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, gate := range []circuits.Gate{circuits.RY, circuits.RZ} {
		for k := 0; k <= 3; k++ {
			n := k + 2 // one spectator qubit
			controls := make([]int, k)
			for l := range controls {
				controls[l] = []int{0, 3, 4}[l] % n
			}
			if k == 3 {
				controls = []int{4, 0, 3}
			}
			target := 1
			alpha := make([]float64, 1<<k)
			for j := range alpha {
				alpha[j] = 4 * (r.Float64() - 0.5) * math.Pi
			}
			c := circuits.New(n)
			appendUniformRotation(c, gate, alpha, controls, target)
			assert.Equal(t, 1<<k, c.CountOps()[gate.String()])
			if k > 0 {
				assert.Equal(t, 1<<k, c.CountOps()["cx"])
			}
			in := randomAmplitudes(1<<n, uint64(k))
			got := runOn(t, c, in)
			want := make([]complex128, len(in))
			for i := range in {
				if i>>target&1 == 1 {
					continue
				}
				j := 0
				for l, q := range controls {
					j |= (i >> q & 1) << l
				}
				m, err := gate.Matrix(alpha[j])
				require.NoError(t, err)
				i1 := i | 1<<target
				want[i] = m[0]*in[i] + m[1]*in[i1]
				want[i1] = m[2]*in[i] + m[3]*in[i1]
			}
			for i := range want {
				assert.InDelta(t, 0, cmplx.Abs(got[i]-want[i]), 1e-13, "%v k=%d index %d", gate, k, i)
			}
		}
	}
}

func TestDiagonalSynthesis(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	for n := 1; n <= 4; n++ {
		phi := make([]float64, 1<<n)
		for i := range phi {
			phi[i] = 10 * r.NormFloat64()
		}
		qubits := make([]int, n)
		for l := range qubits {
			qubits[l] = n - l // spread over qubits 1…n of n+1
		}
		c := circuits.New(n + 1)
		appendDiagonal(c, phi, qubits)
		assert.Equal(t, 1<<n-1, c.CountOps()["rz"], "n = %d", n)
		assert.Equal(t, 1<<n-2, c.CountOps()["cx"], "n = %d", n)
		in := randomAmplitudes(1<<(n+1), uint64(n))
		got := runOn(t, c, in)
		for i := range in {
			j := 0
			for l, q := range qubits {
				j |= (i >> q & 1) << l
			}
			want := in[i] * cmplx.Rect(1, phi[j])
			assert.InDelta(t, 0, cmplx.Abs(got[i]-want), 1e-12, "n = %d, index %d", n, i)
		}
	}
}

func TestReducedAngle(t *testing.T) {
	for _, x := range []float64{0, 1, -1, math.Pi, -math.Pi, 3 * math.Pi, 100.25, -77} {
		r := reducedAngle(x)
		assert.True(t, r > -math.Pi && r <= math.Pi, "%v → %v", x, r)
		assert.InDelta(t, 0, cmplx.Abs(cmplx.Rect(1, r)-cmplx.Rect(1, x)), 1e-13, "%v", x)
	}
}
