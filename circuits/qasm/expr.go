package qasm

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

type exprKind uint8

const (
	eNum exprKind = iota
	ePi
	eParam // a parameter of the enclosing gate definition
	eNeg
	eAdd
	eSub
	eMul
	eDiv
	ePow
	eFunc
)

// functions are the unary functions OpenQASM 2.0 allows in expressions
// (plus asin, acos and atan, which Qiskit's reader also accepts).
var functions = map[string]func(float64) float64{
	"sin": math.Sin, "cos": math.Cos, "tan": math.Tan,
	"exp": math.Exp, "ln": math.Log, "sqrt": math.Sqrt,
	"asin": math.Asin, "acos": math.Acos, "atan": math.Atan,
}

// expr is a parsed angle expression. off is the byte offset errors point at:
// the operator of a binary node, the name of a function, the number itself.
type expr struct {
	kind  exprKind
	val   float64 // eNum
	index int     // eParam: position in the gate's parameter list
	name  string  // eFunc: function name; eParam: parameter name
	a, b  *expr
	off   int
	depth int // height of the tree; bounded so evaluation cannot exhaust the stack
}

// evalError is an evaluation failure at a byte offset.
type evalError struct {
	off int
	msg string
}

// eval computes the expression for the gate parameters params.
func (e *expr) eval(params []float64) (float64, *evalError) {
	var v float64
	switch e.kind {
	case eNum:
		return e.val, nil
	case ePi:
		return math.Pi, nil
	case eParam:
		return params[e.index], nil
	case eNeg:
		a, err := e.a.eval(params)
		if err != nil {
			return 0, err
		}
		return -a, nil
	case eFunc:
		a, err := e.a.eval(params)
		if err != nil {
			return 0, err
		}
		switch {
		case e.name == "ln" && a <= 0:
			return 0, &evalError{e.off, fmt.Sprintf("ln(%v): logarithm of a non-positive number", a)}
		case e.name == "sqrt" && a < 0:
			return 0, &evalError{e.off, fmt.Sprintf("sqrt(%v): square root of a negative number", a)}
		case (e.name == "asin" || e.name == "acos") && math.Abs(a) > 1:
			return 0, &evalError{e.off, fmt.Sprintf("%s(%v): argument outside [-1, 1]", e.name, a)}
		}
		v = functions[e.name](a)
		if !isFinite(v) {
			return 0, &evalError{e.off, fmt.Sprintf("%s(%v) is not finite", e.name, a)}
		}
		return v, nil
	}
	a, err := e.a.eval(params)
	if err != nil {
		return 0, err
	}
	b, err := e.b.eval(params)
	if err != nil {
		return 0, err
	}
	switch e.kind {
	case eAdd:
		v = a + b
	case eSub:
		v = a - b
	case eMul:
		v = a * b
	case eDiv:
		if b == 0 {
			return 0, &evalError{e.off, fmt.Sprintf("division by zero (%v/%v)", a, b)}
		}
		v = a / b
	case ePow:
		v = math.Pow(a, b)
		if math.IsNaN(v) {
			return 0, &evalError{e.off, fmt.Sprintf("%v^%v is undefined", a, b)}
		}
	}
	if !isFinite(v) {
		return 0, &evalError{e.off, fmt.Sprintf("result of %v %s %v is not finite", a, opSymbol[e.kind], b)}
	}
	return v, nil
}

var opSymbol = map[exprKind]string{eAdd: "+", eSub: "-", eMul: "*", eDiv: "/", ePow: "^"}

// size counts the nodes of the expression; it is the evaluation cost the
// expansion budget charges.
func (e *expr) size() int64 {
	n := int64(1)
	if e.a != nil {
		n += e.a.size()
	}
	if e.b != nil {
		n += e.b.size()
	}
	return n
}

// canon writes the expression fully parenthesised with parameters by
// position, so that two definitions that differ only in names compare equal.
func (e *expr) canon(b *strings.Builder) {
	switch e.kind {
	case eNum:
		b.WriteString(strconv.FormatFloat(e.val, 'g', -1, 64))
	case ePi:
		b.WriteString("pi")
	case eParam:
		fmt.Fprintf(b, "$%d", e.index)
	case eNeg:
		b.WriteString("(-")
		e.a.canon(b)
		b.WriteString(")")
	case eFunc:
		b.WriteString(e.name + "(")
		e.a.canon(b)
		b.WriteString(")")
	default:
		b.WriteString("(")
		e.a.canon(b)
		b.WriteString(opSymbol[e.kind])
		e.b.canon(b)
		b.WriteString(")")
	}
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
