package cbe

import (
	"fmt"
	"math"
	"math/cmplx"
)

// Background is a uniform Maxwellian equilibrium, density RhoBar and
// velocity dispersion Sigma, for the linear dispersion relations.
type Background struct {
	// Coupling is Gravity or Plasma.
	Coupling Coupling
	// G is the gravitational constant (Gravity only).
	G float64
	// RhoBar is the equilibrium density (ω_p² = RhoBar for the plasma).
	RhoBar float64
	// Sigma is the velocity dispersion (thermal speed) of the Maxwellian.
	Sigma float64
}

func (b Background) validate() error {
	switch b.Coupling {
	case Gravity:
		if !(b.G > 0) || math.IsInf(b.G, 0) {
			return fmt.Errorf("cbe: gravity needs a positive finite G, got %v", b.G)
		}
	case Plasma:
	default:
		return fmt.Errorf("cbe: dispersion relation needs Gravity or Plasma, got %v", b.Coupling)
	}
	if !(b.RhoBar > 0) || math.IsInf(b.RhoBar, 0) || !(b.Sigma > 0) || math.IsInf(b.Sigma, 0) {
		return fmt.Errorf("cbe: background needs positive finite RhoBar and Sigma, got %v and %v", b.RhoBar, b.Sigma)
	}
	return nil
}

// strength is κ·ρ̄/σ²: k_J² for gravity, −1/λ_D² for the plasma.
func (b Background) strength() float64 {
	p := Problem{Coupling: b.Coupling, G: b.G}
	return p.FieldFactor() * b.RhoBar / (b.Sigma * b.Sigma)
}

// JeansWavenumber is k_J = √(4πGρ̄)/σ.
func (b Background) JeansWavenumber() (float64, error) {
	if err := b.validate(); err != nil {
		return 0, err
	}
	if b.Coupling != Gravity {
		return 0, fmt.Errorf("cbe: the Jeans wavenumber needs Gravity, got %v", b.Coupling)
	}
	return math.Sqrt(b.strength()), nil
}

// Dispersion evaluates D(k, ω) = 1 − (κρ̄/(k²σ²))·(1 + ζZ(ζ)),
// ζ = ω/(√2kσ), continued analytically below the real ω axis (Landau
// contour). Gravity: 1 − (k_J²/k²)(1 + ζZ); plasma: 1 + (1/(k²λ_D²))(1 + ζZ).
func (b Background) Dispersion(k float64, omega complex128) (complex128, error) {
	d, _, err := b.dispersion(k, omega)
	return d, err
}

func (b Background) dispersion(k float64, omega complex128) (d, dOmega complex128, err error) {
	if err := b.validate(); err != nil {
		return 0, 0, err
	}
	if !(k > 0) || math.IsInf(k, 0) {
		return 0, 0, fmt.Errorf("cbe: wavenumber must be positive and finite, got %v", k)
	}
	if cmplx.IsNaN(omega) || cmplx.IsInf(omega) {
		return 0, 0, fmt.Errorf("cbe: frequency %v is not finite", omega)
	}
	scale := math.Sqrt2 * k * b.Sigma
	zeta := omega / complex(scale, 0)
	z := PlasmaZ(zeta)
	chi := 1 + zeta*z // 1 + ζZ(ζ); d/dζ of it is Z + ζZ' = Z − 2ζ(1 + ζZ)
	c := complex(b.strength()/(k*k), 0)
	d = 1 - c*chi
	dOmega = -c * (z - 2*zeta*chi) / complex(scale, 0)
	return d, dOmega, nil
}

// Root solves D(k, ω) = 0 by complex Newton iteration from guess.
func (b Background) Root(k float64, guess complex128) (complex128, error) {
	omega := guess
	for range 100 {
		d, dd, err := b.dispersion(k, omega)
		if err != nil {
			return 0, err
		}
		if dd == 0 {
			return 0, fmt.Errorf("cbe: dispersion root: zero derivative at ω = %v", omega)
		}
		step := d / dd
		omega -= step
		if cmplx.IsNaN(omega) || cmplx.IsInf(omega) {
			return 0, fmt.Errorf("cbe: dispersion root: Newton diverged from guess %v", guess)
		}
		if cmplx.Abs(step) <= 1e-14*math.Max(1, cmplx.Abs(omega)) {
			return omega, nil
		}
	}
	return 0, fmt.Errorf("cbe: dispersion root: no convergence in 100 Newton steps from guess %v (k = %v)", guess, k)
}

// LandauRoot returns the least-damped Langmuir root ω of the plasma
// relation 1 + (1/k²)(1 + ζZ(ζ)) = 0, ζ = ω/(√2k), in units ω_p = λ_D = 1
// (Background{Plasma, 0, 1, 1}). The Newton guess is the Bohm–Gross
// frequency √(1 + 3k²) with the weak-damping rate; it is reliable for
// 0.1 ≤ k ≲ 1.
func LandauRoot(k float64) (complex128, error) {
	if !(k > 0) || math.IsInf(k, 0) {
		return 0, fmt.Errorf("cbe: Landau root: wavenumber must be positive and finite, got %v", k)
	}
	wr := math.Sqrt(1 + 3*k*k)
	gamma := -math.Sqrt(math.Pi/8) / (k * k * k) * math.Exp(-1/(2*k*k)-1.5)
	b := Background{Coupling: Plasma, RhoBar: 1, Sigma: 1}
	return b.Root(k, complex(wr, gamma))
}

// JeansGrowthRate is the kinetic growth rate γ of the Jeans instability
// for wavenumber 0 < k < k_J: with ω = iγ the relation becomes
// k²/k_J² = 1 − √π·y·e^{y²}·erfc(y), y = γ/(√2kσ), which is solved for y
// by safeguarded Newton iteration. k ≥ k_J (stable) is an error.
func (b Background) JeansGrowthRate(k float64) (float64, error) {
	kJ, err := b.JeansWavenumber()
	if err != nil {
		return 0, err
	}
	if !(k > 0) || !(k < kJ) {
		return 0, fmt.Errorf("cbe: Jeans growth rate needs 0 < k < k_J = %v, got k = %v", kJ, k)
	}
	target := 1 - (k/kJ)*(k/kJ) // solve G(y) = √π·y·erfcx(y) = target
	sqrtPi := math.Sqrt(math.Pi)
	gfun := func(y float64) (val, deriv float64) {
		e := erfcx(y)
		return sqrtPi * y * e, sqrtPi*e*(1+2*y*y) - 2*y
	}
	// G rises monotonically from 0 at y = 0 towards 1: bracket, then Newton.
	lo, hi := 0.0, 1.0
	for g, _ := gfun(hi); g < target; g, _ = gfun(hi) {
		lo, hi = hi, 2*hi
		if hi > 1e8 {
			return 0, fmt.Errorf("cbe: Jeans growth rate: no bracket for k/k_J = %v", k/kJ)
		}
	}
	y := 0.5 * (lo + hi)
	for range 200 {
		g, dg := gfun(y)
		if g < target {
			lo = y
		} else {
			hi = y
		}
		next := y - (g-target)/dg
		if !(next > lo && next < hi) {
			next = 0.5 * (lo + hi)
		}
		if math.Abs(next-y) <= 1e-15*y {
			return math.Sqrt2 * k * b.Sigma * next, nil
		}
		y = next
	}
	return 0, fmt.Errorf("cbe: Jeans growth rate: no convergence for k/k_J = %v", k/kJ)
}

// erfcx is the scaled complementary error function e^{y²}·erfc(y) for
// y ≥ 0: directly below y = 5, from Laplace's continued fraction
// erfc(y) = e^{−y²}/√π · 1/(y + (1/2)/(y + (2/2)/(y + (3/2)/(y + …)))) above,
// where e^{y²} would lose relative accuracy and later overflow.
func erfcx(y float64) float64 {
	if y < 5 {
		return math.Exp(y*y) * math.Erfc(y)
	}
	t := y
	for n := 80; n >= 1; n-- {
		t = y + float64(n)/2/t
	}
	return 1 / (math.Sqrt(math.Pi) * t)
}
