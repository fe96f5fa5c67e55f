package kernels

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/statevec"
	"github.com/qmlkit/qmlkit/tensornet"
)

// pairwiseBackends are the simulators the overlap and compute–uncompute
// paths are checked on: dense, and MPS without truncation (exact).
func pairwiseBackends() []backend.Simulator {
	return []backend.Simulator{statevec.Simulator{}, tensornet.Simulator{}}
}

func randomPoints(rng *rand.Rand, n, d int, scale float64) [][]float64 {
	x := make([][]float64, n)
	for i := range x {
		x[i] = make([]float64, d)
		for j := range x[i] {
			x[i][j] = scale * rng.Float64()
		}
	}
	return x
}

func mustKernel(t *testing.T, fm FeatureMap, opt Options) *FidelityKernel {
	t.Helper()
	k, err := NewFidelityKernel(fm, opt)
	require.NoError(t, err)
	return k
}

func mustMatrix(t *testing.T, k Kernel, x, y [][]float64) *mat.Dense {
	t.Helper()
	m, err := k.Matrix(x, y)
	require.NoError(t, err)
	return m
}

func minEigen(t *testing.T, m *mat.Dense) float64 {
	t.Helper()
	r, _ := m.Dims()
	s := mat.NewSymDense(r, nil)
	for i := range r {
		for j := i; j < r; j++ {
			s.SetSym(i, j, m.At(i, j))
		}
	}
	var eig mat.EigenSym
	require.True(t, eig.Factorize(s, false))
	return eig.Values(nil)[0]
}

// TestReferenceKernelsAllMethods checks the spec's kernel table with every
// method: the Gram product, overlaps and compute–uncompute on each backend.
func TestReferenceKernelsAllMethods(t *testing.T) {
	opts := []Options{{Method: MethodGram}}
	for _, sim := range pairwiseBackends() {
		opts = append(opts, Options{Method: MethodOverlap, Simulator: sim}, Options{Method: MethodComputeUncompute, Simulator: sim})
	}
	for _, tc := range referenceKernels() {
		fm := &PauliFeatureMap{Qubits: tc.n, Reps: tc.reps, Entanglement: tc.ent, Alpha: tc.alpha}
		for _, o := range opts {
			k := mustKernel(t, fm, o)
			v, err := k.Value(tc.x, tc.y)
			require.NoError(t, err)
			// The table has 12 digits.
			assert.InDelta(t, tc.want, v, 1e-11, "%s n=%d reps=%d %s α=%v", k.Method(), tc.n, tc.reps, tc.ent, tc.alpha)
			m := mustMatrix(t, k, [][]float64{tc.x}, [][]float64{tc.y})
			assert.InDelta(t, tc.want, m.At(0, 0), 1e-11)
		}
	}
}

// TestGramAgreesWithPairwise compares the batched product with one
// compute–uncompute circuit per pair on random data, square and
// rectangular.
func TestGramAgreesWithPairwise(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	fm := ZZFeatureMap(4, 2, Full)
	x := randomPoints(rng, 12, 4, 2*math.Pi)
	y := randomPoints(rng, 7, 4, 2*math.Pi)
	gram := mustKernel(t, fm, Options{})
	assert.Equal(t, MethodGram, gram.Method())
	for _, sim := range pairwiseBackends() {
		for _, m := range []Method{MethodOverlap, MethodComputeUncompute} {
			pw := mustKernel(t, fm, Options{Method: m, Simulator: sim})
			for _, ys := range [][][]float64{nil, y} {
				a := mustMatrix(t, gram, x, ys)
				b := mustMatrix(t, pw, x, ys)
				assert.True(t, mat.EqualApprox(a, b, 1e-12), "%s on %s", m, sim.Name())
			}
		}
	}
}

// TestGramProperties: exactly symmetric, unit diagonal, PSD to 1e−12.
func TestGramProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	x := randomPoints(rng, 60, 5, 2*math.Pi)
	k := mustKernel(t, ZZFeatureMap(5, 2, Linear), Options{})
	m := mustMatrix(t, k, x, nil)
	for i := range 60 {
		assert.Equal(t, 1.0, m.At(i, i))
		for j := range 60 {
			require.Equal(t, m.At(i, j), m.At(j, i))
			require.True(t, m.At(i, j) >= 0 && m.At(i, j) <= 1+1e-12)
		}
	}
	assert.GreaterOrEqual(t, minEigen(t, m), -1e-12)
	// The evaluated diagonal is ‖ψ‖⁴ = 1 to rounding.
	all := mustKernel(t, ZZFeatureMap(5, 2, Linear), Options{Duplicates: DuplicatesAll})
	ma := mustMatrix(t, all, x, nil)
	for i := range 60 {
		assert.InDelta(t, 1, ma.At(i, i), 1e-13)
	}
}

// TestGramBlocksBoundMemory forces row blocks (a budget of a few states)
// and checks the result against the unblocked product.
func TestGramBlocksBoundMemory(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	fm := ZZFeatureMap(6, 1, Linear)
	x := randomPoints(rng, 23, 6, 2*math.Pi)
	y := randomPoints(rng, 9, 6, 2*math.Pi)
	whole := mustKernel(t, fm, Options{CacheBytes: -1})
	// 32·2^6 bytes per state: a budget of 5 states.
	blocked := mustKernel(t, fm, Options{CacheBytes: -1, MemoryBytes: 5 * 32 << 6})
	assert.Equal(t, 5, blocked.rowBudget())
	for _, ys := range [][][]float64{nil, y} {
		a := mustMatrix(t, whole, x, ys)
		b := mustMatrix(t, blocked, x, ys)
		assert.True(t, mat.EqualApprox(a, b, 1e-14))
	}
	b := mustMatrix(t, blocked, x, nil)
	assert.True(t, mat.Equal(b, b.T()), "blocked square matrix must be exactly symmetric")
}

// TestCacheOnOffIdentical: the cache changes only how often states are
// simulated, never a bit of the result, and stays under its bound.
func TestCacheOnOffIdentical(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	fm := ZZFeatureMap(5, 2, Full)
	train := randomPoints(rng, 30, 5, 2*math.Pi)
	test := randomPoints(rng, 10, 5, 2*math.Pi)
	on := mustKernel(t, fm, Options{})
	off := mustKernel(t, fm, Options{CacheBytes: -1})
	a1, b1 := mustMatrix(t, on, train, nil), mustMatrix(t, off, train, nil)
	a2, b2 := mustMatrix(t, on, test, train), mustMatrix(t, off, test, train)
	assert.True(t, mat.Equal(a1, b1))
	assert.True(t, mat.Equal(a2, b2))
	st := on.CacheStats()
	assert.Equal(t, 40, st.States)
	assert.Equal(t, int64(30), st.Hits, "the test matrix reuses every training state")
	assert.Equal(t, CacheStats{}, off.CacheStats())

	// A cache of 7 states evicts but still gives the same matrices.
	small := mustKernel(t, fm, Options{CacheBytes: 7 * 16 << 5})
	assert.True(t, mat.Equal(a1, mustMatrix(t, small, train, nil)))
	assert.True(t, mat.Equal(a2, mustMatrix(t, small, test, train)))
	assert.Equal(t, 7, small.CacheStats().States)
	assert.LessOrEqual(t, small.CacheStats().Bytes, int64(7*16<<5))
	small.ClearCache()
	assert.Equal(t, 0, small.CacheStats().States)
}

func TestDuplicates(t *testing.T) {
	fm := ZZFeatureMap(3, 2, Full)
	x := [][]float64{{0.1, 0.2, 0.3}, {1, 2, 3}, {0.1, 0.2, 0.3}, {2, 1, 0.5}}
	y := [][]float64{{1, 2, 3}, {0.4, 0.4, 0.4}}
	off := mustMatrix(t, mustKernel(t, fm, Options{}), x, nil)
	all := mustMatrix(t, mustKernel(t, fm, Options{Duplicates: DuplicatesAll}), x, nil)
	none := mustMatrix(t, mustKernel(t, fm, Options{Duplicates: DuplicatesNone}), x, nil)
	for i := range 4 {
		assert.Equal(t, 1.0, off.At(i, i))
		assert.Equal(t, 1.0, none.At(i, i))
		assert.InDelta(t, 1, all.At(i, i), 1e-13)
	}
	// Rows 0 and 2 are equal: evaluated (≈ 1) unless the rule is "none".
	assert.InDelta(t, 1, off.At(0, 2), 1e-13)
	assert.Equal(t, 1.0, none.At(0, 2))
	rect := mustMatrix(t, mustKernel(t, fm, Options{Duplicates: DuplicatesNone}), x, y)
	assert.Equal(t, 1.0, rect.At(1, 0))
	// Every method gives the same entries.
	for _, sim := range pairwiseBackends() {
		for _, m := range []Method{MethodOverlap, MethodComputeUncompute} {
			for _, d := range []Duplicates{DuplicatesOffDiagonal, DuplicatesAll, DuplicatesNone} {
				g := mustMatrix(t, mustKernel(t, fm, Options{Duplicates: d}), x, nil)
				p := mustMatrix(t, mustKernel(t, fm, Options{Duplicates: d, Method: m, Simulator: sim}), x, nil)
				assert.True(t, mat.EqualApprox(g, p, 1e-12), "%s %s", m, d)
			}
		}
	}
}

// TestShotNoiseUnbiased draws many shot-noise matrices and checks each
// entry's mean against the exact kernel within a binomial confidence
// interval, and the spread against K(1−K)/shots.
func TestShotNoiseUnbiased(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	fm := ZZFeatureMap(3, 2, Linear)
	x := randomPoints(rng, 8, 3, 2*math.Pi)
	exact := mustMatrix(t, mustKernel(t, fm, Options{}), x, nil)
	const shots, reps = 200, 300
	sum := mat.NewDense(8, 8, nil)
	sumSq := mat.NewDense(8, 8, nil)
	for r := range reps {
		m := mustMatrix(t, mustKernel(t, fm, Options{Shots: shots, Seed: uint64(r)}), x, nil)
		for i := range 8 {
			assert.Equal(t, 1.0, m.At(i, i))
			for j := range 8 {
				v := m.At(i, j)
				require.Equal(t, v, m.At(j, i))
				require.Equal(t, v, math.Round(v*shots)/shots, "entries are counts/shots")
				sum.Set(i, j, sum.At(i, j)+v)
				sumSq.Set(i, j, sumSq.At(i, j)+v*v)
			}
		}
	}
	var z2 float64
	for i := range 8 {
		for j := i + 1; j < 8; j++ {
			p := exact.At(i, j)
			mean := sum.At(i, j) / reps
			sd := math.Sqrt(p * (1 - p) / (shots * reps))
			// 28 entries: a 4.5σ band fails by chance with probability ~2e−4.
			assert.InDelta(t, p, mean, 4.5*sd+1e-12, "entry (%d,%d)", i, j)
			z2 += (mean - p) * (mean - p) / (sd * sd)
			variance := sumSq.At(i, j)/reps - mean*mean
			assert.InDelta(t, p*(1-p)/shots, variance, 0.35*p*(1-p)/shots+1e-9, "variance of (%d,%d)", i, j)
		}
	}
	// Σ z² over 28 entries is χ²(28): mean 28, 99.9 % quantile ≈ 56.9.
	assert.Less(t, z2, 56.9)
}

func TestShotNoiseDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	fm := ZZFeatureMap(3, 2, Linear)
	x := randomPoints(rng, 10, 3, 2*math.Pi)
	y := randomPoints(rng, 4, 3, 2*math.Pi)
	a := mustMatrix(t, mustKernel(t, fm, Options{Shots: 100, Seed: 5, Workers: 1}), x, y)
	b := mustMatrix(t, mustKernel(t, fm, Options{Shots: 100, Seed: 5, Workers: 7}), x, y)
	c := mustMatrix(t, mustKernel(t, fm, Options{Shots: 100, Seed: 6}), x, y)
	assert.True(t, mat.Equal(a, b))
	assert.False(t, mat.Equal(a, c))
}

func TestEnforcePSDWithShots(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	x := randomPoints(rng, 30, 4, 2*math.Pi)
	fm := ZZFeatureMap(4, 2, Full)
	// A small bandwidth makes the kernel nearly low-rank, so noise shows.
	fm.Bandwidth = 0.1
	noisy := mustMatrix(t, mustKernel(t, fm, Options{Shots: 20, Seed: 1}), x, nil)
	require.Less(t, minEigen(t, noisy), -1e-3, "20 shots should break positive semidefiniteness")
	fixed := mustMatrix(t, mustKernel(t, fm, Options{Shots: 20, Seed: 1, EnforcePSD: true}), x, nil)
	assert.GreaterOrEqual(t, minEigen(t, fixed), -1e-12)
	assert.True(t, mat.Equal(fixed, fixed.T()))
}

// TestAngleEmbeddingAnalytic: with RX the kernel is Π cos²((x_i−y_i)/2);
// with RZ on |0⟩ every state is |0⟩ up to phase.
func TestAngleEmbeddingAnalytic(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	x := randomPoints(rng, 6, 3, 4)
	y := randomPoints(rng, 5, 3, 4)
	for _, rot := range []string{"", "Y"} {
		k := mustMatrix(t, mustKernel(t, &AngleEmbedding{Features: 3, Qubits: 4, Rotation: rot}, Options{}), x, y)
		for i := range x {
			for j := range y {
				want := 1.0
				for f := range 3 {
					c := math.Cos((x[i][f] - y[j][f]) / 2)
					want *= c * c
				}
				assert.InDelta(t, want, k.At(i, j), 1e-14)
			}
		}
	}
	kz := mustMatrix(t, mustKernel(t, &AngleEmbedding{Features: 3, Rotation: "Z"}, Options{}), x, y)
	for _, v := range kz.RawMatrix().Data {
		assert.InDelta(t, 1, v, 1e-14)
	}
	_, err := (&AngleEmbedding{Features: 3, Rotation: "W"}).Circuit([]float64{1, 2, 3})
	assert.ErrorContains(t, err, "rotation")
	_, err = (&AngleEmbedding{Features: 3, Qubits: 2}).Circuit([]float64{1, 2, 3})
	assert.ErrorContains(t, err, "3 features on 2 qubits")
}

// TestCovariantMapDefinition compares the kernel with
// |⟨ψ_λ|D_x†D_x′|ψ_λ⟩|² computed from 2×2 matrices exp(iθX), exp(iθZ).
func TestCovariantMapDefinition(t *testing.T) {
	graph := [][2]int{{0, 2}, {1, 2}, {2, 3}}
	rng := rand.New(rand.NewPCG(17, 18))
	x := randomPoints(rng, 5, 8, 2*math.Pi)
	for _, lambda := range []float64{0.1, math.Pi / 4, math.Pi / 2} {
		fm := &CovariantFeatureMap{Qubits: 4, Graph: graph, Lambda: lambda}
		k := mustMatrix(t, mustKernel(t, fm, Options{}), x, nil)
		fid := zeroState(4)
		for q := range 4 {
			apply1(fid, q, matRY(lambda))
		}
		for _, e := range graph {
			applyCZ(fid, e[0], e[1])
		}
		states := make([][]complex128, len(x))
		for i, xi := range x {
			s := append([]complex128(nil), fid...)
			for q := range 4 {
				t2 := xi[2*q+1]
				apply1(s, q, [4]complex128{complex(math.Cos(t2), math.Sin(t2)), 0, 0, complex(math.Cos(t2), -math.Sin(t2))})
				t1 := xi[2*q]
				c, sn := complex(math.Cos(t1), 0), complex(0, math.Sin(t1))
				apply1(s, q, [4]complex128{c, sn, sn, c})
			}
			states[i] = s
		}
		for i := range x {
			for j := range x {
				if i != j {
					assert.InDelta(t, fidelity(states[i], states[j]), k.At(i, j), 1e-13, "λ=%v (%d,%d)", lambda, i, j)
				}
			}
		}
	}
	_, err := (&CovariantFeatureMap{Qubits: 3, Graph: [][2]int{{0, 3}}}).Circuit(make([]float64, 6))
	assert.ErrorContains(t, err, "edge 0")
	_, err = (&CovariantFeatureMap{Qubits: 3}).Circuit(make([]float64, 5))
	assert.ErrorContains(t, err, "takes 6")
}

// TestRZRYChainDefinition builds the embedding paper's map by hand.
func TestRZRYChainDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 20))
	x := randomPoints(rng, 4, 3, 2)
	fm := &RZRYChainMap{Qubits: 3}
	k := mustMatrix(t, mustKernel(t, fm, Options{}), x, nil)
	states := make([][]complex128, len(x))
	for i, xi := range x {
		s := zeroState(3)
		for q := range 3 {
			apply1(s, q, matH())
		}
		for q := range 3 {
			apply1(s, q, matRZ(xi[q]))
			apply1(s, q, matRY(xi[q]))
		}
		applyCX(s, 0, 1)
		applyCX(s, 1, 2)
		for q := range 3 {
			apply1(s, q, matRZ(xi[q]))
		}
		states[i] = s
	}
	for i := range x {
		for j := i + 1; j < len(x); j++ {
			assert.InDelta(t, fidelity(states[i], states[j]), k.At(i, j), 1e-13)
		}
	}
}

func TestMatrixInputErrors(t *testing.T) {
	k := mustKernel(t, ZZFeatureMap(2, 2, Linear), Options{})
	_, err := k.Matrix([][]float64{{1, 2}, {1, 2, 3}}, nil)
	assert.ErrorContains(t, err, "x row 2 has 3 features, the feature map takes 2")
	_, err = k.Matrix([][]float64{{1, 2}, {1, math.NaN()}}, nil)
	assert.ErrorContains(t, err, "x row 2, column 2 is NaN")
	_, err = k.Matrix([][]float64{{1, 2}}, [][]float64{{math.Inf(1), 2}})
	assert.ErrorContains(t, err, "y row 1, column 1 is +Inf")
	_, err = k.Matrix(nil, nil)
	assert.ErrorContains(t, err, "no samples")
	_, err = k.KernelMatrix([][]float64{{1, 2}}, nil)
	assert.Error(t, err)
	_, err = NewFidelityKernel(ZZFeatureMap(2, 2, Linear), Options{Shots: -1})
	assert.ErrorContains(t, err, "shots")
	_, err = NewFidelityKernel(nil, Options{})
	assert.Error(t, err)
	_, err = NewFidelityKernel(ZZFeatureMap(2, 2, Linear), Options{Method: MethodGram, Simulator: otherBackend{}})
	assert.ErrorContains(t, err, "needs the statevec simulator")
	_, err = NewFidelityKernel(ZZFeatureMap(30, 1, Linear), Options{})
	assert.ErrorContains(t, err, "raise MemoryBytes or use the MPS backend")
	_, err = NewFidelityKernel(ZZFeatureMap(10, 1, Linear), Options{MemoryBytes: 1 << 15})
	assert.ErrorContains(t, err, "MemoryBytes = 32768")
	auto := mustKernel(t, ZZFeatureMap(2, 2, Linear), Options{Simulator: otherBackend{}})
	assert.Equal(t, MethodOverlap, auto.Method())
	// A map that cannot build its circuit reports the row.
	bad := mustKernel(t, &PauliFeatureMap{Qubits: 2, Reps: 0}, Options{})
	_, err = bad.Matrix([][]float64{{1, 2}}, nil)
	assert.ErrorContains(t, err, "x row 1")
	assert.ErrorContains(t, err, "reps")
}

func TestNamesUsersKnow(t *testing.T) {
	k := mustKernel(t, ZZFeatureMap(2, 2, Linear), Options{})
	x := [][]float64{{0.5, 1}, {2, 3}}
	a := mustMatrix(t, k, x, nil)
	b, err := k.Evaluate(x, nil)
	require.NoError(t, err)
	c, err := k.SquareKernelMatrix(x)
	require.NoError(t, err)
	d, err := k.KernelMatrix(x, x)
	require.NoError(t, err)
	for _, m := range []*mat.Dense{b, c, d} {
		assert.True(t, mat.Equal(a, m))
	}
	assert.InDelta(t, 0.487259183201, a.At(0, 1), 1e-11)
	for _, s := range []string{"auto", "gram", "overlap", "compute-uncompute", "pairwise"} {
		m, err := ParseMethod(s)
		require.NoError(t, err)
		if s != "pairwise" {
			assert.Equal(t, s, m.String())
		}
	}
	_, err = ParseMethod("fast")
	assert.Error(t, err)
	assert.Equal(t, "off_diagonal", DuplicatesOffDiagonal.String())
}

// otherBackend is a backend.Simulator that is not statevec: it wraps
// statevec and hides the concrete state type, so code paths that take any
// backend (overlaps, Pauli expectations) are exercised.
type otherBackend struct{}

func (otherBackend) Name() string { return "wrapped" }

func (otherBackend) Run(c *circuits.Circuit) (backend.State, error) {
	st, err := statevec.Simulator{}.Run(c)
	if err != nil {
		return nil, err
	}
	return wrappedState{st}, nil
}

type wrappedState struct{ backend.State }

func (w wrappedState) Overlap(o backend.State) (complex128, error) {
	return w.State.Overlap(o.(wrappedState).State)
}

func TestOverlapOnOtherBackend(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	fm := ZZFeatureMap(3, 2, Full)
	x := randomPoints(rng, 7, 3, 2*math.Pi)
	a := mustMatrix(t, mustKernel(t, fm, Options{}), x, nil)
	b := mustMatrix(t, mustKernel(t, fm, Options{Simulator: otherBackend{}}), x, nil)
	c := mustMatrix(t, mustKernel(t, fm, Options{Simulator: otherBackend{}, Method: MethodComputeUncompute}), x, nil)
	assert.True(t, mat.EqualApprox(a, b, 1e-12))
	assert.True(t, mat.EqualApprox(a, c, 1e-12))
}

// TestReferenceStateOnEveryBackend checks the spec's ZZ state (n = 2,
// reps 2, linear, x = (0.5, 1.0)) on each backend, global phase included.
func TestReferenceStateOnEveryBackend(t *testing.T) {
	want := []complex128{
		complex(0.427861977734, 0.143013803391),
		complex(0.473927723387, 0.081526922270),
		complex(0.589876411793, 0.182247744688),
		complex(0.428851151649, 0.012054961452),
	}
	c, err := ZZFeatureMap(2, 2, Linear).Circuit([]float64{0.5, 1.0})
	require.NoError(t, err)
	for _, sim := range pairwiseBackends() {
		st, err := sim.Run(c)
		require.NoError(t, err)
		amps, err := st.Amplitudes()
		require.NoError(t, err)
		for i, w := range want {
			// The table has 12 digits.
			assert.InDelta(t, real(w), real(amps[i]), 1e-11, "%s amplitude %d", sim.Name(), i)
			assert.InDelta(t, imag(w), imag(amps[i]), 1e-11, "%s amplitude %d", sim.Name(), i)
		}
	}
}
