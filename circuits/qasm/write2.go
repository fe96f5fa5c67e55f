package qasm

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/qmlkit/qmlkit/circuits"
)

// v2Names spells base gate + controls with qelib1.inc names, and with the
// extra gates the writer defines in the file (extraDefs).
var v2Names = map[gateKey]string{
	{circuits.I, 0}:     "id",
	{circuits.X, 0}:     "x",
	{circuits.X, 1}:     "cx",
	{circuits.X, 2}:     "ccx",
	{circuits.X, 3}:     "c3x",
	{circuits.X, 4}:     "c4x",
	{circuits.Y, 0}:     "y",
	{circuits.Y, 1}:     "cy",
	{circuits.Z, 0}:     "z",
	{circuits.Z, 1}:     "cz",
	{circuits.Z, 2}:     "ccz",
	{circuits.H, 0}:     "h",
	{circuits.H, 1}:     "ch",
	{circuits.S, 0}:     "s",
	{circuits.S, 1}:     "cs",
	{circuits.Sdg, 0}:   "sdg",
	{circuits.Sdg, 1}:   "csdg",
	{circuits.T, 0}:     "t",
	{circuits.Tdg, 0}:   "tdg",
	{circuits.SX, 0}:    "sx",
	{circuits.SX, 1}:    "csx",
	{circuits.SX, 3}:    "c3sqrtx",
	{circuits.SXdg, 0}:  "sxdg",
	{circuits.RX, 0}:    "rx",
	{circuits.RX, 1}:    "crx",
	{circuits.RY, 0}:    "ry",
	{circuits.RY, 1}:    "cry",
	{circuits.RZ, 0}:    "rz",
	{circuits.RZ, 1}:    "crz",
	{circuits.P, 0}:     "p",
	{circuits.P, 1}:     "cp",
	{circuits.U, 0}:     "u3",
	{circuits.U, 1}:     "cu3",
	{circuits.SWAP, 0}:  "swap",
	{circuits.SWAP, 1}:  "cswap",
	{circuits.ISWAP, 0}: "iswap",
	{circuits.RXX, 0}:   "rxx",
	{circuits.RYY, 0}:   "ryy",
	{circuits.RZZ, 0}:   "rzz",
	{circuits.RZX, 0}:   "rzx",
}

// v2Reserved are names a V2 register must not take: keywords and every gate
// name the reader knows after include "qelib1.inc".
var v2Reserved = func() map[string]bool {
	m := map[string]bool{"U": true, "CX": true}
	for k := range keywords {
		m[k] = true
	}
	for k := range qelib1Gates {
		m[k] = true
	}
	return m
}()

func validV2Name(s string) bool {
	return identifier(s) && s[0] >= 'a' && s[0] <= 'z' && !v2Reserved[s]
}

// spelling is how one op is written.
type spelling struct {
	name   string
	params []float64
	phase  float64 // global phase the written gate leaves out
}

// spellV2 finds the qelib1 (or extra) name and angles for op.
func spellV2(op circuits.Op) (spelling, error) {
	switch op.Gate {
	case circuits.Measure, circuits.Reset, circuits.Barrier:
		return spelling{name: op.Gate.String()}, nil
	case circuits.Unitary:
		if len(op.Targets) != 1 {
			return spelling{}, fmt.Errorf("a %d-qubit unitary matrix has no exact OpenQASM 2.0 form; decompose it into gates first", len(op.Targets))
		}
		theta, phi, lambda, gamma := zyz(op.Matrix)
		switch len(op.Controls) {
		case 0:
			return spelling{name: "u3", params: []float64{theta, phi, lambda}, phase: gamma}, nil
		case 1:
			return spelling{name: "cu", params: []float64{theta, phi, lambda, gamma}}, nil
		}
		return spelling{}, fmt.Errorf("a 1-qubit unitary with %d controls cannot be expressed exactly in OpenQASM 2.0; use V3", len(op.Controls))
	}
	name, ok := v2Names[gateKey{op.Gate, len(op.Controls)}]
	if !ok {
		return spelling{}, fmt.Errorf("%v with %d control%s has no qelib1.inc name and cannot be expressed exactly in OpenQASM 2.0; use V3",
			op.Gate, len(op.Controls), plural(len(op.Controls)))
	}
	if !op.Bound() {
		return spelling{}, fmt.Errorf("%w: OpenQASM 2.0 has no free parameters; bind the circuit or use V3", circuits.ErrUnbound)
	}
	s := spelling{name: name}
	for _, p := range op.Params {
		s.params = append(s.params, p.Value)
	}
	return s, nil
}

func (o WriteOptions) writeV2(w io.Writer, c *circuits.Circuit) error {
	phase := c.GlobalPhase
	need := map[string]bool{}
	for i, op := range c.Ops {
		s, err := spellV2(op)
		if err != nil {
			return fmt.Errorf("qasm: op %d (%s): %w", i, op.Name(), err)
		}
		phase += s.phase
		if _, ok := extraDefs[s.name]; ok {
			need[s.name] = true
		}
	}
	if !o.DropGlobalPhase && !zeroPhase(phase) {
		return fmt.Errorf("qasm: the circuit has global phase %v (including the phases of 1-qubit unitaries): %w; use V3 or WriteOptions{DropGlobalPhase: true}",
			phase, ErrGlobalPhase)
	}
	taken := map[string]bool{}
	qregs, qubits := layout(c.QRegs, c.NumQubits, "q", validV2Name, taken)
	cregs, clbits := layout(c.CRegs, c.NumClbits, "c", validV2Name, taken)

	bw := bufio.NewWriter(w)
	bw.WriteString("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n")
	for _, name := range extraOrder {
		if need[name] {
			bw.WriteString(extraDefs[name] + "\n")
		}
	}
	for _, r := range qregs {
		fmt.Fprintf(bw, "qreg %s[%d];\n", r.Name, r.Size)
	}
	for _, r := range cregs {
		fmt.Fprintf(bw, "creg %s[%d];\n", r.Name, r.Size)
	}
	var line strings.Builder
	for _, op := range c.Ops {
		switch op.Gate {
		case circuits.Measure:
			for i, q := range op.Targets {
				fmt.Fprintf(bw, "measure %s -> %s;\n", qubits[q], clbits[op.Clbits[i]])
			}
			continue
		case circuits.Reset:
			for _, q := range op.Targets {
				fmt.Fprintf(bw, "reset %s;\n", qubits[q])
			}
			continue
		case circuits.Barrier:
			if len(op.Targets) == 0 {
				continue // a barrier on no qubits has no effect and no syntax
			}
		}
		s, _ := spellV2(op) // checked above
		line.Reset()
		line.WriteString(s.name)
		writeAngles(&line, s.params, ",")
		for i, q := range op.Controls {
			line.WriteString(sep(i, " ", ","))
			line.WriteString(qubits[q])
		}
		for i, q := range op.Targets {
			line.WriteString(sep(i+len(op.Controls), " ", ","))
			line.WriteString(qubits[q])
		}
		line.WriteString(";\n")
		bw.WriteString(line.String())
	}
	return bw.Flush()
}

// writeAngles writes "(a,b,c)" with the given separator, or nothing.
func writeAngles(b *strings.Builder, ps []float64, separator string) {
	if len(ps) == 0 {
		return
	}
	b.WriteString("(")
	for i, v := range ps {
		if i > 0 {
			b.WriteString(separator)
		}
		b.WriteString(formatAngle(v))
	}
	b.WriteString(")")
}

// sep returns first before the first item and rest before the others.
func sep(i int, first, rest string) string {
	if i == 0 {
		return first
	}
	return rest
}
