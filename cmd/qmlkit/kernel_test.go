package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/datasets"
	"github.com/qmlkit/qmlkit/kernels"
)

// runKernel calls kernelCommand in-process.
func runKernel(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := kernelCommand(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	return p
}

func writeSamples(t *testing.T, dir, name string, x [][]float64) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, datasets.WriteMatrixCSV(&b, x))
	return writeFile(t, dir, name, b.String())
}

func readKernel(t *testing.T, path string) [][]float64 {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	k, err := datasets.ReadMatrixCSV(f)
	require.NoError(t, err)
	return k
}

// zzStateDense is an independent dense implementation of Qiskit's ZZ map
// for Paulis Z and ZZ: each rep is H on all qubits, then the diagonal
// exp(−i(α/2)[Σ_i x_i Z_i + Σ_{(i,j)} (π−x_i)(π−x_j) Z_iZ_j]) (Qiskit's p and
// cx gates equal this up to a global phase, which the kernel ignores).
func zzStateDense(x []float64, reps int, alpha float64, pairs [][2]int) []complex128 {
	n := len(x)
	dim := 1 << uint(n)
	psi := make([]complex128, dim)
	psi[0] = 1
	for range reps {
		for q := range n {
			bit := 1 << uint(q)
			for i := range dim {
				if i&bit == 0 {
					a, b := psi[i], psi[i|bit]
					psi[i], psi[i|bit] = (a+b)/math.Sqrt2, (a-b)/math.Sqrt2
				}
			}
		}
		for i := range dim {
			z := func(q int) float64 { return 1 - 2*float64(i>>uint(q)&1) }
			var phi float64
			for q := range n {
				phi += x[q] * z(q)
			}
			for _, p := range pairs {
				phi += (math.Pi - x[p[0]]) * (math.Pi - x[p[1]]) * z(p[0]) * z(p[1])
			}
			psi[i] *= cmplx.Rect(1, -alpha/2*phi)
		}
	}
	return psi
}

func denseFidelity(a, b []complex128) float64 {
	var s complex128
	for i := range a {
		s += cmplx.Conj(a[i]) * b[i]
	}
	return real(s)*real(s) + imag(s)*imag(s)
}

// TestKernelCommandMatchesIndependent writes K(X, X) and K(X, Y) for the
// ZZ map and compares every entry with the dense implementation above and
// with the compute–uncompute path, to 1e−10.
func TestKernelCommandMatchesIndependent(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	gen := func(n int) [][]float64 {
		x := make([][]float64, n)
		for i := range x {
			x[i] = []float64{2 * math.Pi * rng.Float64(), 2 * math.Pi * rng.Float64(), 2 * math.Pi * rng.Float64()}
		}
		return x
	}
	x, y := gen(9), gen(5)
	xp, yp := writeSamples(t, dir, "x.csv", x), writeSamples(t, dir, "y.csv", y)
	cases := []struct {
		ent   string
		alpha float64
		pairs [][2]int
	}{
		{"full", 2, [][2]int{{0, 1}, {0, 2}, {1, 2}}},
		{"linear", 1.5, [][2]int{{0, 1}, {1, 2}}},
	}
	for _, tc := range cases {
		kp := filepath.Join(dir, "k_"+tc.ent+".csv")
		_, errOut, err := runKernel(t, "--feature-map", "zz", "--reps", "2", "--entanglement", tc.ent, "--alpha", formatFloat(tc.alpha), "--input", xp, "--output", kp)
		require.NoError(t, err)
		assert.Contains(t, errOut, "wrote 9×9")
		kxx := readKernel(t, kp)
		kxy := filepath.Join(dir, "kxy_"+tc.ent+".csv")
		_, _, err = runKernel(t, "--entanglement", tc.ent, "--alpha", formatFloat(tc.alpha), "--input", xp, "--input2", yp, "--output", kxy)
		require.NoError(t, err)
		kr := readKernel(t, kxy)
		require.Len(t, kr, 9)
		require.Len(t, kr[0], 5)

		fm := &kernels.PauliFeatureMap{Qubits: 3, Reps: 2, Entanglement: kernels.Entanglement(tc.ent), Alpha: tc.alpha}
		cu, err := kernels.NewFidelityKernel(fm, kernels.Options{Method: kernels.MethodComputeUncompute})
		require.NoError(t, err)
		pw, err := cu.Matrix(x, y)
		require.NoError(t, err)
		for i := range x {
			si := zzStateDense(x[i], 2, tc.alpha, tc.pairs)
			for j := range x {
				want := 1.0
				if i != j {
					want = denseFidelity(si, zzStateDense(x[j], 2, tc.alpha, tc.pairs))
				}
				assert.InDelta(t, want, kxx[i][j], 1e-10, "%s K(X,X)[%d][%d]", tc.ent, i, j)
			}
			for j := range y {
				want := denseFidelity(si, zzStateDense(y[j], 2, tc.alpha, tc.pairs))
				assert.InDelta(t, want, kr[i][j], 1e-10, "%s K(X,Y)[%d][%d]", tc.ent, i, j)
				assert.InDelta(t, pw.At(i, j), kr[i][j], 1e-12)
			}
		}
	}
}

// TestKernelCommandMPS: the MPS backend (pairwise overlaps, no truncation)
// gives the statevec Gram matrix to 1e−10, and a bond cap is accepted.
func TestKernelCommandMPS(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(3, 4))
	x := make([][]float64, 6)
	for i := range x {
		x[i] = []float64{2 * rng.Float64(), 2 * rng.Float64(), 2 * rng.Float64(), 2 * rng.Float64()}
	}
	xp := writeSamples(t, dir, "x.csv", x)
	sv, _, err := runKernel(t, "--entanglement", "linear", "--input", xp, "--output", "-")
	require.NoError(t, err)
	_, errOut, err := runKernel(t, "--entanglement", "linear", "--backend", "mps", "--input", xp, "--output", filepath.Join(dir, "k.csv"))
	require.NoError(t, err)
	assert.Contains(t, errOut, "mps, overlap")
	a, err := datasets.ReadMatrixCSV(strings.NewReader(sv))
	require.NoError(t, err)
	b := readKernel(t, filepath.Join(dir, "k.csv"))
	for i := range a {
		for j := range a[i] {
			assert.InDelta(t, a[i][j], b[i][j], 1e-10)
		}
	}
	_, _, err = runKernel(t, "--entanglement", "linear", "--backend", "mps", "--max-bond", "2", "--input", xp, "--output", "-")
	require.NoError(t, err)
}

// TestKernelCommandFullPrecision: the written values read back bit for bit
// equal to the library's matrix.
func TestKernelCommandFullPrecision(t *testing.T) {
	dir := t.TempDir()
	x := [][]float64{{0.5, 1.0}, {2.0, 3.0}, {1.0, 2.0}}
	out, _, err := runKernel(t, "--entanglement", "linear", "--input", writeSamples(t, dir, "x.csv", x), "--output", "-")
	require.NoError(t, err)
	k, err := datasets.ReadMatrixCSV(strings.NewReader(out))
	require.NoError(t, err)
	fk, err := kernels.NewFidelityKernel(kernels.ZZFeatureMap(2, 2, kernels.Linear), kernels.Options{})
	require.NoError(t, err)
	want, err := fk.Matrix(x, nil)
	require.NoError(t, err)
	for i := range 3 {
		for j := range 3 {
			assert.Equal(t, want.At(i, j), k[i][j])
		}
	}
	assert.InDelta(t, 0.487259183201, k[0][1], 1e-11)
}

func TestKernelCommandOtherMaps(t *testing.T) {
	dir := t.TempDir()
	x := [][]float64{{0.3, 1.2}, {2.0, 0.1}}
	xp := writeSamples(t, dir, "x.csv", x)
	out, _, err := runKernel(t, "--feature-map", "angle", "--input", xp, "--output", "-")
	require.NoError(t, err)
	k, err := datasets.ReadMatrixCSV(strings.NewReader(out))
	require.NoError(t, err)
	want := math.Pow(math.Cos((0.3-2.0)/2), 2) * math.Pow(math.Cos((1.2-0.1)/2), 2)
	assert.InDelta(t, want, k[0][1], 1e-14)
	out, _, err = runKernel(t, "--feature-map", "chain", "--method", "compute-uncompute", "--input", xp, "--output", "-")
	require.NoError(t, err)
	kc, err := datasets.ReadMatrixCSV(strings.NewReader(out))
	require.NoError(t, err)
	out, _, err = runKernel(t, "--feature-map", "chain", "--input", xp, "--output", "-")
	require.NoError(t, err)
	kg, err := datasets.ReadMatrixCSV(strings.NewReader(out))
	require.NoError(t, err)
	assert.InDelta(t, kg[0][1], kc[0][1], 1e-12)
	// Shots: entries are multiples of 1/shots.
	out, _, err = runKernel(t, "--shots", "64", "--seed", "3", "--input", xp, "--output", "-")
	require.NoError(t, err)
	ks, err := datasets.ReadMatrixCSV(strings.NewReader(out))
	require.NoError(t, err)
	assert.Equal(t, math.Round(ks[0][1]*64)/64, ks[0][1])
}

// TestKernelCommandInputErrors: ragged rows, NaN and the wrong number of
// features are reported with file, row and column, through the ordinary
// error path (exit status 2).
func TestKernelCommandInputErrors(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.csv", "0.1,0.2\n0.3,0.4\n")
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"ragged", []string{"--input", writeFile(t, dir, "ragged.csv", "0.1,0.2\n0.3,0.4,0.5\n"), "--output", "-"},
			[]string{"ragged.csv", "row 2 has 3 columns"}},
		{"nan", []string{"--input", writeFile(t, dir, "nan.csv", "0.1,0.2\n0.3,NaN\n"), "--output", "-"},
			[]string{"nan.csv", "row 2, column 2"}},
		{"text", []string{"--input", writeFile(t, dir, "text.csv", "0.1,abc\n"), "--output", "-"},
			[]string{"text.csv", "row 1, column 2"}},
		{"too many features", []string{"--qubits", "2", "--input", writeFile(t, dir, "wide.csv", "0.1,0.2,0.3\n"), "--output", "-"},
			[]string{"wide.csv", "row 1, column 3", "takes 2 features"}},
		{"too few in input2", []string{"--input", good, "--input2", writeFile(t, dir, "narrow.csv", "0.1\n"), "--output", "-"},
			[]string{"narrow.csv", "row 1, column 2", "missing"}},
		{"no input", []string{"--output", "-"}, []string{"--input is required"}},
		{"no output", []string{"--input", good}, []string{"--output is required"}},
		{"bad map", []string{"--feature-map", "xyz", "--input", good, "--output", "-"}, []string{"unknown feature map"}},
		{"bad entanglement", []string{"--entanglement", "ring", "--input", good, "--output", "-"}, []string{"unknown entanglement"}},
		{"bad backend", []string{"--backend", "gpu", "--input", good, "--output", "-"}, []string{"unknown backend"}},
		{"max-bond without mps", []string{"--max-bond", "4", "--input", good, "--output", "-"}, []string{"--max-bond applies to --backend mps"}},
		{"gram on mps", []string{"--backend", "mps", "--method", "gram", "--input", good, "--output", "-"}, []string{"--method gram needs --backend statevec"}},
		{"bad method", []string{"--method", "fast", "--input", good, "--output", "-"}, []string{"unknown method"}},
		{"missing file", []string{"--input", filepath.Join(dir, "none.csv"), "--output", "-"}, []string{"none.csv"}},
	}
	for _, tc := range cases {
		_, _, err := runKernel(t, tc.args...)
		require.Error(t, err, tc.name)
		for _, w := range tc.want {
			assert.ErrorContains(t, err, w, tc.name)
		}
		assert.False(t, errors.Is(err, errChecksFailed) || errors.Is(err, flag.ErrHelp), "%s: must map to exit status 2", tc.name)
	}
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
