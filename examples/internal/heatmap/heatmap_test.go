package heatmap

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

func TestSave(t *testing.T) {
	dir := t.TempDir()
	k := mat.NewDense(3, 3, []float64{1, 0.2, 0.4, 0.2, 1, 0.6, 0.4, 0.6, 1})
	path, err := Save(dir, "k.png", "test", k)
	require.NoError(t, err)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(b, []byte("\x89PNG")))
	g := grid{k}
	c, r := g.Dims()
	assert.Equal(t, [2]int{3, 3}, [2]int{c, r})
	assert.Equal(t, 0.4, g.Z(0, 0), "bottom-left cell is row 2, column 0")
	_, err = Save(dir, "x.png", "x", mat.NewDense(1, 1, []float64{1}))
	assert.Error(t, err)
}
