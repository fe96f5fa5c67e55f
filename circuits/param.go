package circuits

import (
	"fmt"
	"math"
	"strconv"
)

// Param is a gate angle: a number, or an affine function Value + Scale·θ[Index]
// of one entry of the circuit's parameter vector θ. Affine references are
// enough for every template and feature map that differentiates through its
// angles (the chain rule needs only Scale), and they invert exactly.
// The zero Param is the number 0.
type Param struct {
	Value float64 // the number, or the offset of an affine reference
	Var   bool    // whether the angle depends on θ[Index]
	Index int     // position in the parameter vector when Var
	Scale float64 // coefficient of θ[Index] when Var
}

// Num returns a numeric parameter.
func Num(v float64) Param { return Param{Value: v} }

// Var returns the parameter θ[i].
func Var(i int) Param { return Param{Var: true, Index: i, Scale: 1} }

// Affine returns the parameter offset + scale·θ[i].
func Affine(i int, scale, offset float64) Param {
	return Param{Var: true, Index: i, Scale: scale, Value: offset}
}

// Nums converts numbers to numeric parameters.
func Nums(vs ...float64) []Param {
	ps := make([]Param, len(vs))
	for i, v := range vs {
		ps[i] = Num(v)
	}
	return ps
}

// Bound reports whether p is a plain number.
func (p Param) Bound() bool { return !p.Var }

// Eval returns the angle for parameter vector theta.
func (p Param) Eval(theta []float64) (float64, error) {
	if !p.Var {
		return p.Value, nil
	}
	if p.Index < 0 || p.Index >= len(theta) {
		return 0, fmt.Errorf("parameter θ[%d] is not bound (%d values given)", p.Index, len(theta))
	}
	v := p.Value + p.Scale*theta[p.Index]
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("parameter θ[%d] evaluates to %v", p.Index, v)
	}
	return v, nil
}

// Neg returns −p.
func (p Param) Neg() Param {
	p.Value, p.Scale = -p.Value, -p.Scale
	return p
}

// Add returns p + c for a number c.
func (p Param) Add(c float64) Param {
	p.Value += c
	return p
}

// finite reports whether the stored numbers are finite.
func (p Param) finite() bool {
	ok := !math.IsNaN(p.Value) && !math.IsInf(p.Value, 0)
	if p.Var {
		ok = ok && !math.IsNaN(p.Scale) && !math.IsInf(p.Scale, 0)
	}
	return ok
}

// format renders p with names for the parameter vector (θ[i] when names is short).
func (p Param) format(names []string) string {
	if !p.Var {
		return formatAngle(p.Value)
	}
	name := fmt.Sprintf("θ[%d]", p.Index)
	if p.Index >= 0 && p.Index < len(names) && names[p.Index] != "" {
		name = names[p.Index]
	}
	s := name
	switch p.Scale {
	case 1:
	case -1:
		s = "-" + name
	default:
		s = strconv.FormatFloat(p.Scale, 'g', -1, 64) + "*" + name
	}
	switch {
	case p.Value > 0:
		s += "+" + strconv.FormatFloat(p.Value, 'g', -1, 64)
	case p.Value < 0:
		s += strconv.FormatFloat(p.Value, 'g', -1, 64)
	}
	return s
}

// formatAngle writes n·π/d (d a power of two up to 8) symbolically when that
// expression evaluates to exactly v, and other numbers with full precision, so
// that parsing the text gives back the same float64.
func formatAngle(v float64) string {
	for den := 1; den <= 8; den *= 2 {
		r := math.Round(v * float64(den) / math.Pi)
		if r != 0 && math.Abs(r) < 64 && r*math.Pi/float64(den) == v {
			n := int(r)
			s := ""
			switch n {
			case 1:
				s = "pi"
			case -1:
				s = "-pi"
			default:
				s = strconv.Itoa(n) + "*pi"
			}
			if den > 1 {
				s += "/" + strconv.Itoa(den)
			}
			return s
		}
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
