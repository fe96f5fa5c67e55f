package cbe

import (
	"math"
	"math/cmplx"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var unitGravity = Background{Coupling: Gravity, G: 1, RhoBar: 1, Sigma: 1}

func TestJeansWavenumber(t *testing.T) {
	kJ, err := unitGravity.JeansWavenumber()
	require.NoError(t, err)
	assert.InDelta(t, 3.5449077018, kJ, 1e-10)
}

func TestJeansGrowthRatesMatchSpec(t *testing.T) {
	kJ, err := unitGravity.JeansWavenumber()
	require.NoError(t, err)
	// Kinetic rates from the spec (independent solver), and the fluid
	// rates √(4πGρ0 − k²σ²) the kinetic values must stay clear of.
	cases := []struct{ ratio, kinetic, fluid float64 }{
		{0.10, 3.4923686, 3.5271386},
		{0.25, 3.2330704, 3.4323421},
		{0.50, 2.4360674, 3.0699801},
		{0.75, 1.3262967, 2.3447360},
		{0.90, 0.5523987, 1.5451894},
	}
	for _, c := range cases {
		k := c.ratio * kJ
		gamma, err := unitGravity.JeansGrowthRate(k)
		require.NoError(t, err)
		assert.InEpsilon(t, c.kinetic, gamma, 1e-6, "k/k_J = %v", c.ratio)
		assert.InEpsilon(t, c.fluid, math.Sqrt(kJ*kJ-k*k), 1e-7)
		// The same root from the complex dispersion relation with ω = iγ.
		root, err := unitGravity.Root(k, complex(0, 0.9*gamma))
		require.NoError(t, err)
		assert.InDelta(t, 0, real(root), 1e-10)
		assert.InEpsilon(t, gamma, imag(root), 1e-10, "k/k_J = %v", c.ratio)
	}
}

func TestJeansGrowthRateScaling(t *testing.T) {
	// γ depends on G, ρ̄, σ only through √(4πGρ̄) and k/k_J.
	b := Background{Coupling: Gravity, G: 2, RhoBar: 3, Sigma: 0.5}
	kJ, err := b.JeansWavenumber()
	require.NoError(t, err)
	gamma, err := b.JeansGrowthRate(0.5 * kJ)
	require.NoError(t, err)
	assert.InEpsilon(t, 2.4360674*math.Sqrt(6), gamma, 1e-6)
}

func TestJeansGrowthRateRejectsStableAndBadInput(t *testing.T) {
	kJ, _ := unitGravity.JeansWavenumber()
	_, err := unitGravity.JeansGrowthRate(1.2 * kJ)
	assert.ErrorContains(t, err, "0 < k < k_J")
	_, err = unitGravity.JeansGrowthRate(math.NaN())
	assert.Error(t, err)
	_, err = Background{Coupling: Plasma, RhoBar: 1, Sigma: 1}.JeansGrowthRate(1)
	assert.ErrorContains(t, err, "needs Gravity")
	_, err = Background{Coupling: Gravity, G: 1, RhoBar: 1, Sigma: 0}.JeansGrowthRate(1)
	assert.Error(t, err)
	_, err = Background{Coupling: FreeStreaming, RhoBar: 1, Sigma: 1}.Dispersion(1, 1)
	assert.Error(t, err)
}

func TestLandauRoot(t *testing.T) {
	omega, err := LandauRoot(0.5)
	require.NoError(t, err)
	want := complex(1.415662, -0.153359)
	assert.InEpsilon(t, real(want), real(omega), 1e-5)
	assert.InEpsilon(t, imag(want), imag(omega), 1e-5)
	b := Background{Coupling: Plasma, RhoBar: 1, Sigma: 1}
	d, err := b.Dispersion(0.5, omega)
	require.NoError(t, err)
	assert.Less(t, cmplx.Abs(d), 1e-12)
	// Long waves approach Bohm–Gross with exponentially weak damping
	// (γ ≈ −3e−20 at k = 0.1, below what a 1e−13-accurate w resolves).
	omega, err = LandauRoot(0.1)
	require.NoError(t, err)
	assert.InEpsilon(t, math.Sqrt(1+3*0.01), real(omega), 2e-3)
	assert.Less(t, math.Abs(imag(omega)), 1e-10)
	_, err = LandauRoot(-1)
	assert.Error(t, err)
}
