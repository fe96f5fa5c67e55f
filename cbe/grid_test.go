package cbe

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGridValidate(t *testing.T) {
	good := Grid{Nx: 64, Nv: 64, L: 2, VMax: 6}
	require.NoError(t, good.Validate(true))
	assert.NoError(t, Grid{Nx: 12, Nv: 10, L: 2, VMax: 6}.Validate(false))
	assert.ErrorContains(t, Grid{Nx: 12, Nv: 16, L: 2, VMax: 6}.Validate(true), "powers of two")
	assert.ErrorContains(t, Grid{Nx: 1, Nv: 16, L: 2, VMax: 6}.Validate(false), "Nx = 1")
	assert.ErrorContains(t, Grid{Nx: 8, Nv: 0, L: 2, VMax: 6}.Validate(false), "Nv = 0")
	assert.ErrorContains(t, Grid{Nx: 8, Nv: 8, L: 0, VMax: 6}.Validate(false), "box length")
	assert.Error(t, Grid{Nx: 8, Nv: 8, L: math.NaN(), VMax: 6}.Validate(false))
	assert.Error(t, Grid{Nx: 8, Nv: 8, L: math.Inf(1), VMax: 6}.Validate(false))
	assert.ErrorContains(t, Grid{Nx: 8, Nv: 8, L: 1, VMax: -1}.Validate(false), "VMax")

	nx, nv, err := Grid{Nx: 64, Nv: 128, L: 1, VMax: 1}.Qubits()
	require.NoError(t, err)
	assert.Equal(t, [2]int{6, 7}, [2]int{nx, nv})
	_, _, err = Grid{Nx: 48, Nv: 128, L: 1, VMax: 1}.Qubits()
	assert.Error(t, err)
}

func TestGridPointsAndWavenumbers(t *testing.T) {
	g := Grid{Nx: 8, Nv: 8, L: 4, VMax: 2}
	assert.Equal(t, 64, g.Size())
	assert.InDelta(t, 0.5, g.Dx(), 1e-15)
	assert.InDelta(t, 0.5, g.Dv(), 1e-15)
	assert.Equal(t, 3, g.MaxModes())
	assert.Equal(t, 3, Grid{Nx: 7}.MaxModes())
	assert.Equal(t, []float64{0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5}, g.XPoints())
	assert.Equal(t, []float64{-1.75, -1.25, -0.75, -0.25, 0.25, 0.75, 1.25, 1.75}, g.VPoints())

	// Two's-complement wavenumbers: the Nyquist index 4 is −4.
	k1 := 2 * math.Pi / g.L
	for m, k := range g.XWavenumbers() {
		want := []float64{0, 1, 2, 3, -4, -3, -2, -1}[m] * k1
		assert.InDelta(t, want, k, 1e-14)
	}
	eta1 := math.Pi / g.VMax
	for m, eta := range g.VWavenumbers() {
		want := []float64{0, 1, 2, 3, -4, -3, -2, -1}[m] * eta1
		assert.InDelta(t, want, eta, 1e-14)
	}
	// An odd length has no Nyquist index.
	for m, want := range []int{0, 1, 2, -2, -1} {
		got, err := SignedIndex(m, 5)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	_, err := SignedIndex(8, 8)
	assert.Error(t, err)
	_, err = SignedIndex(-1, 8)
	assert.Error(t, err)

	// The velocity grid is exactly antisymmetric for awkward VMax too.
	vs := Grid{Nx: 2, Nv: 64, L: 1, VMax: 6.1}.VPoints()
	for j := range vs {
		assert.Equal(t, -vs[j], vs[len(vs)-1-j])
	}
}

func TestProblemValidation(t *testing.T) {
	g := Grid{Nx: 16, Nv: 32, L: 2, VMax: 6}
	f0, err := PerturbedMaxwellian(1, 0.1, math.Pi, 1)
	require.NoError(t, err)
	ok := Problem{Grid: g, Coupling: Gravity, G: 1, RhoBar: 1, Initial: f0}
	require.NoError(t, ok.Validate())

	cases := []struct {
		name string
		edit func(*Problem)
		msg  string
	}{
		{"bad grid", func(p *Problem) { p.Grid.Nv = 1 }, "Nv = 1"},
		{"no initial", func(p *Problem) { p.Initial = nil }, "no initial condition"},
		{"G ≤ 0", func(p *Problem) { p.G = 0 }, "positive finite G"},
		{"G NaN", func(p *Problem) { p.G = math.NaN() }, "positive finite G"},
		{"plasma with G", func(p *Problem) { p.Coupling = Plasma }, "meaningless"},
		{"free streaming with G", func(p *Problem) { p.Coupling = FreeStreaming }, "must be 0"},
		{"unknown coupling", func(p *Problem) { p.Coupling = 7 }, "unknown coupling"},
		{"no background", func(p *Problem) { p.RhoBar = 0 }, "background density"},
		{"wrong background", func(p *Problem) { p.RhoBar = 2 }, "initial mean density"},
		{"no field mode", func(p *Problem) { p.Grid.Nx = 2 }, "Nx ≥ 3"},
		{"NaN sample", func(p *Problem) {
			p.Initial = Function(func(x, v float64) float64 { return math.Log(x - 1) })
		}, "x index 0"},
		{"short sample", func(p *Problem) { p.Initial = shortInitial{} }, "returned 3 values"},
		{"separable missing V", func(p *Problem) { p.Initial = Separable{X: math.Cos} }, "both X and V"},
	}
	for _, c := range cases {
		p := ok
		c.edit(&p)
		err := p.Validate()
		assert.ErrorContains(t, err, c.msg, c.name)
		_, err = NewSolver(p, Options{Dt: 0.1})
		assert.Error(t, err, c.name)
	}
	_, err = PerturbedMaxwellian(1, 0.1, 1, 0)
	assert.Error(t, err)
	_, err = PerturbedMaxwellian(1, math.Inf(1), 1, 1)
	assert.Error(t, err)
}

type shortInitial struct{}

func (shortInitial) Sample(Grid) ([]complex128, error) { return make([]complex128, 3), nil }

func TestSeparableFactorsMatchSample(t *testing.T) {
	g := Grid{Nx: 8, Nv: 16, L: 3, VMax: 5}
	s, err := PerturbedMaxwellian(2, 0.3, 2*math.Pi/g.L, 1.5)
	require.NoError(t, err)
	gx, hv, err := s.Factors(g)
	require.NoError(t, err)
	f, err := s.Sample(g)
	require.NoError(t, err)
	general, err := Function(func(x, v float64) float64 { return s.X(x) * s.V(v) }).Sample(g)
	require.NoError(t, err)
	for j := range hv {
		for i := range gx {
			assert.Equal(t, complex(gx[i]*hv[j], 0), f[i+g.Nx*j])
			assert.InDelta(t, real(general[i+g.Nx*j]), real(f[i+g.Nx*j]), 1e-15)
		}
	}
	assert.InDelta(t, 2*1.3, gx[0], 1e-15)
	assert.InDelta(t, 1/(math.Sqrt(2*math.Pi)*1.5), s.V(0), 1e-15)
}

func TestSolverOptionValidation(t *testing.T) {
	p := SetupJ1().Problem
	for _, c := range []struct {
		opt Options
		msg string
	}{
		{Options{}, "time step"},
		{Options{Dt: math.NaN()}, "time step"},
		{Options{Dt: math.Inf(1)}, "time step"},
		{Options{Dt: 0.1, Modes: 32}, "field modes M = 32"},
		{Options{Dt: 0.1, Modes: -1}, "field modes"},
		{Options{Dt: 0.1, Kick: 5}, "kick scheme"},
		{Options{Dt: 0.1, Nyquist: 5}, "Nyquist rule"},
		{Options{Dt: 0.1, RecordEvery: -1}, "RecordEvery"},
		{Options{Dt: 0.1, RecordModes: 40}, "RecordModes"},
	} {
		_, err := NewSolver(p, c.opt)
		assert.ErrorContains(t, err, c.msg, "%+v", c.opt)
	}
	s, err := NewSolver(p, Options{Dt: 0.1})
	require.NoError(t, err)
	opt := s.Options()
	assert.Equal(t, 31, opt.Modes)
	assert.Equal(t, 31, opt.RecordModes)
	assert.Equal(t, 1, opt.RecordEvery)
	assert.Error(t, s.Run(-1))
	require.NoError(t, s.Run(0))
	assert.Len(t, s.History().T, 1)

	// RecordEvery thins the history; Step alone does not record.
	s, err = NewSolver(p, Options{Dt: 0.1, RecordEvery: 4, RecordModes: 3})
	require.NoError(t, err)
	require.NoError(t, s.Run(10))
	s.Step()
	h := s.History()
	assert.Equal(t, []float64{0, 0.4, 0.8}, h.T)
	assert.Len(t, h.DensityModes, 4)
	assert.Len(t, h.DensityModes[3], 3)
	assert.Equal(t, 11, s.Steps())
	assert.InDelta(t, 1.1, s.Time(), 1e-15)
	_, err = h.ModeAmplitude(4)
	assert.Error(t, err)
	_, err = h.FieldAmplitude(-1)
	assert.Error(t, err)
}

func TestCouplingAndSchemeNames(t *testing.T) {
	assert.Equal(t, "gravity", Gravity.String())
	assert.Equal(t, "plasma", Plasma.String())
	assert.Equal(t, "free streaming", FreeStreaming.String())
	assert.Equal(t, "Coupling(9)", Coupling(9).String())
	assert.Equal(t, "spline", KickSpline.String())
	assert.Equal(t, "fourier", KickFourier.String())
	assert.Equal(t, "signed", NyquistSigned.String())
	assert.Equal(t, "cos", NyquistCos.String())
}
