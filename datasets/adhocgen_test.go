package datasets

import (
	"math"
	"math/bits"
	"math/cmplx"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/kernels"
	"github.com/qmlkit/qmlkit/statevec"
)

// parityByMatrix computes ⟨Φ(x)|M|Φ(x)⟩ with M = V†·Z^{⊗n}·V formed
// explicitly, a different route from AdHocData.Parity (which applies V to
// the state and weighs probabilities by parity).
func parityByMatrix(t *testing.T, v []complex128, x []float64) float64 {
	t.Helper()
	n := len(x)
	dim := 1 << uint(n)
	c, err := kernels.ZZFeatureMap(n, 2, kernels.Full).Circuit(x)
	require.NoError(t, err)
	st, err := statevec.Simulator{}.Run(c)
	require.NoError(t, err)
	psi, err := st.Amplitudes()
	require.NoError(t, err)
	var e complex128
	for a := range dim {
		for b := range dim {
			var m complex128
			for k := range dim {
				z := 1.0
				if bits.OnesCount(uint(k))%2 == 1 {
					z = -1
				}
				m += cmplx.Conj(v[k*dim+a]) * complex(z, 0) * v[k*dim+b]
			}
			e += cmplx.Conj(psi[a]) * m * psi[b]
		}
	}
	require.InDelta(t, 0, imag(e), 1e-12)
	return real(e)
}

func TestAdHocLabelsRespectTheGap(t *testing.T) {
	for _, n := range []int{2, 3} {
		d, err := AdHoc(AdHocOptions{Features: n, Seed: 7})
		require.NoError(t, err)
		dim := 1 << uint(n)
		// V is unitary.
		for a := range dim {
			for b := range dim {
				var s complex128
				for k := range dim {
					s += cmplx.Conj(d.V[k*dim+a]) * d.V[k*dim+b]
				}
				want := complex(0, 0)
				if a == b {
					want = 1
				}
				assert.InDelta(t, 0, cmplx.Abs(s-want), 1e-12)
			}
		}
		for _, part := range []struct {
			ds   *Dataset
			size int
		}{{d.Train, 20}, {d.Test, 5}} {
			require.Len(t, part.ds.X, 2*part.size)
			for i, x := range part.ds.X {
				require.Len(t, x, n)
				for _, v := range x {
					assert.True(t, v > 0 && v <= 2*math.Pi+1e-12)
				}
				e := parityByMatrix(t, d.V, x)
				p, err := d.Parity(x)
				require.NoError(t, err)
				assert.InDelta(t, e, p, 1e-12)
				assert.Greater(t, math.Abs(e), 0.3, "n=%d sample %d", n, i)
				wantLabel := 0
				if e < 0 {
					wantLabel = 1
				}
				assert.Equal(t, wantLabel, part.ds.Y[i])
				assert.Equal(t, i/part.size, part.ds.Y[i], "class 0 first")
			}
		}
		assert.Equal(t, []string{"A", "B"}, d.Train.ClassNames)
	}
}

func TestAdHocSeeded(t *testing.T) {
	a, err := AdHoc(AdHocOptions{Seed: 3, TrainSize: 10, TestSize: 4})
	require.NoError(t, err)
	b, err := AdHoc(AdHocOptions{Seed: 3, TrainSize: 10, TestSize: 4})
	require.NoError(t, err)
	c, err := AdHoc(AdHocOptions{Seed: 4, TrainSize: 10, TestSize: 4})
	require.NoError(t, err)
	assert.Equal(t, a.Train.X, b.Train.X)
	assert.Equal(t, a.Test.X, b.Test.X)
	assert.NotEqual(t, a.Train.X, c.Train.X)
	assert.Len(t, a.Test.X, 8)
	// Grid points are 2πk/100.
	for _, x := range a.Train.X {
		for _, v := range x {
			k := v * 100 / (2 * math.Pi)
			assert.InDelta(t, math.Round(k), k, 1e-9)
		}
	}
	// No train point reappears in the test set.
	seen := map[[2]float64]bool{}
	for _, x := range a.Train.X {
		seen[[2]float64{x[0], x[1]}] = true
	}
	for _, x := range a.Test.X {
		assert.False(t, seen[[2]float64{x[0], x[1]}])
	}
}

func TestAdHocErrors(t *testing.T) {
	_, err := AdHoc(AdHocOptions{Features: 4})
	assert.ErrorContains(t, err, "GridPoints")
	_, err = AdHoc(AdHocOptions{Gap: 1.5})
	assert.ErrorContains(t, err, "gap")
	_, err = AdHoc(AdHocOptions{TrainSize: -1})
	assert.Error(t, err)
	_, err = AdHoc(AdHocOptions{Features: 2, GridPoints: 4, TrainSize: 20})
	assert.ErrorContains(t, err, "needed in each")
	_, err = AdHoc(AdHocOptions{Features: 7, GridPoints: 10})
	assert.ErrorContains(t, err, "10⁶")
}
