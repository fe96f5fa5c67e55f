package svm

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// libsvmFixture is one problem solved by LIBSVM 3.24 (see testdata/README.md).
type libsvmFixture struct {
	c              float64
	kTrain, kTest  *mat.Dense
	yTrain, yTest  []int
	labels         []int
	rho            []float64
	svIndex        []int       // 0-based training rows, model order
	svCoef         [][]float64 // (k−1) × nSV
	decTrain       [][]float64
	decTest        [][]float64
	predTrain      []int
	predTest       []int
	printedObj     []float64 // "obj = %f" per pair, LIBSVM's sign
	predictCLITest []int     // svm-predict's output
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			lines = append(lines, line)
		}
	}
	require.NoError(t, sc.Err())
	return lines
}

func parseFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, s)
	return v
}

func parseInt(t *testing.T, s string) int {
	t.Helper()
	// LIBSVM prints labels through %g, so they may read "10" or "-3".
	return int(parseFloat(t, s))
}

// readProblem parses "label 0:i 1:K(i,1) … n:K(i,n)".
func readProblem(t *testing.T, path string) (*mat.Dense, []int) {
	t.Helper()
	lines := readLines(t, path)
	var y []int
	var data []float64
	cols := -1
	for _, line := range lines {
		fields := strings.Fields(line)
		y = append(y, parseInt(t, fields[0]))
		for j, f := range fields[2:] {
			idx, val, ok := strings.Cut(f, ":")
			require.True(t, ok)
			require.Equal(t, strconv.Itoa(j+1), idx)
			data = append(data, parseFloat(t, val))
		}
		if cols < 0 {
			cols = len(fields) - 2
		}
		require.Equal(t, cols, len(fields)-2)
	}
	return mat.NewDense(len(y), cols, data), y
}

func readDecisions(t *testing.T, path string) ([]int, [][]float64) {
	t.Helper()
	var pred []int
	var dec [][]float64
	for _, line := range readLines(t, path) {
		fields := strings.Fields(line)
		pred = append(pred, parseInt(t, fields[0]))
		row := make([]float64, len(fields)-1)
		for j, f := range fields[1:] {
			row[j] = parseFloat(t, f)
		}
		dec = append(dec, row)
	}
	return pred, dec
}

var objPattern = regexp.MustCompile(`obj = (-?[0-9.]+), rho`)

func loadFixture(t *testing.T, name string) libsvmFixture {
	t.Helper()
	dir := filepath.Join("testdata", name)
	var fx libsvmFixture
	fx.c = parseFloat(t, readLines(t, filepath.Join(dir, "C"))[0])
	fx.kTrain, fx.yTrain = readProblem(t, filepath.Join(dir, "train.txt"))
	fx.kTest, fx.yTest = readProblem(t, filepath.Join(dir, "test.txt"))
	fx.predTrain, fx.decTrain = readDecisions(t, filepath.Join(dir, "decision_train.txt"))
	fx.predTest, fx.decTest = readDecisions(t, filepath.Join(dir, "decision_test.txt"))
	for _, line := range readLines(t, filepath.Join(dir, "predict_test.txt")) {
		fx.predictCLITest = append(fx.predictCLITest, parseInt(t, line))
	}

	model := readLines(t, filepath.Join(dir, "model"))
	inSV := false
	for _, line := range model {
		fields := strings.Fields(line)
		if inSV {
			k := len(fx.labels)
			for r := range k - 1 {
				fx.svCoef[r] = append(fx.svCoef[r], parseFloat(t, fields[r]))
			}
			idx, ok := strings.CutPrefix(fields[k-1], "0:")
			require.True(t, ok)
			fx.svIndex = append(fx.svIndex, parseInt(t, idx)-1)
			continue
		}
		switch fields[0] {
		case "label":
			for _, f := range fields[1:] {
				fx.labels = append(fx.labels, parseInt(t, f))
			}
			fx.svCoef = make([][]float64, len(fx.labels)-1)
		case "rho":
			for _, f := range fields[1:] {
				fx.rho = append(fx.rho, parseFloat(t, f))
			}
		case "SV":
			inSV = true
		}
	}
	logText, err := os.ReadFile(filepath.Join(dir, "train.log"))
	require.NoError(t, err)
	for _, m := range objPattern.FindAllStringSubmatch(string(logText), -1) {
		fx.printedObj = append(fx.printedObj, parseFloat(t, m[1]))
	}
	return fx
}

// pairObjective evaluates Σα − ½ΣΣ y_iα_i y_jα_j K_ij from LIBSVM's saved
// coefficients for pair p = (a, b), decoding the sv_coef layout directly.
func (fx libsvmFixture) pairObjective(a, b int) float64 {
	classOf := make(map[int]int)
	for c, label := range fx.labels {
		classOf[label] = c
	}
	var rows []int
	var coef []float64
	for s, i := range fx.svIndex {
		switch classOf[fx.yTrain[i]] {
		case a:
			rows, coef = append(rows, i), append(coef, fx.svCoef[b-1][s])
		case b:
			rows, coef = append(rows, i), append(coef, fx.svCoef[a][s])
		}
	}
	var sumAlpha, quad float64
	for s, i := range rows {
		sumAlpha += math.Abs(coef[s])
		for u, j := range rows {
			quad += coef[s] * coef[u] * fx.kTrain.At(i, j)
		}
	}
	return sumAlpha - quad/2
}

func maxAbsDiff(a, b [][]float64) float64 {
	var m float64
	for i := range a {
		for j := range a[i] {
			m = math.Max(m, math.Abs(a[i][j]-b[i][j]))
		}
	}
	return m
}

// TestAgreesWithLIBSVM compares Fit with LIBSVM 3.24 (svm-train -t 4 -e 1e-8)
// on the stored fixtures: labels order, support vectors, coefficients, rho,
// dual objective, decision values and predictions.
func TestAgreesWithLIBSVM(t *testing.T) {
	for _, name := range []string{"iris2_rbf", "iris2_rbf_float64", "iris3_rbf", "cancer_linear", "random_psd", "random_psd_smallc"} {
		for _, shrink := range []bool{true, false} {
			t.Run(name+map[bool]string{true: "/shrinking", false: "/no-shrinking"}[shrink], func(t *testing.T) {
				fx := loadFixture(t, name)
				m, err := Fit(fx.kTrain, fx.yTrain, fx.c, &Options{Eps: 1e-8, NoShrinking: !shrink})
				require.NoError(t, err)
				checkAgainstFixture(t, m, fx, 1e-6)
			})
		}
	}
}

func checkAgainstFixture(t *testing.T, m *Model, fx libsvmFixture, tol float64) {
	t.Helper()
	require.Equal(t, fx.labels, m.Classes)
	require.Equal(t, fx.svIndex, m.Support)

	coefDiff := maxAbsDiff(m.DualCoef, fx.svCoef)
	assert.LessOrEqual(t, coefDiff, tol, "dual coefficients")

	var rhoDiff, objDiff, printedDiff float64
	k := len(m.Classes)
	p := 0
	for a := range k {
		for b := a + 1; b < k; b++ {
			rhoDiff = math.Max(rhoDiff, math.Abs(m.Pairs[p].Rho-fx.rho[p]))
			objDiff = math.Max(objDiff, math.Abs(m.Pairs[p].Objective-fx.pairObjective(a, b)))
			// LIBSVM prints −objective with %f: six decimals.
			printedDiff = math.Max(printedDiff, math.Abs(-m.Pairs[p].Objective-fx.printedObj[p]))
			p++
		}
	}
	assert.LessOrEqual(t, rhoDiff, tol, "rho")
	assert.LessOrEqual(t, objDiff, tol, "objective against LIBSVM's coefficients")
	assert.LessOrEqual(t, printedDiff, 5e-7+1e-9, "objective against LIBSVM's printed value")

	decTrain, err := m.DecisionFunction(fx.kTrain)
	require.NoError(t, err)
	decTest, err := m.DecisionFunction(fx.kTest)
	require.NoError(t, err)
	trainDiff, testDiff := maxAbsDiff(decTrain, fx.decTrain), maxAbsDiff(decTest, fx.decTest)
	assert.LessOrEqual(t, trainDiff, tol, "training decision values")
	assert.LessOrEqual(t, testDiff, tol, "test decision values")

	predTrain, err := m.Predict(fx.kTrain)
	require.NoError(t, err)
	predTest, err := m.Predict(fx.kTest)
	require.NoError(t, err)
	assert.Equal(t, fx.predTrain, predTrain)
	assert.Equal(t, fx.predTest, predTest)
	assert.Equal(t, fx.predictCLITest, predTest)
	t.Logf("max |Δ|: coef %.2e  rho %.2e  objective %.2e (printed %.2e)  decision train %.2e test %.2e",
		coefDiff, rhoDiff, objDiff, printedDiff, trainDiff, testDiff)
}
