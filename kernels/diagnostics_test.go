package kernels

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

func TestNearestPSD(t *testing.T) {
	// [[1, 2], [2, 1]] has eigenvalues 3 and −1 with eigenvectors (1, ±1)/√2;
	// clipping −1 leaves 3·vvᵀ = 1.5·[[1, 1], [1, 1]].
	p, err := NearestPSD(mat.NewDense(2, 2, []float64{1, 2, 2, 1}))
	require.NoError(t, err)
	assert.True(t, mat.EqualApprox(p, mat.NewDense(2, 2, []float64{1.5, 1.5, 1.5, 1.5}), 1e-14))
	// A PSD matrix is unchanged, and projecting twice is projecting once.
	rng := rand.New(rand.NewPCG(1, 1))
	a := mat.NewDense(6, 6, nil)
	for i := range 6 {
		for j := range 6 {
			a.Set(i, j, rng.NormFloat64())
		}
	}
	var psd mat.Dense
	psd.Mul(a, a.T())
	q, err := NearestPSD(&psd)
	require.NoError(t, err)
	assert.True(t, mat.EqualApprox(q, &psd, 1e-12))
	sym := mat.NewDense(6, 6, nil)
	sym.Add(a, a.T())
	once, err := NearestPSD(sym)
	require.NoError(t, err)
	twice, err := NearestPSD(once)
	require.NoError(t, err)
	assert.True(t, mat.EqualApprox(once, twice, 1e-12))
	assert.GreaterOrEqual(t, minEigen(t, once), -1e-12)
	_, err = NearestPSD(mat.NewDense(2, 2, []float64{1, 0, 1, 1}))
	assert.ErrorContains(t, err, "not symmetric")
	_, err = NearestPSD(mat.NewDense(2, 3, nil))
	assert.ErrorContains(t, err, "square")
}

// TestProjectedKernelAnalytic: RY(x_k) on |0⟩ has Bloch vector
// (sin x_k, 0, cos x_k), so Σ_k ‖ρ_k − ρ′_k‖² = Σ_k (1 − cos(x_k − x′_k)).
func TestProjectedKernelAnalytic(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 3))
	x := randomPoints(rng, 5, 3, 3)
	y := randomPoints(rng, 4, 3, 3)
	fm := &AngleEmbedding{Features: 3, Rotation: "Y"}
	for _, gamma := range []float64{0, 0.7} {
		k := mustMatrix(t, &ProjectedKernel{Map: fm, Gamma: gamma}, x, y)
		g := gamma
		if g == 0 {
			g = 1
		}
		for i := range x {
			for j := range y {
				var s float64
				for f := range 3 {
					s += 1 - math.Cos(x[i][f]-y[j][f])
				}
				assert.InDelta(t, math.Exp(-g*s), k.At(i, j), 1e-14)
			}
		}
	}
	b, err := (&ProjectedKernel{Map: fm}).BlochVectors(x[:1])
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{math.Sin(x[0][0]), 0, math.Cos(x[0][0])}, b[0][:3], 1e-15)
	_, err = (&ProjectedKernel{Map: fm, Gamma: -1}).Matrix(x, nil)
	assert.ErrorContains(t, err, "γ")
}

// TestProjectedKernelBackends compares the reduced-density-matrix path
// (dense states) with Pauli expectation values on a non-dense backend.
func TestProjectedKernelBackends(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 5))
	x := randomPoints(rng, 6, 4, 2*math.Pi)
	fm := ZZFeatureMap(4, 2, Full)
	a := mustMatrix(t, &ProjectedKernel{Map: fm, Gamma: 0.5}, x, nil)
	b := mustMatrix(t, &ProjectedKernel{Map: fm, Gamma: 0.5, Simulator: otherBackend{}}, x, nil)
	assert.True(t, mat.EqualApprox(a, b, 1e-12))
	for i := range 6 {
		assert.InDelta(t, 1, a.At(i, i), 1e-15)
	}
}

func TestGeometricDifference(t *testing.T) {
	// K_C = I and diagonal K_Q (both trace N): g² = max_i d_i/(1 + reg).
	d := []float64{0.5, 2.5, 1, 0}
	kq := mat.NewDiagDense(4, d)
	kc := mat.NewDiagDense(4, []float64{1, 1, 1, 1})
	g, err := GeometricDifference(kc, kq, 0)
	require.NoError(t, err)
	assert.InDelta(t, math.Sqrt(2.5), g, 1e-14)
	g, err = GeometricDifference(kc, kq, 0.25)
	require.NoError(t, err)
	assert.InDelta(t, math.Sqrt(2.5/1.25), g, 1e-14)
	// Scaling does not matter (trace normalisation).
	kq2 := mat.NewDiagDense(4, []float64{5, 25, 10, 0})
	g2, err := GeometricDifference(kc, kq2, 0)
	require.NoError(t, err)
	assert.InDelta(t, math.Sqrt(2.5), g2, 1e-14)
	// g(K‖K) = 1 for a non-singular kernel.
	rng := rand.New(rand.NewPCG(6, 7))
	x := randomPoints(rng, 10, 3, 2*math.Pi)
	k := mustMatrix(t, mustKernel(t, ZZFeatureMap(3, 1, Linear), Options{}), x, nil)
	g, err = GeometricDifference(k, k, 0)
	require.NoError(t, err)
	assert.InDelta(t, 1, g, 1e-8)
	_, err = GeometricDifference(mat.NewDiagDense(2, []float64{1, 1}), kc, 0)
	assert.Error(t, err)
	_, err = GeometricDifference(mat.NewDiagDense(2, []float64{1, 0}), mat.NewDiagDense(2, []float64{1, 1}), 0)
	assert.ErrorContains(t, err, "singular")
	_, err = GeometricDifference(kc, kq, -1)
	assert.Error(t, err)
}

func TestTargetAlignment(t *testing.T) {
	y := []int{0, 0, 1, 1, 1}
	// K = yyᵀ (labels ±1) is perfectly aligned.
	k := mat.NewDense(5, 5, nil)
	for i := range 5 {
		for j := range 5 {
			v := 1.0
			if (y[i] == 1) != (y[j] == 1) {
				v = -1
			}
			k.Set(i, j, v)
		}
	}
	ta, err := TargetAlignment(k, y, false)
	require.NoError(t, err)
	assert.InDelta(t, 1, ta, 1e-15)
	// The identity: ⟨I, yyᵀ⟩ = N, ‖I‖ = √N, ‖yyᵀ‖ = N, so TA = 1/√N.
	id := mat.NewDiagDense(5, []float64{1, 1, 1, 1, 1})
	ta, err = TargetAlignment(id, y, false)
	require.NoError(t, err)
	assert.InDelta(t, 1/math.Sqrt(5), ta, 1e-15)
	// The all-ones kernel J: ⟨J, ttᵀ⟩ = (Σt)². Labels (−1, −1, 1, 1, 1)
	// give (Σt)² = 1, ‖J‖ = 5, ‖ttᵀ‖ = 5: TA = 1/25. Rescaled labels
	// (−½, −½, ⅓, ⅓, ⅓) sum to 0: the class-size bias is gone, TA = 0.
	ones := mat.NewDense(5, 5, []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1})
	ta, err = TargetAlignment(ones, y, false)
	require.NoError(t, err)
	assert.InDelta(t, 1.0/25, ta, 1e-15)
	ta, err = TargetAlignment(ones, y, true)
	require.NoError(t, err)
	assert.InDelta(t, 0, ta, 1e-15)
	_, err = TargetAlignment(id, []int{0, 1, 2, 0, 1}, false)
	assert.ErrorContains(t, err, "two values")
	_, err = TargetAlignment(id, []int{0, 1}, false)
	assert.Error(t, err)
}

func TestOffDiagonalStats(t *testing.T) {
	k := mat.NewDense(3, 3, []float64{1, 0.2, 0.4, 0.2, 1, 0.6, 0.4, 0.6, 1})
	mean, v, err := OffDiagonalStats(k)
	require.NoError(t, err)
	assert.InDelta(t, 0.4, mean, 1e-15)
	assert.InDelta(t, (0.04+0+0.04)/3, v, 1e-15)
	_, _, err = OffDiagonalStats(mat.NewDense(1, 1, []float64{1}))
	assert.Error(t, err)
}

// TestConcentrationWithQubits: at full bandwidth the mean off-diagonal
// value of the ZZ kernel falls with qubit count; a small bandwidth keeps it
// large (Shaydulin & Wild).
func TestConcentrationWithQubits(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	var prev float64 = 2
	for _, n := range []int{2, 4, 6, 8} {
		x := randomPoints(rng, 20, n, 2*math.Pi)
		k := mustMatrix(t, mustKernel(t, ZZFeatureMap(n, 2, Linear), Options{}), x, nil)
		mean, _, err := OffDiagonalStats(k)
		require.NoError(t, err)
		assert.Less(t, mean, prev, "n = %d", n)
		prev = mean
		fm := ZZFeatureMap(n, 2, Linear)
		fm.Bandwidth = 0.05
		kb := mustMatrix(t, mustKernel(t, fm, Options{}), x, nil)
		mb, _, err := OffDiagonalStats(kb)
		require.NoError(t, err)
		assert.Greater(t, mb, mean)
	}
	assert.Less(t, prev, 0.02)
}
