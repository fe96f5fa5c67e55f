package qasm

import (
	"slices"
)

func (p *parser) gateDefinition() *Error {
	kwOff := p.tok.off
	if err := p.advance(); err != nil {
		return err
	}
	nameTok := p.tok
	if nameTok.kind != tIdent {
		return p.errAt(nameTok.off, "expected a gate name after 'gate', found %s", nameTok.describe())
	}
	name := nameTok.text
	if g, ok := p.gates[name]; ok {
		switch {
		case g.off >= 0:
			return p.errAt(nameTok.off, "gate %q already defined at %s", name, p.where(g.off))
		case !g.bi.extra:
			return p.errAt(nameTok.off, "gate %q is built in and cannot be redefined", name)
		}
	}
	if r, ok := p.regs[name]; ok {
		return p.errAt(nameTok.off, "cannot define gate %q: the name is a register declared at %s", name, p.where(r.off))
	}
	if err := p.advance(); err != nil {
		return err
	}
	d := &gateDef{name: name}
	if p.tok.kind == tLParen {
		if err := p.advance(); err != nil {
			return err
		}
		if p.tok.kind != tRParen {
			var err *Error
			if d.params, err = p.identList("parameter name"); err != nil {
				return err
			}
		}
		if _, err := p.expect(tRParen, "')' after the parameter names"); err != nil {
			return err
		}
	}
	if p.tok.kind != tIdent {
		return p.errAt(p.tok.off, "gate %s needs at least one qubit argument, found %s", name, p.tok.describe())
	}
	var err *Error
	if d.qubits, err = p.identList("qubit argument"); err != nil {
		return err
	}
	if _, err := p.expect(tLBrace, "'{' to open the gate body"); err != nil {
		return err
	}
	cost := int64(0)
	for p.tok.kind != tRBrace {
		st, stCost, err := p.bodyStatement(d)
		if err != nil {
			return err
		}
		d.body = append(d.body, st)
		cost = satAdd(cost, stCost)
	}
	if err := p.advance(); err != nil {
		return err
	}
	g := &gateEntry{name: name, params: len(d.params), qubits: len(d.qubits), def: d, cost: max(cost, 1), off: kwOff}
	if b, ok := qelib1Gates[name]; ok && b.extra && p.qelib && p.recognize &&
		b.params == g.params && b.qubits == g.qubits && canonBody(d) == canonicalExtras[name] {
		g.bi, g.def, g.cost = b, nil, b.ops
	}
	p.gates[name] = g
	return nil
}

// identList parses distinct comma-separated identifiers.
func (p *parser) identList(what string) ([]string, *Error) {
	var names []string
	for {
		t := p.tok
		if t.kind != tIdent {
			return nil, p.errAt(t.off, "expected a %s, found %s", what, t.describe())
		}
		if slices.Contains(names, t.text) {
			return nil, p.errAt(t.off, "%s %q repeated", what, t.text)
		}
		names = append(names, t.text)
		if err := p.advance(); err != nil {
			return nil, err
		}
		if p.tok.kind != tComma {
			return names, nil
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
	}
}

// bodyStatement parses one statement of the body of d and returns it with
// the expansion cost it adds to each application of d.
func (p *parser) bodyStatement(d *gateDef) (bodyStmt, int64, *Error) {
	t := p.tok
	switch t.kind {
	case kwBarrier:
		if err := p.advance(); err != nil {
			return bodyStmt{}, 0, err
		}
		args, err := p.formalArgs(d, true)
		if err != nil {
			return bodyStmt{}, 0, err
		}
		if err := p.expectSemi("barrier"); err != nil {
			return bodyStmt{}, 0, err
		}
		return bodyStmt{args: args}, int64(len(args)), nil
	case tIdent:
	case tEOF:
		return bodyStmt{}, 0, p.errAt(t.off, "gate %s: body is not closed with '}' before the end of input", d.name)
	case kwMeasure, kwReset, kwIf, kwGate, kwOpaque, kwQreg, kwCreg, kwInclude, kwOPENQASM:
		return bodyStmt{}, 0, p.errAt(t.off, "%s is not allowed inside a gate definition", t.text)
	default:
		return bodyStmt{}, 0, p.errAt(t.off, "expected a gate call, barrier or '}' in the body of gate %s, found %s", d.name, t.describe())
	}
	if t.text == d.name {
		return bodyStmt{}, 0, p.errAt(t.off, "gate %s uses itself: recursive definitions are not allowed (a gate may use only gates defined before it)", d.name)
	}
	g, ok := p.gates[t.text]
	if !ok {
		if _, isReg := p.regs[t.text]; isReg || !p.qelib && qelib1Gates[t.text] != nil {
			return bodyStmt{}, 0, p.unknownGate(t)
		}
		return bodyStmt{}, 0, p.errAt(t.off, "unknown gate %q in the body of gate %s (a gate may use only gates defined before it)", t.text, d.name)
	}
	if err := p.advance(); err != nil {
		return bodyStmt{}, 0, err
	}
	st := bodyStmt{callee: g}
	cost := int64(1)
	if p.tok.kind == tLParen {
		var err *Error
		if st.params, err = p.exprList(d.params, d.name); err != nil {
			return bodyStmt{}, 0, err
		}
		for _, e := range st.params {
			cost += e.size()
		}
	}
	args, err := p.formalArgs(d, false)
	if err != nil {
		return bodyStmt{}, 0, err
	}
	st.args = args
	if err := p.expectSemi("gate " + g.name); err != nil {
		return bodyStmt{}, 0, err
	}
	if err := p.checkCall(g, t.off, len(st.params), len(st.args)); err != nil {
		return bodyStmt{}, 0, err
	}
	return st, satAdd(cost, g.cost), nil
}

// formalArgs parses qubit arguments inside a gate body: names of the gate's
// qubit parameters, each at most once (a barrier silently merges repeats).
func (p *parser) formalArgs(d *gateDef, barrier bool) ([]int, *Error) {
	var args []int
	for {
		t := p.tok
		if t.kind != tIdent {
			return nil, p.errAt(t.off, "expected a qubit argument of gate %s, found %s", d.name, t.describe())
		}
		i := slices.Index(d.qubits, t.text)
		if i < 0 {
			return nil, p.errAt(t.off, "%q is not a qubit argument of gate %s", t.text, d.name)
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		if p.tok.kind == tLBracket {
			return nil, p.errAt(p.tok.off, "qubit arguments cannot be indexed inside a gate definition")
		}
		switch {
		case !slices.Contains(args, i):
			args = append(args, i)
		case !barrier:
			return nil, p.errAt(t.off, "qubit argument %q is used twice in one gate application", t.text)
		}
		if p.tok.kind != tComma {
			return args, nil
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
	}
}

// expansionError is an evaluation failure inside a gate body, reported at
// the call in the program with the place in the definition.
type expansionError struct {
	evalError
	gate string
}

func (p *parser) expansionError(callOff int, e *expansionError) *Error {
	return p.errAt(callOff, "%s (in the body of gate %s, at %s)", e.msg, e.gate, p.where(e.off))
}

// apply appends gate g with angles vals on qubits qs.
func (p *parser) apply(g *gateEntry, vals []float64, qs []int) *expansionError {
	if g.bi != nil {
		g.bi.emit(&p.em, vals, qs)
		return nil
	}
	d := g.def
	for _, st := range d.body {
		qbase := len(p.qstack)
		for _, a := range st.args {
			p.qstack = append(p.qstack, qs[a])
		}
		args := p.qstack[qbase:]
		if st.callee == nil {
			p.em.barrier(args)
			p.qstack = p.qstack[:qbase]
			continue
		}
		fbase := len(p.fstack)
		for _, e := range st.params {
			v, err := e.eval(vals)
			if err != nil {
				return &expansionError{*err, d.name}
			}
			p.fstack = append(p.fstack, v)
		}
		if err := p.apply(st.callee, p.fstack[fbase:], args); err != nil {
			return err
		}
		p.qstack, p.fstack = p.qstack[:qbase], p.fstack[:fbase]
	}
	return nil
}
