package qasm

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/qmlkit/qmlkit/circuits"
)

// v3Base spells uncontrolled base gates with stdgates.inc names, the
// built-in U (whose OpenQASM 3 matrix is qelib1's u3), modifiers, and gates
// the writer defines (v3Defs).
var v3Base = map[circuits.Gate]string{
	circuits.I: "id", circuits.X: "x", circuits.Y: "y", circuits.Z: "z", circuits.H: "h",
	circuits.S: "s", circuits.Sdg: "sdg", circuits.T: "t", circuits.Tdg: "tdg",
	circuits.SX: "sx", circuits.SXdg: "inv @ sx",
	circuits.RX: "rx", circuits.RY: "ry", circuits.RZ: "rz", circuits.P: "p", circuits.U: "U",
	circuits.SWAP: "swap", circuits.ISWAP: "iswap",
	circuits.RXX: "rxx", circuits.RYY: "ryy", circuits.RZZ: "rzz", circuits.RZX: "rzx",
	circuits.Unitary: "U",
}

// v3Controlled are the stdgates.inc names of controlled gates; other
// controlled gates are written with the ctrl modifier.
var v3Controlled = map[gateKey]string{
	{circuits.X, 1}: "cx", {circuits.X, 2}: "ccx", {circuits.Y, 1}: "cy", {circuits.Z, 1}: "cz",
	{circuits.H, 1}: "ch", {circuits.P, 1}: "cp", {circuits.RX, 1}: "crx", {circuits.RY, 1}: "cry",
	{circuits.RZ, 1}: "crz", {circuits.SWAP, 1}: "cswap",
}

// v3DefOrder and v3Defs are the gates the V3 writer defines when used,
// exact including the global phase, in terms of stdgates.inc.
var v3DefOrder = []string{"iswap", "rxx", "ryy", "rzz", "rzx"}

var v3Defs = map[string]string{
	"iswap": "gate iswap a, b { s a; s b; h a; cx a, b; cx b, a; h b; }",
	"rxx":   "gate rxx(theta) a, b { h a; h b; cx a, b; rz(theta) b; cx a, b; h a; h b; }",
	"ryy":   "gate ryy(theta) a, b { rx(pi/2) a; rx(pi/2) b; cx a, b; rz(theta) b; cx a, b; rx(-pi/2) a; rx(-pi/2) b; }",
	"rzz":   "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }",
	"rzx":   "gate rzx(theta) a, b { h b; cx a, b; rz(theta) b; cx a, b; h b; }",
}

// v3Reserved are names a V3 register or input must not take: keywords,
// built-in constants and functions, and every gate name the file may use.
var v3Reserved = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`OPENQASM include input output const let def gate extern box cal
		defcal defcalgrammar for in while if else end return break continue switch case default
		barrier measure reset delay gphase ctrl negctrl inv pow qubit qreg creg bit int uint float
		angle bool complex duration stretch array void mutable readonly durationof sizeof true false
		pi tau euler im U CX opaque pragma sin cos tan arcsin arccos arctan exp log sqrt ceiling floor
		mod popcount rotl rotr real imag p x y z h s sdg t tdg sx rx ry rz cx cy cz cp crx cry crz ch
		swap ccx cswap cu phase cphase id u1 u2 u3`) {
		m[w] = true
	}
	for _, w := range v3DefOrder {
		m[w] = true
	}
	return m
}()

func validV3Name(s string) bool { return identifier(s) && !v3Reserved[s] }

// spellV3 returns the gate text (modifiers and name) for a unitary op, and
// for a 1-qubit Unitary its angles and phase.
func spellV3(op circuits.Op) (name string, angles []float64, phase float64, err error) {
	if op.Gate == circuits.Unitary {
		if len(op.Targets) != 1 {
			return "", nil, 0, fmt.Errorf("a %d-qubit unitary matrix has no exact OpenQASM 3.0 form; decompose it into gates first", len(op.Targets))
		}
		theta, phi, lambda, gamma := zyz(op.Matrix)
		angles, phase = []float64{theta, phi, lambda}, gamma
	}
	k := len(op.Controls)
	if n, ok := v3Controlled[gateKey{op.Gate, k}]; ok {
		return n, angles, phase, nil
	}
	return ctrlPrefix(k) + v3Base[op.Gate], angles, phase, nil
}

func ctrlPrefix(k int) string {
	switch k {
	case 0:
		return ""
	case 1:
		return "ctrl @ "
	}
	return fmt.Sprintf("ctrl(%d) @ ", k)
}

func writeV3(w io.Writer, c *circuits.Circuit) error {
	phase := c.GlobalPhase
	need := map[string]bool{}
	for i, op := range c.Ops {
		if !op.Gate.IsUnitary() {
			continue
		}
		name, _, ph, err := spellV3(op)
		if err != nil {
			return fmt.Errorf("qasm: op %d (%s): %w", i, op.Name(), err)
		}
		if len(op.Controls) == 0 {
			phase += ph
		}
		if _, ok := v3Defs[name]; ok {
			need[name] = true
		}
	}
	taken := map[string]bool{}
	qregs, qubits := layout(c.QRegs, c.NumQubits, "q", validV3Name, taken)
	cregs, clbits := layout(c.CRegs, c.NumClbits, "c", validV3Name, taken)
	inputs := inputNames(c.ParamNames, taken)

	bw := bufio.NewWriter(w)
	bw.WriteString("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n")
	for i, name := range inputs {
		fmt.Fprintf(bw, "input float[64] %s;", name)
		if name != c.ParamNames[i] {
			fmt.Fprintf(bw, " // %s", c.ParamNames[i])
		}
		bw.WriteString("\n")
	}
	for _, name := range v3DefOrder {
		if need[name] {
			bw.WriteString(v3Defs[name] + "\n")
		}
	}
	for _, r := range qregs {
		fmt.Fprintf(bw, "qubit[%d] %s;\n", r.Size, r.Name)
	}
	for _, r := range cregs {
		fmt.Fprintf(bw, "bit[%d] %s;\n", r.Size, r.Name)
	}
	if phase != 0 {
		fmt.Fprintf(bw, "gphase(%s);\n", formatAngle(phase))
	}
	var line strings.Builder
	for _, op := range c.Ops {
		switch op.Gate {
		case circuits.Measure:
			for i, q := range op.Targets {
				fmt.Fprintf(bw, "%s = measure %s;\n", clbits[op.Clbits[i]], qubits[q])
			}
			continue
		case circuits.Reset:
			for _, q := range op.Targets {
				fmt.Fprintf(bw, "reset %s;\n", qubits[q])
			}
			continue
		case circuits.Barrier:
			if len(op.Targets) > 0 {
				fmt.Fprintf(bw, "barrier %s;\n", joinBits(qubits, op.Targets))
			}
			continue
		}
		name, angles, ph, _ := spellV3(op) // checked above
		if ph != 0 && len(op.Controls) > 0 {
			// The phase of a controlled unitary is relative: it acts on the controls.
			fmt.Fprintf(bw, "%sgphase(%s) %s;\n", ctrlPrefix(len(op.Controls)), formatAngle(ph), joinBits(qubits, op.Controls))
		}
		line.Reset()
		line.WriteString(name)
		if angles != nil {
			writeAngles(&line, angles, ", ")
		} else if len(op.Params) > 0 {
			line.WriteString("(")
			for i, p := range op.Params {
				line.WriteString(sep(i, "", ", "))
				line.WriteString(paramText(p, inputs))
			}
			line.WriteString(")")
		}
		line.WriteString(" ")
		line.WriteString(joinBits(qubits, op.Controls))
		if len(op.Controls) > 0 {
			line.WriteString(", ")
		}
		line.WriteString(joinBits(qubits, op.Targets))
		line.WriteString(";\n")
		bw.WriteString(line.String())
	}
	return bw.Flush()
}

func joinBits(labels []string, bits []int) string {
	parts := make([]string, len(bits))
	for i, b := range bits {
		parts[i] = labels[b]
	}
	return strings.Join(parts, ", ")
}

// paramText writes Value + Scale·θ so that evaluating the text gives the
// same float64 as Param.Eval.
func paramText(p circuits.Param, inputs []string) string {
	if !p.Var {
		return formatAngle(p.Value)
	}
	name := inputs[p.Index]
	var s string
	switch p.Scale {
	case 1:
		s = name
	case -1:
		s = "-" + name
	default:
		s = strconv.FormatFloat(p.Scale, 'g', -1, 64) + "*" + name
	}
	switch {
	case p.Value > 0:
		s += " + " + formatAngle(p.Value)
	case p.Value < 0:
		s += " - " + formatAngle(-p.Value)
	}
	return s
}

// inputNames turns parameter names into distinct OpenQASM 3 identifiers:
// other characters become '_' ("x[0]" → "x_0"), and clashes get a suffix.
func inputNames(names []string, taken map[string]bool) []string {
	out := make([]string, len(names))
	for i, n := range names {
		var b strings.Builder
		for _, r := range n {
			if r < 128 && (isLetter(byte(r)) || isDigit(byte(r))) {
				b.WriteRune(r)
			} else {
				b.WriteByte('_')
			}
		}
		s := strings.TrimRight(b.String(), "_")
		if s == "" || isDigit(s[0]) {
			s = "p_" + s
		}
		base := s
		for k := 1; !validV3Name(s) || taken[s]; k++ {
			s = fmt.Sprintf("%s_%d", base, k)
		}
		taken[s] = true
		out[i] = s
	}
	return out
}
