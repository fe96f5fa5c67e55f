package cbe

import (
	"math"
	"math/cmplx"
	"sync"
)

// Faddeeva returns w(z) = e^{−z²}·erfc(−iz) for complex z.
//
// In the closed upper half-plane it uses Weideman's rational
// approximation (SIAM J. Numer. Anal. 31, 1497 (1994)) with N = 32 terms:
// with L = (N/√2)^{1/2} and Z = (L + iz)/(L − iz),
//
//	w(z) ≈ 2·p(Z)/(L − iz)² + 1/(√π·(L − iz)),  p(Z) = Σ_{n=1}^{N} a_n Z^{n−1},
//
// where a_n are the Fourier cosine coefficients of e^{−t²}(L² + t²) in the
// variable θ, t = L·tan(θ/2). Below the real axis it uses the reflection
// w(z) = 2e^{−z²} − w(−z). The tests find it within 3e−13 relative of
// independent quadratures for |z| ≲ 10, the region the dispersion
// relations use.
func Faddeeva(z complex128) complex128 {
	if imag(z) < 0 {
		return 2*cmplx.Exp(-z*z) - Faddeeva(-z)
	}
	c := weidemanCoefficients()
	l := complex(weidemanL, 0)
	iz := complex(-imag(z), real(z))
	den := l - iz
	zz := (l + iz) / den
	var p complex128
	for n := len(c) - 1; n >= 0; n-- {
		p = p*zz + complex(c[n], 0)
	}
	return 2*p/(den*den) + 1/(complex(math.Sqrt(math.Pi), 0)*den)
}

// PlasmaZ is the plasma dispersion function Z(ζ) = i√π·w(ζ), with
// Z'(ζ) = −2(1 + ζZ(ζ)).
func PlasmaZ(zeta complex128) complex128 {
	return complex(0, math.Sqrt(math.Pi)) * Faddeeva(zeta)
}

const weidemanN = 32

// weidemanL is the scale (N/√2)^{1/2} of Weideman's map.
var weidemanL = math.Sqrt(weidemanN / math.Sqrt2)

// weidemanCoefficients are a_1…a_N (stored from index 0): with M = 2N and
// θ_k = kπ/M, a_n = (1/2M)·Σ_{|k|<M} f(θ_k)·cos(nθ_k),
// f(θ) = e^{−t²}(L² + t²), t = L·tan(θ/2). Computed once, read-only.
var weidemanCoefficients = sync.OnceValue(func() []float64 {
	const m = 2 * weidemanN
	l := weidemanL
	f := make([]float64, m)
	for k := range f {
		t := l * math.Tan(float64(k)*math.Pi/(2*m))
		f[k] = math.Exp(-t*t) * (l*l + t*t)
	}
	a := make([]float64, weidemanN)
	for n := 1; n <= weidemanN; n++ {
		s := f[0]
		for k := 1; k < m; k++ {
			s += 2 * f[k] * math.Cos(float64(n*k)*math.Pi/m)
		}
		a[n-1] = s / (2 * m)
	}
	return a
})
