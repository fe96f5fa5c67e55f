package bench

import (
	"fmt"
	"image/color"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// WritePlot draws time against qubits on a log scale, one line per backend
// and thread count, with the memory-pass bound (gates × one pass, dense
// backends) and itsubaki/q where timed, and saves it to path (the format
// follows the extension: .png, .svg, .pdf).
func WritePlot(path string, rows []Row) error {
	if len(rows) == 0 {
		return fmt.Errorf("bench: plot: no rows")
	}
	p := plot.New()
	p.Title.Text = fmt.Sprintf("%s circuit: time against qubits", rows[0].Circuit)
	p.X.Label.Text = "qubits"
	p.Y.Label.Text = "seconds"
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = plot.LogTicks{Prec: -1}
	p.Legend.Top = true
	p.Legend.Left = true
	p.Add(plotter.NewGrid())

	series := map[string]plotter.XYs{}
	var names []string
	add := func(name string, x int, y float64) {
		if y <= 0 {
			return
		}
		if _, ok := series[name]; !ok {
			names = append(names, name)
		}
		series[name] = append(series[name], plotter.XY{X: float64(x), Y: y})
	}
	seenIts := map[int]bool{}
	for _, r := range rows {
		if r.Error != "" {
			continue
		}
		add(fmt.Sprintf("%s, %d thread(s)", r.Backend, r.Threads), r.Qubits, r.Seconds)
		if r.PassSeconds > 0 {
			add(fmt.Sprintf("bound: one pass per gate, %d thread(s)", r.Threads), r.Qubits, float64(r.Gates)*r.PassSeconds)
		}
		if r.CompareSeconds > 0 && r.Threads == rows[0].Threads {
			add(r.CompareBackend+", 1 thread", r.Qubits, r.CompareSeconds)
		}
		if r.ItsubakiSeconds > 0 && !seenIts[r.Qubits] {
			seenIts[r.Qubits] = true
			add("itsubaki/q, 1 goroutine", r.Qubits, r.ItsubakiSeconds)
		}
	}
	sort.SliceStable(names, func(i, j int) bool { return names[i] < names[j] })
	palette := []color.Color{
		color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff},
		color.RGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff},
		color.RGBA{R: 0x2c, G: 0xa0, B: 0x2c, A: 0xff},
		color.RGBA{R: 0xff, G: 0x7f, B: 0x0e, A: 0xff},
		color.RGBA{R: 0x94, G: 0x67, B: 0xbd, A: 0xff},
		color.RGBA{R: 0x8c, G: 0x56, B: 0x4b, A: 0xff},
	}
	for i, name := range names {
		line, points, err := plotter.NewLinePoints(series[name])
		if err != nil {
			return fmt.Errorf("bench: plot: %w", err)
		}
		c := palette[i%len(palette)]
		line.Color, points.Color = c, c
		points.Shape = draw.CircleGlyph{}
		if len(name) > 5 && name[:5] == "bound" {
			line.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
		}
		p.Add(line, points)
		p.Legend.Add(name, line, points)
	}
	if err := p.Save(7*vg.Inch, 4.5*vg.Inch, path); err != nil {
		return fmt.Errorf("bench: plot: %w", err)
	}
	return nil
}
