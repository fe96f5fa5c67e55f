package qkan

import (
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/qmlkit/qmlkit/nn"
)

// sincCurves collects each model's fit of sin(20x)/(20x) on a fine grid.
type sincCurves struct {
	names  []string
	curves []plotter.XYs
}

const sincGrid = 400

func sincX(k int) float64 { return -1 + 2*float64(k)/float64(sincGrid-1) }

func (s *sincCurves) add(name string, model nn.Layer) error {
	x := nn.NewMatrix(sincGrid, 1)
	for k := range x.Data {
		x.Data[k] = sincX(k)
	}
	y, err := nn.Predict(model, x)
	if err != nil {
		return fmt.Errorf("sinc plot: %s: %w", name, err)
	}
	xy := make(plotter.XYs, sincGrid)
	for k := range xy {
		xy[k].X, xy[k].Y = x.Data[k], y.Data[k]
	}
	s.names = append(s.names, name)
	s.curves = append(s.curves, xy)
	return nil
}

func (s *sincCurves) save(dir string) (string, error) {
	p := plot.New()
	p.Title.Text = "sin(20x)/(20x): target and fits"
	p.X.Label.Text = "x"
	p.Y.Label.Text = "f(x)"
	p.Legend.Top = true
	target := make(plotter.XYs, sincGrid)
	for k := range target {
		x := sincX(k)
		target[k].X, target[k].Y = x, 1
		if x != 0 {
			target[k].Y = math.Sin(20*x) / (20 * x)
		}
	}
	palette := []color.RGBA{{0, 0, 0, 255}, {214, 39, 40, 255}, {31, 119, 180, 255}, {44, 160, 44, 255}, {255, 127, 14, 255}, {148, 103, 189, 255}}
	names := append([]string{"target"}, s.names...)
	curves := append([]plotter.XYs{target}, s.curves...)
	for k, c := range curves {
		l, err := plotter.NewLine(c)
		if err != nil {
			return "", err
		}
		l.Color = palette[k%len(palette)]
		l.Width = vg.Points(1)
		if k == 0 {
			l.Width = vg.Points(2)
		}
		p.Add(l)
		p.Legend.Add(names[k], l)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "qkan-regression-sinc.png")
	if err := p.Save(7*vg.Inch, 4*vg.Inch, path); err != nil {
		return "", fmt.Errorf("sinc plot: %w", err)
	}
	return path, nil
}
