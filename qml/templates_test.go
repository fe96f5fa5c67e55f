package qml

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/kernels"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/statevec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func amplitudes(t *testing.T, c *circuits.Circuit, theta []float64) []complex128 {
	t.Helper()
	d, err := NewDifferentiable(c)
	require.NoError(t, err)
	st, err := d.State(theta, nil)
	require.NoError(t, err)
	return st.Data()
}

// TestAngleEmbedding: RY(x_i) on qubit i of |0…0⟩ is the product state
// ⊗(cos(x_i/2)|0⟩ + sin(x_i/2)|1⟩); one feature fewer than qubits leaves
// the last qubit alone.
func TestAngleEmbedding(t *testing.T) {
	x := []float64{0.3, -1.2}
	c := circuits.New(3)
	require.NoError(t, AngleEmbedding(c, circuits.Nums(x...), []int{0, 2, 1}, circuits.RY))
	amp := amplitudes(t, c, nil)
	for i := range amp {
		b0, b2, b1 := i&1, i>>2&1, i>>1&1
		want := 0.0
		if b1 == 0 {
			want = half(x[0], b0) * half(x[1], b2)
		}
		assert.InDelta(t, want, real(amp[i]), 1e-15, "index %d", i)
		assert.InDelta(t, 0, imag(amp[i]), 1e-15)
	}
	assert.ErrorContains(t, AngleEmbedding(c, circuits.Nums(1, 2, 3, 4), []int{0, 1, 2}, circuits.RX), "4 features for 3 qubits")
	assert.ErrorContains(t, AngleEmbedding(c, circuits.Nums(1), []int{0}, circuits.H), "not rx, ry or rz")
	assert.ErrorContains(t, AngleEmbedding(c, circuits.Nums(1), []int{5}, circuits.RX), "out of range")
}

func half(x float64, bit int) float64 {
	if bit == 0 {
		return math.Cos(x / 2)
	}
	return math.Sin(x / 2)
}

// TestEfficientSU2Layout checks Qiskit's structure: parameter count
// 2n(reps+1), layer order RY then RZ, reverse-linear CX entanglers.
func TestEfficientSU2Layout(t *testing.T) {
	c := circuits.New(3)
	ps, err := EfficientSU2(c, []int{0, 1, 2}, 1, "")
	require.NoError(t, err)
	assert.Len(t, ps, 12)
	var names []string
	for _, op := range c.Ops {
		names = append(names, op.Name())
	}
	assert.Equal(t, []string{"ry", "ry", "ry", "rz", "rz", "rz", "cx", "cx", "ry", "ry", "ry", "rz", "rz", "rz"}, names)
	assert.Equal(t, []int{1}, c.Ops[6].Controls)
	assert.Equal(t, []int{2}, c.Ops[6].Targets)
	assert.Equal(t, []int{0}, c.Ops[7].Controls)
	assert.Equal(t, 4, c.Ops[4].Params[0].Index) // θ[n+1]: the RZ on qubit 1 of layer 0
	ra := circuits.New(4)
	ps, err = RealAmplitudes(ra, []int{0, 1, 2, 3}, 3, kernels.Full)
	require.NoError(t, err)
	assert.Len(t, ps, 16)
	assert.Equal(t, 3*6, ra.CountOps()["cx"])
}

// pennylaneRot is PennyLane's documented Rot(φ, θ, ω) matrix.
func pennylaneRot(phi, theta, omega float64) [4]complex128 {
	c, s := math.Cos(theta/2), math.Sin(theta/2)
	return [4]complex128{
		cmplx.Rect(c, -(phi+omega)/2), -cmplx.Rect(s, (phi-omega)/2),
		cmplx.Rect(s, -(phi-omega)/2), cmplx.Rect(c, (phi+omega)/2),
	}
}

// TestStronglyEntanglingLayers: one qubit, one layer is PennyLane's Rot
// matrix column by column; on four qubits the CNOT ranges follow
// r = (l mod (n−1)) + 1 and the weights' layout is (l·n + i)·3 + k.
func TestStronglyEntanglingLayers(t *testing.T) {
	w := []float64{0.3, 1.1, -0.8}
	rot := pennylaneRot(w[0], w[1], w[2])
	for col := 0; col < 2; col++ {
		c := circuits.New(1)
		if col == 1 {
			c.X(0)
		}
		_, err := StronglyEntanglingLayers(c, []int{0}, 1, nil)
		require.NoError(t, err)
		amp := amplitudes(t, c, w)
		for row := 0; row < 2; row++ {
			assert.InDelta(t, 0, cmplx.Abs(amp[row]-rot[2*row+col]), 1e-15, "Rot[%d][%d]", row, col)
		}
	}

	c := circuits.New(4)
	ps, err := StronglyEntanglingLayers(c, []int{0, 1, 2, 3}, 3, nil)
	require.NoError(t, err)
	assert.Len(t, ps, 36)
	var cx [][2]int
	for _, op := range c.Ops {
		if op.Name() == "cx" {
			cx = append(cx, [2]int{op.Controls[0], op.Targets[0]})
		}
	}
	want := [][2]int{}
	for l := 0; l < 3; l++ {
		r := l%3 + 1
		for i := 0; i < 4; i++ {
			want = append(want, [2]int{i, (i + r) % 4})
		}
	}
	assert.Equal(t, want, cx)
	// Layer 1, qubit 2, component ω (k = 2): the third gate of that block.
	opsPerLayer := 4*3 + 4
	assert.Equal(t, (1*4+2)*3+2, c.Ops[opsPerLayer+2*3+2].Params[0].Index)

	_, err = StronglyEntanglingLayers(circuits.New(3), []int{0, 1, 2}, 2, []int{1, 3})
	assert.ErrorContains(t, err, "range 3 of layer 1")
}

// TestDataReuploading: the split encoding equals Rot(θ + w∘x) built from
// summed angles, and ∂/∂w_k = x_k·∂/∂θ_k exactly (same-axis rotations add).
func TestDataReuploading(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 3))
	x := []float64{0.7, -1.3, 0.4}
	c := circuits.New(2)
	ps, err := DataReuploading(c, x, []int{0, 1}, 2)
	require.NoError(t, err)
	require.Len(t, ps, 24)
	theta := randomTheta(rng, 24)
	amp := amplitudes(t, c, theta)

	ref := circuits.New(2)
	for l := 0; l < 2; l++ {
		for q := 0; q < 2; q++ {
			base := (l*2 + q) * 6
			a := func(k int) float64 { return theta[base+k] + theta[base+3+k]*x[k] }
			ref.RZ(a(0), q).RY(a(1), q).RZ(a(2), q)
		}
		if l == 0 {
			ref.CZ(0, 1)
		}
	}
	want := amplitudes(t, ref, nil)
	for i := range amp {
		assert.InDelta(t, 0, cmplx.Abs(amp[i]-want[i]), 1e-14)
	}

	d, err := NewDifferentiable(c)
	require.NoError(t, err)
	g := make([]float64, 24)
	_, err = d.Gradient(theta, pauli.Sum{pauli.Z(0), pauli.X(1).Scale(0.5)}, nil, g)
	require.NoError(t, err)
	for blk := 0; blk < 4; blk++ {
		for k := 0; k < 3; k++ {
			assert.InDelta(t, x[k]*g[blk*6+k], g[blk*6+3+k], 1e-13, "block %d k %d", blk, k)
		}
	}
	_, err = DataReuploading(circuits.New(1), []float64{1, 2, 3, 4}, []int{0}, 1)
	assert.ErrorContains(t, err, "4 features")
}

// TestHavlicekAnsatz checks the layout and that W(θ) = I at θ = 0 except
// for the CZ entanglers, which leave |00⟩ unchanged.
func TestHavlicekAnsatz(t *testing.T) {
	c := circuits.New(3)
	ps, err := HavlicekAnsatz(c, []int{0, 1, 2}, 2, nil)
	require.NoError(t, err)
	assert.Len(t, ps, 2*3*3)
	assert.Equal(t, 2*3, c.CountOps()["cz"])
	assert.Equal(t, "ry", c.Ops[2].Name())
	assert.Equal(t, 2, c.Ops[2].Params[0].Index) // layer 0, qubit 1, θʸ
	amp := amplitudes(t, c, make([]float64, 18))
	assert.InDelta(t, 1, real(amp[0]), 1e-15)
	_, err = HavlicekAnsatz(circuits.New(2), []int{0, 1}, 1, [][2]int{{0, 0}})
	assert.ErrorContains(t, err, "edge")
	// The state after the ansatz is simulated on statevec directly too.
	st, _, err := statevec.Simulator{}.RunState(mustBind(t, c, make([]float64, 18)))
	require.NoError(t, err)
	assert.InDelta(t, 1, real(st.Data()[0]), 1e-15)
}

func mustBind(t *testing.T, c *circuits.Circuit, theta []float64) *circuits.Circuit {
	t.Helper()
	b, err := c.Bind(theta)
	require.NoError(t, err)
	return b
}
