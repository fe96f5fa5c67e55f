package cbe

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/qmlkit/qmlkit/statevec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newQuantum(t *testing.T, p Problem, opt QuantumOptions) *QuantumSolver {
	t.Helper()
	q, err := NewQuantumSolver(p, opt)
	require.NoError(t, err)
	return q
}

func maxMassDrift(h *History) float64 {
	worst := 0.0
	for n := range h.T {
		worst = math.Max(worst, math.Abs(h.Mass[n]/h.Mass[0]-1))
	}
	return worst
}

// FS-1 on 64×64 with the QFT phase-network streaming: 12 qubits, exact
// on-grid solution to 1e−12 after 300 steps (100 in -short).
func TestQuantumFreeStreamingFS1(t *testing.T) {
	su := SetupFS1()
	steps := su.Steps
	if testing.Short() {
		steps = 100
	}
	q := newQuantum(t, su.Problem, QuantumOptions{Dt: su.Options.Dt, RecordEvery: steps})
	assert.Equal(t, 12, q.Qubits())
	require.NoError(t, q.Run(steps))
	f0, err := su.Problem.InitialState()
	require.NoError(t, err)
	exact, err := FreeStreamingExact(su.Problem.Grid, f0, q.Time())
	require.NoError(t, err)
	errL2 := relL2(q.State(), exact)
	t.Logf("quantum FS-1 to t = %v: relative L2 error %.2e, norm drift %.1e, mass drift %.1e",
		q.Time(), errL2, q.NormDrift(), maxMassDrift(q.History()))
	assert.Less(t, errL2, 1e-12)
	assert.Less(t, q.NormDrift(), 1e-12)
	assert.Less(t, maxMassDrift(q.History()), 1e-12)
	assert.Empty(t, q.Readouts().T, "free streaming reads nothing")
}

// The integer-shift mode with a CFL counter: Courant number 1/4 per half
// step moves each class by 2j − Nv + 1 cells every 8 streams, which is
// exact free streaming at every 4th step.
func TestQuantumIntegerShiftFS1(t *testing.T) {
	su := SetupFS1()
	g := su.Problem.Grid
	dt := 2 * 0.25 * g.Dx() / g.Dv()
	q := newQuantum(t, su.Problem, QuantumOptions{Dt: dt, Stream: StreamIntegerShift})
	assert.Equal(t, 8, q.Cost().StreamPeriod)
	f0, err := su.Problem.InitialState()
	require.NoError(t, err)
	for range 5 {
		require.NoError(t, q.Run(4))
		exact, err := FreeStreamingExact(g, f0, q.Time())
		require.NoError(t, err)
		assert.Less(t, relL2(q.State(), exact), 1e-13, "t = %v", q.Time())
	}
	require.NoError(t, q.Run(2)) // mid-cycle: the shift has not happened yet
	exact, err := FreeStreamingExact(g, f0, q.Time())
	require.NoError(t, err)
	assert.Greater(t, relL2(q.State(), exact), 1e-3, "between shifts the counter lags")
	assert.Less(t, maxMassDrift(q.History()), 1e-14)
}

// J-1 with exact amplitude readout against the classical Fourier solver
// with the same M, in lockstep (relative L2 per step ≤ 1e−10) and one
// step at a time from the same state (≤ 1e−12). The full run also fits
// the growth rate (1 % of 2.43607).
func TestQuantumJeansMatchesClassical(t *testing.T) {
	su := SetupJ1()
	steps := su.Steps
	if testing.Short() {
		steps = 60
	}
	q := newQuantum(t, su.Problem, QuantumOptions{Dt: su.Options.Dt})
	c, err := NewSolver(su.Problem, su.Options)
	require.NoError(t, err)
	assert.Equal(t, 12, q.Qubits())
	worst := 0.0
	for n := range steps {
		require.NoError(t, q.Step())
		c.Step()
		d := relL2(q.State(), c.State())
		worst = math.Max(worst, d)
		require.Less(t, d, 1e-10, "step %d", n+1)
		q.Record()
		c.Record()
	}
	t.Logf("J-1 quantum (exact readout) vs classical over %d steps: worst relative L2 %.2e", steps, worst)

	// One step from the quantum state, both ways.
	require.NoError(t, c.SetState(q.State()))
	c.Step()
	require.NoError(t, q.Step())
	assert.Less(t, relL2(q.State(), c.State()), 1e-12)

	h := q.History()
	assert.Less(t, maxMassDrift(h), 1e-12)
	assert.Less(t, q.NormDrift(), 1e-12)
	read, err := q.Readouts().Amplitude(1)
	require.NoError(t, err)
	require.Len(t, read, steps+1)
	if testing.Short() {
		return
	}
	amp, err := h.ModeAmplitude(1)
	require.NoError(t, err)
	gamma, _, err := FitGrowthRate(h.T, amp, su.FitStart, su.FitEnd)
	require.NoError(t, err)
	t.Logf("J-1 quantum exact: γ = %.6f", gamma)
	assert.InEpsilon(t, 2.43607, gamma, 0.01)
}

// Shot readout: the estimate of ρ̂_1 is unbiased up to the sampling bias
// of √(count) and its error shrinks like 1/√shots.
func TestQuantumShotReadoutStatistics(t *testing.T) {
	p, err := NewJeansProblem(0.5, 0.2, 8, 8, 5)
	require.NoError(t, err)
	exact := newQuantum(t, p, QuantumOptions{Dt: 0.05})
	require.NoError(t, exact.streamOnce())
	want, err := exact.readModes()
	require.NoError(t, err)
	for _, shots := range []int64{1e4, 1e6} {
		const reps = 40
		var mean complex128
		var sq2 float64
		for r := range reps {
			q := newQuantum(t, p, QuantumOptions{Dt: 0.05, Readout: ReadoutShots, Shots: shots, Seed: uint64(r)})
			assert.Equal(t, 7, q.Qubits())
			require.NoError(t, q.streamOnce())
			got, err := q.readModes()
			require.NoError(t, err)
			assert.InDelta(t, 0, cmplx.Abs(want[0]-got[0]), 1e-14)
			d := got[1] - want[1]
			mean += d
			sq2 += sq(d)
		}
		rms := math.Sqrt(sq2 / reps)
		rel := rms / cmplx.Abs(want[1])
		t.Logf("shots %g: rms error of ρ̂_1 %.2e (relative %.2e), bias %.2e", float64(shots), rms, rel, cmplx.Abs(mean)/reps)
		// ρ̂_1 ≈ 0.1 ρ̂_0 here; the estimator's spread is about ρ̂_0/√shots.
		bound := 3 * cmplx.Abs(want[0]) / math.Sqrt(float64(shots))
		assert.Less(t, rms, bound, "shots %d", shots)
		assert.Greater(t, rms, bound/30, "shots %d: noise must be there", shots)
	}
}

func TestSampleBinsIsMultinomial(t *testing.T) {
	amp := []complex128{0.5, complex(0, 0.5), 0.1, 0, complex(0.3, -0.4), 0.2, 0.3, 0.5}
	var total float64
	for _, a := range amp {
		total += sq(a)
	}
	bins := []int{1, 4, 3, 7}
	const shots, reps = 1000, 3000
	src := rand.NewPCG(1, 2)
	sum := make([]float64, len(bins))
	sum2 := make([]float64, len(bins))
	for range reps {
		c := sampleBins(amp, bins, shots, src)
		var used int64
		for k, n := range c {
			sum[k] += float64(n)
			sum2[k] += float64(n * n)
			used += n
		}
		require.LessOrEqual(t, used, int64(shots))
	}
	for k, idx := range bins {
		p := sq(amp[idx]) / total
		mean := sum[k] / reps
		variance := sum2[k]/reps - mean*mean
		assert.InDelta(t, shots*p, mean, 5*math.Sqrt(shots*p*(1-p)/reps)+1e-12, "bin %d", idx)
		assert.InDelta(t, shots*p*(1-p), variance, 0.15*shots*p*(1-p)+1e-12, "bin %d", idx)
	}

	// Same law as statevec's shot-by-shot sampler.
	s, err := statevec.FromAmplitudes(amp)
	require.NoError(t, err)
	require.NoError(t, s.Normalize())
	counts, err := s.SampleCounts(200000, rand.New(rand.NewPCG(3, 4)))
	require.NoError(t, err)
	ours := sampleBins(amp, bins, 200000, rand.NewPCG(5, 6))
	for k, idx := range bins {
		p := sq(amp[idx]) / total
		sigma := math.Sqrt(200000 * p * (1 - p))
		assert.InDelta(t, float64(counts[uint64(idx)]), float64(ours[k]), 6*sigma+1e-9, "bin %d", idx)
	}
}

func TestQuantumSolverRefusesBadSetups(t *testing.T) {
	j1 := SetupJ1()
	bad := j1.Problem
	bad.Grid.Nx = 48
	_, err := NewQuantumSolver(bad, QuantumOptions{Dt: 0.01})
	assert.ErrorContains(t, err, "powers of two")

	bad = j1.Problem
	bad.Grid.L = 0
	_, err = NewQuantumSolver(bad, QuantumOptions{Dt: 0.01})
	assert.ErrorContains(t, err, "box length L must be positive")
	bad.Grid.L = -3
	_, err = NewQuantumSolver(bad, QuantumOptions{Dt: 0.01})
	assert.ErrorContains(t, err, "box length L must be positive")

	_, err = PerturbedMaxwellian(1, 1e-6, 1, 0)
	assert.ErrorContains(t, err, "sigma > 0")
	_, err = PerturbedMaxwellian(1, 1e-6, 1, -1)
	assert.ErrorContains(t, err, "sigma > 0")

	// J-1's Δt/2 is Courant number 0.0169 on 64×64: no whole-cell shift.
	_, err = NewQuantumSolver(j1.Problem, QuantumOptions{Dt: 0.01, Stream: StreamIntegerShift})
	assert.ErrorContains(t, err, "cannot take Courant number Δv·τ/Δx = 0.0169")
	// A counter period above one lags the positions the kick sees.
	g := j1.Problem.Grid
	_, err = NewQuantumSolver(j1.Problem, QuantumOptions{Dt: 2 * g.Dx() / g.Dv(), Stream: StreamIntegerShift})
	assert.ErrorContains(t, err, "CFL-counter period 2")
	_, err = NewQuantumSolver(j1.Problem, QuantumOptions{Dt: 4 * g.Dx() / g.Dv(), Stream: StreamIntegerShift})
	assert.NoError(t, err, "Courant number 2 per half step is a whole-cell shift every stream")

	for _, opt := range []QuantumOptions{
		{Dt: 0},
		{Dt: math.NaN()},
		{Dt: 0.01, Modes: 32},
		{Dt: 0.01, Modes: -1},
		{Dt: 0.01, Readout: ReadoutShots},
		{Dt: 0.01, Shots: 100},
		{Dt: 0.01, Stream: StreamMode(7)},
		{Dt: 0.01, Readout: ReadoutMode(7)},
		{Dt: 0.01, RecordEvery: -1},
	} {
		_, err := NewQuantumSolver(j1.Problem, opt)
		assert.Error(t, err, "%+v", opt)
	}
	q := newQuantum(t, SetupFS1().Problem, QuantumOptions{Dt: 0.01})
	assert.Error(t, q.Run(-1))
}

func TestQuantumStepCostFormulas(t *testing.T) {
	for nx := 4; nx <= 7; nx++ {
		for nv := 4; nv <= 7; nv++ {
			p, err := NewJeansProblem(0.5, 1e-6, 1<<nx, 1<<nv, 6)
			require.NoError(t, err)
			c, err := QuantumStepCost(p.Grid, Gravity, QuantumOptions{Dt: 0.01, Modes: 2, Readout: ReadoutShots, Shots: 1000})
			require.NoError(t, err)
			assert.Equal(t, nx+nv+1, c.Qubits)
			assert.Equal(t, FourierStreamGates(nx, nv), c.Stream.Gates)
			assert.Equal(t, KickGates(nx, nv), c.Kick.Gates)
			assert.Equal(t, 2*c.Stream.Gates+c.Kick.Gates, c.Step.Gates)
			assert.Equal(t, ReadoutGates(nx, nv), c.Readout.Gates)
			assert.Equal(t, 4, c.ReadoutCircuitsPerStep)
			assert.Equal(t, int64(4000), c.ShotsPerStep)
			assert.LessOrEqual(t, c.Step.Depth, 2*c.Stream.Depth+c.Kick.Depth)
			assert.Equal(t, 1, c.StreamPeriod)
		}
	}
}

// J-1 with shot readout at 1e8 shots per circuit: the Hadamard estimator
// recovers the growth rate within 5 %; the magnitude-phase estimator reads
// the 1e−6 seed as zero and the mode phase-mixes away instead.
func TestQuantumShotReadoutJ1GrowthRate(t *testing.T) {
	if testing.Short() {
		t.Skip("two 400-step shot-readout runs")
	}
	su := SetupJ1()
	for _, est := range []ShotEstimator{HadamardEstimate, MagnitudePhaseEstimate} {
		q := newQuantum(t, su.Problem, QuantumOptions{Dt: su.Options.Dt, Modes: 1, Readout: ReadoutShots, Shots: 1e8, Seed: 1, Estimator: est})
		assert.Equal(t, 13, q.Qubits())
		require.NoError(t, q.Run(su.Steps))
		assert.Less(t, maxMassDrift(q.History()), 1e-12)
		state, err := q.History().ModeAmplitude(1)
		require.NoError(t, err)
		if est == MagnitudePhaseEstimate {
			assert.Less(t, state[len(state)-1], 1e-6*state[0])
			continue
		}
		read, err := q.Readouts().Amplitude(1)
		require.NoError(t, err)
		gamma, _, err := FitGrowthRate(q.Readouts().T, read, su.FitStart, su.FitEnd)
		require.NoError(t, err)
		t.Logf("J-1, 1e8 shots (%v): γ = %.5f (%+.2f%%)", est, gamma, 100*(gamma/2.43607-1))
		assert.InEpsilon(t, 2.43607, gamma, 0.05)
	}
}

func BenchmarkQuantumStepJ1(b *testing.B) {
	su := SetupJ1()
	q, err := NewQuantumSolver(su.Problem, QuantumOptions{Dt: su.Options.Dt})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := q.Step(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQuantumStepJ1Shots(b *testing.B) {
	su := SetupJ1()
	q, err := NewQuantumSolver(su.Problem, QuantumOptions{Dt: su.Options.Dt, Modes: 1, Readout: ReadoutShots, Shots: 1e8})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := q.Step(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkKickCircuit64(b *testing.B) {
	g := SetupJ1().Problem.Grid
	a := make([]float64, g.Nx)
	for i := range a {
		a[i] = math.Sin(2 * math.Pi * float64(i) / float64(g.Nx))
	}
	for b.Loop() {
		if _, err := KickCircuit(g, a, 0.01); err != nil {
			b.Fatal(err)
		}
	}
}
