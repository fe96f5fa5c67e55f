package repro

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"
)

// Options are the knobs every reproduction accepts.
type Options struct {
	// Quick selects CI-friendly sizes: the whole tour of every reproduction
	// must finish in under three minutes on two cores.
	Quick bool
	// Seed is the base seed; a reproduction derives all its randomness from it.
	Seed uint64
	// PlotDir, when not empty, is a directory where figures are written as PNG.
	PlotDir string
	// Progress receives one-line progress messages (stderr in the CLI). Never nil
	// when called from the CLI; use Options.Logf, which tolerates nil.
	Progress io.Writer
}

// Logf writes one progress line, if a progress writer is set.
func (o Options) Logf(format string, args ...any) {
	if o.Progress == nil {
		return
	}
	fmt.Fprintf(o.Progress, format+"\n", args...)
}

// Reproduction is one entry of the registry.
type Reproduction struct {
	// Name is the registry key, e.g. "adhoc" or "cbe-jeans".
	Name string
	// Title says in one line what is reproduced.
	Title string
	// Paper is the citation of the reproduced work.
	Paper string
	// Run performs the reproduction. It must honour ctx cancellation between
	// expensive steps and return an error rather than partial silent results.
	Run func(ctx context.Context, opts Options) (*Result, error)
}

// Result is what a reproduction reports. Its JSON form is
// {"name":…, "metrics":{…}, "paper":{…}}, with metrics nested by case or seed
// and then by model or solver, as each reproduction's README documents.
type Result struct {
	Name    string         `json:"name"`
	Metrics map[string]any `json:"metrics"`
	Paper   map[string]any `json:"paper"`
	// Checks compare our numbers with expected (published or computed) ones.
	Checks []Check `json:"checks,omitempty"`
	// Text is the human-readable report (tables) printed without --json.
	Text string `json:"-"`
}

// Check is one number compared with its expected value.
type Check struct {
	Name string  `json:"name"`
	Got  float64 `json:"got"`
	Want float64 `json:"want"`
	// Tol is the allowed deviation; Relative makes it a fraction of |Want|.
	Tol      float64 `json:"tol"`
	Relative bool    `json:"relative,omitempty"`
	// AtLeast turns the check into Got >= Want - Tol (for accuracies and
	// other numbers where more is fine).
	AtLeast bool `json:"at_least,omitempty"`
	OK      bool `json:"ok"`
}

// NewCheck builds a check and evaluates it.
func NewCheck(name string, got, want, tol float64, relative bool) Check {
	c := Check{Name: name, Got: got, Want: want, Tol: tol, Relative: relative}
	c.OK = c.eval()
	return c
}

// NewAtLeast builds a one-sided check got >= want - tol and evaluates it.
func NewAtLeast(name string, got, want, tol float64) Check {
	c := Check{Name: name, Got: got, Want: want, Tol: tol, AtLeast: true}
	c.OK = c.eval()
	return c
}

func (c Check) eval() bool {
	if math.IsNaN(c.Got) || math.IsInf(c.Got, 0) {
		return false
	}
	tol := c.Tol
	if c.Relative {
		tol *= math.Abs(c.Want)
	}
	if c.AtLeast {
		return c.Got >= c.Want-tol
	}
	return math.Abs(c.Got-c.Want) <= tol
}

// String renders the check as one table row.
func (c Check) String() string {
	status := "ok"
	if !c.OK {
		status = "FAIL"
	}
	op := "±"
	if c.AtLeast {
		op = "≥ want −"
	}
	tol := fmt.Sprintf("%.3g", c.Tol)
	if c.Relative {
		tol = fmt.Sprintf("%.3g%%", 100*c.Tol)
	}
	return fmt.Sprintf("%-44s got %-14.8g want %-14.8g %s %-8s %s", c.Name, c.Got, c.Want, op, tol, status)
}

// Failed lists the checks that did not hold.
func (r *Result) Failed() []Check {
	var bad []Check
	for _, c := range r.Checks {
		if !c.OK {
			bad = append(bad, c)
		}
	}
	return bad
}

// Table renders rows as an aligned text table with a header.
func Table(header []string, rows [][]string) string {
	width := make([]int, len(header))
	for i, h := range header {
		width[i] = len([]rune(h))
	}
	for _, r := range rows {
		for i, cell := range r {
			if i < len(width) && len([]rune(cell)) > width[i] {
				width[i] = len([]rune(cell))
			}
		}
	}
	var b strings.Builder
	line := func(cells []string) {
		for i, cell := range cells {
			if i >= len(width) {
				break
			}
			pad := width[i] - len([]rune(cell))
			b.WriteString(cell)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", pad+2))
			}
		}
		b.WriteByte('\n')
	}
	line(header)
	sep := make([]string, len(header))
	for i := range sep {
		sep[i] = strings.Repeat("-", width[i])
	}
	line(sep)
	for _, r := range rows {
		line(r)
	}
	return b.String()
}
