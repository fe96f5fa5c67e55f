package statevec

import (
	"errors"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/circuits"
)

func TestNewWidths(t *testing.T) {
	for _, n := range []int{0, -1, 63} {
		_, err := New(n)
		assert.ErrorContains(t, err, "out of range", "n = %d", n)
	}
	st, err := New(3)
	require.NoError(t, err)
	assert.Equal(t, 3, st.NumQubits())
	assert.Equal(t, 8, st.Len())
	assert.Equal(t, []complex128{1, 0, 0, 0, 0, 0, 0, 0}, st.Data())
}

// TestMemoryGuard: 40 qubits (16 TiB) are refused before any allocation —
// were they not, the test process would die.
func TestMemoryGuard(t *testing.T) {
	assert.Equal(t, uint64(17592186044416), MemoryNeeded(40))
	assert.Equal(t, uint64(16<<20), MemoryNeeded(20))
	assert.Equal(t, uint64(math.MaxUint64), MemoryNeeded(62))
	_, err := New(40)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrTooLarge))
	assert.Contains(t, err.Error(), "40 qubits need 17592186044416 bytes (16 TiB) of amplitudes but only")
	assert.Contains(t, err.Error(), "tensornet")
	_, err = New(62)
	assert.True(t, errors.Is(err, ErrTooLarge))
	assert.Contains(t, err.Error(), "73786976294838206464 bytes (64 EiB)")
	assert.Equal(t, "23.4 GiB", humanBytes(23.4*(1<<30)))
}

func TestFromAmplitudes(t *testing.T) {
	_, err := FromAmplitudes([]complex128{1, 0, 0})
	assert.ErrorContains(t, err, "power of two")
	_, err = FromAmplitudes([]complex128{1})
	assert.ErrorContains(t, err, "power of two")
	_, err = FromAmplitudes([]complex128{1, complex(math.NaN(), 0)})
	assert.ErrorContains(t, err, "amplitude 1")
	src := []complex128{3, 4i, 0, 0}
	st, err := FromAmplitudes(src)
	require.NoError(t, err)
	src[0] = 7
	assert.Equal(t, complex128(3), st.Data()[0], "FromAmplitudes copies")
	assert.InDelta(t, 5, st.Norm(), 1e-15)
	require.NoError(t, st.Normalize())
	assert.InDelta(t, 1, st.Norm(), 1e-15)
	assert.InDelta(t, 0, cmplx.Abs(st.Data()[1]-0.8i), 1e-15)
	zero, err := FromAmplitudes(make([]complex128, 4))
	require.NoError(t, err)
	assert.Error(t, zero.Normalize())
}

func TestCloneCopyFrom(t *testing.T) {
	st, _ := New(2)
	require.NoError(t, st.Apply(circuits.Op{Gate: circuits.H, Targets: []int{1}}))
	cl, err := st.Clone()
	require.NoError(t, err)
	require.NoError(t, st.Apply(circuits.Op{Gate: circuits.X, Targets: []int{0}}))
	assert.InDelta(t, 1/math.Sqrt2, real(cl.Data()[0]), 1e-15, "clone is independent")
	require.NoError(t, cl.CopyFrom(st))
	assert.Equal(t, st.Data(), cl.Data())
	three, _ := New(3)
	assert.Error(t, three.CopyFrom(st))
	assert.Error(t, three.CopyFrom(nil))
	assert.Error(t, st.SetThreads(-1))
}

// TestApplyMatrixNonUnitary applies a projector and a generator derivative,
// checked against the explicit dense product.
func TestApplyMatrixNonUnitary(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for trial := range 40 {
		n := 3 + rng.IntN(4)
		k := 1 + rng.IntN(3)
		qs := rng.Perm(n)
		targets, controls := qs[:k], qs[k:k+rng.IntN(min(2, n-k)+1)]
		d := 1 << k
		m := make([]complex128, d*d)
		for i := range m {
			if trial%2 == 0 || i%(d+1) == 0 { // odd trials: diagonal
				m[i] = complex(rng.NormFloat64(), rng.NormFloat64())
			}
		}
		amp := make([]complex128, 1<<n)
		for i := range amp {
			amp[i] = complex(rng.NormFloat64(), rng.NormFloat64())
		}
		st, err := FromAmplitudes(amp)
		require.NoError(t, err)
		require.NoError(t, st.ApplyMatrix(m, targets, controls))
		op := circuits.Op{Gate: circuits.Unitary, Targets: targets, Controls: controls, Matrix: m}
		full, err := op.FullMatrix(nil)
		require.NoError(t, err)
		want := denseApply(amp, full, op.Qubits())
		for i := range want {
			require.InDelta(t, 0, cmplx.Abs(want[i]-st.Data()[i]), 1e-10)
		}
	}
}

// denseApply multiplies amp by the matrix m on qubits by scanning all rows.
func denseApply(amp, m []complex128, qubits []int) []complex128 {
	d := 1 << len(qubits)
	out := make([]complex128, len(amp))
	for i := range amp {
		r := 0
		for j, q := range qubits {
			r |= (i >> q & 1) << j
		}
		for c := 0; c < d; c++ {
			src := i
			for j, q := range qubits {
				src = src&^(1<<q) | (c>>j&1)<<q
			}
			out[i] += m[r*d+c] * amp[src]
		}
	}
	return out
}

func TestApplyErrors(t *testing.T) {
	st, _ := New(3)
	id := []complex128{1, 0, 0, 1}
	assert.ErrorContains(t, st.ApplyMatrix(id, []int{3}, nil), "out of range")
	assert.ErrorContains(t, st.ApplyMatrix(id, []int{1}, []int{1}), "twice")
	assert.ErrorContains(t, st.ApplyMatrix(id, nil, nil), "targets")
	assert.ErrorContains(t, st.ApplyMatrix(id, []int{0, 1}, nil), "entries")
	assert.ErrorContains(t, st.ApplyMatrix([]complex128{1, 0, 0, complex(math.Inf(1), 0)}, []int{0}, nil), "entry 3")
	assert.ErrorContains(t, st.Apply(circuits.Op{Gate: circuits.Measure, Targets: []int{0}, Clbits: []int{0}}), "State.Measure")
	assert.ErrorContains(t, st.Apply(circuits.Op{Gate: circuits.Reset, Targets: []int{0}}), "ResetQubit")
	assert.ErrorContains(t, st.Apply(circuits.Op{Gate: circuits.RX, Targets: []int{0}, Params: []circuits.Param{circuits.Var(0)}}), "unbound")
	assert.ErrorContains(t, st.Apply(circuits.Op{Gate: circuits.SWAP, Targets: []int{0, 0}}), "twice")
	assert.NoError(t, st.Apply(circuits.Op{Gate: circuits.Barrier, Targets: []int{0, 1}}))
	assert.Equal(t, complex128(1), st.Data()[0])
}
