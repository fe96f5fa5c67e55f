package cbe

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// naiveShift is an O(N²) reference for one Fourier shift of a length-n
// sequence: DFT, multiply index m by e^{−i·q(m)·theta} (q the signed
// index; cos at the Nyquist under NyquistCos), inverse DFT.
func naiveShift(x []complex128, theta float64, rule NyquistRule) []complex128 {
	n := len(x)
	c := make([]complex128, n)
	for m := range c {
		for i, xi := range x {
			c[m] += xi * cmplx.Rect(1, -2*math.Pi*float64((m*i)%n)/float64(n))
		}
		q := float64(signedIndex(m, n))
		ph := cmplx.Rect(1, -q*theta)
		if rule == NyquistCos && n%2 == 0 && m == n/2 {
			ph = complex(math.Cos(q*theta), 0)
		}
		c[m] *= ph
	}
	out := make([]complex128, n)
	for i := range out {
		for m, cm := range c {
			out[i] += cm * cmplx.Rect(1, 2*math.Pi*float64((m*i)%n)/float64(n))
		}
		out[i] /= complex(float64(n), 0)
	}
	return out
}

func randomState(g Grid, seed uint64) []complex128 {
	r := rand.New(rand.NewPCG(seed, 7))
	f := make([]complex128, g.Size())
	for i := range f {
		f[i] = complex(r.NormFloat64(), r.NormFloat64())
	}
	return f
}

func testSolver(t *testing.T, g Grid, opt Options) *Solver {
	t.Helper()
	f0, err := PerturbedMaxwellian(1, 0.3, 2*math.Pi/g.L, 1)
	require.NoError(t, err)
	s, err := NewSolver(Problem{Grid: g, Coupling: Gravity, G: 1, RhoBar: 1, Initial: f0}, opt)
	require.NoError(t, err)
	return s
}

// Grids covering the radix-2 paths (one odd and one even exponent) and
// gonum's mixed-radix path with the column-by-column kick.
var operatorGrids = []Grid{
	{Nx: 16, Nv: 8, L: 3, VMax: 5},
	{Nx: 8, Nv: 32, L: 2, VMax: 6},
	{Nx: 12, Nv: 10, L: 2.5, VMax: 4},
}

func TestStreamMatchesNaiveDFT(t *testing.T) {
	for _, g := range operatorGrids {
		for _, rule := range []NyquistRule{NyquistSigned, NyquistCos} {
			s := testSolver(t, g, Options{Dt: 0.1, Nyquist: rule})
			f := randomState(g, 1)
			want := make([]complex128, len(f))
			const tau = 0.37
			for j := 0; j < g.Nv; j++ {
				theta := 2 * math.Pi / g.L * g.v(j) * tau
				copy(want[j*g.Nx:], naiveShift(f[j*g.Nx:(j+1)*g.Nx], theta, rule))
			}
			require.NoError(t, s.Stream(f, tau))
			assert.Less(t, relL2(f, want), 1e-13, "grid %v, %v", g, rule)
		}
	}
}

func TestKickMatchesNaiveDFT(t *testing.T) {
	for _, g := range operatorGrids {
		for _, rule := range []NyquistRule{NyquistSigned, NyquistCos} {
			s := testSolver(t, g, Options{Dt: 0.1, Nyquist: rule})
			f := randomState(g, 2)
			r := rand.New(rand.NewPCG(3, 4))
			a := make([]float64, g.Nx)
			for i := range a {
				a[i] = 3 * r.NormFloat64()
			}
			const tau = 0.21
			want := make([]complex128, len(f))
			col := make([]complex128, g.Nv)
			for i := 0; i < g.Nx; i++ {
				for j := range col {
					col[j] = f[i+g.Nx*j]
				}
				shifted := naiveShift(col, g.etaStep()*a[i]*tau, rule)
				for j, c := range shifted {
					want[i+g.Nx*j] = c
				}
			}
			norm0 := l2(f)
			require.NoError(t, s.Kick(f, a, tau))
			assert.Less(t, relL2(f, want), 1e-13, "grid %v, %v", g, rule)
			if rule == NyquistSigned {
				assert.InDelta(t, 1, l2(f)/norm0, 1e-14, "signed kick is unitary")
			}
		}
	}
}

func l2(f []complex128) float64 {
	s := 0.0
	for _, c := range f {
		s += real(c)*real(c) + imag(c)*imag(c)
	}
	return math.Sqrt(s)
}

func TestKickShiftsSmoothProfileByADt(t *testing.T) {
	// A Gaussian well inside the box (tails e^{−40} at the periodic seam)
	// moves by a·τ to spectral accuracy.
	g := Grid{Nx: 4, Nv: 64, L: 1, VMax: 10}
	s := testSolver(t, g, Options{Dt: 0.1})
	f := make([]complex128, g.Size())
	a := []float64{0.8, -1.3, 0, 2.1}
	const tau = 0.45
	for j := 0; j < g.Nv; j++ {
		for i := 0; i < g.Nx; i++ {
			f[i+g.Nx*j] = complex(math.Exp(-g.v(j)*g.v(j)/2), 0)
		}
	}
	require.NoError(t, s.Kick(f, a, tau))
	for j := 0; j < g.Nv; j++ {
		for i := 0; i < g.Nx; i++ {
			d := g.v(j) - a[i]*tau
			assert.InDelta(t, math.Exp(-d*d/2), real(f[i+g.Nx*j]), 1e-12)
		}
	}
}

func TestRealInputStaysRealUnderNyquistCos(t *testing.T) {
	g := Grid{Nx: 16, Nv: 16, L: 2, VMax: 3}
	for _, rule := range []NyquistRule{NyquistSigned, NyquistCos} {
		s := testSolver(t, g, Options{Dt: 0.1, Nyquist: rule})
		f := randomState(g, 5)
		for i := range f {
			f[i] = complex(real(f[i]), 0) // white noise fills the Nyquist modes
		}
		a := make([]float64, g.Nx)
		for i := range a {
			a[i] = 0.7 + 0.1*float64(i)
		}
		require.NoError(t, s.Stream(f, 0.3))
		require.NoError(t, s.Kick(f, a, 0.3))
		imagNorm := 0.0
		for _, c := range f {
			imagNorm += imag(c) * imag(c)
		}
		imagNorm = math.Sqrt(imagNorm) / l2(f)
		if rule == NyquistCos {
			assert.Less(t, imagNorm, 1e-15)
		} else {
			assert.Greater(t, imagNorm, 1e-3, "signed Nyquist makes white noise complex")
		}
	}
}

func TestStepIsComposedOfExportedOperators(t *testing.T) {
	// What the quantum pipeline will reproduce: half stream, modes 1…M of
	// the density, acceleration by AccelerationFromModes, kick, half stream.
	for _, modes := range []int{0, 2} {
		su := SetupJ1()
		su.Options.Modes = modes
		s, err := NewSolver(su.Problem, su.Options)
		require.NoError(t, err)
		require.NoError(t, s.Run(30)) // a state with some structure
		f := s.State()
		dt := su.Options.Dt
		require.NoError(t, s.Stream(f, dt/2))
		m := s.Options().Modes
		rho, err := s.DensityModes(f, m)
		require.NoError(t, err)
		a, err := AccelerationFromModes(s.Grid(), su.Problem.FieldFactor(), rho)
		require.NoError(t, err)
		aSolver, err := s.Acceleration(f)
		require.NoError(t, err)
		for i := range a {
			assert.InDelta(t, a[i], aSolver[i], 1e-13*(1+math.Abs(a[i])))
		}
		require.NoError(t, s.Kick(f, a, dt))
		require.NoError(t, s.Stream(f, dt/2))
		s.Step()
		assert.Less(t, relL2(s.State(), f), 1e-13, "modes %d", modes)
	}
}

func TestAccelerationAnalytic(t *testing.T) {
	g := Grid{Nx: 32, Nv: 64, L: 2 * math.Sqrt(math.Pi), VMax: 6}
	k := 2 * math.Pi / g.L
	const A, B = 0.2, 0.05
	f0 := Function(func(x, v float64) float64 {
		return (1 + A*math.Cos(k*x) + B*math.Cos(3*k*x)) * math.Exp(-v*v/2) / math.Sqrt(2*math.Pi)
	})
	for _, c := range []struct {
		coupling Coupling
		G        float64
		kappa    float64 // â = iκρ̂/k; a = −κ·n̄·(A sin kx/k + …)
	}{{Gravity, 1, 4 * math.Pi}, {Gravity, 0.3, 4 * math.Pi * 0.3}, {Plasma, 0, -1}} {
		p := Problem{Grid: g, Coupling: c.coupling, G: c.G, RhoBar: 1, Initial: f0}
		require.InDelta(t, c.kappa, p.FieldFactor(), 1e-15)
		f, err := p.InitialState()
		require.NoError(t, err)
		for _, modes := range []int{2, 3} {
			s, err := NewSolver(p, Options{Dt: 0.1, Modes: modes})
			require.NoError(t, err)
			rho, err := s.DensityModes(f, 0)
			require.NoError(t, err)
			nbar := real(rho[0])
			a, err := s.Acceleration(f)
			require.NoError(t, err)
			for i, x := range g.XPoints() {
				want := -c.kappa * nbar * A * math.Sin(k*x) / k
				if modes >= 3 {
					want += -c.kappa * nbar * B * math.Sin(3*k*x) / (3 * k)
				}
				assert.InDelta(t, want, a[i], 1e-13, "%v, M = %d, x = %v", c.coupling, modes, x)
			}
		}
	}
	// Sign sanity: gravity pulls towards the density peak at x = 0.
	p := Problem{Grid: g, Coupling: Gravity, G: 1, RhoBar: 1, Initial: f0}
	s, err := NewSolver(p, Options{Dt: 0.1})
	require.NoError(t, err)
	f, _ := p.InitialState()
	a, _ := s.Acceleration(f)
	assert.Less(t, a[1], 0.0)
	assert.Greater(t, a[g.Nx-1], 0.0)
}

func TestOperatorInputErrors(t *testing.T) {
	g := Grid{Nx: 8, Nv: 8, L: 1, VMax: 4}
	s := testSolver(t, g, Options{Dt: 0.1})
	f := randomState(g, 9)
	assert.ErrorContains(t, s.Stream(f[:5], 0.1), "state has 5 values")
	assert.Error(t, s.Stream(f, math.NaN()))
	bad := append([]complex128(nil), f...)
	bad[10] = complex(math.Inf(1), 0)
	assert.ErrorContains(t, s.SetState(bad), "x index 2, v index 1")
	assert.ErrorContains(t, s.Kick(f, make([]float64, 3), 0.1), "want Nx = 8")
	assert.ErrorContains(t, s.Kick(f, []float64{0, 0, math.NaN(), 0, 0, 0, 0, 0}, 0.1), "x index 2")
	_, err := s.DensityModes(f, 5)
	assert.ErrorContains(t, err, "out of range")
	_, err = AccelerationFromModes(g, 1, make([]complex128, 5))
	assert.ErrorContains(t, err, "5 modes given")
	_, err = AccelerationFromModes(g, math.Inf(1), make([]complex128, 2))
	assert.Error(t, err)
	_, err = AccelerationFromModes(g, 1, []complex128{0, complex(math.NaN(), 0)})
	assert.ErrorContains(t, err, "density mode 1")
	require.NoError(t, s.SetState(f))
	assert.Equal(t, f, s.State())
}

// qiskitQFTFirstShift applies Qiskit's QFT (e^{+2πi jk/N}/√N) first, the
// phase e^{+i·q(k)·theta} on register value k, then QFT†.
func qiskitQFTFirstShift(x []complex128, theta float64) []complex128 {
	n := len(x)
	norm := complex(1/math.Sqrt(float64(n)), 0)
	g := make([]complex128, n)
	for k := range g {
		for j, xj := range x {
			g[k] += xj * cmplx.Rect(1, 2*math.Pi*float64((j*k)%n)/float64(n))
		}
		g[k] *= norm * cmplx.Rect(1, float64(signedIndex(k, n))*theta)
	}
	out := make([]complex128, n)
	for j := range out {
		for k, gk := range g {
			out[j] += gk * cmplx.Rect(1, -2*math.Pi*float64((j*k)%n)/float64(n))
		}
		out[j] *= norm
	}
	return out
}

func TestQiskitQFTOrderDiffersOnlyAtNyquist(t *testing.T) {
	const n, theta = 16, 0.83
	x := randomState(Grid{Nx: n, Nv: 1}, 21)
	ours := naiveShift(x, theta, NyquistSigned)
	theirs := qiskitQFTFirstShift(x, theta)
	assert.Greater(t, relL2(theirs, ours), 1e-3, "white noise has Nyquist content")
	// Remove the Nyquist component: the two orders agree.
	var nyq complex128
	for i, xi := range x {
		nyq += xi * complex(float64(1-2*(i%2)), 0)
	}
	for i := range x {
		x[i] -= nyq / n * complex(float64(1-2*(i%2)), 0)
	}
	ours = naiveShift(x, theta, NyquistSigned)
	theirs = qiskitQFTFirstShift(x, theta)
	assert.Less(t, relL2(theirs, ours), 1e-13)
}

func TestDensityModesFromAmplitudes(t *testing.T) {
	// ρ̂_m = ‖f‖·Δv·√(Nv/Nx)·A_m, A_m the amplitude of |x = m, v = 0⟩ after
	// QFT†_x ⊗ H^{⊗n_v} on ψ = f/‖f‖ (doc.go).
	g := Grid{Nx: 8, Nv: 4, L: 2, VMax: 3}
	s := testSolver(t, g, Options{Dt: 0.1})
	f := randomState(g, 31)
	norm := l2(f)
	want, err := s.DensityModes(f, g.Nx/2)
	require.NoError(t, err)
	for m := range want {
		var amp complex128
		for j := 0; j < g.Nv; j++ {
			for i := 0; i < g.Nx; i++ {
				// ⟨v=0|H^{⊗n}|j⟩ = 1/√Nv; ⟨m|QFT†|i⟩ = e^{−2πi mi/Nx}/√Nx.
				amp += f[i+g.Nx*j] / complex(norm, 0) *
					cmplx.Rect(1/math.Sqrt(float64(g.Nx*g.Nv)), -2*math.Pi*float64(m*i)/float64(g.Nx))
			}
		}
		got := complex(norm*g.Dv()*math.Sqrt(float64(g.Nv)/float64(g.Nx)), 0) * amp
		assert.Less(t, cmplx.Abs(got-want[m]), 1e-14, "m = %d", m)
	}
}
