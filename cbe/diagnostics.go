package cbe

import (
	"fmt"
	"math"
)

// History holds one entry per record, as plain slices ready to plot.
// Integrals are Riemann sums Σ_ij (·)·Δx·Δv over the grid and use Re f
// unless said otherwise.
type History struct {
	// T is the time of each record.
	T []float64
	// DensityModes[m][n] is ρ̂_m at T[n], m = 0…RecordModes, with
	// ρ(x) = Σ_m ρ̂_m e^{i k_m x} (ρ̂_0 is the mean density).
	DensityModes [][]complex128
	// FieldModes[m][n] is the acceleration mode â_m = iκρ̂_m/k_m at T[n]
	// (zero for m = 0 and beyond the field modes M). For the plasma
	// a = −E, so |E_m| = |â_m|.
	FieldModes [][]complex128
	// FieldEnergy is ∫a² dx/(2|κ|) over the field modes: ½∫E² dx for the
	// plasma, (1/8πG)∫(∂Φ/∂x)² dx for gravity.
	FieldEnergy []float64
	// KineticEnergy is ½∫∫ f v² dx dv.
	KineticEnergy []float64
	// TotalEnergy is KineticEnergy + FieldEnergy (plasma) or
	// KineticEnergy − FieldEnergy (gravity, whose potential energy is
	// −FieldEnergy).
	TotalEnergy []float64
	// Mass is ∫∫ f dx dv.
	Mass []float64
	// Momentum is ∫∫ f v dx dv.
	Momentum []float64
	// L2Norm is (∫∫ |f|² dx dv)^{1/2}, of the complex f.
	L2Norm []float64
	// Entropy is −∫∫ f ln f dx dv over the cells where f > 0.
	Entropy []float64
	// MinF is min Re f.
	MinF []float64
	// ImagNorm is ‖Im f‖/‖f‖: how far the Nyquist convention has taken f
	// from real (see doc.go).
	ImagNorm []float64
}

func (h *History) init(modes int) {
	h.DensityModes = make([][]complex128, modes+1)
	h.FieldModes = make([][]complex128, modes+1)
}

// ModeAmplitude returns |ρ̂_m(T[n])| for all records.
func (h *History) ModeAmplitude(m int) ([]float64, error) {
	if m < 0 || m >= len(h.DensityModes) {
		return nil, fmt.Errorf("cbe: density mode %d not recorded (have 0…%d)", m, len(h.DensityModes)-1)
	}
	return absAll(h.DensityModes[m]), nil
}

// FieldAmplitude returns |â_m(T[n])| (= |E_m| for the plasma).
func (h *History) FieldAmplitude(m int) ([]float64, error) {
	if m < 0 || m >= len(h.FieldModes) {
		return nil, fmt.Errorf("cbe: field mode %d not recorded (have 0…%d)", m, len(h.FieldModes)-1)
	}
	return absAll(h.FieldModes[m]), nil
}

func absAll(cs []complex128) []float64 {
	out := make([]float64, len(cs))
	for i, c := range cs {
		out[i] = math.Hypot(real(c), imag(c))
	}
	return out
}

// History returns the recorded diagnostics. The slices are the solver's
// own; they grow as the solver records.
func (s *Solver) History() *History { return &s.hist }

// Record appends the diagnostics of the current state to the history.
func (s *Solver) Record() {
	g := s.grid
	h := &s.hist
	h.T = append(h.T, s.Time())

	rho := s.densitySpectrum(s.f)
	k1 := 2 * math.Pi / g.L
	var fieldSq float64
	for m := range h.DensityModes {
		h.DensityModes[m] = append(h.DensityModes[m], rho[m])
		var am complex128
		if m >= 1 && m <= s.opt.Modes && s.kappa != 0 {
			am = complex(0, s.kappa/(k1*float64(m))) * rho[m]
		}
		h.FieldModes[m] = append(h.FieldModes[m], am)
	}
	if s.kappa != 0 {
		for m := 1; m <= s.opt.Modes; m++ {
			am := rho[m] / complex(k1*float64(m), 0)
			fieldSq += real(am)*real(am) + imag(am)*imag(am)
		}
		// Parseval over ±m: ∫a² dx = 2L·Σ_{m≥1}|â_m|², with |â_m| = |κ||ρ̂_m|/k_m.
		fieldSq *= 2 * g.L * s.kappa * s.kappa
	}
	field := 0.0
	if s.kappa != 0 {
		field = fieldSq / (2 * math.Abs(s.kappa))
	}

	var mass, mom, kin, norm2, imag2, ent float64
	minF := math.Inf(1)
	for j := 0; j < g.Nv; j++ {
		v := g.v(j)
		var rowSum, rowNorm, rowImag, rowEnt float64
		for _, c := range s.f[j*g.Nx : (j+1)*g.Nx] {
			re, im := real(c), imag(c)
			rowSum += re
			rowNorm += re*re + im*im
			rowImag += im * im
			if re > 0 {
				rowEnt -= re * math.Log(re)
			}
			minF = math.Min(minF, re)
		}
		mass += rowSum
		mom += rowSum * v
		kin += rowSum * v * v / 2
		norm2 += rowNorm
		imag2 += rowImag
		ent += rowEnt
	}
	cell := g.Dx() * g.Dv()
	h.FieldEnergy = append(h.FieldEnergy, field)
	h.KineticEnergy = append(h.KineticEnergy, kin*cell)
	total := kin * cell
	switch s.prob.Coupling {
	case Gravity:
		total -= field
	case Plasma:
		total += field
	}
	h.TotalEnergy = append(h.TotalEnergy, total)
	h.Mass = append(h.Mass, mass*cell)
	h.Momentum = append(h.Momentum, mom*cell)
	h.L2Norm = append(h.L2Norm, math.Sqrt(norm2*cell))
	h.Entropy = append(h.Entropy, ent*cell)
	h.MinF = append(h.MinF, minF)
	imagNorm := 0.0
	if norm2 > 0 {
		imagNorm = math.Sqrt(imag2 / norm2)
	}
	h.ImagNorm = append(h.ImagNorm, imagNorm)
}
