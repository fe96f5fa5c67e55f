package cbe

import (
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runSetup runs a built-in setup with optional option overrides.
func runSetup(t *testing.T, su Setup, edit func(*Options)) *Solver {
	t.Helper()
	opt := su.Options
	if edit != nil {
		edit(&opt)
	}
	s, err := NewSolver(su.Problem, opt)
	require.NoError(t, err)
	require.NoError(t, s.Run(su.Steps))
	return s
}

func relL2(a, b []complex128) float64 {
	var num, den float64
	for i := range a {
		d := a[i] - b[i]
		num += real(d)*real(d) + imag(d)*imag(d)
		den += real(b[i])*real(b[i]) + imag(b[i])*imag(b[i])
	}
	return math.Sqrt(num / den)
}

// assertConserved checks mass (always) and the L2 norm (when unitary)
// at every record against the first.
func assertConserved(t *testing.T, h *History, tol float64, unitary bool) {
	t.Helper()
	worstMass, worstNorm := 0.0, 0.0
	for n := range h.T {
		worstMass = math.Max(worstMass, math.Abs(h.Mass[n]/h.Mass[0]-1))
		worstNorm = math.Max(worstNorm, math.Abs(h.L2Norm[n]/h.L2Norm[0]-1))
	}
	assert.Less(t, worstMass, tol, "mass drift")
	if unitary {
		assert.Less(t, worstNorm, tol, "norm drift")
	}
	t.Logf("worst relative mass drift %.2e, norm drift %.2e", worstMass, worstNorm)
}

func TestFreeStreamingMatchesExactOnGridSolution(t *testing.T) {
	su := SetupFS1()
	s := runSetup(t, su, nil)
	f0, err := su.Problem.InitialState()
	require.NoError(t, err)
	exact, err := FreeStreamingExact(su.Problem.Grid, f0, s.Time())
	require.NoError(t, err)
	errL2 := relL2(s.State(), exact)
	t.Logf("FS-1 at t = %v after %d steps: relative L2 error %.2e", s.Time(), s.Steps(), errL2)
	assert.Less(t, errL2, 1e-12)
	h := s.History()
	assertConserved(t, h, 1e-12, true)

	// The density mode follows the on-grid phase-mixing ratio.
	g := su.Problem.Grid
	k := 2 * math.Pi / g.L
	rho1 := h.DensityModes[1]
	for n, tn := range h.T {
		if n%50 != 0 {
			continue
		}
		want, err := MaxwellianModeRatio(g, 1, k, tn)
		require.NoError(t, err)
		got := rho1[n] / rho1[0]
		assert.InDelta(t, want, real(got), 1e-12, "t = %v", tn)
		assert.InDelta(t, 0, imag(got), 1e-12, "t = %v", tn)
	}
}

func TestFS1ModeRatioSpecValues(t *testing.T) {
	g := SetupFS1().Problem.Grid
	k := 2 * math.Pi / g.L
	require.InDelta(t, math.Sqrt(math.Pi), k, 1e-15)
	// Spec values, checked to half a unit in their last digit.
	for _, c := range []struct{ t, want, tol float64 }{
		{0.5, 0.675232, 5e-7},
		{1, 0.207880, 5e-7},
		{2, 1.86744e-3, 5e-9},
		{3, 7.2454e-7, 5e-11},
	} {
		got, err := MaxwellianModeRatio(g, 1, k, c.t)
		require.NoError(t, err)
		assert.InDelta(t, c.want, got, c.tol, "t = %v", c.t)
		// The continuum value exp(−k²t²/2) agrees while the grid resolves
		// the phase-mixed Maxwellian.
		assert.InEpsilon(t, math.Exp(-k*k*c.t*c.t/2), got, 1e-3)
	}
}

func growthRate(t *testing.T, su Setup, edit func(*Options)) (float64, *Solver) {
	t.Helper()
	s := runSetup(t, su, edit)
	amp, err := s.History().ModeAmplitude(1)
	require.NoError(t, err)
	gamma, _, err := FitGrowthRate(s.History().T, amp, su.FitStart, su.FitEnd)
	require.NoError(t, err)
	return gamma, s
}

func TestJ1GrowthRate(t *testing.T) {
	gamma, s := growthRate(t, SetupJ1(), nil)
	t.Logf("J-1: γ = %.6f (theory 2.4360674, fluid 3.0699801)", gamma)
	assert.InEpsilon(t, 2.43607, gamma, 0.01)
	h := s.History()
	assertConserved(t, h, 1e-12, true)
	t.Logf("J-1: final ‖Im f‖/‖f‖ = %.2e, momentum %.2e", h.ImagNorm[len(h.T)-1], h.Momentum[len(h.T)-1])
	assert.Less(t, slices.Max(h.ImagNorm), 1e-10)
}

func TestJ1GrowthRateSplineKick(t *testing.T) {
	gamma, s := growthRate(t, SetupJ1(), func(o *Options) { o.Kick = KickSpline })
	t.Logf("J-1 (spline kick): γ = %.6f", gamma)
	assert.InEpsilon(t, 2.43607, gamma, 0.01)
	// The spline kick loses mass only through |v| = 6, where f ~ 1e−9.
	assertConserved(t, s.History(), 1e-9, false)
}

func TestJ2GrowthRate(t *testing.T) {
	gamma, s := growthRate(t, SetupJ2(), nil)
	t.Logf("J-2: γ = %.6f (theory 1.3262967, fluid 2.3447360)", gamma)
	assert.InEpsilon(t, 1.32630, gamma, 0.02)
	h := s.History()
	assertConserved(t, h, 1e-12, true)
	t.Logf("J-2: final ‖Im f‖/‖f‖ = %.2e", h.ImagNorm[len(h.T)-1])
}

func TestJeansStableWavelength(t *testing.T) {
	su := SetupJeansStable()
	s := runSetup(t, su, nil)
	amp, err := s.History().ModeAmplitude(1)
	require.NoError(t, err)
	peak := slices.Max(amp) / amp[0]
	t.Logf("k = 1.2 k_J: max |ρ̂_1|/|ρ̂_1(0)| = %.6f, final %.3e", peak, amp[len(amp)-1]/amp[0])
	assert.LessOrEqual(t, peak, 1.01)
	assert.InDelta(t, 5, s.Time(), 1e-12)
	assertConserved(t, s.History(), 1e-12, true)
}

func TestLandauDamping(t *testing.T) {
	su := SetupLandau()
	s := runSetup(t, su, nil)
	h := s.History()
	e1, err := h.FieldAmplitude(1)
	require.NoError(t, err)
	fit, err := FitDampedOscillation(h.T, e1, su.FitStart, su.FitEnd)
	require.NoError(t, err)
	t.Logf("Landau: γ = %.6f, ω = %.6f from %d peaks (theory −0.153359, 1.415662)", fit.Gamma, fit.Omega, len(fit.PeakTimes))
	assert.InEpsilon(t, -0.153359, fit.Gamma, 0.03)
	assert.InEpsilon(t, 1.415662, fit.Omega, 0.01)
	assertConserved(t, h, 1e-12, true)
	drift := 0.0
	for n := range h.T {
		drift = math.Max(drift, math.Abs(h.TotalEnergy[n]/h.TotalEnergy[0]-1))
	}
	t.Logf("Landau: worst relative energy drift %.2e", drift)
	assert.Less(t, drift, 1e-6)
}

func TestLandauWrongSignGrows(t *testing.T) {
	// The same setup with the gravitational sign is Jeans unstable
	// (k = 0.5 ≪ k_J = √(4π), γ ≈ 3.4): by t = 1 the mode must have grown
	// more than tenfold instead of damping.
	su := SetupLandau()
	p := su.Problem
	p.Coupling, p.G = Gravity, 1
	s, err := NewSolver(p, Options{Dt: 0.05})
	require.NoError(t, err)
	require.NoError(t, s.Run(20))
	amp, err := s.History().ModeAmplitude(1)
	require.NoError(t, err)
	assert.Greater(t, amp[len(amp)-1]/amp[0], 10.0)
}

func TestNonlinearJeansConservation(t *testing.T) {
	su := SetupJeansNonlinear()
	if testing.Short() {
		su.Steps = 300 // t = 3: collapse and the first turn of the spiral
	}
	for _, rule := range []NyquistRule{NyquistSigned, NyquistCos} {
		s := runSetup(t, su, func(o *Options) { o.Nyquist = rule })
		h := s.History()
		n := len(h.T) - 1
		assertConserved(t, h, 1e-12, rule == NyquistSigned)
		worstMom, worstEnergy := 0.0, 0.0
		for i := range h.T {
			worstMom = math.Max(worstMom, math.Abs(h.Momentum[i]))
			worstEnergy = math.Max(worstEnergy, math.Abs(h.TotalEnergy[i]/h.TotalEnergy[0]-1))
		}
		t.Logf("nonlinear J-1 (%v Nyquist) to t = %v: |momentum| ≤ %.2e (mass %.4f), energy drift ≤ %.2e, ‖Im f‖/‖f‖ = %.2e, min f = %.3f, |ρ̂_1| %.4f → %.4f",
			rule, h.T[n], worstMom, h.Mass[0], worstEnergy, h.ImagNorm[n], h.MinF[n], absC(h.DensityModes[1][0]), absC(h.DensityModes[1][n]))
		assert.Less(t, worstMom, 1e-11*h.Mass[0])
		// The perturbation must have gone nonlinear: |ρ̂_1| saturates near
		// the mean density instead of growing as e^{γt}.
		assert.Greater(t, absC(h.DensityModes[1][n]), 0.2)
		if rule == NyquistCos {
			assert.Less(t, worstEnergy, 2e-3)
			assert.Less(t, h.ImagNorm[n], 1e-12)
		}
	}
}

func absC(c complex128) float64 { return math.Hypot(real(c), imag(c)) }
