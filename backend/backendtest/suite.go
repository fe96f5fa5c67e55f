package backendtest

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
)

// Config sets the suite's sizes and tolerances. Zero fields take the
// defaults in brackets.
type Config struct {
	// MaxQubits is the widest circuit tested [10; at most 7 under -short].
	MaxQubits int
	// RandomCircuits is how many random circuits are compared with the
	// reference [80; at most 24 under -short].
	RandomCircuits int
	// Tol bounds |amplitude − reference| and the error of expectation
	// values, marginals and overlaps [1e−10].
	Tol float64
	// ExactTol bounds the error of exact identities: a circuit followed by
	// its inverse, GHZ, QFT of a basis state, Bernstein–Vazirani [1e−12;
	// approximate backends pass 1e−10].
	ExactTol float64
	// NormTol bounds |‖ψ‖² − 1| after a unitary circuit [1e−12].
	NormTol float64
	// Seed fixes the random circuits and the sampling draws.
	Seed uint64
	// Shots per sampling test [100000].
	Shots int
	// Circuits shapes the random circuits [DefaultCircuitOptions()].
	Circuits *CircuitOptions
	// SkipMidCircuit skips the mid-circuit measurement and reset checks, for
	// backends that refuse such circuits (they must still return an error,
	// not panic, which the suite checks).
	SkipMidCircuit bool
}

// withDefaults fills zero fields and applies the -short caps.
func (c Config) withDefaults() Config {
	if c.MaxQubits <= 0 {
		c.MaxQubits = 10
	}
	if c.RandomCircuits <= 0 {
		c.RandomCircuits = 80
	}
	if testing.Short() {
		c.MaxQubits = min(c.MaxQubits, 7)
		c.RandomCircuits = min(c.RandomCircuits, 24)
	}
	c.MaxQubits = min(c.MaxQubits, MaxReferenceQubits)
	if c.Tol <= 0 {
		c.Tol = 1e-10
	}
	if c.ExactTol <= 0 {
		c.ExactTol = 1e-12
	}
	if c.NormTol <= 0 {
		c.NormTol = 1e-12
	}
	if c.Shots <= 0 {
		c.Shots = 100000
	}
	if c.Circuits == nil {
		o := DefaultCircuitOptions()
		c.Circuits = &o
	}
	return c
}

// Test runs the conformance suite against sim.
func Test(t *testing.T, sim backend.Simulator, cfg Config) {
	cfg = cfg.withDefaults()
	s := &suite{sim: sim, cfg: cfg}
	t.Run("RandomCircuits", s.randomCircuits)
	t.Run("Inverse", s.inverse)
	t.Run("GHZ", s.ghz)
	t.Run("QFT", s.qft)
	t.Run("BernsteinVazirani", s.bernsteinVazirani)
	t.Run("Marginals", s.marginals)
	t.Run("Expectation", s.expectation)
	t.Run("Overlap", s.overlap)
	t.Run("Sampling", s.sampling)
	t.Run("TerminalMeasurement", s.terminalMeasurement)
	if !cfg.SkipMidCircuit {
		t.Run("MidCircuit", s.midCircuit)
	}
	t.Run("Errors", s.errors)
}

type suite struct {
	sim backend.Simulator
	cfg Config
}

// rng returns a generator for one sub-test, seeded from the config.
func (s *suite) rng(stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(s.cfg.Seed, stream))
}

// run runs c, turning a panic into a test failure.
func (s *suite) run(t *testing.T, c *circuits.Circuit) (st backend.State, err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s: Run panicked: %v", s.sim.Name(), r)
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return s.sim.Run(c)
}

// mustRun runs c and fails the test on error.
func (s *suite) mustRun(t *testing.T, c *circuits.Circuit) backend.State {
	t.Helper()
	st, err := s.run(t, c)
	if err != nil {
		t.Fatalf("%s: Run: %v", s.sim.Name(), err)
	}
	if st.NumQubits() != c.NumQubits {
		t.Fatalf("NumQubits = %d, want %d", st.NumQubits(), c.NumQubits)
	}
	return st
}

// amplitudes returns the state vector of st, failing the test on error.
func amplitudes(t *testing.T, st backend.State) []complex128 {
	t.Helper()
	a, err := st.Amplitudes()
	if err != nil {
		t.Fatalf("Amplitudes: %v", err)
	}
	if len(a) != 1<<uint(st.NumQubits()) {
		t.Fatalf("Amplitudes: %d values for %d qubits", len(a), st.NumQubits())
	}
	return a
}

// compareAmplitudes reports the first amplitude further than tol from want.
func compareAmplitudes(t *testing.T, what string, got, want []complex128, tol float64) bool {
	t.Helper()
	for i := range want {
		if d := cmplx.Abs(got[i] - want[i]); !(d <= tol) {
			t.Errorf("%s: amplitude %d = %v, want %v (|Δ| = %.3g > %.0e)", what, i, got[i], want[i], d, tol)
			return false
		}
	}
	return true
}

// width returns the i-th circuit width, cycling through 1…MaxQubits.
func (s *suite) width(i int) int { return 1 + i%s.cfg.MaxQubits }

func (s *suite) randomCircuits(t *testing.T) {
	rng := s.rng(1)
	for i := 0; i < s.cfg.RandomCircuits; i++ {
		n := s.width(i)
		c := RandomCircuit(rng, n, 4*n+8, *s.cfg.Circuits)
		want, err := ReferenceAmplitudes(c)
		if err != nil {
			t.Fatalf("reference: %v", err)
		}
		st := s.mustRun(t, c)
		got := amplitudes(t, st)
		if !compareAmplitudes(t, fmt.Sprintf("circuit %d (%d qubits)\n%v", i, n, c), got, want, s.cfg.Tol) {
			continue
		}
		var norm float64
		for _, a := range got {
			norm += real(a)*real(a) + imag(a)*imag(a)
		}
		if math.Abs(norm-1) > s.cfg.NormTol {
			t.Errorf("circuit %d: ‖ψ‖² − 1 = %.3g", i, norm-1)
		}
		for range 3 {
			j := rng.IntN(len(want))
			bits := make([]byte, n)
			for q := range bits {
				bits[q] = byte(j >> uint(q) & 1)
			}
			a, err := st.Amplitude(bits)
			if err != nil {
				t.Errorf("Amplitude(%v): %v", bits, err)
			} else if cmplx.Abs(a-want[j]) > s.cfg.Tol {
				t.Errorf("circuit %d: Amplitude(%s) = %v, want %v", i, circuits.BitsString(bits), a, want[j])
			}
		}
	}
}

func (s *suite) inverse(t *testing.T) {
	rng := s.rng(2)
	for i := 0; i < max(4, s.cfg.RandomCircuits/4); i++ {
		n := s.width(i)
		c := RandomCircuit(rng, n, 6*n, *s.cfg.Circuits)
		inv, err := c.Inverse()
		if err != nil {
			t.Fatalf("Inverse: %v", err)
		}
		cc, err := c.Compose(inv, nil)
		if err != nil {
			t.Fatalf("Compose: %v", err)
		}
		want := make([]complex128, 1<<uint(n))
		want[0] = 1
		compareAmplitudes(t, fmt.Sprintf("circuit·inverse %d (%d qubits)", i, n), amplitudes(t, s.mustRun(t, cc)), want, s.cfg.ExactTol)
	}
}

func (s *suite) ghz(t *testing.T) {
	for n := 1; n <= s.cfg.MaxQubits; n++ {
		want := make([]complex128, 1<<uint(n))
		want[0], want[len(want)-1] = complex(1/math.Sqrt2, 0), complex(1/math.Sqrt2, 0)
		compareAmplitudes(t, fmt.Sprintf("GHZ(%d)", n), amplitudes(t, s.mustRun(t, circuits.GHZ(n))), want, s.cfg.ExactTol)
	}
}

// qft checks QFT|x⟩ = 2^{−n/2} Σ_y e^{2πi·x·y/2^n}|y⟩.
func (s *suite) qft(t *testing.T) {
	rng := s.rng(3)
	for n := 1; n <= s.cfg.MaxQubits; n++ {
		dim := 1 << uint(n)
		x := rng.IntN(dim)
		c := circuits.New(n)
		for q := 0; q < n; q++ {
			if x>>uint(q)&1 == 1 {
				c.X(q)
			}
		}
		qft, err := c.Compose(circuits.QFT(n), nil)
		if err != nil {
			t.Fatal(err)
		}
		want := make([]complex128, dim)
		for y := range want {
			want[y] = cmplx.Rect(1/math.Sqrt(float64(dim)), 2*math.Pi*float64(x*y%dim)/float64(dim))
		}
		compareAmplitudes(t, fmt.Sprintf("QFT(%d)|%d⟩", n, x), amplitudes(t, s.mustRun(t, qft)), want, s.cfg.ExactTol)
	}
}

// bernsteinVazirani checks the circuit lands on |1⟩|secret⟩ exactly.
func (s *suite) bernsteinVazirani(t *testing.T) {
	rng := s.rng(4)
	for m := 1; m < s.cfg.MaxQubits; m++ {
		secret := make([]bool, m)
		idx := 1 << uint(m)
		for i := range secret {
			secret[i] = rng.IntN(2) == 1
			if secret[i] {
				idx |= 1 << uint(i)
			}
		}
		want := make([]complex128, 2<<uint(m))
		want[idx] = 1
		compareAmplitudes(t, fmt.Sprintf("Bernstein–Vazirani %v", secret), amplitudes(t, s.mustRun(t, circuits.BernsteinVazirani(secret))), want, s.cfg.ExactTol)
	}
}

func (s *suite) marginals(t *testing.T) {
	rng := s.rng(5)
	for i := 0; i < max(4, s.cfg.RandomCircuits/4); i++ {
		n := s.width(i + s.cfg.MaxQubits - 1) // start from the widest
		c := RandomCircuit(rng, n, 4*n, *s.cfg.Circuits)
		psi, err := ReferenceAmplitudes(c)
		if err != nil {
			t.Fatal(err)
		}
		st := s.mustRun(t, c)
		subsets := [][]int{nil}
		for range 3 {
			subsets = append(subsets, rng.Perm(n)[:1+rng.IntN(n)])
		}
		for _, qs := range subsets {
			got, err := st.Probabilities(qs...)
			if err != nil {
				t.Errorf("Probabilities(%v): %v", qs, err)
				continue
			}
			want := ReferenceProbabilities(psi, qs...)
			if len(got) != len(want) {
				t.Errorf("Probabilities(%v): %d values, want %d", qs, len(got), len(want))
				continue
			}
			for k := range want {
				if math.Abs(got[k]-want[k]) > s.cfg.Tol {
					t.Errorf("circuit %d: Probabilities(%v)[%d] = %v, want %v", i, qs, k, got[k], want[k])
					break
				}
			}
		}
	}
}

func (s *suite) expectation(t *testing.T) {
	rng := s.rng(6)
	for i := 0; i < max(4, s.cfg.RandomCircuits/4); i++ {
		n := s.width(i + s.cfg.MaxQubits - 1)
		c := RandomCircuit(rng, n, 4*n, *s.cfg.Circuits)
		psi, err := ReferenceAmplitudes(c)
		if err != nil {
			t.Fatal(err)
		}
		st := s.mustRun(t, c)
		obs := RandomPauliSum(rng, n, 6)
		want, err := ReferenceExpectation(psi, obs)
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.Expectation(obs)
		if err != nil {
			t.Errorf("Expectation(%v): %v", obs, err)
		} else if math.Abs(got-want) > s.cfg.Tol {
			t.Errorf("circuit %d: Expectation(%v) = %v, want %v", i, obs, got, want)
		}
		for _, term := range obs { // every term alone too: cancellations hide errors
			want, _ := ReferenceExpectation(psi, pauli.Sum{term})
			got, err := st.Expectation(pauli.Sum{term})
			if err != nil || math.Abs(got-want) > s.cfg.Tol {
				t.Errorf("circuit %d: Expectation(%v) = %v (%v), want %v", i, term, got, err, want)
			}
		}
	}
}

func (s *suite) overlap(t *testing.T) {
	rng := s.rng(7)
	for i := 0; i < max(4, s.cfg.RandomCircuits/4); i++ {
		n := s.width(i + s.cfg.MaxQubits - 1)
		c1 := RandomCircuit(rng, n, 4*n, *s.cfg.Circuits)
		c2 := RandomCircuit(rng, n, 4*n, *s.cfg.Circuits)
		p1, err1 := ReferenceAmplitudes(c1)
		p2, err2 := ReferenceAmplitudes(c2)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		var want complex128
		for k := range p1 {
			want += cmplx.Conj(p1[k]) * p2[k]
		}
		s1, s2 := s.mustRun(t, c1), s.mustRun(t, c2)
		got, err := s1.Overlap(s2)
		if err != nil {
			t.Errorf("Overlap: %v", err)
		} else if cmplx.Abs(got-want) > s.cfg.Tol {
			t.Errorf("circuit pair %d: ⟨ψ1|ψ2⟩ = %v, want %v", i, got, want)
		}
		self, err := s1.Overlap(s1)
		if err != nil || cmplx.Abs(self-1) > s.cfg.NormTol {
			t.Errorf("⟨ψ|ψ⟩ = %v (%v), want 1", self, err)
		}
	}
}

// sampling draws Shots outcomes from a random 5-qubit state and from GHZ,
// checks them with a chi-square test, and checks that the same seed gives
// the same counts.
func (s *suite) sampling(t *testing.T) {
	rng := s.rng(8)
	n := min(5, s.cfg.MaxQubits)
	for _, c := range []*circuits.Circuit{
		RandomCircuit(rng, n, 6*n, *s.cfg.Circuits),
		circuits.GHZ(n),
	} {
		psi, err := ReferenceAmplitudes(c)
		if err != nil {
			t.Fatal(err)
		}
		st := s.mustRun(t, c)
		counts, err := st.Sample(s.cfg.Shots, s.rng(9))
		if err != nil {
			t.Fatalf("Sample: %v", err)
		}
		hist := make([]int, len(psi))
		total := 0
		for key, k := range counts {
			bits, err := circuits.ParseBits(key)
			if err != nil || len(bits) != n {
				t.Fatalf("Sample: key %q is not a %d-bit string", key, n)
			}
			idx, _ := circuits.BitsIndex(bits)
			hist[idx] += k
			total += k
		}
		if total != s.cfg.Shots {
			t.Errorf("Sample: %d shots counted, want %d", total, s.cfg.Shots)
		}
		p, df, err := ChiSquarePValue(hist, ReferenceProbabilities(psi))
		if err != nil {
			t.Errorf("%v", err)
		} else if p < 1e-4 {
			t.Errorf("Sample: chi-square p = %.3g with %d degrees of freedom (< 1e−4)", p, df)
		}
		again, err := st.Sample(s.cfg.Shots, s.rng(9))
		if err != nil || len(again) != len(counts) {
			t.Fatalf("Sample with the same seed: %v, %d keys vs %d", err, len(again), len(counts))
		}
		for key, k := range counts {
			if again[key] != k {
				t.Errorf("Sample with the same seed: %s drawn %d then %d times", key, k, again[key])
				break
			}
		}
	}
}

// terminalMeasurement checks that measurements at the end leave the state
// uncollapsed.
func (s *suite) terminalMeasurement(t *testing.T) {
	c := circuits.New(2)
	c.H(0).CX(0, 1)
	c.MeasureAll()
	st := s.mustRun(t, c)
	h := complex(1/math.Sqrt2, 0)
	compareAmplitudes(t, "Bell state with terminal measurements", amplitudes(t, st), []complex128{h, 0, 0, h}, s.cfg.ExactTol)
	p, err := st.Probabilities()
	if err != nil || len(p) != 4 || math.Abs(p[0]-0.5) > s.cfg.ExactTol || math.Abs(p[3]-0.5) > s.cfg.ExactTol {
		t.Errorf("Probabilities() = %v (%v), want [0.5 0 0 0.5]", p, err)
	}
}

// midCircuit checks that a measurement followed by a gate collapses the
// state, and that reset returns a qubit to |0⟩.
func (s *suite) midCircuit(t *testing.T) {
	basis := func(what string, st backend.State, allowed ...int) {
		t.Helper()
		a := amplitudes(t, st)
		for _, i := range allowed {
			if math.Abs(cmplx.Abs(a[i])-1) <= s.cfg.ExactTol {
				return
			}
		}
		t.Errorf("%s: state %v is none of the basis states %v", what, a, allowed)
	}
	c := circuits.New(2, 1)
	c.H(0).Measure(0, 0).CX(0, 1)
	basis("H, measure, CX", s.mustRun(t, c), 0, 3)
	a1 := amplitudes(t, s.mustRun(t, c))
	a2 := amplitudes(t, s.mustRun(t, c))
	compareAmplitudes(t, "the same circuit twice", a2, a1, 0)

	r := circuits.New(2)
	r.X(0).Reset(0)
	basis("X, reset", s.mustRun(t, r), 0)
	r = circuits.New(2)
	r.H(0).CX(0, 1).Reset(0)
	basis("Bell, reset qubit 0", s.mustRun(t, r), 0, 2)
}

// errors checks that bad input gives errors, not panics or answers.
func (s *suite) errors(t *testing.T) {
	nan := math.NaN()
	unbound := circuits.New(2)
	p := unbound.AddParams("θ", 1)
	unbound.Gate(circuits.RX, p, 0)
	for name, c := range map[string]*circuits.Circuit{
		"qubit out of range":   circuits.New(2).H(2),
		"negative qubit":       circuits.New(2).H(-1),
		"repeated qubit":       circuits.New(2).CX(1, 1),
		"unbound parameter":    unbound,
		"NaN angle":            circuits.New(2).RX(nan, 0),
		"non-unitary matrix":   circuits.New(2).UnitaryGate([]complex128{1, 1, 0, 1}, 0),
		"wrong matrix size":    circuits.New(2).UnitaryGate([]complex128{1, 0, 0, 1}, 0, 1),
		"zero qubits":          circuits.New(0),
		"measure out of range": circuits.New(2, 1).Measure(0, 1),
	} {
		if _, err := s.run(t, c); err == nil {
			t.Errorf("%s: Run returned no error", name)
		}
	}
	st := s.mustRun(t, circuits.GHZ(3))
	other := s.mustRun(t, circuits.GHZ(2))
	call := func(name string, f func() error) {
		t.Helper()
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s panicked: %v", name, r)
			}
		}()
		if f() == nil {
			t.Errorf("%s returned no error", name)
		}
	}
	call("Amplitude with 2 bits for 3 qubits", func() error { _, err := st.Amplitude([]byte{0, 1}); return err })
	call("Amplitude with 4 bits for 3 qubits", func() error { _, err := st.Amplitude([]byte{0, 1, 0, 0}); return err })
	call("Amplitude with a bit of 2", func() error { _, err := st.Amplitude([]byte{0, 2, 0}); return err })
	call("Probabilities of qubit 3 of 3", func() error { _, err := st.Probabilities(0, 3); return err })
	call("Probabilities of a repeated qubit", func() error { _, err := st.Probabilities(1, 1); return err })
	call("Expectation on qubit 3 of 3", func() error {
		_, err := st.Expectation(pauli.Sum{pauli.Z(3)})
		return err
	})
	call("Overlap of 3- and 2-qubit states", func() error { _, err := st.Overlap(other); return err })
	call("Sample of 0 shots", func() error { _, err := st.Sample(0, s.rng(10)); return err })
}
