package qasm

import (
	"fmt"
	"unicode/utf8"
)

// Error is a problem found while reading an OpenQASM file. Line and Col are
// 1-based; Col counts characters (runes), not bytes. Every error the reader
// returns is an *Error; a failure to read the file itself has Line 0 and
// unwraps to the underlying error.
type Error struct {
	File      string
	Line, Col int
	Msg       string
	err       error
}

// Error formats the error as "file:line:col: msg", leaving out the file name
// when it is empty and the position when it is unknown (Line 0).
func (e *Error) Error() string {
	switch {
	case e.Line == 0 && e.File == "":
		return e.Msg
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.File == "":
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
	default:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
}

// Unwrap returns the underlying I/O error, if any.
func (e *Error) Unwrap() error { return e.err }

// position converts a byte offset of src to a 1-based line and a 1-based
// column counted in runes. Bytes before off are valid UTF-8 (the reader checks
// the whole input before lexing), and off may equal len(src) for errors at
// the end of the input.
func position(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(src[start:off]) + 1
}

// errorAt builds an *Error at byte offset off of src.
func errorAt(file string, src []byte, off int, format string, args ...any) *Error {
	line, col := position(src, off)
	return &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}
