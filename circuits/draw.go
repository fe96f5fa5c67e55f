package circuits

import (
	"fmt"
	"strings"
)

// String draws the circuit as text, one line per qubit with qubit 0 on top,
// each op in the earliest column where all the wires it spans are free.
// Controls are ■, an X target of a controlled X is ⊕, a wire crossed by a
// multi-qubit op is ┼, measurements are M, resets |0⟩, barriers ░.
func (c *Circuit) String() string {
	n := c.NumQubits
	if n <= 0 {
		return fmt.Sprintf("<circuit with %d qubits>", n)
	}
	type cell struct {
		col  int
		text []string // per wire from lo to hi
		lo   int
	}
	var cells []cell
	free := make([]int, n) // first free column per wire
	ncol := 0
	for _, op := range c.Ops {
		qs := op.Qubits()
		lo, hi := n, -1
		for _, q := range qs {
			if q < 0 || q >= n {
				continue
			}
			lo, hi = min(lo, q), max(hi, q)
		}
		if hi < 0 {
			continue
		}
		col := 0
		for q := lo; q <= hi; q++ {
			col = max(col, free[q])
		}
		text := make([]string, hi-lo+1)
		for q := lo; q <= hi; q++ {
			text[q-lo] = "┼"
			if op.Gate == Barrier {
				text[q-lo] = ""
			}
		}
		for _, q := range op.Controls {
			if q >= 0 && q < n {
				text[q-lo] = "■"
			}
		}
		label := drawLabel(op, c.ParamNames)
		for i, q := range op.Targets {
			if q < 0 || q >= n {
				continue
			}
			switch {
			case op.Gate == X && len(op.Controls) > 0:
				text[q-lo] = "⊕"
			case op.Gate == SWAP:
				text[q-lo] = "x"
			case op.Gate == Measure:
				text[q-lo] = "M"
				if i < len(op.Clbits) {
					text[q-lo] = fmt.Sprintf("M%d", op.Clbits[i])
				}
			case op.Gate == Barrier:
				text[q-lo] = "░"
			default:
				text[q-lo] = label
			}
		}
		for q := lo; q <= hi; q++ {
			free[q] = col + 1
		}
		ncol = max(ncol, col+1)
		cells = append(cells, cell{col: col, text: text, lo: lo})
	}
	grid := make([][]string, n)
	for q := range grid {
		grid[q] = make([]string, ncol)
	}
	for _, ce := range cells {
		for i, t := range ce.text {
			grid[ce.lo+i][ce.col] = t
		}
	}
	width := make([]int, ncol)
	for col := 0; col < ncol; col++ {
		for q := 0; q < n; q++ {
			width[col] = max(width[col], len([]rune(grid[q][col])))
		}
	}
	name := make([]string, n)
	nameWidth := 0
	for q := 0; q < n; q++ {
		name[q] = fmt.Sprintf("q%d: ", q)
		nameWidth = max(nameWidth, len(name[q]))
	}
	var b strings.Builder
	for q := 0; q < n; q++ {
		b.WriteString(name[q])
		b.WriteString(strings.Repeat(" ", nameWidth-len(name[q])))
		b.WriteString("─")
		for col := 0; col < ncol; col++ {
			t := grid[q][col]
			pad := width[col] - len([]rune(t))
			left := pad / 2
			b.WriteString(strings.Repeat("─", left+1))
			b.WriteString(t)
			b.WriteString(strings.Repeat("─", pad-left+1))
		}
		b.WriteString("─\n")
	}
	return b.String()
}

// drawLabel is the box text of a gate: its name in upper case and its angles.
func drawLabel(op Op, names []string) string {
	base := strings.ToUpper(op.Gate.String())
	switch op.Gate {
	case Unitary:
		base = "Unitary"
	case Reset:
		return "|0⟩"
	case I:
		base = "I"
	}
	if len(op.Params) == 0 {
		return base
	}
	ps := make([]string, len(op.Params))
	for i, p := range op.Params {
		ps[i] = p.format(names)
	}
	return base + "(" + strings.Join(ps, ",") + ")"
}
