package cbe

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/dsp/fourier"
)

// FreeStreamingExact returns the exact on-grid free-streaming solution
// f0(x − v·t, v): the x-spectrum of f0 multiplied once by e^{−i k_m v_j t}
// with the signed wavenumbers of doc.go. It is the limit the solver's
// streaming steps compose to, independent of the step size.
func FreeStreamingExact(g Grid, f0 []complex128, t float64) ([]complex128, error) {
	if err := g.Validate(false); err != nil {
		return nil, err
	}
	if len(f0) != g.Size() {
		return nil, fmt.Errorf("cbe: free streaming: f0 has %d values, grid needs %d", len(f0), g.Size())
	}
	if !finite(t) {
		return nil, fmt.Errorf("cbe: free streaming: time %v is not finite", t)
	}
	ks := g.XWavenumbers()
	fft := fourier.NewCmplxFFT(g.Nx)
	out := make([]complex128, g.Size())
	for j := 0; j < g.Nv; j++ {
		v := g.v(j)
		row := out[j*g.Nx : (j+1)*g.Nx]
		fft.Coefficients(row, f0[j*g.Nx:(j+1)*g.Nx])
		for m, k := range ks {
			sn, cs := math.Sincos(-k * v * t)
			row[m] *= complex(cs, sn) / complex(float64(g.Nx), 0)
		}
		fft.Sequence(row, row)
	}
	return out, nil
}

// MaxwellianModeRatio is the exact on-grid ratio ρ̂(t)/ρ̂(0) of a density
// mode of wavenumber k for f0 = X(x)·M(v), M a Maxwellian of dispersion
// sigma sampled on the grid's velocities, under free streaming:
// Σ_j M_j e^{−ikv_j t}/Σ_j M_j. The grid is symmetric in v, so the ratio
// is real: Σ_j M_j cos(kv_j t)/Σ_j M_j. In the continuum it would be
// exp(−k²σ²t²/2).
func MaxwellianModeRatio(g Grid, sigma, k, t float64) (float64, error) {
	if err := g.Validate(false); err != nil {
		return 0, err
	}
	if !(sigma > 0) || math.IsInf(sigma, 0) || !finite(k) || !finite(t) {
		return 0, fmt.Errorf("cbe: mode ratio needs sigma > 0 and finite k, t; got %v, %v, %v", sigma, k, t)
	}
	var num, den float64
	for j := 0; j < g.Nv; j++ {
		v := g.v(j)
		m := math.Exp(-v * v / (2 * sigma * sigma))
		num += m * math.Cos(k*v*t)
		den += m
	}
	return num / den, nil
}
