package pauli

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseQiskitOrder(t *testing.T) {
	term, err := Parse("XIZY")
	require.NoError(t, err)
	assert.Equal(t, []Factor{{0, 'Y'}, {1, 'Z'}, {3, 'X'}}, term.Factors)
	x, z, ny, err := term.Masks()
	require.NoError(t, err)
	assert.Equal(t, uint64(0b1001), x)
	assert.Equal(t, uint64(0b0011), z)
	assert.Equal(t, 1, ny)
	assert.Equal(t, "Y0 Z1 X3", term.String())
}

func TestNewTermErrors(t *testing.T) {
	_, err := NewTerm(1, "ZQ", 0, 1)
	assert.ErrorContains(t, err, "letter")
	_, err = NewTerm(1, "ZZ", 2, 2)
	assert.ErrorContains(t, err, "twice")
	_, err = NewTerm(1, "Z", 0, 1)
	assert.ErrorContains(t, err, "letters")
	term, err := NewTerm(0.5, "zx", 5, 2)
	require.NoError(t, err)
	assert.Equal(t, "0.5*X2 Z5", term.String())
	assert.ErrorContains(t, term.Validate(5), "out of range")
	assert.NoError(t, term.Validate(6))
	_, _, _, err = Z(64).Masks()
	assert.Error(t, err)
}

func ExampleParse() {
	zz, _ := Parse("ZZI") // Z on qubits 1 and 2
	obs := Sum{zz.Scale(0.5), X(0)}
	fmt.Println(obs)
	// Output: 0.5*Z1 Z2 + X0
}
