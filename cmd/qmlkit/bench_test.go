package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBenchScaling calls benchCommand directly (main.go's command list is
// the lead's to extend) on a tiny sweep with every output.
func TestBenchScaling(t *testing.T) {
	dir := t.TempDir()
	csv, png := filepath.Join(dir, "s.csv"), filepath.Join(dir, "s.png")
	var out, errOut bytes.Buffer
	err := benchCommand(context.Background(), []string{"scaling", "--circuit", "random", "--min", "4", "--max", "5",
		"--threads", "1,2", "--repeats", "1", "--csv", csv, "--plot", png}, &out, &errOut)
	require.NoError(t, err, errOut.String())
	assert.Contains(t, out.String(), "random circuit, backend statevec, complex128, fusion default. Machine: ")
	assert.Contains(t, out.String(), "| qubits | threads | gates | seconds | ns/amp/gate | passes/gate |")
	assert.Equal(t, 5, strings.Count(out.String(), "\n| "), "header and four rows")
	assert.Contains(t, errOut.String(), "machine: ")
	assert.Contains(t, errOut.String(), "statevec random n=5 threads=2:")
	b, err := os.ReadFile(csv)
	require.NoError(t, err)
	assert.Equal(t, 5, strings.Count(string(b), "\n"))
	b, err = os.ReadFile(png)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(b, []byte("\x89PNG")))

	out.Reset()
	err = benchCommand(context.Background(), []string{"scaling", "--backend", "mps", "--circuit", "ghz", "--min", "6", "--max", "6",
		"--max-bond", "8", "--itsubaki-max", "-1", "--json"}, &out, &errOut)
	require.NoError(t, err)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal(out.Bytes(), &rows))
	require.Len(t, rows, 1)
	assert.Equal(t, "mps", rows[0]["backend"])
	assert.EqualValues(t, 2, rows[0]["max_bond"], "GHZ has bond dimension 2")

	out.Reset()
	err = benchCommand(context.Background(), []string{"scaling", "--precision", "complex64", "--fusion", "2", "--circuit", "qft",
		"--min", "4", "--max", "4", "--itsubaki-max", "-1", "--json"}, &out, &errOut)
	require.NoError(t, err)
	assert.Contains(t, out.String(), `"precision": "complex64"`)

	for _, args := range [][]string{
		nil,
		{"weak"},
		{"scaling", "--threads", "0"},
		{"scaling", "--threads", "1,x"},
		{"scaling", "--precision", "float16"},
		{"scaling", "--backend", "gpu"},
		{"scaling", "--fusion", "9"},
		{"scaling", "--circuit", "toffoli", "--min", "4", "--max", "4"},
		{"scaling", "extra"},
	} {
		err := benchCommand(context.Background(), args, &out, &errOut)
		assert.Error(t, err, "%q", args)
	}
}
