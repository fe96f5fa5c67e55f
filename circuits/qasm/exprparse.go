package qasm

import (
	"math"
	"slices"
	"strconv"
)

// exprList parses "( expr, … )" (possibly empty) at the current '('. params
// are the names in scope (the enclosing gate's parameters, nil outside a
// definition) and gate names the definition for messages.
func (p *parser) exprList(params []string, gate string) ([]*expr, *Error) {
	if err := p.advance(); err != nil {
		return nil, err
	}
	var list []*expr
	if p.tok.kind == tRParen {
		return list, p.advance()
	}
	for {
		e, err := p.expr(params, gate)
		if err != nil {
			return nil, err
		}
		list = append(list, e)
		switch p.tok.kind {
		case tComma:
			if err := p.advance(); err != nil {
				return nil, err
			}
		case tRParen:
			return list, p.advance()
		default:
			return nil, p.errAt(p.tok.off, "expected ',' or ')' in the parameter list, found %s", p.tok.describe())
		}
	}
}

// node builds an expression node and bounds the tree's height.
func (p *parser) node(k exprKind, off int, a, b *expr) (*expr, *Error) {
	e := &expr{kind: k, off: off, a: a, b: b, depth: 1}
	if a != nil {
		e.depth = a.depth + 1
	}
	if b != nil && b.depth+1 > e.depth {
		e.depth = b.depth + 1
	}
	if e.depth > maxExprDepth {
		return nil, p.errAt(off, "expression nested too deeply (more than %d levels)", maxExprDepth)
	}
	return e, nil
}

// expr parses a sum: term (('+'|'-') term)*.
func (p *parser) expr(params []string, gate string) (*expr, *Error) {
	left, err := p.term(params, gate)
	if err != nil {
		return nil, err
	}
	for p.tok.kind == tPlus || p.tok.kind == tMinus {
		k, off := eAdd, p.tok.off
		if p.tok.kind == tMinus {
			k = eSub
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		right, err := p.term(params, gate)
		if err != nil {
			return nil, err
		}
		if left, err = p.node(k, off, left, right); err != nil {
			return nil, err
		}
	}
	return left, nil
}

// term parses a product: unary (('*'|'/') unary)*.
func (p *parser) term(params []string, gate string) (*expr, *Error) {
	left, err := p.unary(params, gate)
	if err != nil {
		return nil, err
	}
	for p.tok.kind == tStar || p.tok.kind == tSlash {
		k, off := eMul, p.tok.off
		if p.tok.kind == tSlash {
			k = eDiv
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		right, err := p.unary(params, gate)
		if err != nil {
			return nil, err
		}
		if left, err = p.node(k, off, left, right); err != nil {
			return nil, err
		}
	}
	return left, nil
}

// unary parses a signed power. Unary minus binds less tightly than '^', so
// -2^2 is -4, and '^' is right-associative: 2^3^2 is 2^9.
func (p *parser) unary(params []string, gate string) (*expr, *Error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxExprDepth {
		return nil, p.errAt(p.tok.off, "expression nested too deeply (more than %d levels)", maxExprDepth)
	}
	switch p.tok.kind {
	case tMinus:
		off := p.tok.off
		if err := p.advance(); err != nil {
			return nil, err
		}
		a, err := p.unary(params, gate)
		if err != nil {
			return nil, err
		}
		return p.node(eNeg, off, a, nil)
	case tPlus:
		if err := p.advance(); err != nil {
			return nil, err
		}
		return p.unary(params, gate)
	}
	base, err := p.primary(params, gate)
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tCaret {
		return base, nil
	}
	off := p.tok.off
	if err := p.advance(); err != nil {
		return nil, err
	}
	exp, err := p.unary(params, gate)
	if err != nil {
		return nil, err
	}
	return p.node(ePow, off, base, exp)
}

func (p *parser) primary(params []string, gate string) (*expr, *Error) {
	t := p.tok
	switch t.kind {
	case tInt, tReal:
		v, err := strconv.ParseFloat(t.text, 64)
		if err != nil || math.IsInf(v, 0) {
			return nil, p.errAt(t.off, "number %s is out of range", t.text)
		}
		return &expr{kind: eNum, val: v, off: t.off, depth: 1}, p.advance()
	case kwPi:
		return &expr{kind: ePi, off: t.off, depth: 1}, p.advance()
	case tLParen:
		if err := p.advance(); err != nil {
			return nil, err
		}
		e, err := p.expr(params, gate)
		if err != nil {
			return nil, err
		}
		if _, err := p.expect(tRParen, "')'"); err != nil {
			return nil, err
		}
		return e, nil
	case tIdent:
	default:
		return nil, p.errAt(t.off, "expected an expression, found %s", t.describe())
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	_, isFunc := functions[t.text]
	if isFunc && p.tok.kind == tLParen {
		if err := p.advance(); err != nil {
			return nil, err
		}
		a, err := p.expr(params, gate)
		if err != nil {
			return nil, err
		}
		if _, err := p.expect(tRParen, "')' after the function argument"); err != nil {
			return nil, err
		}
		e, err := p.node(eFunc, t.off, a, nil)
		if e != nil {
			e.name = t.text
		}
		return e, err
	}
	if i := slices.Index(params, t.text); i >= 0 {
		return &expr{kind: eParam, index: i, name: t.text, off: t.off, depth: 1}, nil
	}
	switch {
	case isFunc:
		return nil, p.errAt(t.off, "function %s needs an argument in parentheses", t.text)
	case p.tok.kind == tLParen:
		return nil, p.errAt(t.off, "unknown function %q", t.text)
	case gate == "":
		return nil, p.errAt(t.off, "unknown identifier %q in expression (names are allowed only inside gate definitions)", t.text)
	}
	return nil, p.errAt(t.off, "unknown parameter %q in gate %s", t.text, gate)
}
