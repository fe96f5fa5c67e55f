// Command fixturegen writes the precomputed-kernel problems that
// make_fixtures.sh hands to LIBSVM. It is run once, by hand; the svm tests
// only read its output. Usage (from the repository root):
//
//	go run ./svm/testdata/fixturegen -data /work/shared/data -out svm/testdata
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/qmlkit/qmlkit/svm"
	"gonum.org/v1/gonum/mat"
)

// problem is one fixture: kernels, labels and the C LIBSVM is run with.
type problem struct {
	name           string
	c              float64
	kTrain, kTest  *mat.Dense
	yTrain, yTest  []int
	keepFloat64Raw bool
}

func main() {
	dataDir := flag.String("data", "/work/shared/data", "directory holding iris.csv and breast_cancer.csv")
	outDir := flag.String("out", "svm/testdata", "where to write one directory per fixture")
	flag.Parse()

	iris := readLabelled(filepath.Join(*dataDir, "iris.csv"))
	cancer := readLabelled(filepath.Join(*dataDir, "breast_cancer.csv"))

	problems := []problem{
		irisTwoClass(iris, false),
		irisTwoClass(iris, true),
		irisThreeClass(iris),
		cancerLinear(cancer),
	}
	problems = append(problems, randomPSD()...)
	for _, p := range problems {
		dir := filepath.Join(*outDir, p.name)
		must(os.MkdirAll(dir, 0o755))
		round := !p.keepFloat64Raw
		writeLibsvm(filepath.Join(dir, "train.txt"), p.kTrain, p.yTrain, round)
		writeLibsvm(filepath.Join(dir, "test.txt"), p.kTest, p.yTest, round)
		must(os.WriteFile(filepath.Join(dir, "C"), []byte(strconv.FormatFloat(p.c, 'g', -1, 64)+"\n"), 0o644))
	}
}

type labelled struct {
	x [][]float64
	y []int
}

// readLabelled parses the shared CSV format: a header line, then features
// followed by an integer label.
func readLabelled(path string) labelled {
	f, err := os.Open(path)
	must(err)
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	must(err)
	var d labelled
	for _, rec := range recs[1:] {
		row := make([]float64, len(rec)-1)
		for j := range row {
			row[j], err = strconv.ParseFloat(rec[j], 64)
			must(err)
		}
		label, err := strconv.Atoi(rec[len(rec)-1])
		must(err)
		d.x = append(d.x, row)
		d.y = append(d.y, label)
	}
	return d
}

// irisTwoClass: versicolor (1) against virginica (2), alternate rows for
// train and test, RBF with gamma = "scale" of the training features, C = 1.
func irisTwoClass(iris labelled, raw bool) problem {
	var xTr, xTe [][]float64
	var yTr, yTe []int
	for i := 50; i < 150; i++ {
		if (i-50)%2 == 0 {
			xTr, yTr = append(xTr, iris.x[i]), append(yTr, iris.y[i])
		} else {
			xTe, yTe = append(xTe, iris.x[i]), append(yTe, iris.y[i])
		}
	}
	name := "iris2_rbf"
	if raw {
		name = "iris2_rbf_float64"
	}
	p := rbfProblem(name, 1, xTr, xTe, yTr, yTe)
	p.keepFloat64Raw = raw
	return p
}

// irisThreeClass: all three classes, rows i%3 != 2 train (shuffled with a
// fixed seed so the first class seen is not the first in the file), the rest
// test; labels renamed 0→10, 1→−3, 2→7 to exercise arbitrary labels; C = 10.
func irisThreeClass(iris labelled) problem {
	rename := map[int]int{0: 10, 1: -3, 2: 7}
	var xTr, xTe [][]float64
	var yTr, yTe []int
	for i := range iris.x {
		if i%3 != 2 {
			xTr, yTr = append(xTr, iris.x[i]), append(yTr, rename[iris.y[i]])
		} else {
			xTe, yTe = append(xTe, iris.x[i]), append(yTe, rename[iris.y[i]])
		}
	}
	rng := rand.New(rand.NewPCG(3, 3))
	rng.Shuffle(len(xTr), func(a, b int) {
		xTr[a], xTr[b] = xTr[b], xTr[a]
		yTr[a], yTr[b] = yTr[b], yTr[a]
	})
	return rbfProblem("iris3_rbf", 10, xTr, xTe, yTr, yTe)
}

func rbfProblem(name string, c float64, xTr, xTe [][]float64, yTr, yTe []int) problem {
	gamma, err := svm.GammaScale(xTr)
	must(err)
	kTr, err := svm.RBF(xTr, xTr, gamma)
	must(err)
	kTe, err := svm.RBF(xTe, xTr, gamma)
	must(err)
	return problem{name: name, c: c, kTrain: kTr, kTest: kTe, yTrain: yTr, yTest: yTe}
}

// cancerLinear: rows 0–99 train, 100–199 test, features standardised with
// the training mean and population standard deviation, linear kernel, C = 0.0625.
func cancerLinear(d labelled) problem {
	xTr, xTe := d.x[:100], d.x[100:200]
	nf := len(xTr[0])
	mean, std := make([]float64, nf), make([]float64, nf)
	for j := range nf {
		for _, row := range xTr {
			mean[j] += row[j]
		}
		mean[j] /= float64(len(xTr))
		for _, row := range xTr {
			std[j] += (row[j] - mean[j]) * (row[j] - mean[j])
		}
		std[j] = math.Sqrt(std[j] / float64(len(xTr)))
	}
	scale := func(x [][]float64) [][]float64 {
		out := make([][]float64, len(x))
		for i, row := range x {
			out[i] = make([]float64, nf)
			for j := range nf {
				out[i][j] = (row[j] - mean[j]) / std[j]
			}
		}
		return out
	}
	sTr, sTe := scale(xTr), scale(xTe)
	kTr, err := svm.Linear(sTr, sTr)
	must(err)
	kTe, err := svm.Linear(sTe, sTr)
	must(err)
	return problem{name: "cancer_linear", c: 0.0625, kTrain: kTr, kTest: kTe, yTrain: d.y[:100], yTest: d.y[100:200]}
}

// randomPSD: K = AAᵀ/8 for a 90×8 Gaussian A (rank 8, so the dual has many
// equivalent optima in α but one decision function), 60 train and 30 test
// rows, labels ±1 from a noisy linear rule with −1 first. Two values of C:
// 2 (free support vectors) and 2⁻¹⁰ (every α at the bound, so rho is the
// midpoint of its feasible interval).
func randomPSD() []problem {
	rng := rand.New(rand.NewPCG(7, 7))
	const n, d = 90, 8
	a := mat.NewDense(n, d, nil)
	for i := range n {
		for j := range d {
			a.Set(i, j, rng.NormFloat64())
		}
	}
	w := []float64{1, -0.5, 0.3, 0, 0.8, -1, 0.2, 0.1}
	y := make([]int, n)
	for i := range n {
		s := 0.4 * rng.NormFloat64()
		for j := range d {
			s += w[j] * a.At(i, j)
		}
		y[i] = 1
		if s < 0 {
			y[i] = -1
		}
	}
	y[0] = -1
	var k mat.Dense
	k.Mul(a, a.T())
	k.Scale(1.0/d, &k)
	kTr := mat.DenseCopyOf(k.Slice(0, 60, 0, 60))
	kTe := mat.DenseCopyOf(k.Slice(60, 90, 0, 60))
	balanced := balancedLabels(y[:60])
	return []problem{
		{name: "random_psd", c: 2, kTrain: kTr, kTest: kTe, yTrain: y[:60], yTest: y[60:]},
		{name: "random_psd_smallc", c: 0x1p-10, kTrain: kTr, kTest: kTe, yTrain: balanced, yTest: y[60:]},
	}
}

// balancedLabels returns alternating −1, +1 labels (−1 first), so with a tiny
// C every α can sit at the bound.
func balancedLabels(y []int) []int {
	out := make([]int, len(y))
	for i := range out {
		out[i] = -1
		if i%2 == 1 {
			out[i] = 1
		}
	}
	return out
}

// writeLibsvm writes LIBSVM's precomputed-kernel format:
// "label 0:i 1:K(i,1) … n:K(i,n)" with i counted from 1. Values are rounded
// to float32 first when round is set, because LIBSVM keeps kernel entries in
// a float cache and would otherwise solve a slightly different problem.
func writeLibsvm(path string, k *mat.Dense, y []int, round bool) {
	f, err := os.Create(path)
	must(err)
	w := bufio.NewWriter(f)
	r, c := k.Dims()
	for i := range r {
		fmt.Fprintf(w, "%d 0:%d", y[i], i+1)
		for j := range c {
			v := k.At(i, j)
			if round {
				v = float64(float32(v))
			}
			fmt.Fprintf(w, " %d:%s", j+1, strconv.FormatFloat(v, 'g', -1, 64))
		}
		fmt.Fprintln(w)
	}
	must(w.Flush())
	must(f.Close())
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
