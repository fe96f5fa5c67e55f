package qasm

import (
	"fmt"
	"unicode/utf8"
)

type tokKind uint8

const (
	tEOF tokKind = iota
	tIdent
	tInt
	tReal
	tString
	tLParen
	tRParen
	tLBracket
	tRBracket
	tLBrace
	tRBrace
	tSemi
	tComma
	tArrow
	tEqEq
	tPlus
	tMinus
	tStar
	tSlash
	tCaret

	// Keywords of OpenQASM 2.0. U and CX are built-in gates, lexed as
	// identifiers.
	kwOPENQASM
	kwInclude
	kwQreg
	kwCreg
	kwGate
	kwOpaque
	kwMeasure
	kwReset
	kwBarrier
	kwIf
	kwPi
)

var keywords = map[string]tokKind{
	"OPENQASM": kwOPENQASM,
	"include":  kwInclude,
	"qreg":     kwQreg,
	"creg":     kwCreg,
	"gate":     kwGate,
	"opaque":   kwOpaque,
	"measure":  kwMeasure,
	"reset":    kwReset,
	"barrier":  kwBarrier,
	"if":       kwIf,
	"pi":       kwPi,
}

var punctuation = [...]string{
	tLParen: "(", tRParen: ")", tLBracket: "[", tRBracket: "]", tLBrace: "{", tRBrace: "}",
	tSemi: ";", tComma: ",", tArrow: "->", tEqEq: "==",
	tPlus: "+", tMinus: "-", tStar: "*", tSlash: "/", tCaret: "^",
}

// token is one lexeme; off and end are byte offsets into the source.
type token struct {
	kind     tokKind
	text     string
	off, end int
}

// describe names a token for error messages, shortening long ones.
func (t token) describe() string {
	if r := []rune(t.text); len(r) > 40 {
		t.text = string(r[:37]) + "..."
	}
	switch {
	case t.kind == tEOF:
		return "end of input"
	case t.kind == tIdent:
		return fmt.Sprintf("identifier %q", t.text)
	case t.kind == tInt || t.kind == tReal:
		return "number " + t.text
	case t.kind == tString:
		return "string " + t.text
	case t.kind >= kwOPENQASM:
		return fmt.Sprintf("keyword %q", t.text)
	default:
		return fmt.Sprintf("%q", t.text)
	}
}

// lexer turns validated source text into tokens on demand.
type lexer struct {
	src string // the input, converted once so token texts share its memory
	pos int
}

// checkInput rejects input that is not text: invalid UTF-8, NUL bytes and
// control characters other than white space. It returns the offset of the
// first offending byte and a message, or -1.
func checkInput(src []byte) (int, string) {
	for i := 0; i < len(src); {
		b := src[i]
		if b < utf8.RuneSelf {
			switch {
			case b == 0:
				return i, "NUL byte in input (binary data is not OpenQASM)"
			case b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\v' && b != '\f', b == 0x7f:
				return i, fmt.Sprintf("control character U+%04X in input (binary data is not OpenQASM)", b)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return i, fmt.Sprintf("invalid UTF-8 byte 0x%02x in input (binary data is not OpenQASM)", b)
		}
		i += size
	}
	return -1, ""
}

// lexError is a lexical error at a byte offset.
type lexError struct {
	off int
	msg string
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' }
func isDigit(b byte) bool  { return b >= '0' && b <= '9' }

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() *lexError {
	for l.pos < len(l.src) {
		switch b := l.src[l.pos]; {
		case b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f':
			l.pos++
		case b == '/' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '/':
			for l.pos < len(l.src) && l.src[l.pos] != '\n' {
				l.pos++
			}
		case b == '/' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '*':
			start := l.pos
			l.pos += 2
			for {
				if l.pos+1 >= len(l.src) {
					return &lexError{start, "unterminated block comment: '/*' without '*/'"}
				}
				if l.src[l.pos] == '*' && l.src[l.pos+1] == '/' {
					l.pos += 2
					break
				}
				l.pos++
			}
		default:
			return nil
		}
	}
	return nil
}

// next returns the next token.
func (l *lexer) next() (token, *lexError) {
	if err := l.skipSpace(); err != nil {
		return token{}, err
	}
	start := l.pos
	if start >= len(l.src) {
		return token{kind: tEOF, off: start, end: start}, nil
	}
	tok := func(k tokKind, n int) (token, *lexError) {
		l.pos += n
		return token{kind: k, text: l.src[start:l.pos], off: start, end: l.pos}, nil
	}
	b := l.src[start]
	switch {
	case isLetter(b):
		end := start + 1
		for end < len(l.src) && (isLetter(l.src[end]) || isDigit(l.src[end])) {
			end++
		}
		k := tIdent
		if kw, ok := keywords[l.src[start:end]]; ok {
			k = kw
		}
		return tok(k, end-start)
	case isDigit(b) || b == '.' && start+1 < len(l.src) && isDigit(l.src[start+1]):
		return l.number()
	case b == '"':
		end := start + 1
		for end < len(l.src) && l.src[end] != '"' && l.src[end] != '\n' {
			end++
		}
		if end >= len(l.src) || l.src[end] != '"' {
			return token{}, &lexError{start, "unterminated string"}
		}
		return tok(tString, end+1-start)
	case b == '-' && start+1 < len(l.src) && l.src[start+1] == '>':
		return tok(tArrow, 2)
	case b == '=' && start+1 < len(l.src) && l.src[start+1] == '=':
		return tok(tEqEq, 2)
	}
	if k := singleChar[b]; k != tEOF {
		return tok(k, 1)
	}
	r, _ := utf8.DecodeRuneInString(l.src[start:])
	return token{}, &lexError{start, fmt.Sprintf("unexpected character %q", r)}
}

// singleChar maps one-character punctuation to its token; tEOF marks others.
var singleChar = [256]tokKind{
	'(': tLParen, ')': tRParen, '[': tLBracket, ']': tRBracket, '{': tLBrace, '}': tRBrace,
	';': tSemi, ',': tComma, '+': tPlus, '-': tMinus, '*': tStar, '/': tSlash, '^': tCaret,
}

// number lexes an integer (digits only) or a real: digits with a fraction
// and/or an exponent, or a fraction starting with '.'.
func (l *lexer) number() (token, *lexError) {
	start, i, real := l.pos, l.pos, false
	for i < len(l.src) && isDigit(l.src[i]) {
		i++
	}
	if i < len(l.src) && l.src[i] == '.' {
		real = true
		i++
		for i < len(l.src) && isDigit(l.src[i]) {
			i++
		}
	}
	if i < len(l.src) && (l.src[i] == 'e' || l.src[i] == 'E') {
		j := i + 1
		if j < len(l.src) && (l.src[j] == '+' || l.src[j] == '-') {
			j++
		}
		if j < len(l.src) && isDigit(l.src[j]) {
			for j < len(l.src) && isDigit(l.src[j]) {
				j++
			}
			i, real = j, true
		} else {
			return token{}, &lexError{start, fmt.Sprintf("malformed number %q: exponent without digits", l.src[start:j])}
		}
	}
	if i < len(l.src) && (isLetter(l.src[i]) || l.src[i] == '.') {
		return token{}, &lexError{start, fmt.Sprintf("malformed number starting %q", l.src[start:i+1])}
	}
	l.pos = i
	k := tInt
	if real {
		k = tReal
	}
	return token{kind: k, text: l.src[start:i], off: start, end: i}, nil
}
