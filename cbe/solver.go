package cbe

import (
	"fmt"
	"math"
)

// KickScheme selects how the velocity shift f(x, v) → f(x, v − a(x)Δt) is
// carried out.
type KickScheme int

const (
	// KickFourier shifts spectrally in v: F_v^{−1} · diag(e^{−iη a(x)Δt}) · F_v,
	// periodic in v and exactly unitary. This is the map the quantum
	// solver implements.
	KickFourier KickScheme = iota
	// KickSpline interpolates with the cubic spline through the samples,
	// f = 0 outside [−VMax, VMax] (mass flows out at the edges).
	KickSpline
)

func (k KickScheme) String() string {
	switch k {
	case KickFourier:
		return "fourier"
	case KickSpline:
		return "spline"
	}
	return fmt.Sprintf("KickScheme(%d)", int(k))
}

// NyquistRule says how a shift treats the Nyquist coefficient of an
// even-length transform, the one index whose wavenumber sign is a
// convention.
type NyquistRule int

const (
	// NyquistSigned gives the Nyquist index m = N/2 the wavenumber of
	// signed index −N/2, the two's-complement reading of the register.
	// Every shift is then an exactly unitary diagonal phase, the same
	// linear map the quantum phase networks implement; the price is that
	// a real f acquires an imaginary part wherever the Nyquist mode is
	// populated (History.ImagNorm tracks it).
	NyquistSigned NyquistRule = iota
	// NyquistCos multiplies the Nyquist coefficient by cos(k_N·shift),
	// the on-grid value of the shifted real trigonometric interpolant:
	// a real f stays real, but the shift is no longer unitary (the
	// Nyquist amplitude shrinks). A classical-only alternative; no
	// quantum phase network implements it.
	NyquistCos
)

func (r NyquistRule) String() string {
	switch r {
	case NyquistSigned:
		return "signed"
	case NyquistCos:
		return "cos"
	}
	return fmt.Sprintf("NyquistRule(%d)", int(r))
}

// Options control the time integration and the recording.
type Options struct {
	// Dt is the time step (> 0).
	Dt float64
	// Modes is M, the number of density modes ρ̂_1…ρ̂_M that drive the
	// field; 0 means all, Grid.MaxModes().
	Modes int
	// Kick is the velocity-shift scheme (default KickFourier).
	Kick KickScheme
	// Nyquist is the Nyquist convention of the Fourier shifts (the x
	// streaming and the KickFourier v-shift); default NyquistSigned.
	Nyquist NyquistRule
	// RecordEvery is the number of steps between history records made by
	// Run; 0 means every step.
	RecordEvery int
	// RecordModes is how many density modes (m = 1…RecordModes, plus the
	// mean m = 0) the history keeps; 0 means the field modes M.
	RecordModes int
}

// Solver integrates a Problem with the Strang-split semi-Lagrangian scheme
// of Cheng & Knorr. It is not safe for concurrent use.
type Solver struct {
	prob  Problem
	opt   Options
	grid  Grid
	kappa float64
	steps int
	f     []complex128

	fx, fv    fftPlan
	vRows     *radix2      // fv when Nv is a power of two: all columns at once
	halfPhase []complex128 // e^{−i k_m v_j Δt/2}/Nx at m + Nx·j
	col       []complex128 // one velocity column
	colPhase  []complex128 // kick phases for one column
	powers    []complex128 // e^{−isθ}, s = 0…Nv/2, or per-x powers when batched
	kickBase  []complex128 // e^{−iθ_i} per x when batched
	rho       []complex128 // ρ(x_i), then its spectrum
	ahat      []complex128 // acceleration spectrum, then a(x_i)
	accel     []float64
	spline    *cubicSpline

	hist History
}

// NewSolver validates the problem and the options, samples the initial
// condition and records it as the first history entry.
func NewSolver(p Problem, opt Options) (*Solver, error) {
	f0, err := p.InitialState()
	if err != nil {
		return nil, err
	}
	g := p.Grid
	if !(opt.Dt > 0) || math.IsInf(opt.Dt, 0) {
		return nil, fmt.Errorf("cbe: time step must be positive and finite, got %v", opt.Dt)
	}
	if opt.Modes < 0 || opt.Modes > g.MaxModes() {
		return nil, fmt.Errorf("cbe: field modes M = %d out of range [0, %d] for Nx = %d", opt.Modes, g.MaxModes(), g.Nx)
	}
	if opt.Modes == 0 {
		opt.Modes = g.MaxModes()
	}
	if opt.Kick != KickFourier && opt.Kick != KickSpline {
		return nil, fmt.Errorf("cbe: unknown kick scheme %v", opt.Kick)
	}
	if opt.Nyquist != NyquistSigned && opt.Nyquist != NyquistCos {
		return nil, fmt.Errorf("cbe: unknown Nyquist rule %v", opt.Nyquist)
	}
	if opt.RecordEvery < 0 {
		return nil, fmt.Errorf("cbe: RecordEvery = %d must not be negative", opt.RecordEvery)
	}
	if opt.RecordEvery == 0 {
		opt.RecordEvery = 1
	}
	if opt.RecordModes < 0 || opt.RecordModes > g.MaxModes() {
		return nil, fmt.Errorf("cbe: RecordModes = %d out of range [0, %d]", opt.RecordModes, g.MaxModes())
	}
	if opt.RecordModes == 0 {
		opt.RecordModes = opt.Modes
	}
	s := &Solver{
		prob:     p,
		opt:      opt,
		grid:     g,
		kappa:    p.FieldFactor(),
		f:        f0,
		fx:       newPlan(g.Nx),
		fv:       newPlan(g.Nv),
		col:      make([]complex128, g.Nv),
		colPhase: make([]complex128, g.Nv),
		powers:   make([]complex128, max(g.Nv/2+1, g.Nx)),
		kickBase: make([]complex128, g.Nx),
		rho:      make([]complex128, g.Nx),
		ahat:     make([]complex128, g.Nx),
		accel:    make([]float64, g.Nx),
	}
	s.vRows, _ = s.fv.(*radix2)
	s.halfPhase = streamPhases(g, opt.Dt/2, opt.Nyquist)
	if opt.Kick == KickSpline {
		s.spline = newCubicSpline(g.Nv)
	}
	s.hist.init(opt.RecordModes)
	s.Record()
	return s, nil
}

// Step advances f by one Strang step: half x-advection, field from the
// density at the half step, full v-kick, half x-advection. It does not
// record diagnostics (Run does).
func (s *Solver) Step() {
	s.streamTable(s.f, s.halfPhase)
	if s.prob.Coupling != FreeStreaming {
		s.accelerationInto(s.f, s.accel)
		s.kick(s.f, s.accel, s.opt.Dt)
	}
	s.streamTable(s.f, s.halfPhase)
	s.steps++
}

// Run takes the given number of steps, recording diagnostics every
// Options.RecordEvery steps.
func (s *Solver) Run(steps int) error {
	if steps < 0 {
		return fmt.Errorf("cbe: cannot run %d steps", steps)
	}
	for range steps {
		s.Step()
		if s.steps%s.opt.RecordEvery == 0 {
			s.Record()
		}
	}
	return nil
}

// Time is steps·Dt.
func (s *Solver) Time() float64 { return float64(s.steps) * s.opt.Dt }

// Steps is the number of steps taken.
func (s *Solver) Steps() int { return s.steps }

// Grid is the problem's grid.
func (s *Solver) Grid() Grid { return s.grid }

// Options returns the options with defaults filled in.
func (s *Solver) Options() Options { return s.opt }

// Problem returns the problem being solved.
func (s *Solver) Problem() Problem { return s.prob }

// State returns a copy of f (index i + Nx·j).
func (s *Solver) State() []complex128 { return append([]complex128(nil), s.f...) }

// RealState returns a copy of Re f (index i + Nx·j).
func (s *Solver) RealState() []float64 {
	out := make([]float64, len(s.f))
	for i, c := range s.f {
		out[i] = real(c)
	}
	return out
}

// SetState replaces f (copied) without touching time or history, so a
// caller can apply Step to a state of its own, e.g. one read back from
// the quantum solver.
func (s *Solver) SetState(f []complex128) error {
	if err := s.checkState(f); err != nil {
		return err
	}
	copy(s.f, f)
	return nil
}

func (s *Solver) checkState(f []complex128) error {
	if len(f) != s.grid.Size() {
		return fmt.Errorf("cbe: state has %d values, grid %d×%d needs %d", len(f), s.grid.Nx, s.grid.Nv, s.grid.Size())
	}
	for idx, c := range f {
		if !finite(real(c)) || !finite(imag(c)) {
			return fmt.Errorf("cbe: state is %v at x index %d, v index %d", c, idx%s.grid.Nx, idx/s.grid.Nx)
		}
	}
	return nil
}
