package cbe

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInitialDiagnosticsMatchContinuum(t *testing.T) {
	const A = 0.05
	g := Grid{Nx: 32, Nv: 64, L: 2 * math.Sqrt(math.Pi), VMax: 7}
	k := 2 * math.Pi / g.L
	f0, err := PerturbedMaxwellian(1, A, k, 1)
	require.NoError(t, err)
	for _, c := range []struct {
		coupling Coupling
		G        float64
		// Field energy of a = −κ·A·sin(kx)/k: κ²A²L/(4k²·|κ|).
		field float64
		sign  float64
	}{
		{Gravity, 1, 4 * math.Pi * A * A * g.L / (4 * k * k), -1},
		{Plasma, 0, A * A * g.L / (4 * k * k), 1},
	} {
		p := Problem{Grid: g, Coupling: c.coupling, G: c.G, RhoBar: 1, Initial: f0}
		s, err := NewSolver(p, Options{Dt: 0.1})
		require.NoError(t, err)
		h := s.History()
		require.Len(t, h.T, 1)
		// Grid sums of a Gaussian cut at 7σ equal the integrals to ~1e−11.
		assert.InDelta(t, g.L, h.Mass[0], 1e-10)
		assert.InDelta(t, 0, h.Momentum[0], 1e-14)
		assert.InDelta(t, g.L/2, h.KineticEnergy[0], 1e-9)
		assert.InDelta(t, c.field, h.FieldEnergy[0], 1e-9)
		assert.InDelta(t, g.L/2+c.sign*c.field, h.TotalEnergy[0], 1e-9)
		assert.InDelta(t, 1, real(h.DensityModes[0][0]), 1e-10)
		assert.InDelta(t, A/2, real(h.DensityModes[1][0]), 1e-11)
		assert.InDelta(t, 0, imag(h.DensityModes[1][0]), 1e-15)
		e1, err := h.FieldAmplitude(1)
		require.NoError(t, err)
		assert.InDelta(t, math.Abs(p.FieldFactor())*A/(2*k), e1[0], 1e-11)
		// ‖f‖² = ∫(1 + A cos)² dx · ∫M² dv = L(1 + A²/2)/(2√π).
		assert.InDelta(t, math.Sqrt(g.L*(1+A*A/2)/(2*math.Sqrt(math.Pi))), h.L2Norm[0], 1e-10)
		// −∫∫ f ln f: the Maxwellian part gives L·½ln(2πe); the
		// x-part −∫(1 + A cos) ln(1 + A cos) dx = −L·A²/4 + O(A⁴).
		wantS := g.L*0.5*math.Log(2*math.Pi*math.E) - g.L*A*A/4
		assert.InDelta(t, wantS, h.Entropy[0], 1e-5)
		assert.Greater(t, h.MinF[0], 0.0)
		assert.Less(t, h.MinF[0], 1e-10)
		assert.Equal(t, 0.0, h.ImagNorm[0])
	}
}
