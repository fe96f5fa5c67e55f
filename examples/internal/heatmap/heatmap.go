// Package heatmap draws kernel matrices as PNG heat maps with gonum/plot,
// for the quantum-kernel reproductions (examples/havlicek, iris, covariant,
// embedding). Row 0 is drawn at the top, like a printed matrix.
package heatmap

import (
	"fmt"
	"os"
	"path/filepath"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// grid adapts a matrix to plotter.GridXYZ with row 0 on top.
type grid struct{ m mat.Matrix }

func (g grid) Dims() (c, r int) {
	r, c = g.m.Dims()
	return c, r
}

func (g grid) Z(c, r int) float64 {
	rows, _ := g.m.Dims()
	return g.m.At(rows-1-r, c)
}

func (g grid) X(c int) float64 { return float64(c) }
func (g grid) Y(r int) float64 { return float64(r) }

// Save writes k as dir/name (a PNG) with the given title; values are
// coloured on [0, 1], the range of fidelity and projected kernels.
func Save(dir, name, title string, k mat.Matrix) (string, error) {
	r, c := k.Dims()
	if r < 2 || c < 2 {
		return "", fmt.Errorf("heatmap: %s: a %d×%d matrix is too small to draw", name, r, c)
	}
	pal := moreland.SmoothBlueRed()
	pal.SetMin(0)
	pal.SetMax(1)
	hm := plotter.NewHeatMap(grid{k}, pal.Palette(64))
	hm.Min, hm.Max = 0, 1
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = "column"
	p.Y.Label.Text = fmt.Sprintf("row (0 at the top, %d rows)", r)
	p.Add(hm)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, name)
	if err := p.Save(5*vg.Inch, 5*vg.Inch, path); err != nil {
		return "", fmt.Errorf("heatmap: %s: %w", name, err)
	}
	return path, nil
}
