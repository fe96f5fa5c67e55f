package cbe

import (
	"fmt"
	"math"
)

// Coupling selects the field equation that closes the Vlasov equation.
type Coupling int

const (
	// FreeStreaming switches the field off: f_t + v f_x = 0.
	FreeStreaming Coupling = iota
	// Gravity: ∂²Φ/∂x² = 4πG(ρ − ρ̄), a = −∂Φ/∂x (attractive).
	Gravity
	// Plasma: electrons on a neutralising ion background ρ̄ in units
	// q/m = −1, ε0 = 1: ∂E/∂x = ρ̄ − ρ, a = −E. ω_p² = ρ̄, so ρ̄ = 1 and a
	// unit-variance Maxwellian give ω_p = λ_D = 1.
	Plasma
)

func (c Coupling) String() string {
	switch c {
	case FreeStreaming:
		return "free streaming"
	case Gravity:
		return "gravity"
	case Plasma:
		return "plasma"
	}
	return fmt.Sprintf("Coupling(%d)", int(c))
}

// Problem is a Vlasov–Poisson initial-value problem on a periodic box.
type Problem struct {
	Grid     Grid
	Coupling Coupling
	// G is the gravitational constant; Gravity only (must be 0 otherwise).
	G float64
	// RhoBar is the background density ρ̄ subtracted in the field
	// equation. In a periodic box the field exists only if ρ̄ equals the
	// box-mean density, and the solver enforces exactly that by dropping
	// the k = 0 mode; Validate checks RhoBar against the sampled mean
	// (relative 1 %) for Gravity and Plasma so that a background that
	// contradicts the initial condition is caught. It also sets the
	// reference scales: k_J = √(4πGρ̄)/σ, ω_p² = ρ̄. Must be 0 for
	// FreeStreaming.
	RhoBar float64
	// Initial is f(x, v, 0).
	Initial InitialCondition
}

// rhoBarTolerance is how far (relative) ρ̄ may sit from the sampled mean
// density: a Maxwellian cut at |v| = 3σ loses 0.3 % of its mass, and the
// check must tolerate such coarse grids while catching a wrong ρ̄.
const rhoBarTolerance = 1e-2

// FieldFactor is κ in â_m = i·κ·ρ̂_m/k_m, the map from density modes to
// acceleration modes: 4πG for Gravity, −1 for Plasma, 0 for FreeStreaming.
func (p Problem) FieldFactor() float64 {
	switch p.Coupling {
	case Gravity:
		return 4 * math.Pi * p.G
	case Plasma:
		return -1
	}
	return 0
}

// Validate checks the grid, the coupling constants and the initial
// condition (finite samples, ρ̄ consistent with the mean density).
func (p Problem) Validate() error {
	_, err := p.sample()
	return err
}

// InitialState samples the initial condition on the grid, in the storage
// order of doc.go (index i + Nx·j), after validating the problem.
func (p Problem) InitialState() ([]complex128, error) {
	return p.sample()
}

func (p Problem) sample() ([]complex128, error) {
	if err := p.Grid.Validate(false); err != nil {
		return nil, err
	}
	switch p.Coupling {
	case FreeStreaming:
		if p.G != 0 || p.RhoBar != 0 {
			return nil, fmt.Errorf("cbe: free streaming has no field: G = %v and RhoBar = %v must be 0", p.G, p.RhoBar)
		}
	case Gravity:
		if !(p.G > 0) || math.IsInf(p.G, 0) {
			return nil, fmt.Errorf("cbe: gravity needs a positive finite G, got %v", p.G)
		}
	case Plasma:
		if p.G != 0 {
			return nil, fmt.Errorf("cbe: G = %v is meaningless for the plasma coupling (set it to 0)", p.G)
		}
	default:
		return nil, fmt.Errorf("cbe: unknown coupling %v", p.Coupling)
	}
	if p.Coupling != FreeStreaming {
		if !(p.RhoBar > 0) || math.IsInf(p.RhoBar, 0) {
			return nil, fmt.Errorf("cbe: %v needs a positive finite background density RhoBar, got %v", p.Coupling, p.RhoBar)
		}
		if p.Grid.MaxModes() < 1 {
			return nil, fmt.Errorf("cbe: %v needs Nx ≥ 3 to carry a field mode, got Nx = %d", p.Coupling, p.Grid.Nx)
		}
	}
	if p.Initial == nil {
		return nil, fmt.Errorf("cbe: problem has no initial condition")
	}
	f, err := p.Initial.Sample(p.Grid)
	if err != nil {
		return nil, fmt.Errorf("cbe: initial condition: %w", err)
	}
	if len(f) != p.Grid.Size() {
		return nil, fmt.Errorf("cbe: initial condition returned %d values for a %d×%d grid", len(f), p.Grid.Nx, p.Grid.Nv)
	}
	for idx, c := range f {
		if !finite(real(c)) || !finite(imag(c)) {
			return nil, fmt.Errorf("cbe: initial condition is %v at x index %d, v index %d", c, idx%p.Grid.Nx, idx/p.Grid.Nx)
		}
	}
	if p.Coupling != FreeStreaming {
		mean := real(sum(f)) * p.Grid.Dv() / float64(p.Grid.Nx)
		if math.Abs(mean-p.RhoBar) > rhoBarTolerance*p.RhoBar {
			return nil, fmt.Errorf("cbe: RhoBar = %v but the initial mean density is %v; a periodic field needs them equal", p.RhoBar, mean)
		}
	}
	return f, nil
}

// InitialCondition samples f(x, v, 0) on a grid, returning a slice in the
// storage order of doc.go.
type InitialCondition interface {
	Sample(g Grid) ([]complex128, error)
}

// Separable is f0(x, v) = X(x)·V(v). The quantum solver prepares it as a
// product of an x-register state and a v-register state (Factors).
type Separable struct {
	X, V func(float64) float64
}

// Factors returns X(x_i) and V(v_j) on the grid.
func (s Separable) Factors(g Grid) (gx, hv []float64, err error) {
	if err := g.Validate(false); err != nil {
		return nil, nil, err
	}
	if s.X == nil || s.V == nil {
		return nil, nil, fmt.Errorf("cbe: separable initial condition needs both X and V")
	}
	gx = make([]float64, g.Nx)
	for i := range gx {
		gx[i] = s.X(g.x(i))
		if !finite(gx[i]) {
			return nil, nil, fmt.Errorf("cbe: X(%v) = %v", g.x(i), gx[i])
		}
	}
	hv = make([]float64, g.Nv)
	for j := range hv {
		hv[j] = s.V(g.v(j))
		if !finite(hv[j]) {
			return nil, nil, fmt.Errorf("cbe: V(%v) = %v", g.v(j), hv[j])
		}
	}
	return gx, hv, nil
}

// Sample implements InitialCondition.
func (s Separable) Sample(g Grid) ([]complex128, error) {
	gx, hv, err := s.Factors(g)
	if err != nil {
		return nil, err
	}
	f := make([]complex128, g.Size())
	for j, h := range hv {
		row := f[j*g.Nx : (j+1)*g.Nx]
		for i, gi := range gx {
			row[i] = complex(gi*h, 0)
		}
	}
	return f, nil
}

// Function is a general initial condition f0(x, v).
type Function func(x, v float64) float64

// Sample implements InitialCondition.
func (fn Function) Sample(g Grid) ([]complex128, error) {
	if err := g.Validate(false); err != nil {
		return nil, err
	}
	if fn == nil {
		return nil, fmt.Errorf("cbe: nil initial-condition function")
	}
	f := make([]complex128, g.Size())
	for j := 0; j < g.Nv; j++ {
		for i := 0; i < g.Nx; i++ {
			f[i+g.Nx*j] = complex(fn(g.x(i), g.v(j)), 0)
		}
	}
	return f, nil
}

// PerturbedMaxwellian is f0 = ρ0·(1 + amp·cos kx)·exp(−v²/2σ²)/(√(2π)σ),
// normalised in the continuum (∫ dv of the v factor is 1).
func PerturbedMaxwellian(rho0, amp, k, sigma float64) (Separable, error) {
	for _, p := range []struct {
		name string
		val  float64
	}{{"rho0", rho0}, {"amp", amp}, {"k", k}, {"sigma", sigma}} {
		if !finite(p.val) {
			return Separable{}, fmt.Errorf("cbe: perturbed Maxwellian: %s = %v is not finite", p.name, p.val)
		}
	}
	if !(rho0 > 0) || !(sigma > 0) {
		return Separable{}, fmt.Errorf("cbe: perturbed Maxwellian needs rho0 > 0 and sigma > 0, got %v and %v", rho0, sigma)
	}
	norm := 1 / (math.Sqrt(2*math.Pi) * sigma)
	return Separable{
		X: func(x float64) float64 { return rho0 * (1 + amp*math.Cos(k*x)) },
		V: func(v float64) float64 { return norm * math.Exp(-v*v/(2*sigma*sigma)) },
	}, nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func sum(f []complex128) complex128 {
	var s complex128
	for _, c := range f {
		s += c
	}
	return s
}
