package cbe

import (
	"fmt"
	"math"
	"math/cmplx"
)

// streamPhases tabulates e^{−i k_m v_j τ}/Nx at index m + Nx·j, with k_m
// the signed (two's-complement) wavenumber; the 1/Nx completes the
// unnormalised inverse FFT. Under NyquistCos the Nyquist entry is the
// real cos(k_N v_j τ)/Nx.
func streamPhases(g Grid, tau float64, rule NyquistRule) []complex128 {
	ks := g.XWavenumbers()
	inv := 1 / float64(g.Nx)
	nyq := -1
	if rule == NyquistCos && g.Nx%2 == 0 {
		nyq = g.Nx / 2
	}
	ph := make([]complex128, g.Size())
	for j := 0; j < g.Nv; j++ {
		v := g.v(j)
		row := ph[j*g.Nx : (j+1)*g.Nx]
		for m, k := range ks {
			sn, cs := math.Sincos(-k * v * tau)
			if m == nyq {
				sn = 0
			}
			row[m] = complex(cs*inv, sn*inv)
		}
	}
	return ph
}

// streamTable applies F_x^{−1} · diag(phase) · F_x row by row (one row per
// velocity, contiguous in memory).
func (s *Solver) streamTable(f, phase []complex128) {
	nx := s.grid.Nx
	for j := 0; j < s.grid.Nv; j++ {
		row := f[j*nx : (j+1)*nx]
		s.fx.forward(row)
		ph := phase[j*nx : (j+1)*nx]
		ph = ph[:len(row)]
		for m := range row {
			row[m] *= ph[m]
		}
		s.fx.inverse(row)
	}
}

// Stream applies the free-streaming map over a time tau in place:
// f ← F_x^{−1} · diag_{m,j}(e^{−i k_m v_j tau}) · F_x f, the spectrally exact
// f(x − v·tau, v) for the trigonometric interpolant in x (signed k_m,
// Nyquist −π·Nx/L, see doc.go). It uses the solver's scratch space.
func (s *Solver) Stream(f []complex128, tau float64) error {
	if err := s.checkState(f); err != nil {
		return err
	}
	if !finite(tau) {
		return fmt.Errorf("cbe: stream time %v is not finite", tau)
	}
	s.streamTable(f, streamPhases(s.grid, tau, s.opt.Nyquist))
	return nil
}

// Kick shifts f in velocity by a(x_i)·tau in place with the solver's kick
// scheme. With KickFourier this is, for each x_i,
// f(x_i, ·) ← F_v^{−1} · diag_m(e^{−i η_m a(x_i) tau}) · F_v f(x_i, ·)
// (η_m signed, Nyquist per Options.Nyquist); with KickSpline the cubic
// spline shift of doc.go.
func (s *Solver) Kick(f []complex128, a []float64, tau float64) error {
	if err := s.checkState(f); err != nil {
		return err
	}
	if len(a) != s.grid.Nx {
		return fmt.Errorf("cbe: acceleration has %d values, want Nx = %d", len(a), s.grid.Nx)
	}
	for i, ai := range a {
		if !finite(ai) {
			return fmt.Errorf("cbe: acceleration is %v at x index %d", ai, i)
		}
	}
	if !finite(tau) {
		return fmt.Errorf("cbe: kick time %v is not finite", tau)
	}
	s.kick(f, a, tau)
	return nil
}

func (s *Solver) kick(f []complex128, a []float64, tau float64) {
	if s.opt.Kick == KickFourier && s.vRows != nil {
		s.fourierKickRows(f, a, tau)
		return
	}
	nx := s.grid.Nx
	col := s.col
	for i, ai := range a {
		if ai == 0 {
			continue
		}
		for j := range col {
			col[j] = f[i+nx*j]
		}
		if s.opt.Kick == KickSpline {
			s.spline.shift(col, ai*tau/s.grid.Dv())
		} else {
			s.fourierShift(col, ai*tau)
		}
		for j, c := range col {
			f[i+nx*j] = c
		}
	}
}

// fourierShift moves one velocity column by delta: the coefficient of
// signed index q is multiplied by e^{−i q θ}, θ = η_1·delta. The powers
// are built by recurrence (error ≲ Nv/2 ulp) and the negative ones by
// conjugation, which makes the Nyquist (q = −Nv/2) factor conj(w^{Nv/2}).
func (s *Solver) fourierShift(col []complex128, delta float64) {
	nv := len(col)
	theta := s.grid.etaStep() * delta
	sn, cs := math.Sincos(-theta)
	w := complex(cs, sn)
	p := s.powers
	p[0] = 1
	for q := 1; q < len(p); q++ {
		p[q] = p[q-1] * w
	}
	inv := complex(1/float64(nv), 0)
	ph := s.colPhase
	for m := range ph {
		q := signedIndex(m, nv)
		if q >= 0 {
			ph[m] = p[q] * inv
		} else {
			ph[m] = cmplx.Conj(p[-q]) * inv
		}
	}
	if s.opt.Nyquist == NyquistCos && nv%2 == 0 {
		ph[nv/2] = complex(real(ph[nv/2]), 0)
	}
	s.fv.forward(col)
	for m := range col {
		col[m] *= ph[m]
	}
	s.fv.inverse(col)
}

// fourierKickRows is fourierShift for every x at once (Nv a power of
// two): transform along v for all columns, multiply row m (signed index
// q) by e^{−iqθ_i}/Nv, transform back. The powers follow the same
// recurrence as fourierShift; 1/Nv is a power of two, so scaling first
// changes no bit.
func (s *Solver) fourierKickRows(f []complex128, a []float64, tau float64) {
	nx, nv := s.grid.Nx, s.grid.Nv
	w := s.kickBase
	p := s.powers[:nx]
	inv := complex(1/float64(nv), 0)
	for i, ai := range a {
		sn, cs := math.Sincos(-s.grid.etaStep() * ai * tau)
		w[i] = complex(cs, sn)
		p[i] = inv
	}
	s.vRows.transformRows(f, nx, s.vRows.fwd)
	row0 := f[:nx]
	for i := range row0 {
		row0[i] *= inv
	}
	for q := 1; q <= nv/2; q++ {
		for i := range p {
			p[i] *= w[i]
		}
		if q < nv/2 {
			pos := f[q*nx : (q+1)*nx]
			pos = pos[:len(p)]
			for i, c := range p {
				pos[i] *= c
			}
		}
		neg := f[(nv-q)*nx : (nv-q+1)*nx]
		neg = neg[:len(p)]
		if q == nv/2 && s.opt.Nyquist == NyquistCos {
			for i, c := range p {
				neg[i] *= complex(real(c), 0)
			}
			continue
		}
		for i, c := range p {
			neg[i] *= cmplx.Conj(c)
		}
	}
	s.vRows.transformRows(f, nx, s.vRows.inv)
}

// densitySpectrum fills s.rho with ρ̂_m = (1/Nx)·Σ_i ρ(x_i)·e^{−2πi m i/Nx},
// ρ(x_i) = Δv·Σ_j f(x_i, v_j), for all m = 0…Nx−1.
func (s *Solver) densitySpectrum(f []complex128) []complex128 {
	nx := s.grid.Nx
	rho := s.rho
	clear(rho)
	for j := 0; j < s.grid.Nv; j++ {
		row := f[j*nx : (j+1)*nx]
		for i, c := range row {
			rho[i] += c
		}
	}
	s.fx.forward(rho)
	scale := complex(s.grid.Dv()/float64(nx), 0)
	for m := range rho {
		rho[m] *= scale
	}
	return rho
}

// accelerationInto computes a(x_i) from the modes ρ̂_1…ρ̂_M of f:
// â_m = iκρ̂_m/k_m and a = Σ_{m=1}^{M} 2·Re(â_m e^{i k_m x}).
func (s *Solver) accelerationInto(f []complex128, a []float64) {
	rho := s.densitySpectrum(f)
	ahat := s.ahat
	clear(ahat)
	k1 := 2 * math.Pi / s.grid.L
	for m := 1; m <= s.opt.Modes; m++ {
		ahat[m] = complex(0, s.kappa/(k1*float64(m))) * rho[m]
	}
	s.fx.inverse(ahat)
	for i, c := range ahat {
		a[i] = 2 * real(c)
	}
}

// Acceleration returns the a(x_i) the solver's kick would use for f
// (modes 1…M, see doc.go).
func (s *Solver) Acceleration(f []complex128) ([]float64, error) {
	if err := s.checkState(f); err != nil {
		return nil, err
	}
	a := make([]float64, s.grid.Nx)
	if s.prob.Coupling != FreeStreaming {
		s.accelerationInto(f, a)
	}
	return a, nil
}

// DensityModes returns ρ̂_0…ρ̂_count of f, ρ̂_m = (1/Nx)·Σ_i ρ(x_i)·
// e^{−2πi m i/Nx}, so that ρ(x) = Σ_m ρ̂_m e^{i k_m x}; count ≤ Nx/2.
func (s *Solver) DensityModes(f []complex128, count int) ([]complex128, error) {
	if err := s.checkState(f); err != nil {
		return nil, err
	}
	if count < 0 || count > s.grid.Nx/2 {
		return nil, fmt.Errorf("cbe: density mode count %d out of range [0, %d]", count, s.grid.Nx/2)
	}
	return append([]complex128(nil), s.densitySpectrum(f)[:count+1]...), nil
}

// AccelerationFromModes builds a(x_i) = Σ_{m=1}^{M} 2·Re(i·κ·ρ̂_m/k_m ·
// e^{i k_m x_i}), k_m = 2πm/L, from modes = ρ̂_0…ρ̂_M (modes[0], the mean,
// is cancelled by the background and not used). kappa is
// Problem.FieldFactor(). This is the map the quantum solver applies to
// the modes it reads out; it is evaluated by direct summation, the
// solver itself by FFT.
func AccelerationFromModes(g Grid, kappa float64, modes []complex128) ([]float64, error) {
	if err := g.Validate(false); err != nil {
		return nil, err
	}
	if !finite(kappa) {
		return nil, fmt.Errorf("cbe: field factor %v is not finite", kappa)
	}
	if len(modes) < 1 || len(modes)-1 > g.MaxModes() {
		return nil, fmt.Errorf("cbe: %d modes given, need ρ̂_0…ρ̂_M with 1 ≤ M+1 ≤ %d", len(modes), g.MaxModes()+1)
	}
	for m, c := range modes {
		if !finite(real(c)) || !finite(imag(c)) {
			return nil, fmt.Errorf("cbe: density mode %d is %v", m, c)
		}
	}
	a := make([]float64, g.Nx)
	k1 := 2 * math.Pi / g.L
	for m := 1; m < len(modes); m++ {
		am := complex(0, kappa/(k1*float64(m))) * modes[m]
		for i := range a {
			// Reduce m·i mod Nx so the angle stays exact for long grids.
			sn, cs := math.Sincos(2 * math.Pi * float64((m*i)%g.Nx) / float64(g.Nx))
			a[i] += 2 * real(am*complex(cs, sn))
		}
	}
	return a, nil
}
