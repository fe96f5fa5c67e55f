package qkan

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/nn"
)

// regTask is one function-fitting problem. Inputs are drawn uniformly from
// ranges and mapped linearly to [−1, 1] before any model sees them.
type regTask struct {
	name    string
	formula string
	vars    []string
	ranges  [][2]float64
	f       func(v []float64) float64
	// widths is the QKAN/KAN topology; the MLP gets a matched size.
	widths []int
}

// regressionTasks are the reference demos and five equations of the KAN
// paper's Feynman suite (formulas and ranges as in its dataset table; I.9.18
// in the dimensionless form a/((b−1)²+(c−d)²+(e−f)²) the KAN paper uses,
// with ranges chosen here so the denominator stays ≥ 4.25).
func regressionTasks() []regTask {
	const twoPi = 2 * math.Pi
	return []regTask{
		{
			name: "sinc", formula: "sin(20x)/(20x)", vars: []string{"x"},
			ranges: [][2]float64{{-1, 1}},
			f: func(v []float64) float64 {
				if v[0] == 0 {
					return 1
				}
				return math.Sin(20*v[0]) / (20 * v[0])
			},
			widths: []int{1, 1},
		},
		{
			name: "exp-sin", formula: "exp(sin(πx) + y²)", vars: []string{"x", "y"},
			ranges: [][2]float64{{-1, 1}, {-1, 1}},
			f:      func(v []float64) float64 { return math.Exp(math.Sin(math.Pi*v[0]) + v[1]*v[1]) },
			widths: []int{2, 5, 1},
		},
		{
			name: "I.6.20", formula: "exp(−θ²/(2σ²))/√(2πσ²)", vars: []string{"θ", "σ"},
			ranges: [][2]float64{{-1, 1}, {0.5, 2}},
			f: func(v []float64) float64 {
				return math.Exp(-v[0]*v[0]/(2*v[1]*v[1])) / math.Sqrt(2*math.Pi*v[1]*v[1])
			},
			widths: []int{2, 5, 1},
		},
		{
			name: "I.9.18", formula: "a/((b−1)² + (c−d)² + (e−f)²)", vars: []string{"a", "b", "c", "d", "e", "f"},
			ranges: [][2]float64{{-1, 1}, {-1, -0.5}, {-1, -0.5}, {0.5, 1}, {-1, -0.5}, {0.5, 1}},
			f: func(v []float64) float64 {
				return v[0] / ((v[1]-1)*(v[1]-1) + (v[2]-v[3])*(v[2]-v[3]) + (v[4]-v[5])*(v[4]-v[5]))
			},
			widths: []int{6, 5, 1},
		},
		{
			name: "I.12.11", formula: "q·(E + B·v·sin θ)", vars: []string{"q", "E", "B", "v", "θ"},
			ranges: [][2]float64{{-1, 1}, {-1, 1}, {-1, 1}, {-1, 1}, {0, twoPi}},
			f:      func(v []float64) float64 { return v[0] * (v[1] + v[2]*v[3]*math.Sin(v[4])) },
			widths: []int{5, 5, 1},
		},
		{
			name: "I.14.3", formula: "m·g·z", vars: []string{"m", "g", "z"},
			ranges: [][2]float64{{0, 1}, {0, 1}, {-1, 1}},
			f:      func(v []float64) float64 { return v[0] * v[1] * v[2] },
			widths: []int{3, 5, 1},
		},
		{
			name: "I.26.2", formula: "arcsin(n·sin θ₂)", vars: []string{"n", "θ₂"},
			ranges: [][2]float64{{0, 0.99}, {0, twoPi}},
			f:      func(v []float64) float64 { return math.Asin(v[0] * math.Sin(v[1])) },
			widths: []int{2, 5, 1},
		},
	}
}

// sample draws n points of the task: the model inputs (scaled to [−1, 1])
// and the targets f(raw inputs).
func (t regTask) sample(n int, rng *rand.Rand) (nn.Dataset, error) {
	d := len(t.ranges)
	x, y := nn.NewMatrix(n, d), nn.NewMatrix(n, 1)
	raw := make([]float64, d)
	for r := 0; r < n; r++ {
		for c, rg := range t.ranges {
			u := rng.Float64()
			raw[c] = rg[0] + u*(rg[1]-rg[0])
			x.Data[r*d+c] = 2*u - 1
		}
		y.Data[r] = t.f(raw)
	}
	ds, err := nn.NewDataset(x, y)
	if err != nil {
		return nn.Dataset{}, fmt.Errorf("task %s: %w", t.name, err)
	}
	return ds, nil
}

// rangeText renders the input ranges, e.g. "θ∈[−1, 1], σ∈[0.5, 2]".
func (t regTask) rangeText() string {
	s := ""
	for k, rg := range t.ranges {
		if k > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s∈[%s, %s]", t.vars[k], num(rg[0]), num(rg[1]))
	}
	return s
}

func num(v float64) string {
	if math.Abs(v-2*math.Pi) < 1e-12 {
		return "2π"
	}
	return fmt.Sprintf("%g", v)
}
