package cbe_test

import (
	"fmt"
	"math"

	"github.com/qmlkit/qmlkit/cbe"
)

// The kinetic Jeans growth rate at half the Jeans wavenumber, in units
// G = ρ0 = σ = 1.
func ExampleBackground_JeansGrowthRate() {
	b := cbe.Background{Coupling: cbe.Gravity, G: 1, RhoBar: 1, Sigma: 1}
	kJ, err := b.JeansWavenumber()
	if err != nil {
		panic(err)
	}
	gamma, err := b.JeansGrowthRate(0.5 * kJ)
	if err != nil {
		panic(err)
	}
	fmt.Printf("k_J = %.7f, γ(k_J/2) = %.7f, fluid %.7f\n", kJ, gamma, math.Sqrt(kJ*kJ*3/4))
	// Output:
	// k_J = 3.5449077, γ(k_J/2) = 2.4360674, fluid 3.0699801
}

// The least-damped Langmuir wave at k = 0.5 (ω_p = λ_D = 1).
func ExampleLandauRoot() {
	omega, err := cbe.LandauRoot(0.5)
	if err != nil {
		panic(err)
	}
	fmt.Printf("ω = %.6f %+.6fi\n", real(omega), imag(omega))
	// Output:
	// ω = 1.415662 -0.153359i
}

// A short FS-1 free-streaming run: the density mode decays by phase
// mixing exactly as the on-grid formula says.
func ExampleNewSolver() {
	su := cbe.SetupFS1()
	s, err := cbe.NewSolver(su.Problem, su.Options)
	if err != nil {
		panic(err)
	}
	if err := s.Run(100); err != nil { // to t = 1
		panic(err)
	}
	h := s.History()
	n := len(h.T) - 1
	g := su.Problem.Grid
	want, err := cbe.MaxwellianModeRatio(g, 1, 2*math.Pi/g.L, h.T[n])
	if err != nil {
		panic(err)
	}
	ratio := real(h.DensityModes[1][n] / h.DensityModes[1][0])
	fmt.Printf("t = %.1f: ρ̂_1(t)/ρ̂_1(0) = %.6f, exact on-grid %.6f, continuum %.6f\n",
		h.T[n], ratio, want, math.Exp(-math.Pi/2))
	// Output:
	// t = 1.0: ρ̂_1(t)/ρ̂_1(0) = 0.207880, exact on-grid 0.207880, continuum 0.207880
}

// The J-1 Jeans run and its growth-rate fit.
func ExampleFitGrowthRate() {
	su := cbe.SetupJ1()
	s, err := cbe.NewSolver(su.Problem, su.Options)
	if err != nil {
		panic(err)
	}
	if err := s.Run(su.Steps); err != nil {
		panic(err)
	}
	amp, err := s.History().ModeAmplitude(1)
	if err != nil {
		panic(err)
	}
	gamma, _, err := cbe.FitGrowthRate(s.History().T, amp, su.FitStart, su.FitEnd)
	if err != nil {
		panic(err)
	}
	fmt.Printf("J-1: γ = %.4f (kinetic theory 2.4361)\n", gamma)
	// Output:
	// J-1: γ = 2.4358 (kinetic theory 2.4361)
}

// The exact acceleration map the quantum solver applies to the density
// modes it reads out: â_m = iκρ̂_m/k_m, a = Σ_m 2·Re(â_m e^{ik_m x}).
func ExampleAccelerationFromModes() {
	g := cbe.Grid{Nx: 4, Nv: 4, L: 2 * math.Pi, VMax: 4}
	// ρ(x) = 1 + 0.1·cos x, gravity with G = 1/(4π) (κ = 1): a = −0.1·sin x.
	a, err := cbe.AccelerationFromModes(g, 1, []complex128{1, 0.05})
	if err != nil {
		panic(err)
	}
	for i, x := range g.XPoints() {
		// Round away the 1e−17 residues (and the sign of zero) so the
		// output does not depend on floating-point contraction.
		fmt.Printf("x = %.4f: a = %+.4f\n", x, math.Round(a[i]*1e4)/1e4+0)
	}
	// Output:
	// x = 0.0000: a = +0.0000
	// x = 1.5708: a = -0.1000
	// x = 3.1416: a = +0.0000
	// x = 4.7124: a = +0.1000
}
