package cbe

import (
	"fmt"
	"math"
)

// Setup bundles a problem with the run parameters of one of the spec's
// test cases.
type Setup struct {
	// Name is the spec's label (FS-1, J-1, …).
	Name    string
	Problem Problem
	Options Options
	// Steps is the number of time steps of the run.
	Steps int
	// FitStart and FitEnd are the time window of the rate fit (J-1, J-2,
	// Landau) or of the no-growth check (k = 1.2·k_J); zero otherwise.
	FitStart, FitEnd float64
}

// NewJeansProblem is the kinetic Jeans setup in units G = ρ0 = σ = 1
// (k_J = √(4π)): f0 = (1 + amp·cos kx)·e^{−v²/2}/√(2π) with k = kOverKJ·k_J,
// L = 2π/k, v ∈ [−vmax, vmax).
func NewJeansProblem(kOverKJ, amp float64, nx, nv int, vmax float64) (Problem, error) {
	if !(kOverKJ > 0) || math.IsInf(kOverKJ, 0) {
		return Problem{}, fmt.Errorf("cbe: Jeans problem: k/k_J must be positive and finite, got %v", kOverKJ)
	}
	return perturbedProblem("Jeans problem", kOverKJ*math.Sqrt(4*math.Pi), amp, nx, nv, vmax, Gravity)
}

// NewLandauProblem is the Landau-damping setup in units ω_p = λ_D = 1:
// f0 = (1 + eps·cos kx)·e^{−v²/2}/√(2π), L = 2π/k, v ∈ [−vmax, vmax).
func NewLandauProblem(k, eps float64, nx, nv int, vmax float64) (Problem, error) {
	return perturbedProblem("Landau problem", k, eps, nx, nv, vmax, Plasma)
}

// NewFreeStreamingProblem is f0 = (1 + amp·cos kx)·e^{−v²/2}/√(2π) with
// no field, L = 2π/k, v ∈ [−vmax, vmax).
func NewFreeStreamingProblem(k, amp float64, nx, nv int, vmax float64) (Problem, error) {
	return perturbedProblem("free-streaming problem", k, amp, nx, nv, vmax, FreeStreaming)
}

// perturbedProblem is the setup the constructors above share: f0 = (1 +
// amp·cos kx)·e^{−v²/2}/√(2π) on one wavelength L = 2π/k, unit mean
// density (G = 1 for gravity), checked by Problem.Validate.
func perturbedProblem(name string, k, amp float64, nx, nv int, vmax float64, coupling Coupling) (Problem, error) {
	if !(k > 0) || math.IsInf(k, 0) {
		return Problem{}, fmt.Errorf("cbe: %s: k must be positive and finite, got %v", name, k)
	}
	f0, err := PerturbedMaxwellian(1, amp, k, 1)
	if err != nil {
		return Problem{}, fmt.Errorf("cbe: %s: %w", name, err)
	}
	p := Problem{
		Grid:     Grid{Nx: nx, Nv: nv, L: 2 * math.Pi / k, VMax: vmax},
		Coupling: coupling,
		Initial:  f0,
	}
	if coupling != FreeStreaming {
		p.RhoBar = 1
	}
	if coupling == Gravity {
		p.G = 1
	}
	if err := p.Validate(); err != nil {
		return Problem{}, fmt.Errorf("cbe: %s: %w", name, err)
	}
	return p, nil
}

func mustProblem(p Problem, err error) Problem {
	if err != nil {
		panic("cbe: built-in setup is invalid: " + err.Error())
	}
	return p
}

// SetupFS1 is FS-1: phase mixing of (1 + 0.5·cos kx)·M(v), k = √π
// (L = 2√π), 64×64, v ∈ [−6, 6), Δt = 0.01 to t = 3.
func SetupFS1() Setup {
	return Setup{
		Name:    "FS-1",
		Problem: mustProblem(NewFreeStreamingProblem(math.Sqrt(math.Pi), 0.5, 64, 64, 6)),
		Options: Options{Dt: 0.01},
		Steps:   300,
	}
}

// SetupJ1 is J-1: k = k_J/2 (L = 2√π), amplitude 1e−6, 64×64,
// v ∈ [−6, 6), Δt = 0.01, T = 4, fit log|ρ̂_1| over [1.5, 3.5].
func SetupJ1() Setup {
	return Setup{
		Name:     "J-1",
		Problem:  mustProblem(NewJeansProblem(0.5, 1e-6, 64, 64, 6)),
		Options:  Options{Dt: 0.01},
		Steps:    400,
		FitStart: 1.5,
		FitEnd:   3.5,
	}
}

// SetupJ2 is J-2: J-1 with k = 0.75·k_J, T = 8, fit over [3, 7].
func SetupJ2() Setup {
	return Setup{
		Name:     "J-2",
		Problem:  mustProblem(NewJeansProblem(0.75, 1e-6, 64, 64, 6)),
		Options:  Options{Dt: 0.01},
		Steps:    800,
		FitStart: 3,
		FitEnd:   7,
	}
}

// SetupJeansStable is J-1 with k = 1.2·k_J, T = 5: |ρ̂_1| must not grow.
func SetupJeansStable() Setup {
	return Setup{
		Name:    "J-stable",
		Problem: mustProblem(NewJeansProblem(1.2, 1e-6, 64, 64, 6)),
		Options: Options{Dt: 0.01},
		Steps:   500,
		FitEnd:  5,
	}
}

// SetupJeansNonlinear is J-1 with amplitude 0.1, run to t = 5, past the
// linear phase into collapse and phase-space spiral formation.
func SetupJeansNonlinear() Setup {
	return Setup{
		Name:    "J-nonlinear",
		Problem: mustProblem(NewJeansProblem(0.5, 0.1, 64, 64, 6)),
		Options: Options{Dt: 0.01},
		Steps:   500,
	}
}

// SetupLandau is linear Landau damping: k = 0.5, ε = 0.01, x ∈ [0, 4π),
// v ∈ [−6, 6), 32×128, Δt = 0.05 to t = 30; fit the peaks of log|E_1|.
func SetupLandau() Setup {
	return Setup{
		Name:    "Landau",
		Problem: mustProblem(NewLandauProblem(0.5, 0.01, 32, 128, 6)),
		Options: Options{Dt: 0.05},
		Steps:   600,
		FitEnd:  30,
	}
}
