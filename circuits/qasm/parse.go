package qasm

import (
	"errors"
	"io/fs"
	"os"

	"github.com/qmlkit/qmlkit/circuits"
)

// DefaultMaxOps is the expansion budget Parse uses (see ParseOptions.MaxOps).
const DefaultMaxOps = 10_000_000

// MaxClbits bounds the classical bits a file may declare, like
// circuits.MaxQubits bounds the qubits.
const MaxClbits = circuits.MaxQubits

// maxExprDepth bounds the nesting of an angle expression, so evaluating a
// hostile expression cannot exhaust the stack.
const maxExprDepth = 1000

// ParseOptions configures the reader.
type ParseOptions struct {
	// MaxOps bounds the work a file may expand to: one unit per operation
	// appended (a barrier counts one per qubit), plus, while expanding user
	// gate definitions, one per nested gate call and one per expression node
	// evaluated. It protects against small files that define exponentially
	// growing gates. Zero or negative means DefaultMaxOps.
	MaxOps int
}

// Parse reads an OpenQASM 2.0 program. filename is used only in error
// messages. Every error is an *Error with the line and column of the
// problem; the circuit returned passes Validate.
func Parse(src []byte, filename string) (*circuits.Circuit, error) {
	return ParseOptions{}.Parse(src, filename)
}

// ParseFile reads the OpenQASM 2.0 program in the file at path.
func ParseFile(path string) (*circuits.Circuit, error) {
	return ParseOptions{}.ParseFile(path)
}

// Parse reads an OpenQASM 2.0 program with these options.
func (o ParseOptions) Parse(src []byte, filename string) (*circuits.Circuit, error) {
	c, err := newParser(src, filename, o).run()
	if err != nil {
		return nil, err
	}
	return c, nil
}

// ParseFile reads the OpenQASM 2.0 program in the file at path with these
// options.
func (o ParseOptions) ParseFile(path string) (*circuits.Circuit, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		msg := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		return nil, &Error{File: path, Msg: "cannot read file: " + msg, err: err}
	}
	return o.Parse(src, path)
}
