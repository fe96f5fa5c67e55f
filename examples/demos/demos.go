package demos

import (
	"context"
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"time"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/examples/repro"
	"github.com/qmlkit/qmlkit/statevec"
)

// Reproductions returns the simulator's own demonstrations: circuits whose
// final states are known exactly.
func Reproductions() []repro.Reproduction {
	return []repro.Reproduction{
		{
			Name:  "ghz",
			Title: "GHZ state: two outcomes of probability 1/2 each, and sampled shots that agree",
			Paper: "Greenberger, Horne, Zeilinger, in Bell's Theorem, Quantum Theory and Conceptions of the Universe (1989)",
			Run:   runGHZ,
		},
		{
			Name:  "qft",
			Title: "Quantum Fourier transform of a basis state against e^{2πi·x·y/2^n}/2^{n/2}",
			Paper: "Coppersmith, IBM Research Report RC19642 (1994); Nielsen & Chuang §5.1",
			Run:   runQFT,
		},
		{
			Name:  "bernstein-vazirani",
			Title: "Bernstein–Vazirani: one oracle query returns the secret with probability 1",
			Paper: "Bernstein & Vazirani, SIAM J. Comput. 26, 1411 (1997)",
			Run:   runBV,
		},
	}
}

// size picks the demo width: small under Quick, larger otherwise.
func size(opts repro.Options, quick, full int) int {
	if opts.Quick {
		return quick
	}
	return full
}

func simulate(c *circuits.Circuit, seed uint64) (*statevec.State, float64, error) {
	start := time.Now()
	s, _, err := statevec.Simulator{Seed: seed}.RunState(c)
	if err != nil {
		return nil, 0, err
	}
	return s, time.Since(start).Seconds(), nil
}

func runGHZ(ctx context.Context, opts repro.Options) (*repro.Result, error) {
	n := size(opts, 16, 24)
	shots := 100000
	s, secs, err := simulate(circuits.GHZ(n), opts.Seed)
	if err != nil {
		return nil, err
	}
	p, err := s.Probabilities()
	if err != nil {
		return nil, err
	}
	last := uint64(1)<<n - 1
	rest := 1 - p[0] - p[last]
	counts, err := s.Sample(shots, rand.New(rand.NewPCG(opts.Seed, 1)))
	if err != nil {
		return nil, err
	}
	zeros := counts[circuits.Bitstring(0, n)]
	ones := counts[circuits.Bitstring(last, n)]
	// A fair coin over 10^5 shots: the share of zeros has σ = 1/(2√shots).
	share := float64(zeros) / float64(shots)
	sigma := 0.5 / math.Sqrt(float64(shots))
	res := &repro.Result{
		Metrics: map[string]any{
			fmt.Sprintf("n%d", n): map[string]any{"statevec": map[string]any{
				"p_all_zeros": p[0], "p_all_ones": p[last], "p_other": rest,
				"shots": shots, "counts_zeros": zeros, "counts_ones": ones,
				"seconds": secs,
			}},
		},
		Paper: map[string]any{"p_all_zeros": 0.5, "p_all_ones": 0.5, "p_other": 0.0},
		Checks: []repro.Check{
			repro.NewCheck("P(0…0)", p[0], 0.5, 1e-12, false),
			repro.NewCheck("P(1…1)", p[last], 0.5, 1e-12, false),
			repro.NewCheck("P(anything else)", rest, 0, 1e-12, false),
			repro.NewCheck("sampled outcomes other than 0…0 and 1…1", float64(shots-zeros-ones), 0, 0, false),
			repro.NewCheck("share of 0…0 in shots (±5σ)", share, 0.5, 5*sigma, false),
		},
	}
	res.Text = repro.Table([]string{"qubits", "P(0…0)", "P(1…1)", "shots 0…0", "shots 1…1", "seconds"},
		[][]string{{fmt.Sprint(n), fmt.Sprintf("%.15f", p[0]), fmt.Sprintf("%.15f", p[last]),
			fmt.Sprint(zeros), fmt.Sprint(ones), fmt.Sprintf("%.3f", secs)}})
	return res, ctx.Err()
}

func runQFT(ctx context.Context, opts repro.Options) (*repro.Result, error) {
	n := size(opts, 16, 22)
	rng := rand.New(rand.NewPCG(opts.Seed, 2))
	x := rng.Uint64N(uint64(1) << n)
	c := circuits.New(n)
	for q := 0; q < n; q++ {
		if x>>q&1 == 1 {
			c.X(q)
		}
	}
	qft := circuits.QFT(n)
	full, err := c.Compose(qft, nil)
	if err != nil {
		return nil, err
	}
	s, secs, err := simulate(full, opts.Seed)
	if err != nil {
		return nil, err
	}
	dim := uint64(1) << n
	norm := 1 / math.Sqrt(float64(dim))
	maxErr := 0.0
	for y, a := range s.Data() {
		// The phase x·y/2^n mod 1, computed exactly in integers.
		frac := float64((x*uint64(y))%dim) / float64(dim)
		want := cmplx.Rect(norm, 2*math.Pi*frac)
		maxErr = math.Max(maxErr, cmplx.Abs(a-want))
	}
	// QFT followed by its inverse returns the basis state.
	inv, err := qft.Inverse()
	if err != nil {
		return nil, err
	}
	if _, err := s.Run(inv, nil); err != nil {
		return nil, err
	}
	back, err := s.AmplitudeAt(x)
	if err != nil {
		return nil, err
	}
	res := &repro.Result{
		Metrics: map[string]any{fmt.Sprintf("n%d", n): map[string]any{"statevec": map[string]any{
			"basis_state": x, "max_amplitude_error": maxErr, "inverse_fidelity": real(back)*real(back) + imag(back)*imag(back),
			"gates": qft.Size(), "depth": qft.Depth(), "seconds": secs,
		}}},
		Paper: map[string]any{"max_amplitude_error": 0.0, "inverse_fidelity": 1.0},
		Checks: []repro.Check{
			repro.NewCheck("max |amplitude − exact|", maxErr, 0, 1e-12, false),
			repro.NewCheck("|⟨x|QFT⁻¹·QFT|x⟩|²", real(back)*real(back)+imag(back)*imag(back), 1, 1e-12, false),
		},
	}
	res.Text = repro.Table([]string{"qubits", "input", "gates", "depth", "max amplitude error", "seconds"},
		[][]string{{fmt.Sprint(n), circuits.Bitstring(x, n), fmt.Sprint(qft.Size()), fmt.Sprint(qft.Depth()),
			fmt.Sprintf("%.2e", maxErr), fmt.Sprintf("%.3f", secs)}})
	return res, ctx.Err()
}

func runBV(ctx context.Context, opts repro.Options) (*repro.Result, error) {
	n := size(opts, 20, 25)
	rng := rand.New(rand.NewPCG(opts.Seed, 3))
	secret := make([]bool, n)
	want := uint64(1) << n // the ancilla ends in |1⟩
	for i := range secret {
		secret[i] = rng.IntN(2) == 1
		if secret[i] {
			want |= 1 << i
		}
	}
	var st backend.State
	s, secs, err := simulate(circuits.BernsteinVazirani(secret), opts.Seed)
	if err != nil {
		return nil, err
	}
	st = s
	bits := make([]byte, n+1)
	for q := range bits {
		bits[q] = byte(want >> q & 1)
	}
	a, err := st.Amplitude(bits)
	if err != nil {
		return nil, err
	}
	p := real(a)*real(a) + imag(a)*imag(a)
	counts, err := st.Sample(1000, rand.New(rand.NewPCG(opts.Seed, 4)))
	if err != nil {
		return nil, err
	}
	got := counts[circuits.Bitstring(want, n+1)]
	res := &repro.Result{
		Metrics: map[string]any{fmt.Sprintf("n%d", n): map[string]any{"statevec": map[string]any{
			"secret": circuits.Bitstring(want&(1<<n-1), n), "p_secret": p, "shots_on_secret": got, "shots": 1000, "seconds": secs,
		}}},
		Paper: map[string]any{"p_secret": 1.0},
		Checks: []repro.Check{
			repro.NewCheck("P(secret, ancilla 1)", p, 1, 1e-12, false),
			repro.NewCheck("shots on the secret out of 1000", float64(got), 1000, 0, false),
		},
	}
	res.Text = repro.Table([]string{"data qubits", "secret", "P(secret)", "seconds"},
		[][]string{{fmt.Sprint(n), circuits.Bitstring(want&(1<<n-1), n), fmt.Sprintf("%.15f", p), fmt.Sprintf("%.3f", secs)}})
	return res, ctx.Err()
}
