package qasm

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/qmlkit/qmlkit/circuits"
)

// Version selects the OpenQASM dialect the writer produces.
type Version int

// The OpenQASM versions the writer produces.
const (
	V2 Version = 2 // OpenQASM 2.0 with qelib1.inc
	V3 Version = 3 // OpenQASM 3.0 with stdgates.inc
)

// String returns "OpenQASM 2.0" or "OpenQASM 3.0".
func (v Version) String() string {
	switch v {
	case V2, V3:
		return fmt.Sprintf("OpenQASM %d.0", int(v))
	}
	return fmt.Sprintf("Version(%d)", int(v))
}

// PhaseTolerance is how far (in radians, modulo 2π) a global phase may be
// from zero for the V2 writer to treat it as zero: OpenQASM 2.0 cannot
// express a global phase, and the phases of decomposed 1-qubit unitaries
// carry rounding error.
const PhaseTolerance = 1e-12

// ErrGlobalPhase is returned (wrapped) by the V2 writer for a circuit whose
// global phase OpenQASM 2.0 cannot express.
var ErrGlobalPhase = errors.New("OpenQASM 2.0 cannot express a global phase")

// WriteOptions configures the writer.
type WriteOptions struct {
	// DropGlobalPhase makes the V2 writer discard the circuit's global
	// phase (including the phases of 1-qubit unitaries written as u3)
	// instead of failing. The state changes by that phase factor only.
	DropGlobalPhase bool
}

// Write writes c as an OpenQASM program of version v. It fails, writing
// nothing, for an invalid circuit or an op the version cannot express
// exactly (see the package documentation).
func Write(w io.Writer, c *circuits.Circuit, v Version) error {
	return WriteOptions{}.Write(w, c, v)
}

// Marshal returns c as an OpenQASM program of version v.
func Marshal(c *circuits.Circuit, v Version) ([]byte, error) {
	return WriteOptions{}.Marshal(c, v)
}

// Write writes c as an OpenQASM program of version v with these options.
func (o WriteOptions) Write(w io.Writer, c *circuits.Circuit, v Version) error {
	if err := c.Validate(); err != nil {
		return fmt.Errorf("qasm: cannot write an invalid circuit: %w", err)
	}
	switch v {
	case V2:
		return o.writeV2(w, c)
	case V3:
		return writeV3(w, c)
	}
	return fmt.Errorf("qasm: unknown version %d (want V2 or V3)", int(v))
}

// Marshal returns c as an OpenQASM program of version v with these options.
func (o WriteOptions) Marshal(c *circuits.Circuit, v Version) ([]byte, error) {
	var b bytes.Buffer
	if err := o.Write(&b, c, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// zeroPhase reports whether a phase is a multiple of 2π within PhaseTolerance.
func zeroPhase(phase float64) bool {
	return math.Abs(math.Remainder(phase, 2*math.Pi)) <= PhaseTolerance
}

// gateKey is a base gate with a number of controls.
type gateKey struct {
	gate     circuits.Gate
	controls int
}
