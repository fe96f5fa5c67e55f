package qasm

import (
	"bytes"
	"fmt"
	"math"
	"strconv"

	"github.com/qmlkit/qmlkit/circuits"
)

// register is a declared qreg or creg.
type register struct {
	name    string
	quantum bool
	start   int
	size    int
	off     int
}

// gateEntry is a gate the program may call: built in, or defined in the file.
type gateEntry struct {
	name   string
	params int
	qubits int
	bi     *builtin // built-in behaviour, or nil for a user definition
	def    *gateDef
	cost   int64 // expansion budget charged per application
	off    int   // offset of the defining statement; -1 for a built-in
}

// gateDef is a user gate definition, kept to be expanded at each call.
type gateDef struct {
	name   string
	params []string
	qubits []string
	body   []bodyStmt
}

// bodyStmt is one statement of a gate body: a call of an earlier gate
// (callee non-nil) or a barrier, on formal qubits by position.
type bodyStmt struct {
	callee *gateEntry
	params []*expr
	args   []int
}

// parser reads one program. It appends ops to c as statements are read.
type parser struct {
	file  string
	src   []byte
	lx    lexer
	tok   token
	prev  int // end offset of the previous token, where a missing ';' is reported
	depth int // expression nesting while parsing

	gates     map[string]*gateEntry
	regs      map[string]*register
	qelib     bool
	recognize bool // map canonical definitions of extra gates onto the built-ins

	c      *circuits.Circuit
	em     emitter
	budget int64
	maxOps int64

	qstack []int     // scratch qubits for nested expansion
	fstack []float64 // scratch angles for nested expansion
	args   []argRef  // scratch arguments of the current statement
	qs     []int     // scratch qubits of the current statement
	vals   []float64 // scratch angles of the current statement
	seen   []uint32  // per-qubit stamps for de-duplicating barrier arguments
	stamp  uint32
}

func newParser(src []byte, file string, o ParseOptions) *parser {
	maxOps := int64(o.MaxOps)
	if maxOps <= 0 {
		maxOps = DefaultMaxOps
	}
	p := &parser{
		file: file, src: src, lx: lexer{src: string(src)},
		gates: make(map[string]*gateEntry), regs: make(map[string]*register),
		recognize: true, c: &circuits.Circuit{}, maxOps: maxOps,
	}
	p.em.c = p.c
	// Most statements are one gate of about 16 bytes; reserving that many
	// ops up front saves the copies of a growing slice on large files.
	p.c.Ops = make([]circuits.Op, 0, min(len(src)/16, 1<<20))
	for _, b := range coreGates {
		p.gates[b.name] = builtinEntry(b)
	}
	return p
}

func builtinEntry(b *builtin) *gateEntry {
	return &gateEntry{name: b.name, params: b.params, qubits: b.qubits, bi: b, cost: b.ops, off: -1}
}

func (p *parser) errAt(off int, format string, args ...any) *Error {
	return errorAt(p.file, p.src, off, format, args...)
}

// where formats an offset as "line:col" for messages that point elsewhere.
func (p *parser) where(off int) string {
	l, c := position(p.src, off)
	return fmt.Sprintf("%d:%d", l, c)
}

func (p *parser) advance() *Error {
	p.prev = p.tok.end
	t, err := p.lx.next()
	if err != nil {
		return p.errAt(err.off, "%s", err.msg)
	}
	p.tok = t
	return nil
}

// expect consumes a token of the given kind.
func (p *parser) expect(k tokKind, what string) (token, *Error) {
	t := p.tok
	if t.kind != k {
		return t, p.errAt(t.off, "expected %s, found %s", what, t.describe())
	}
	return t, p.advance()
}

// expectSemi consumes the ';' ending a statement; a missing one is reported
// just after the statement's last token.
func (p *parser) expectSemi(stmt string) *Error {
	if p.tok.kind != tSemi {
		return p.errAt(p.prev, "missing ';' after %s (found %s)", stmt, p.tok.describe())
	}
	return p.advance()
}

// run parses the whole program.
func (p *parser) run() (*circuits.Circuit, *Error) {
	if off, msg := checkInput(p.src); off >= 0 {
		return nil, p.errAt(off, "%s", msg)
	}
	if bytes.HasPrefix(p.src, []byte("\uFEFF")) {
		p.lx.pos = 3
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if err := p.header(); err != nil {
		return nil, err
	}
	for p.tok.kind != tEOF {
		if err := p.statement(); err != nil {
			return nil, err
		}
	}
	if p.c.NumQubits == 0 {
		return nil, p.errAt(p.tok.off, "the program declares no qubits (no qreg)")
	}
	if err := p.c.Validate(); err != nil {
		return nil, p.errAt(p.tok.off, "internal error: the parsed circuit is invalid: %v", err)
	}
	return p.c, nil
}

func (p *parser) header() *Error {
	if p.tok.kind != kwOPENQASM {
		if p.tok.kind == tEOF {
			return p.errAt(p.tok.off, "empty program: expected the header 'OPENQASM 2.0;'")
		}
		return p.errAt(p.tok.off, "expected the header 'OPENQASM 2.0;' as the first statement, found %s", p.tok.describe())
	}
	if err := p.advance(); err != nil {
		return err
	}
	v := p.tok
	if v.kind != tInt && v.kind != tReal {
		return p.errAt(v.off, "expected a version number after OPENQASM, found %s", v.describe())
	}
	switch f, _ := strconv.ParseFloat(v.text, 64); {
	case f == 2:
	case f >= 3 && f < 4:
		return p.errAt(v.off, "OpenQASM %s is not supported: this reader reads OpenQASM 2.0", v.text)
	default:
		return p.errAt(v.off, "unsupported OpenQASM version %s (want 2.0)", v.text)
	}
	if err := p.advance(); err != nil {
		return err
	}
	return p.expectSemi("the OPENQASM header")
}

func (p *parser) statement() *Error {
	switch p.tok.kind {
	case kwInclude:
		return p.include()
	case kwQreg, kwCreg:
		return p.register()
	case kwGate:
		return p.gateDefinition()
	case kwOpaque:
		return p.opaque()
	case kwMeasure:
		return p.measure()
	case kwReset:
		return p.reset()
	case kwBarrier:
		return p.barrier()
	case kwIf:
		return p.errAt(p.tok.off, "classically conditioned operations (if) are not supported: the simulator has no classical control")
	case tIdent:
		return p.gateCall()
	case kwOPENQASM:
		return p.errAt(p.tok.off, "the OPENQASM header may appear only once, as the first statement")
	}
	return p.errAt(p.tok.off, "expected a statement, found %s", p.tok.describe())
}

func (p *parser) include() *Error {
	off := p.tok.off
	if err := p.advance(); err != nil {
		return err
	}
	t := p.tok
	if t.kind != tString {
		return p.errAt(t.off, "expected a file name in double quotes after include, found %s", t.describe())
	}
	name := t.text[1 : len(t.text)-1]
	if name != "qelib1.inc" {
		return p.errAt(t.off, "cannot include %q: only \"qelib1.inc\" is built in, and the reader does not read other files", name)
	}
	if err := p.advance(); err != nil {
		return err
	}
	if err := p.expectSemi("include"); err != nil {
		return err
	}
	if p.qelib {
		return nil // a repeated include adds nothing
	}
	p.qelib = true
	for name, b := range qelib1Gates {
		if g, ok := p.gates[name]; ok {
			if b.extra {
				continue // the file's own definition takes precedence
			}
			return p.errAt(off, "include \"qelib1.inc\" redefines gate %q, already defined at %s", name, p.where(g.off))
		}
		if r, ok := p.regs[name]; ok {
			if b.extra {
				continue // the register shadows the extra gate
			}
			return p.errAt(off, "include \"qelib1.inc\" defines gate %q, already declared as a register at %s", name, p.where(r.off))
		}
		p.gates[name] = builtinEntry(b)
	}
	return nil
}

func (p *parser) register() *Error {
	quantum := p.tok.kind == kwQreg
	kw := p.tok.text
	if err := p.advance(); err != nil {
		return err
	}
	nameTok := p.tok
	if nameTok.kind != tIdent {
		return p.errAt(nameTok.off, "expected a register name after %s, found %s", kw, nameTok.describe())
	}
	name := nameTok.text
	if r, ok := p.regs[name]; ok {
		return p.errAt(nameTok.off, "register %q already declared at %s", name, p.where(r.off))
	}
	if g, ok := p.gates[name]; ok {
		if g.bi == nil || g.off >= 0 || !g.bi.extra {
			return p.errAt(nameTok.off, "cannot declare register %q: the name is a gate", name)
		}
		delete(p.gates, name) // the register shadows the extra gate
	}
	if err := p.advance(); err != nil {
		return err
	}
	if _, err := p.expect(tLBracket, "'[' and the register size"); err != nil {
		return err
	}
	sizeTok := p.tok
	if sizeTok.kind != tInt {
		return p.errAt(sizeTok.off, "expected the register size (a non-negative integer), found %s", sizeTok.describe())
	}
	total, limit, what := p.c.NumQubits, circuits.MaxQubits, "qubits"
	if !quantum {
		total, limit, what = p.c.NumClbits, MaxClbits, "classical bits"
	}
	size, convErr := strconv.Atoi(sizeTok.text)
	switch {
	case convErr == nil && size == 0:
		return p.errAt(sizeTok.off, "register %q has size 0; sizes must be positive", name)
	case convErr != nil || size > limit-total:
		return p.errAt(sizeTok.off, "%s %s[%s] would make more than %d %s", kw, name, sizeTok.text, limit, what)
	}
	if err := p.advance(); err != nil {
		return err
	}
	if _, err := p.expect(tRBracket, "']'"); err != nil {
		return err
	}
	if err := p.expectSemi(kw + " declaration"); err != nil {
		return err
	}
	p.regs[name] = &register{name: name, quantum: quantum, start: total, size: size, off: nameTok.off}
	reg := circuits.Register{Name: name, Start: total, Size: size}
	if quantum {
		p.c.NumQubits += size
		p.c.QRegs = append(p.c.QRegs, reg)
	} else {
		p.c.NumClbits += size
		p.c.CRegs = append(p.c.CRegs, reg)
	}
	return nil
}

func (p *parser) opaque() *Error {
	off := p.tok.off
	if err := p.advance(); err != nil {
		return err
	}
	if p.tok.kind != tIdent {
		return p.errAt(p.tok.off, "expected a gate name after opaque, found %s", p.tok.describe())
	}
	return p.errAt(off, "opaque gate %s cannot be simulated: an opaque gate has no definition", p.tok.text)
}

// argRef is a qubit or bit argument: a whole register (index −1) or one bit.
type argRef struct {
	reg   *register
	index int
	off   int
}

func (a argRef) String() string {
	if a.index < 0 {
		return a.reg.name
	}
	return fmt.Sprintf("%s[%d]", a.reg.name, a.index)
}

// arg parses "name" or "name[index]" naming a register of the wanted kind.
func (p *parser) arg(quantum bool) (argRef, *Error) {
	kind := "qubit"
	if !quantum {
		kind = "classical bit"
	}
	t := p.tok
	if t.kind != tIdent {
		return argRef{}, p.errAt(t.off, "expected a %s argument, found %s", kind, t.describe())
	}
	r, ok := p.regs[t.text]
	switch {
	case !ok:
		return argRef{}, p.errAt(t.off, "undeclared register %q", t.text)
	case r.quantum && !quantum:
		return argRef{}, p.errAt(t.off, "%q is a quantum register; a classical register is needed here", t.text)
	case !r.quantum && quantum:
		return argRef{}, p.errAt(t.off, "%q is a classical register; a quantum register is needed here", t.text)
	}
	if err := p.advance(); err != nil {
		return argRef{}, err
	}
	a := argRef{reg: r, index: -1, off: t.off}
	if p.tok.kind != tLBracket {
		return a, nil
	}
	if err := p.advance(); err != nil {
		return argRef{}, err
	}
	it := p.tok
	if it.kind != tInt {
		return argRef{}, p.errAt(it.off, "expected an index (a non-negative integer), found %s", it.describe())
	}
	i, err := strconv.Atoi(it.text)
	if err != nil || i >= r.size {
		return argRef{}, p.errAt(it.off, "index %s out of range for register %s[%d]", it.text, r.name, r.size)
	}
	a.index = i
	if err := p.advance(); err != nil {
		return argRef{}, err
	}
	if _, err := p.expect(tRBracket, "']'"); err != nil {
		return argRef{}, err
	}
	return a, nil
}

// argList parses one or more comma-separated arguments into the parser's
// scratch list, valid until the next statement.
func (p *parser) argList(quantum bool) ([]argRef, *Error) {
	args := p.args[:0]
	defer func() { p.args = args[:0] }()
	for {
		a, err := p.arg(quantum)
		if err != nil {
			return nil, err
		}
		args = append(args, a)
		if p.tok.kind != tComma {
			return args, nil
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
	}
}

// broadcastSize returns the common size of the whole-register arguments
// (1 when every argument is a single bit).
func (p *parser) broadcastSize(args []argRef) (int, *Error) {
	n, first := 1, -1
	for i, a := range args {
		if a.index >= 0 {
			continue
		}
		if first < 0 {
			n, first = a.reg.size, i
			continue
		}
		if a.reg.size != n {
			return 0, p.errAt(a.off, "register sizes differ: %s has %d bits but %s has %d; broadcasting needs equal sizes",
				a.reg.name, a.reg.size, args[first].reg.name, n)
		}
	}
	return n, nil
}

// bit returns the global index of instance k of an argument.
func (a argRef) bit(k int) int {
	if a.index < 0 {
		return a.reg.start + k
	}
	return a.reg.start + a.index
}

// charge adds cost to the expansion budget, failing past the limit.
func (p *parser) charge(off int, cost int64) *Error {
	if cost > p.maxOps-p.budget {
		return p.errAt(off, "the program expands to more than %d operations (ParseOptions.MaxOps)", p.maxOps)
	}
	p.budget += cost
	return nil
}

func (p *parser) gateCall() *Error {
	nameTok := p.tok
	g, ok := p.gates[nameTok.text]
	if !ok {
		return p.unknownGate(nameTok)
	}
	if err := p.advance(); err != nil {
		return err
	}
	var exprs []*expr
	if p.tok.kind == tLParen {
		var err *Error
		if exprs, err = p.exprList(nil, ""); err != nil {
			return err
		}
	}
	args, err := p.argList(true)
	if err != nil {
		return err
	}
	if err := p.expectSemi("gate " + g.name); err != nil {
		return err
	}
	if err := p.checkCall(g, nameTok.off, len(exprs), len(args)); err != nil {
		return err
	}
	vals := p.vals[:0]
	for _, e := range exprs {
		v, ee := e.eval(nil)
		if ee != nil {
			return p.errAt(ee.off, "%s", ee.msg)
		}
		vals = append(vals, v)
	}
	p.vals = vals
	n, err := p.broadcastSize(args)
	if err != nil {
		return err
	}
	if err := p.charge(nameTok.off, satMul(int64(n), g.cost)); err != nil {
		return err
	}
	qs := append(p.qs[:0], make([]int, len(args))...)
	p.qs = qs
	for k := 0; k < n; k++ {
		for i, a := range args {
			qs[i] = a.bit(k)
			for j := 0; j < i; j++ {
				if qs[j] == qs[i] {
					return p.errAt(a.off, "qubit %s[%d] is used twice in one application of gate %s",
						a.reg.name, qs[i]-a.reg.start, g.name)
				}
			}
		}
		if ee := p.apply(g, vals, qs); ee != nil {
			return p.expansionError(nameTok.off, ee)
		}
	}
	return nil
}

func (p *parser) unknownGate(t token) *Error {
	if _, ok := p.regs[t.text]; ok {
		return p.errAt(t.off, "%q is a register, not a gate", t.text)
	}
	if b, ok := qelib1Gates[t.text]; ok && !p.qelib {
		if b.extra {
			return p.errAt(t.off, "unknown gate %q (the reader provides it with include \"qelib1.inc\";)", t.text)
		}
		return p.errAt(t.off, "unknown gate %q (it is defined in qelib1.inc: add include \"qelib1.inc\";)", t.text)
	}
	return p.errAt(t.off, "unknown gate %q", t.text)
}

// checkCall checks the parameter and qubit counts of a call of g.
func (p *parser) checkCall(g *gateEntry, off, nparams, nqubits int) *Error {
	if nparams != g.params {
		return p.errAt(off, "gate %s takes %d parameter%s, got %d", g.name, g.params, plural(g.params), nparams)
	}
	if nqubits != g.qubits {
		return p.errAt(off, "gate %s takes %d qubit argument%s, got %d", g.name, g.qubits, plural(g.qubits), nqubits)
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (p *parser) measure() *Error {
	if err := p.advance(); err != nil {
		return err
	}
	q, err := p.arg(true)
	if err != nil {
		return err
	}
	if _, err := p.expect(tArrow, "'->' after the measured qubits"); err != nil {
		return err
	}
	c, err := p.arg(false)
	if err != nil {
		return err
	}
	if err := p.expectSemi("measure"); err != nil {
		return err
	}
	n := 1
	switch {
	case q.index < 0 && c.index < 0:
		if q.reg.size != c.reg.size {
			return p.errAt(c.off, "measure %s -> %s: register sizes differ (%d qubits, %d bits)", q.reg.name, c.reg.name, q.reg.size, c.reg.size)
		}
		n = q.reg.size
	case q.index < 0 || c.index < 0:
		return p.errAt(c.off, "measure %s -> %s: measure a register into a register, or one qubit into one bit", q, c)
	}
	if err := p.charge(q.off, int64(n)); err != nil {
		return err
	}
	for k := 0; k < n; k++ {
		p.em.measure(q.bit(k), c.bit(k))
	}
	return nil
}

func (p *parser) reset() *Error {
	if err := p.advance(); err != nil {
		return err
	}
	q, err := p.arg(true)
	if err != nil {
		return err
	}
	if err := p.expectSemi("reset"); err != nil {
		return err
	}
	n, _ := p.broadcastSize([]argRef{q})
	if err := p.charge(q.off, int64(n)); err != nil {
		return err
	}
	for k := 0; k < n; k++ {
		p.em.reset(q.bit(k))
	}
	return nil
}

func (p *parser) barrier() *Error {
	off := p.tok.off
	if err := p.advance(); err != nil {
		return err
	}
	args, err := p.argList(true)
	if err != nil {
		return err
	}
	if err := p.expectSemi("barrier"); err != nil {
		return err
	}
	total := int64(0)
	for _, a := range args {
		if a.index < 0 {
			total += int64(a.reg.size)
		} else {
			total++
		}
	}
	if err := p.charge(off, total); err != nil {
		return err
	}
	p.nextStamp()
	qs := make([]int, 0, total)
	for _, a := range args {
		n := 1
		if a.index < 0 {
			n = a.reg.size
		}
		for k := 0; k < n; k++ {
			if q := a.bit(k); p.seen[q] != p.stamp {
				p.seen[q] = p.stamp
				qs = append(qs, q)
			}
		}
	}
	p.em.barrier(qs)
	return nil
}

// nextStamp starts a new de-duplication round over the declared qubits.
func (p *parser) nextStamp() {
	if len(p.seen) < p.c.NumQubits {
		p.seen = make([]uint32, p.c.NumQubits)
		p.stamp = 0
	}
	p.stamp++
	if p.stamp == 0 {
		clear(p.seen)
		p.stamp = 1
	}
}

// satMul multiplies non-negative counts, saturating instead of overflowing.
func satMul(a, b int64) int64 {
	if a != 0 && b > math.MaxInt64/a {
		return math.MaxInt64
	}
	return a * b
}

// satAdd adds non-negative counts, saturating instead of overflowing.
func satAdd(a, b int64) int64 {
	if b > math.MaxInt64-a {
		return math.MaxInt64
	}
	return a + b
}
