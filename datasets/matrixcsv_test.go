package datasets

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadMatrixCSV(t *testing.T) {
	X, err := ReadMatrixCSV(strings.NewReader("1,2.5,-3e-2\n 4 , 5,6\n\n7,8,9"))
	require.NoError(t, err)
	assert.Equal(t, [][]float64{{1, 2.5, -0.03}, {4, 5, 6}, {7, 8, 9}}, X)
}

func TestReadMatrixCSVErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, msg string }{
		{"empty", "", "empty input, no rows"},
		{"blank lines only", "\n\n", "empty input, no rows"},
		{"ragged", "1,2,3\n4,5\n", "row 2 has 2 columns, row 1 has 3"},
		{"ragged after blank line", "1,2\n\n3\n", "row 2 (line 3) has 1 columns, row 1 has 2"},
		{"not a number", "1,2\n3,x\n", `row 2, column 2: "x" is not a number`},
		{"header", "a,b\n1,2\n", `row 1, column 1: "a" is not a number (header lines are not allowed)`},
		{"NaN", "1,NaN\n", `row 1, column 2: "NaN" is not finite`},
		{"Inf", "1,2\n-Inf,3\n", `row 2, column 1: "-Inf" is not finite`},
		{"overflow", "1e400\n", `row 1, column 1: "1e400" overflows float64`},
		{"empty field", "1,,3\n", "row 1, column 2: empty value"},
		{"bad quote", "1,\"2\n", "row 1:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadMatrixCSV(strings.NewReader(tc.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
}

func TestMatrixCSVRoundTrip(t *testing.T) {
	X := [][]float64{
		{math.Pi, -1.0 / 3, 1e-300, 5e-324},
		{math.MaxFloat64, -0.0, 0.1 + 0.2, 123456789012345678},
	}
	var buf bytes.Buffer
	require.NoError(t, WriteMatrixCSV(&buf, X))
	assert.True(t, strings.HasPrefix(buf.String(), "3.141592653589793,-0.3333333333333333,1e-300,5e-324\n"))
	Y, err := ReadMatrixCSV(&buf)
	require.NoError(t, err)
	for i := range X {
		for j := range X[i] {
			assert.Equal(t, math.Float64bits(X[i][j]), math.Float64bits(Y[i][j]), "[%d][%d]", i, j)
		}
	}
}

func TestWriteMatrixCSVErrors(t *testing.T) {
	var buf bytes.Buffer
	assert.ErrorContains(t, WriteMatrixCSV(&buf, nil), "empty matrix")
	assert.ErrorContains(t, WriteMatrixCSV(&buf, [][]float64{{1, 2}, {3}}), "row 2 has 1 columns, row 1 has 2")
	assert.ErrorContains(t, WriteMatrixCSV(&buf, [][]float64{{1, math.Inf(-1)}}), "row 1, column 2: -Inf is not finite")
}
