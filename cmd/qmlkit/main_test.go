package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"math/cmplx"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/backend/backendtest"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/circuits/qasm"
)

// qmlkit runs the command in-process and returns stdout, stderr and the exit status.
func qmlkit(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := mainWithArgs(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func decodeRun(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(s), &m), s)
	return m
}

func TestRunJSONGHZ(t *testing.T) {
	out, errOut, code := qmlkit(t, "run", "--json", "testdata/ghz3.qasm")
	require.Equal(t, 0, code, errOut)
	m := decodeRun(t, out)
	assert.Equal(t, 3.0, m["num_qubits"])
	assert.Equal(t, "statevec", m["backend"])
	assert.Equal(t, map[string]any{"000": 0.5000000000000001, "111": 0.5000000000000001}, roundedKeys(m["probabilities"]))
	assert.NotContains(t, m, "counts")
	assert.NotContains(t, m, "amplitudes")
}

// roundedKeys returns the probabilities map with values as decoded, after
// checking each is within 1e-12 of 0.5; it lets the assertion above show keys.
func roundedKeys(v any) map[string]any {
	m := v.(map[string]any)
	out := make(map[string]any, len(m))
	for k, p := range m {
		if math.Abs(p.(float64)-0.5) < 1e-12 {
			p = 0.5000000000000001
		}
		out[k] = p
	}
	return out
}

func TestRunShotsAreSeeded(t *testing.T) {
	a, _, code := qmlkit(t, "run", "--json", "--shots", "1000", "--seed", "9", "testdata/ghz3.qasm")
	require.Equal(t, 0, code)
	b, _, _ := qmlkit(t, "run", "--json", "--shots", "1000", "--seed", "9", "testdata/ghz3.qasm")
	c, _, _ := qmlkit(t, "run", "--json", "--shots", "1000", "--seed", "10", "testdata/ghz3.qasm")
	assert.Equal(t, a, b)
	assert.NotEqual(t, a, c)
	counts := decodeRun(t, a)["counts"].(map[string]any)
	assert.Len(t, counts, 2)
	assert.Equal(t, 1000.0, counts["000"].(float64)+counts["111"].(float64))
}

// TestRunMatchesIndependentSimulation runs a file with custom gates,
// broadcasting and expressions and compares the reported probabilities and
// amplitudes with the conformance suite's dense reference simulator.
func TestRunMatchesIndependentSimulation(t *testing.T) {
	out, errOut, code := qmlkit(t, "run", "--json", "--amplitudes", "testdata/custom.qasm")
	require.Equal(t, 0, code, errOut)
	m := decodeRun(t, out)
	c, err := qasm.ParseFile("testdata/custom.qasm")
	require.NoError(t, err)
	// Terminal measurements do not collapse the reported distribution.
	unitary := circuits.New(c.NumQubits)
	for _, op := range c.Ops {
		if op.Gate != circuits.Measure {
			unitary.Append(op)
		}
	}
	want, err := backendtest.ReferenceAmplitudes(unitary)
	require.NoError(t, err)
	amps := m["amplitudes"].([]any)
	require.Len(t, amps, len(want))
	probs := m["probabilities"].(map[string]any)
	for i, w := range want {
		pair := amps[i].([]any)
		got := complex(pair[0].(float64), pair[1].(float64))
		assert.InDelta(t, 0, cmplx.Abs(got-w), 1e-12, "amplitude %d", i)
		p := real(w)*real(w) + imag(w)*imag(w)
		key := circuits.Bitstring(uint64(i), c.NumQubits)
		if p > 1e-12 {
			assert.InDelta(t, p, probs[key].(float64), 1e-12, key)
		} else {
			assert.NotContains(t, probs, key)
		}
	}
}

func TestRunTopAndText(t *testing.T) {
	out, errOut, code := qmlkit(t, "run", "--top", "2", "--shots", "100", "testdata/custom.qasm")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "5 qubits, backend statevec")
	assert.Contains(t, out, "outcome")
	assert.Contains(t, out, "counts")
	out, _, code = qmlkit(t, "draw", "testdata/ghz3.qasm")
	require.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "q0: ──H──■"), out)
}

func TestRunWriteReadRoundTripKeepsAmplitudes(t *testing.T) {
	c, err := qasm.ParseFile("testdata/custom.qasm")
	require.NoError(t, err)
	text, err := qasm.Marshal(c, qasm.V2)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "again.qasm")
	require.NoError(t, os.WriteFile(path, text, 0o644))
	a, _, code := qmlkit(t, "run", "--json", "--amplitudes", "testdata/custom.qasm")
	require.Equal(t, 0, code)
	b, _, code := qmlkit(t, "run", "--json", "--amplitudes", path)
	require.Equal(t, 0, code)
	x, y := decodeRun(t, a)["amplitudes"].([]any), decodeRun(t, b)["amplitudes"].([]any)
	require.Equal(t, len(x), len(y))
	for i := range x {
		p, q := x[i].([]any), y[i].([]any)
		assert.InDelta(t, p[0].(float64), q[0].(float64), 1e-12)
		assert.InDelta(t, p[1].(float64), q[1].(float64), 1e-12)
	}
}

// TestMalformedInputs checks that each kind of broken file gives one line on
// stderr naming file, line and column, and exit status 2.
func TestMalformedInputs(t *testing.T) {
	head := "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\n"
	cases := []struct {
		name, src, pos string
	}{
		{"unknown gate", head + "foo q[0];\n", ":4:1:"},
		{"wrong arity", head + "cx q[0];\n", ":4:1:"},
		{"wrong parameter count", head + "rx(1,2) q[0];\n", ":4:1:"},
		{"bad expression", head + "rx(1+*2) q[0];\n", ":4:6:"},
		{"undeclared register", head + "h r[0];\n", ":4:3:"},
		{"index out of range", head + "h q[5];\n", ":4:5:"},
		{"missing semicolon", head + "h q[0]\nh q[1];\n", ":4:7:"},
		{"recursive gate", head + "gate g a { g a; }\ng q[0];\n", ":4:12:"},
		{"unterminated comment", head + "/* never closed\nh q[0];\n", ":4:1:"},
		{"binary garbage", head + "h q[0];\x00\xff\xfe\n", ":4:8:"},
		{"missing header", "qreg q[1];\n", ":1:1:"},
		{"conditional", head + "creg c[1];\nif (c==1) x q[0];\n", ":5:1:"},
	}
	dir := t.TempDir()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_")+".qasm")
			require.NoError(t, os.WriteFile(path, []byte(tc.src), 0o644))
			_, errOut, code := qmlkit(t, "run", path)
			assert.Equal(t, 2, code)
			assert.Contains(t, errOut, path+tc.pos)
			assert.Equal(t, 1, strings.Count(strings.TrimRight(errOut, "\n"), "\n")+1, "one line: %q", errOut)
		})
	}
}

func TestUsageErrors(t *testing.T) {
	_, errOut, code := qmlkit(t, "run")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "want one OpenQASM file")
	_, errOut, code = qmlkit(t, "run", "--backend", "gpu", "testdata/ghz3.qasm")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `unknown backend "gpu"`)
	_, errOut, code = qmlkit(t, "run", "testdata/missing.qasm")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "missing.qasm")
	_, _, code = qmlkit(t, "frobnicate")
	assert.Equal(t, 2, code)
	_, errOut, code = qmlkit(t, "reproduce", "no-such-paper")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "no reproduction named")
}

func TestReproduceJSON(t *testing.T) {
	out, errOut, code := qmlkit(t, "reproduce", "--quick", "--json", "ghz")
	require.Equal(t, 0, code, errOut)
	var res map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &res))
	assert.Equal(t, "ghz", res["name"])
	assert.Contains(t, res, "metrics")
	assert.Contains(t, res, "paper")
	assert.Contains(t, errOut, "[1/1] ghz")
}

// TestRunMPSAcceptanceFiles runs the wide OpenQASM files of the MPS backend
// through the command: exact (fidelity estimate 1) and the right outcome.
func TestRunMPSAcceptanceFiles(t *testing.T) {
	dir := filepath.Join("..", "..", "tensornet", "testdata")
	out, errOut, code := qmlkit(t, "run", "--backend", "mps", "--json", filepath.Join(dir, "ghz127.qasm"))
	require.Equal(t, 0, code, errOut)
	m := decodeRun(t, out)
	assert.Equal(t, "mps", m["backend"])
	assert.Equal(t, 1.0, m["fidelity_estimate"])
	assert.Equal(t, 2.0, m["max_bond"])
	probs := m["probabilities"].(map[string]any)
	require.Len(t, probs, 2)
	assert.InDelta(t, 0.5, probs[strings.Repeat("0", 127)].(float64), 1e-12)
	assert.InDelta(t, 0.5, probs[strings.Repeat("1", 127)].(float64), 1e-12)

	out, errOut, code = qmlkit(t, "run", "--backend", "mps", "--json", "--shots", "100", filepath.Join(dir, "bv140.qasm"))
	require.Equal(t, 0, code, errOut)
	m = decodeRun(t, out)
	assert.Equal(t, 1.0, m["fidelity_estimate"])
	probs = m["probabilities"].(map[string]any)
	require.Len(t, probs, 1)
	for bits, p := range probs {
		assert.InDelta(t, 1, p.(float64), 1e-12)
		assert.Equal(t, byte('1'), bits[0], "the ancilla (qubit 140) ends in |1⟩")
		assert.Equal(t, map[string]any{bits: 100.0}, m["counts"])
	}

	// The QFT of a basis state is uniform: every outcome has probability
	// 2^−50 < 1e−12, so none is listed, and the state stays a product.
	out, errOut, code = qmlkit(t, "run", "--backend", "mps", "--json", filepath.Join(dir, "qft50.qasm"))
	require.Equal(t, 0, code, errOut)
	m = decodeRun(t, out)
	assert.Equal(t, 1.0, m["fidelity_estimate"])
	assert.Equal(t, 1.0, m["max_bond"])
	assert.Empty(t, m["probabilities"])

	_, errOut, code = qmlkit(t, "run", "--backend", "mps", "--cutoff-mode", "bogus", filepath.Join(dir, "ghz127.qasm"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "bogus")
}
