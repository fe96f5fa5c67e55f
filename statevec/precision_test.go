package statevec

import (
	"errors"
	"math"
	"math/cmplx"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/circuits"
)

func TestParsePrecision(t *testing.T) {
	for s, want := range map[string]Precision{"complex128": Complex128, "double": Complex128, "complex64": Complex64, "single": Complex64} {
		p, err := ParsePrecision(s)
		require.NoError(t, err)
		assert.Equal(t, want, p)
	}
	_, err := ParsePrecision("float16")
	assert.ErrorContains(t, err, `"float16"`)
	assert.Equal(t, "complex64", Complex64.String())
	assert.Equal(t, "Precision(7)", Precision(7).String())
	_, err = Simulator{Precision: 7}.Run(circuits.GHZ(2))
	assert.ErrorContains(t, err, "precision")
	_, _, err = Simulator{Precision: Complex64}.RunState(circuits.GHZ(2))
	assert.ErrorContains(t, err, "RunState64")
	_, err = Simulator{Fusion: 6}.Run(circuits.GHZ(2))
	assert.ErrorContains(t, err, "fusion width 6")
}

// TestState64API exercises the complex64 state's own methods against the
// values they must take.
func TestState64API(t *testing.T) {
	_, err := New64(0)
	assert.ErrorContains(t, err, "out of range")
	st, err := New64(2)
	require.NoError(t, err)
	assert.Equal(t, []complex64{1, 0, 0, 0}, st.Data())
	require.NoError(t, st.Apply(circuits.Op{Gate: circuits.H, Targets: []int{0}}))
	require.NoError(t, st.Apply(circuits.Op{Gate: circuits.X, Controls: []int{0}, Targets: []int{1}}))
	h := float32(1 / math.Sqrt2)
	assert.Equal(t, []complex64{complex(h, 0), 0, 0, complex(h, 0)}, st.Data())
	a, err := st.Amplitude([]byte{1, 1})
	require.NoError(t, err)
	assert.InDelta(t, 1/math.Sqrt2, real(a), 1e-7)
	cl, err := st.Clone()
	require.NoError(t, err)
	require.NoError(t, st.Apply(circuits.Op{Gate: circuits.X, Targets: []int{0}}))
	ip, err := cl.Inner(st)
	require.NoError(t, err)
	assert.InDelta(t, 0, cmplx.Abs(ip), 1e-7, "Bell states Φ+ and Ψ+ are orthogonal")
	ov, err := cl.Overlap(cl)
	require.NoError(t, err)
	assert.InDelta(t, 1, real(ov), 1e-7)
	require.NoError(t, cl.CopyFrom(st))
	assert.Equal(t, st.Data(), cl.Data())
	d, err := New(2)
	require.NoError(t, err)
	_, err = st.Overlap(d)
	assert.ErrorContains(t, err, "want *statevec.State64")
	_, err = d.Overlap(st)
	assert.ErrorContains(t, err, "want *statevec.State")
	assert.Error(t, st.CopyFrom(nil))
	_, err = st.Inner(nil)
	assert.Error(t, err)
	three, _ := New64(3)
	assert.Error(t, three.CopyFrom(st))

	f, err := FromAmplitudes64([]complex64{3, 4i})
	require.NoError(t, err)
	assert.InDelta(t, 5, f.Norm(), 1e-6)
	_, err = FromAmplitudes64([]complex64{1, 0, 0})
	assert.ErrorContains(t, err, "power of two")
	_, err = FromAmplitudes64([]complex64{1, complex(float32(math.Inf(1)), 0)})
	assert.ErrorContains(t, err, "amplitude 1")
}

// TestMemoryGuard64: complex64 halves the bytes; 36 qubits (512 GiB) are
// refused before allocating.
func TestMemoryGuard64(t *testing.T) {
	assert.Equal(t, uint64(8<<30), MemoryNeeded64(30))
	assert.Equal(t, uint64(16<<30), MemoryNeeded64(31))
	assert.Equal(t, uint64(math.MaxUint64), MemoryNeeded64(61))
	_, err := New64(36)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrTooLarge))
	assert.Contains(t, err.Error(), "36 qubits need 549755813888 bytes (512 GiB) of amplitudes")
	_, _, err = Simulator{}.RunState64(circuits.New(36).H(0))
	assert.True(t, errors.Is(err, ErrTooLarge))
}
