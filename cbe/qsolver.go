package cbe

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/statevec"
)

// StreamMode selects the circuit that advects f in x.
type StreamMode int

const (
	// StreamFourier is QFT_x · diag(e^{−i k v τ}) · QFT_x† (StreamCircuit):
	// the classical solver's Fourier interpolation, any time step.
	StreamFourier StreamMode = iota
	// StreamIntegerShift moves every velocity class by whole cells with
	// velocity-controlled incrementers and a CFL counter
	// (IntegerShiftCircuit, IntegerShiftPlan); only Courant numbers 2n/p
	// are accepted.
	StreamIntegerShift
)

func (m StreamMode) String() string {
	switch m {
	case StreamFourier:
		return "fourier"
	case StreamIntegerShift:
		return "integer-shift"
	}
	return fmt.Sprintf("StreamMode(%d)", int(m))
}

// ReadoutMode selects how the density modes that drive the field are read
// from the quantum state.
type ReadoutMode int

const (
	// ReadoutExact takes the amplitudes of the readout circuit's output
	// from the simulator (on a copy of the state): the noiseless limit of
	// infinitely many shots.
	ReadoutExact ReadoutMode = iota
	// ReadoutShots samples Shots runs of each circuit: for each
	// m = 1…M a real and an imaginary Hadamard test with one ancilla
	// (HadamardTestCircuit), and, for MagnitudePhaseEstimate, the readout
	// circuit itself; QuantumOptions.Estimator turns the counts into ρ̂_m.
	ReadoutShots
)

func (m ReadoutMode) String() string {
	switch m {
	case ReadoutExact:
		return "exact"
	case ReadoutShots:
		return "shots"
	}
	return fmt.Sprintf("ReadoutMode(%d)", int(m))
}

// ShotEstimator says how shot readout turns counts into ρ̂_m.
type ShotEstimator int

const (
	// HadamardEstimate takes ρ̂_m ∝ A_m = z/A_0* from the real and
	// imaginary Hadamard tests, z = A_0*·A_m, with A_0 the known mean
	// mode: unbiased for A_m itself, with an error of about
	// 0.7/(√shots·|A_0|) per component, however small A_m is. 2M circuits
	// per step.
	HadamardEstimate ShotEstimator = iota
	// MagnitudePhaseEstimate takes |A_m| = √(count_m/shots) from sampling
	// the readout circuit and only the phase from the Hadamard tests
	// (1 + 2M circuits per step). Its magnitude has half the spread of
	// HadamardEstimate's while S·|A_m|² ≫ 1, but a mode below the shot
	// floor (S·|A_m|² ≲ 1) mostly reads exactly zero: the field it drives
	// is biased to zero and a small seed never starts to grow.
	MagnitudePhaseEstimate
)

func (e ShotEstimator) String() string {
	switch e {
	case HadamardEstimate:
		return "hadamard"
	case MagnitudePhaseEstimate:
		return "magnitude-phase"
	}
	return fmt.Sprintf("ShotEstimator(%d)", int(e))
}

// maxShots keeps shot counts exactly representable as float64 binomial
// trial counts.
const maxShots = 1 << 50

// QuantumOptions control the quantum solver.
type QuantumOptions struct {
	// Dt is the time step (> 0).
	Dt float64
	// Modes is M, the number of density modes ρ̂_1…ρ̂_M read out each step
	// to build the field; 0 means Grid.MaxModes().
	Modes int
	// Stream is the streaming circuit (default StreamFourier).
	Stream StreamMode
	// Readout is the density readout (default ReadoutExact).
	Readout ReadoutMode
	// Shots is the number of shots per circuit per step (ReadoutShots
	// only, ≥ 1; must be 0 otherwise).
	Shots int64
	// Estimator turns shot counts into density modes (ReadoutShots
	// only; default HadamardEstimate).
	Estimator ShotEstimator
	// Seed seeds the shot sampling.
	Seed uint64
	// RecordEvery and RecordModes are as in Options.
	RecordEvery int
	RecordModes int
}

// ModeReadout is what the solver read from the state to build the field,
// once per step at the half step.
type ModeReadout struct {
	// T[n] is the time of read n, (n + ½)·Dt.
	T []float64
	// Modes[m][n] is the estimate of ρ̂_m at T[n], m = 0…M (ρ̂_0 is the
	// conserved mean, known classically).
	Modes [][]complex128
}

// Amplitude returns |ρ̂_m| of every read.
func (r *ModeReadout) Amplitude(m int) ([]float64, error) {
	if m < 0 || m >= len(r.Modes) {
		return nil, fmt.Errorf("cbe: mode %d not read (have 0…%d)", m, len(r.Modes)-1)
	}
	return absAll(r.Modes[m]), nil
}

// QuantumSolver integrates a Problem with the quantum algorithm on the
// state-vector simulator: f/‖f‖ in the amplitudes of n_x + n_v qubits
// (plus one ancilla for shot readout), ‖f‖ kept classically, every step
// the circuits stream(Δt/2), readout → field → kick(Δt), stream(Δt/2).
// See doc.go for the circuits and their costs. It is not safe for
// concurrent use.
type QuantumSolver struct {
	prob  Problem
	opt   QuantumOptions
	grid  Grid
	kappa float64
	xr    register
	vr    register
	steps int

	state   *statevec.State
	scratch *statevec.State // readout copy
	ancilla *statevec.State // Hadamard-test copy (shots)
	norm    float64         // ‖f‖
	scale   float64         // ρ̂_m = scale·A_m
	rho0    complex128      // ρ̂_0, conserved

	prep    *circuits.Circuit
	stream  *circuits.Circuit // one half-step stream, or one shift event
	period  int               // streams per shift event (integer shift), else 1
	counter int
	readout *circuits.Circuit
	htests  [][2]*circuits.Circuit // ancilla parts for m = 1…M, real and imaginary
	bins    []int                  // readout indices of ρ̂_1…ρ̂_M
	src     *rand.PCG

	shadow *Solver // computes the History from the state
	reads  ModeReadout
	cost   QuantumCost
}

// NewQuantumSolver validates the problem (the grid must be a power of two
// in both directions) and the options, builds the circuits, prepares the
// initial state by running the preparation circuit from |0…0⟩ and records
// it.
func NewQuantumSolver(p Problem, opt QuantumOptions) (*QuantumSolver, error) {
	g := p.Grid
	xr, vr, err := quantumLayout(g)
	if err != nil {
		return nil, err
	}
	f0, err := p.InitialState()
	if err != nil {
		return nil, err
	}
	opt, period, cells, err := checkQuantumOptions(p, opt)
	if err != nil {
		return nil, err
	}
	q := &QuantumSolver{prob: p, opt: opt, grid: g, kappa: p.FieldFactor(), xr: xr, vr: vr, period: period}
	q.shadow, err = NewSolver(p, Options{Dt: opt.Dt, Modes: opt.Modes, RecordEvery: opt.RecordEvery, RecordModes: opt.RecordModes})
	if err != nil {
		return nil, err
	}
	if q.prep, q.norm, err = PreparationCircuit(g, p.Initial); err != nil {
		return nil, err
	}
	if opt.Stream == StreamIntegerShift {
		q.stream, err = IntegerShiftCircuit(g, cells)
	} else {
		q.stream, err = StreamCircuit(g, opt.Dt/2)
	}
	if err != nil {
		return nil, err
	}
	if q.state, err = statevec.New(xr.size + vr.size); err != nil {
		return nil, fmt.Errorf("cbe: quantum solver: %w", err)
	}
	if _, err := q.state.Run(q.prep, nil); err != nil {
		return nil, fmt.Errorf("cbe: quantum solver: preparation: %w", err)
	}
	q.scale = q.norm * g.Dv() * math.Sqrt(float64(g.Nv)/float64(g.Nx))
	// The mean density mode is untouched by every later circuit; it is
	// taken from f0 so that shot readout has an exact phase reference.
	q.rho0 = complex(real(sum(f0))*g.Dv()/float64(g.Nx), 0)
	if q.kappa != 0 {
		if err := q.buildReadout(); err != nil {
			return nil, err
		}
	}
	if q.cost, err = QuantumStepCost(g, p.Coupling, opt); err != nil {
		return nil, err
	}
	q.cost.Prep = costOf(q.prep)
	q.shadow.hist = History{}
	q.shadow.hist.init(q.shadow.opt.RecordModes)
	q.Record()
	return q, nil
}

// checkQuantumOptions validates opt against p, fills in defaults and
// returns the CFL-counter period and the cells per shift of the
// integer-shift mode.
func checkQuantumOptions(p Problem, opt QuantumOptions) (QuantumOptions, int, int, error) {
	g := p.Grid
	fail := func(format string, args ...any) (QuantumOptions, int, int, error) {
		return opt, 0, 0, fmt.Errorf("cbe: quantum solver: "+format, args...)
	}
	if !(opt.Dt > 0) || math.IsInf(opt.Dt, 0) {
		return fail("time step must be positive and finite, got %v", opt.Dt)
	}
	if opt.Modes < 0 || opt.Modes > g.MaxModes() {
		return fail("field modes M = %d out of range [0, %d] for Nx = %d", opt.Modes, g.MaxModes(), g.Nx)
	}
	if opt.Modes == 0 {
		opt.Modes = g.MaxModes()
	}
	period, cells := 1, 0
	switch opt.Stream {
	case StreamFourier:
	case StreamIntegerShift:
		var err error
		cells, period, err = IntegerShiftPlan(g, opt.Dt/2)
		if err != nil {
			return opt, 0, 0, fmt.Errorf("cbe: quantum solver: time step %v: %w", opt.Dt, err)
		}
		if period > 1 && p.Coupling != FreeStreaming {
			return fail("integer-shift streaming with CFL-counter period %d > 1 lags the positions between shifts, "+
				"so the %v kick would act on a lagged f; use a Courant number 2n (period 1) or Fourier streaming", period, p.Coupling)
		}
	default:
		return fail("unknown stream mode %v", opt.Stream)
	}
	switch opt.Readout {
	case ReadoutExact:
		if opt.Shots != 0 {
			return fail("Shots = %d is only used with shot readout", opt.Shots)
		}
	case ReadoutShots:
		if opt.Shots < 1 || opt.Shots > maxShots {
			return fail("shot readout needs 1 ≤ Shots ≤ 2^50, got %d", opt.Shots)
		}
		if opt.Estimator != HadamardEstimate && opt.Estimator != MagnitudePhaseEstimate {
			return fail("unknown shot estimator %v", opt.Estimator)
		}
	default:
		return fail("unknown readout mode %v", opt.Readout)
	}
	if opt.RecordEvery < 0 {
		return fail("RecordEvery = %d must not be negative", opt.RecordEvery)
	}
	if opt.RecordEvery == 0 {
		opt.RecordEvery = 1
	}
	if opt.RecordModes < 0 || opt.RecordModes > g.MaxModes() {
		return fail("RecordModes = %d out of range [0, %d]", opt.RecordModes, g.MaxModes())
	}
	return opt, period, cells, nil
}

func (q *QuantumSolver) buildReadout() error {
	var err error
	if q.readout, err = ReadoutCircuit(q.grid); err != nil {
		return err
	}
	if q.scratch, err = statevec.New(q.xr.size + q.vr.size); err != nil {
		return fmt.Errorf("cbe: quantum solver: %w", err)
	}
	q.bins = make([]int, q.opt.Modes)
	for m := range q.bins {
		q.bins[m] = reverseBits(m+1, q.xr.size)
	}
	q.reads.Modes = make([][]complex128, q.opt.Modes+1)
	if q.opt.Readout != ReadoutShots {
		return nil
	}
	if q.rho0 == 0 {
		return fmt.Errorf("cbe: quantum solver: shot readout takes the phase of ρ̂_m relative to the mean density, which is zero")
	}
	n := q.xr.size + q.vr.size
	if q.ancilla, err = statevec.New(n + 1); err != nil {
		return fmt.Errorf("cbe: quantum solver: %w", err)
	}
	q.htests = make([][2]*circuits.Circuit, q.opt.Modes)
	for m := range q.htests {
		for k, imag := range []bool{false, true} {
			c := circuits.New(n + 1)
			appendHadamardTest(c, q.xr, m+1, imag)
			q.htests[m][k] = c
		}
	}
	q.src = rand.NewPCG(q.opt.Seed, 0x63626573686f7473) // "cbeshots"
	return nil
}

// Step advances the state by one Strang step: stream(Δt/2), read the
// density modes and kick with the field they give, stream(Δt/2).
func (q *QuantumSolver) Step() error {
	if err := q.streamOnce(); err != nil {
		return err
	}
	if q.kappa != 0 {
		modes, err := q.readModes()
		if err != nil {
			return err
		}
		a, err := AccelerationFromModes(q.grid, q.kappa, modes)
		if err != nil {
			return fmt.Errorf("cbe: quantum solver: step %d: %w", q.steps, err)
		}
		kick, err := KickCircuit(q.grid, a, q.opt.Dt)
		if err != nil {
			return fmt.Errorf("cbe: quantum solver: step %d: %w", q.steps, err)
		}
		if err := q.run(q.state, kick); err != nil {
			return err
		}
		q.reads.T = append(q.reads.T, (float64(q.steps)+0.5)*q.opt.Dt)
		for m, c := range modes {
			q.reads.Modes[m] = append(q.reads.Modes[m], c)
		}
	}
	if err := q.streamOnce(); err != nil {
		return err
	}
	q.steps++
	return nil
}

// streamOnce applies one stream: the half-step circuit, or in the
// integer-shift mode the shift whenever the CFL counter completes a cycle.
func (q *QuantumSolver) streamOnce() error {
	q.counter++
	if q.counter < q.period {
		return nil
	}
	q.counter = 0
	return q.run(q.state, q.stream)
}

func (q *QuantumSolver) run(s *statevec.State, c *circuits.Circuit) error {
	if _, err := s.Run(c, nil); err != nil {
		return fmt.Errorf("cbe: quantum solver: step %d: %w", q.steps, err)
	}
	return nil
}

// readModes returns ρ̂_0…ρ̂_M of the current state, read through the
// readout circuit run on a copy (exact amplitudes or sampled shots).
func (q *QuantumSolver) readModes() ([]complex128, error) {
	if err := q.scratch.CopyFrom(q.state); err != nil {
		return nil, fmt.Errorf("cbe: quantum solver: %w", err)
	}
	if err := q.run(q.scratch, q.readout); err != nil {
		return nil, err
	}
	amp := q.scratch.Data()
	modes := make([]complex128, q.opt.Modes+1)
	if q.opt.Readout == ReadoutExact {
		k := complex(q.scale/q.scratch.Norm(), 0)
		modes[0] = k * amp[0]
		for m, idx := range q.bins {
			modes[m+1] = k * amp[idx]
		}
		return modes, nil
	}
	modes[0] = q.rho0
	shots := q.opt.Shots
	var counts []int64
	if q.opt.Estimator == MagnitudePhaseEstimate {
		counts = sampleBins(amp, q.bins, shots, q.src)
	}
	a0 := q.rho0 / complex(q.scale, 0)
	for m := range q.bins {
		var z [2]float64 // Re and Im of A_0*·A_m
		for k, c := range q.htests[m] {
			q.loadAncillaCopy(amp)
			if err := q.run(q.ancilla, c); err != nil {
				return nil, err
			}
			n := q.ancilla.Len() / 2
			ht := sampleBins(q.ancilla.Data(), []int{0, n}, shots, q.src)
			z[k] = float64(ht[0]-ht[1]) / float64(shots)
		}
		am := complex(z[0], z[1]) / cmplx.Conj(a0)
		if counts != nil {
			am = cmplx.Rect(math.Sqrt(float64(counts[m])/float64(shots)), cmplx.Phase(am))
		}
		modes[m+1] = complex(q.scale, 0) * am
	}
	return modes, nil
}

// loadAncillaCopy puts amp ⊗ |0⟩_ancilla into the Hadamard-test state: the
// ancilla is the top qubit, so the amplitudes fill the lower half. This
// stands for running the same readout on a fresh copy of the solution
// state with an idle ancilla; the simulator runs the shared readout once.
func (q *QuantumSolver) loadAncillaCopy(amp []complex128) {
	d := q.ancilla.Data()
	copy(d, amp)
	clear(d[len(amp):])
}

// Run takes the given number of steps, recording diagnostics every
// RecordEvery steps.
func (q *QuantumSolver) Run(steps int) error {
	if steps < 0 {
		return fmt.Errorf("cbe: quantum solver: cannot run %d steps", steps)
	}
	for range steps {
		if err := q.Step(); err != nil {
			return err
		}
		if q.steps%q.opt.RecordEvery == 0 {
			q.Record()
		}
	}
	return nil
}

// Record appends the diagnostics of the current state to the History.
// They are computed from the simulator's amplitudes (a check on the
// algorithm, not part of it: a quantum computer would have to measure
// them).
func (q *QuantumSolver) Record() {
	q.shadow.f = q.State()
	q.shadow.steps = q.steps
	q.shadow.Record()
}

// State returns f = ‖f‖·ψ/‖ψ‖ from the simulator's amplitudes ψ (index
// i + Nx·j). The division reads the simulator's vector as the quantum
// state it stands for, which has unit norm; the vector itself drifts
// from unit norm by rounding (NormDrift).
func (q *QuantumSolver) State() []complex128 {
	amp := q.state.Data()
	k := complex(q.norm/q.state.Norm(), 0)
	f := make([]complex128, len(amp))
	for i, a := range amp {
		f[i] = k * a
	}
	return f
}

// NormDrift is |‖ψ‖ − 1| for the simulator's amplitude vector ψ. It grows
// steadily by about 7e−17 per Hadamard gate, because the rounded 1/√2 in
// H's matrix exceeds the exact value by that much (relative); the
// solver's outputs divide it out (State, the exact readout).
func (q *QuantumSolver) NormDrift() float64 { return math.Abs(q.state.Norm() - 1) }

// History returns the diagnostics recorded so far (as Solver.History).
func (q *QuantumSolver) History() *History { return &q.shadow.hist }

// Readouts returns the density modes read to build the field, one entry
// per step (empty for free streaming).
func (q *QuantumSolver) Readouts() *ModeReadout { return &q.reads }

// Cost returns the gate counts and depths of the solver's circuits.
func (q *QuantumSolver) Cost() QuantumCost { return q.cost }

// Qubits is the width of the widest circuit the solver runs: n_x + n_v,
// plus the Hadamard-test ancilla with shot readout.
func (q *QuantumSolver) Qubits() int { return q.cost.Qubits }

// Norm is ‖f‖, the classical factor of the amplitude encoding.
func (q *QuantumSolver) Norm() float64 { return q.norm }

// Time is steps·Dt.
func (q *QuantumSolver) Time() float64 { return float64(q.steps) * q.opt.Dt }

// Steps is the number of steps taken.
func (q *QuantumSolver) Steps() int { return q.steps }

// Options returns the options with defaults filled in.
func (q *QuantumSolver) Options() QuantumOptions { return q.opt }

// Problem returns the problem being solved.
func (q *QuantumSolver) Problem() Problem { return q.prob }

// PreparationCircuit returns the circuit that prepared the initial state.
func (q *QuantumSolver) PreparationCircuit() *circuits.Circuit { return q.prep.Copy() }
