package cbe

import (
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/qmlkit/qmlkit/cbe"
)

// snapshot is f on the grid at time t.
type snapshot struct {
	t float64
	f []complex128
}

// phaseSpace adapts Re f on the grid to plotter.GridXYZ (columns x, rows v).
type phaseSpace struct {
	g  cbe.Grid
	f  []complex128
	xs []float64
	vs []float64
}

func (p phaseSpace) Dims() (c, r int)   { return p.g.Nx, p.g.Nv }
func (p phaseSpace) Z(c, r int) float64 { return real(p.f[c+p.g.Nx*r]) }
func (p phaseSpace) X(c int) float64    { return p.xs[c] }
func (p phaseSpace) Y(r int) float64    { return p.vs[r] }

// savePhaseSpace writes one heat map of Re f(x, v) per snapshot as
// DIR/NAME-tT.png and returns the paths.
func savePhaseSpace(dir, name, title string, g cbe.Grid, snaps []snapshot) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, s := range snaps {
		p := plot.New()
		p.Title.Text = fmt.Sprintf("%s: Re f(x, v) at t = %.3g", title, s.t)
		p.X.Label.Text = "x"
		p.Y.Label.Text = "v"
		hm := plotter.NewHeatMap(phaseSpace{g: g, f: s.f, xs: g.XPoints(), vs: g.VPoints()}, palette.Heat(64, 1))
		hm.Rasterized = true
		p.Add(hm)
		path := filepath.Join(dir, fmt.Sprintf("%s-t%.3g.png", name, s.t))
		if err := p.Save(6*vg.Inch, 5*vg.Inch, path); err != nil {
			return nil, fmt.Errorf("phase-space plot: %w", err)
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// curve is one line of a semilog plot.
type curve struct {
	name   string
	t, y   []float64
	dashed bool
}

var curveColors = []color.RGBA{{0, 0, 0, 255}, {214, 39, 40, 255}, {31, 119, 180, 255}, {44, 160, 44, 255}, {255, 127, 14, 255}, {148, 103, 189, 255}, {140, 86, 75, 255}}

// saveSemilog plots the curves with a logarithmic y axis (non-positive
// values dropped) to DIR/NAME.png.
func saveSemilog(dir, name, title, ylabel string, curves []curve) (string, error) {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = "t"
	p.Y.Label.Text = ylabel
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = plot.LogTicks{Prec: 1}
	p.Legend.Top = false
	p.Legend.Left = false
	for k, c := range curves {
		var xy plotter.XYs
		for i, y := range c.y {
			if y > 0 && !math.IsInf(y, 0) {
				xy = append(xy, plotter.XY{X: c.t[i], Y: y})
			}
		}
		if len(xy) == 0 {
			continue
		}
		l, err := plotter.NewLine(xy)
		if err != nil {
			return "", err
		}
		l.Color = curveColors[k%len(curveColors)]
		l.Width = vg.Points(1.2)
		if c.dashed {
			l.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		}
		p.Add(l)
		p.Legend.Add(c.name, l)
	}
	return savePlot(p, dir, name)
}

// saveShotErrors plots |relative growth-rate error| against shots,
// log-log, one point per run, with the 5 % acceptance line.
func saveShotErrors(dir, name string, shots, relErr []float64) (string, error) {
	p := plot.New()
	p.Title.Text = "J-1 growth rate from shot readout: error against shots"
	p.X.Label.Text = "shots per circuit per step"
	p.Y.Label.Text = "|γ_shots/γ_theory − 1|"
	p.Legend.Top = true
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	p.X.Tick.Marker, p.Y.Tick.Marker = plot.LogTicks{Prec: 1}, plot.LogTicks{Prec: 1}
	var pts plotter.XYs
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, s := range shots {
		e := math.Max(math.Abs(relErr[i]), 1e-6)
		pts = append(pts, plotter.XY{X: s, Y: e})
		lo, hi = math.Min(lo, s), math.Max(hi, s)
	}
	sc, err := plotter.NewScatter(pts)
	if err != nil {
		return "", err
	}
	sc.Color = curveColors[1]
	p.Add(sc)
	p.Legend.Add("runs (one per seed)", sc)
	limit, err := plotter.NewLine(plotter.XYs{{X: lo, Y: 0.05}, {X: hi, Y: 0.05}})
	if err != nil {
		return "", err
	}
	limit.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
	p.Add(limit)
	p.Legend.Add("5 % acceptance", limit)
	return savePlot(p, dir, name)
}

func savePlot(p *plot.Plot, dir, name string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, name+".png")
	if err := p.Save(7*vg.Inch, 4.5*vg.Inch, path); err != nil {
		return "", fmt.Errorf("%s plot: %w", name, err)
	}
	return path, nil
}
