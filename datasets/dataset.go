package datasets

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Dataset is a labelled sample matrix: X[i] holds the features of sample i
// and Y[i] its class, an index into ClassNames. FeatureNames is nil when the
// source has none.
type Dataset struct {
	X            [][]float64
	Y            []int
	FeatureNames []string
	ClassNames   []string
}

// Iris returns Fisher's Iris data: 150 samples, 4 features in cm, classes
// setosa (0), versicolor (1), virginica (2), 50 each, in the UCI order.
func Iris() (*Dataset, error) {
	return loadHeaderCSV("iris.csv", irisFeatures)
}

// Wine returns the UCI Wine data: 178 samples, 13 chemical measurements,
// classes class_0, class_1, class_2 (59, 71, 48 samples).
func Wine() (*Dataset, error) {
	return loadHeaderCSV("wine_data.csv", wineFeatures)
}

// BreastCancer returns the Wisconsin diagnostic breast-cancer data: 569
// samples, 30 features, classes malignant (0, 212 samples) and benign (1, 357).
func BreastCancer() (*Dataset, error) {
	return loadHeaderCSV("breast_cancer.csv", cancerFeatures())
}

// Digits returns scikit-learn's 8×8 handwritten digits: 1797 samples of 64
// pixel intensities 0–16 in row-major order (feature "pixel_r_c"), classes
// "0"…"9".
func Digits() (*Dataset, error) {
	raw, err := files.ReadFile("data/digits.csv.gz")
	if err != nil {
		return nil, fmt.Errorf("datasets: digits: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("datasets: digits: %w", err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("datasets: digits: %w", err)
	}
	d, err := parseLabelled(text, 64, func(label int) (int, error) {
		if label < 0 || label > 9 {
			return 0, fmt.Errorf("label %d is not a digit", label)
		}
		return label, nil
	})
	if err != nil {
		return nil, fmt.Errorf("datasets: digits: %w", err)
	}
	if len(d.X) != 1797 {
		return nil, fmt.Errorf("datasets: digits: %d rows, want 1797", len(d.X))
	}
	d.FeatureNames = pixelNames(8)
	d.ClassNames = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
	return d, nil
}

// CovariantGraph7 returns the covariant-kernel data of Glick et al. on the
// 7-qubit graph: 128 samples of 14 angles (qubit i uses features 2i, 2i+1).
// The file's labels −1 and +1 become classes 0 and 1, with ClassNames
// "-1" and "+1".
func CovariantGraph7() (*Dataset, error) {
	return loadGraph("dataset_graph7.csv", 14, 128)
}

// CovariantGraph10 is CovariantGraph7 on the 10-qubit graph: 200 samples of
// 20 angles.
func CovariantGraph10() (*Dataset, error) {
	return loadGraph("dataset_graph10.csv", 20, 200)
}

func loadGraph(name string, nFeatures, nRows int) (*Dataset, error) {
	text, err := files.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("datasets: %s: %w", name, err)
	}
	d, err := parseLabelled(text, nFeatures, func(label int) (int, error) {
		switch label {
		case -1:
			return 0, nil
		case 1:
			return 1, nil
		}
		return 0, fmt.Errorf("label %d is not ±1", label)
	})
	if err != nil {
		return nil, fmt.Errorf("datasets: %s: %w", name, err)
	}
	if len(d.X) != nRows {
		return nil, fmt.Errorf("datasets: %s: %d rows, want %d", name, len(d.X), nRows)
	}
	d.ClassNames = []string{"-1", "+1"}
	return d, nil
}

// loadHeaderCSV reads the shared format: a header
// "n_samples,n_features,class_name_0,…" then features and an integer label.
func loadHeaderCSV(name string, featureNames []string) (*Dataset, error) {
	text, err := files.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("datasets: %s: %w", name, err)
	}
	header, body, ok := bytes.Cut(text, []byte("\n"))
	if !ok {
		return nil, fmt.Errorf("datasets: %s: no data after the header", name)
	}
	fields := strings.Split(strings.TrimSpace(string(header)), ",")
	if len(fields) < 4 {
		return nil, fmt.Errorf("datasets: %s: header %q has fewer than two class names", name, header)
	}
	nSamples, err1 := strconv.Atoi(fields[0])
	nFeatures, err2 := strconv.Atoi(fields[1])
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("datasets: %s: header %q does not start with n_samples,n_features", name, header)
	}
	classes := fields[2:]
	d, err := parseLabelled(body, nFeatures, func(label int) (int, error) {
		if label < 0 || label >= len(classes) {
			return 0, fmt.Errorf("label %d outside 0..%d", label, len(classes)-1)
		}
		return label, nil
	})
	if err != nil {
		return nil, fmt.Errorf("datasets: %s: %w", name, err)
	}
	if len(d.X) != nSamples {
		return nil, fmt.Errorf("datasets: %s: %d rows, header says %d", name, len(d.X), nSamples)
	}
	if len(featureNames) != nFeatures {
		panic(fmt.Sprintf("datasets: %s: %d feature names for %d features", name, len(featureNames), nFeatures))
	}
	d.FeatureNames = slices.Clone(featureNames)
	d.ClassNames = classes
	return d, nil
}

// parseLabelled reads rows of nFeatures numbers followed by an integer label,
// which mapLabel turns into a class index.
func parseLabelled(text []byte, nFeatures int, mapLabel func(int) (int, error)) (*Dataset, error) {
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = nFeatures + 1
	r.ReuseRecord = true
	d := &Dataset{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		row := make([]float64, nFeatures)
		for j := range row {
			if row[j], err = parseFinite(rec[j]); err != nil {
				line, col := r.FieldPos(j)
				return nil, fmt.Errorf("line %d, column %d: %w", line, col, err)
			}
		}
		raw, err := parseLabel(rec[nFeatures])
		if err != nil {
			line, _ := r.FieldPos(nFeatures)
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		label, err := mapLabel(raw)
		if err != nil {
			line, _ := r.FieldPos(nFeatures)
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		d.X = append(d.X, row)
		d.Y = append(d.Y, label)
	}
	return d, nil
}

// parseLabel accepts integers written either plainly or in float notation
// ("1", "-1", "1.000000000000000000e+00").
func parseLabel(s string) (int, error) {
	if v, err := strconv.Atoi(s); err == nil {
		return v, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != float64(int(f)) {
		return 0, fmt.Errorf("label %q is not an integer", s)
	}
	return int(f), nil
}

func pixelNames(side int) []string {
	names := make([]string, 0, side*side)
	for r := range side {
		for c := range side {
			names = append(names, fmt.Sprintf("pixel_%d_%d", r, c))
		}
	}
	return names
}
