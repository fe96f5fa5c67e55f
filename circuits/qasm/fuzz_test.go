package qasm

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// fuzzOptions keeps each fuzz execution cheap: the default budget lets a
// small input legitimately expand to tens of millions of ops, which tests
// nothing new and would exhaust the machine's memory.
var fuzzOptions = ParseOptions{MaxOps: 1 << 16}

// FuzzParse feeds arbitrary bytes to the reader. It must not panic; every
// error must be an *Error with a position; every circuit must validate, and
// writing it as V2 and reading that back must give the same ops.
func FuzzParse(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.qasm"))
	require.NoError(f, err)
	for _, name := range files {
		src, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(src)
	}
	for _, b := range badInputs {
		f.Add([]byte(b.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := fuzzOptions.Parse(src, "fuzz.qasm")
		if err != nil {
			qe, ok := err.(*Error)
			require.True(t, ok, "error type %T", err)
			require.GreaterOrEqual(t, qe.Line, 1)
			require.GreaterOrEqual(t, qe.Col, 1)
			require.True(t, utf8.ValidString(qe.Error()))
			return
		}
		require.NoError(t, c.Validate())
		text, err := Marshal(c, V2)
		require.NoError(t, err, "a parsed circuit is always expressible in V2")
		back, err := fuzzOptions.Parse(text, "fuzz-roundtrip.qasm")
		require.NoError(t, err, "%s", text)
		requireSameOps(t, c, back)
		_, err = Marshal(c, V3)
		require.NoError(t, err)
	})
}
