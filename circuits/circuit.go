package circuits

import (
	"errors"
	"fmt"
	"slices"
)

// MaxQubits bounds the qubit count a circuit may declare; simulators apply
// their own, usually much smaller, limits.
const MaxQubits = 1 << 20

// Register is a named run of consecutive qubits or classical bits, kept so
// that OpenQASM files keep their register names when written back.
type Register struct {
	Name  string
	Start int
	Size  int
}

// Circuit is plain data: a qubit count, a classical-bit count, a list of
// operations applied in order, and the names of the parameter vector that
// variable angles refer to. Builder methods append without checking and
// return the circuit for chaining; Validate (which every simulator calls
// before running) reports what is wrong.
type Circuit struct {
	NumQubits int
	NumClbits int
	Ops       []Op
	// ParamNames names the entries of the parameter vector; its length is
	// the number of parameters Bind expects.
	ParamNames []string
	// GlobalPhase multiplies the whole state by e^{i·GlobalPhase}.
	GlobalPhase float64
	// QRegs and CRegs optionally name ranges of qubits and classical bits.
	QRegs []Register
	CRegs []Register
}

// New returns an empty circuit on n qubits and m classical bits.
func New(n int, clbits ...int) *Circuit {
	c := &Circuit{NumQubits: n}
	if len(clbits) > 0 {
		c.NumClbits = clbits[0]
	}
	return c
}

// NumParams is the length of the parameter vector.
func (c *Circuit) NumParams() int { return len(c.ParamNames) }

// AddParams appends count named parameters ("name[0]", "name[1]", …; just
// name when count is 1) and returns them as Params for the builders.
func (c *Circuit) AddParams(name string, count int) []Param {
	ps := make([]Param, count)
	for i := range ps {
		n := name
		if count > 1 {
			n = fmt.Sprintf("%s[%d]", name, i)
		}
		ps[i] = Var(len(c.ParamNames))
		c.ParamNames = append(c.ParamNames, n)
	}
	return ps
}

// Append adds op and returns c.
func (c *Circuit) Append(ops ...Op) *Circuit {
	c.Ops = append(c.Ops, ops...)
	return c
}

// Copy returns a deep copy of c.
func (c *Circuit) Copy() *Circuit {
	d := *c
	d.Ops = make([]Op, len(c.Ops))
	for i, op := range c.Ops {
		d.Ops[i] = op.Clone()
	}
	d.ParamNames = slices.Clone(c.ParamNames)
	d.QRegs = slices.Clone(c.QRegs)
	d.CRegs = slices.Clone(c.CRegs)
	return &d
}

// ErrUnbound is returned (wrapped) when a circuit that must be bound has
// variable parameters.
var ErrUnbound = errors.New("circuit has unbound parameters")

// Validate reports the first problem that would make c unsimulable: a qubit
// or classical bit out of range, a qubit repeated in one op, a wrong number
// of targets or parameters, a non-finite angle, a reference past the
// parameter vector, a matrix that is not unitary.
func (c *Circuit) Validate() error {
	if c == nil {
		return errors.New("circuit is nil")
	}
	if c.NumQubits < 1 || c.NumQubits > MaxQubits {
		return fmt.Errorf("qubit count %d out of range [1, %d]", c.NumQubits, MaxQubits)
	}
	if c.NumClbits < 0 || c.NumClbits > MaxQubits {
		return fmt.Errorf("classical bit count %d out of range [0, %d]", c.NumClbits, MaxQubits)
	}
	for _, r := range c.QRegs {
		if r.Start < 0 || r.Size < 1 || r.Start+r.Size > c.NumQubits {
			return fmt.Errorf("quantum register %q [%d, %d) lies outside the %d qubits", r.Name, r.Start, r.Start+r.Size, c.NumQubits)
		}
	}
	for _, r := range c.CRegs {
		if r.Start < 0 || r.Size < 1 || r.Start+r.Size > c.NumClbits {
			return fmt.Errorf("classical register %q [%d, %d) lies outside the %d classical bits", r.Name, r.Start, r.Start+r.Size, c.NumClbits)
		}
	}
	if !isFinite(c.GlobalPhase) {
		return fmt.Errorf("global phase is %v", c.GlobalPhase)
	}
	for i, op := range c.Ops {
		if err := op.Validate(c.NumQubits, c.NumClbits, len(c.ParamNames)); err != nil {
			return fmt.Errorf("op %d: %w", i, err)
		}
	}
	return nil
}

// ValidateBound is Validate plus a check that no angle depends on parameters.
func (c *Circuit) ValidateBound() error {
	if err := c.Validate(); err != nil {
		return err
	}
	for i, op := range c.Ops {
		if !op.Bound() {
			return fmt.Errorf("op %d (%s): %w; call Bind first", i, op.Name(), ErrUnbound)
		}
	}
	return nil
}

// Bind returns a copy of c with every parameter replaced by its value from
// theta, which must have NumParams() finite entries.
func (c *Circuit) Bind(theta []float64) (*Circuit, error) {
	if len(theta) != len(c.ParamNames) {
		return nil, fmt.Errorf("bind: circuit has %d parameters, got %d values", len(c.ParamNames), len(theta))
	}
	for i, v := range theta {
		if !isFinite(v) {
			return nil, fmt.Errorf("bind: value %d (%s) is %v", i, c.ParamNames[i], v)
		}
	}
	d := c.Copy()
	d.ParamNames = nil
	for i := range d.Ops {
		for j, p := range d.Ops[i].Params {
			v, err := p.Eval(theta)
			if err != nil {
				return nil, fmt.Errorf("bind: op %d: %w", i, err)
			}
			d.Ops[i].Params[j] = Num(v)
		}
	}
	return d, nil
}

// BindNamed binds parameters by name (Qiskit's assign_parameters with a
// dictionary). Every parameter must be given, and no unknown name.
func (c *Circuit) BindNamed(values map[string]float64) (*Circuit, error) {
	theta := make([]float64, len(c.ParamNames))
	index := make(map[string]int, len(c.ParamNames))
	for i, n := range c.ParamNames {
		index[n] = i
	}
	for name := range values {
		if _, ok := index[name]; !ok {
			return nil, fmt.Errorf("bind: the circuit has no parameter %q", name)
		}
	}
	for i, n := range c.ParamNames {
		v, ok := values[n]
		if !ok {
			return nil, fmt.Errorf("bind: no value for parameter %q", n)
		}
		theta[i] = v
	}
	return c.Bind(theta)
}

// Inverse returns the circuit that undoes c: the ops reversed, each
// inverted, and the global phase negated. Circuits with measure or reset
// have no inverse.
func (c *Circuit) Inverse() (*Circuit, error) {
	d := c.Copy()
	d.GlobalPhase = -c.GlobalPhase
	for i, op := range c.Ops {
		inv, err := op.Inverse()
		if err != nil {
			return nil, fmt.Errorf("inverse: op %d: %w", i, err)
		}
		d.Ops[len(c.Ops)-1-i] = inv
	}
	return d, nil
}

// Compose returns c followed by other, whose qubit q acts on c's qubit
// qubits[q] (the identity map when qubits is nil). Classical bits of other
// map identically; parameters of other are appended after c's.
func (c *Circuit) Compose(other *Circuit, qubits []int) (*Circuit, error) {
	if qubits == nil {
		if other.NumQubits > c.NumQubits {
			return nil, fmt.Errorf("compose: %d-qubit circuit onto %d qubits", other.NumQubits, c.NumQubits)
		}
		qubits = make([]int, other.NumQubits)
		for i := range qubits {
			qubits[i] = i
		}
	}
	if len(qubits) != other.NumQubits {
		return nil, fmt.Errorf("compose: qubit map has %d entries for a %d-qubit circuit", len(qubits), other.NumQubits)
	}
	seen := make(map[int]bool)
	for _, q := range qubits {
		if q < 0 || q >= c.NumQubits || seen[q] {
			return nil, fmt.Errorf("compose: qubit map entry %d is out of range or repeated", q)
		}
		seen[q] = true
	}
	if other.NumClbits > c.NumClbits {
		return nil, fmt.Errorf("compose: circuit with %d classical bits onto %d", other.NumClbits, c.NumClbits)
	}
	d := c.Copy()
	shift := len(c.ParamNames)
	d.ParamNames = append(d.ParamNames, other.ParamNames...)
	d.GlobalPhase += other.GlobalPhase
	for _, op := range other.Ops {
		o := op.Clone()
		for i, q := range o.Targets {
			o.Targets[i] = qubits[q]
		}
		for i, q := range o.Controls {
			o.Controls[i] = qubits[q]
		}
		for i := range o.Params {
			if o.Params[i].Var {
				o.Params[i].Index += shift
			}
		}
		d.Ops = append(d.Ops, o)
	}
	return d, nil
}

// Depth is the number of layers when each op starts as soon as all its
// qubits (targets, controls) are free; barriers synchronise their qubits
// without adding a layer.
func (c *Circuit) Depth() int {
	level := make([]int, c.NumQubits)
	depth := 0
	for _, op := range c.Ops {
		d := 0
		for _, q := range op.Qubits() {
			if q >= 0 && q < len(level) && level[q] > d {
				d = level[q]
			}
		}
		if op.Gate != Barrier {
			d++
		}
		for _, q := range op.Qubits() {
			if q >= 0 && q < len(level) {
				level[q] = d
			}
		}
		depth = max(depth, d)
	}
	return depth
}

// CountOps returns how many times each op name (as Op.Name gives it) occurs.
func (c *Circuit) CountOps() map[string]int {
	m := make(map[string]int)
	for _, op := range c.Ops {
		m[op.Name()]++
	}
	return m
}

// Size is the number of unitary gates (barriers, measurements and resets
// excluded).
func (c *Circuit) Size() int {
	n := 0
	for _, op := range c.Ops {
		if op.Gate.IsUnitary() {
			n++
		}
	}
	return n
}

// DeferredBit marks, in the classical bits a simulator returns, a bit
// written by a terminal measurement that the simulator did not perform:
// its value is random, with the distribution of the final state.
const DeferredBit byte = 2

// CollapsingMeasurements is the measurement rule every simulator follows.
// It marks, for each measure op and each of its targets, whether a later
// gate or reset acts on that qubit, so the measurement must collapse the
// state; the other measurements are terminal and leave the state as it was
// (as Qiskit's statevector simulation does). Later measurements and
// barriers do not count. random reports whether any outcome must be drawn:
// a collapsing measurement or a reset.
func (c *Circuit) CollapsingMeasurements() (collapse [][]bool, random bool) {
	collapse = make([][]bool, len(c.Ops))
	touched := make([]bool, c.NumQubits)
	for i := len(c.Ops) - 1; i >= 0; i-- {
		op := c.Ops[i]
		switch op.Gate {
		case Barrier:
		case Measure:
			collapse[i] = make([]bool, len(op.Targets))
			for k, q := range op.Targets {
				collapse[i][k] = touched[q]
				random = random || touched[q]
			}
		case Reset:
			random = true
			for _, q := range op.Targets {
				touched[q] = true
			}
		default:
			for _, q := range op.Qubits() {
				touched[q] = true
			}
		}
	}
	return collapse, random
}

// HasMidCircuitMeasurement reports whether some measurement or reset
// changes the state at random: a reset, or a measurement followed by a gate
// on a qubit it measured. Terminal measurements do not count.
func (c *Circuit) HasMidCircuitMeasurement() bool {
	_, random := c.CollapsingMeasurements()
	return random
}
