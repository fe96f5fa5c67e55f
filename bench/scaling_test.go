package bench

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

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/statevec"
	"github.com/qmlkit/qmlkit/tensornet"
)

func TestCircuitGateCounts(t *testing.T) {
	for kind, want := range map[string]int{
		KindH: 24, KindCNOT: 23, KindQFT: 24 + 276 + 12, KindRandom: 710, KindGHZ: 24,
		KindZZMap: 2 * (24 + 24 + 3*23),
	} {
		c, err := Circuit(kind, 24)
		require.NoError(t, err, kind)
		assert.Equal(t, want, countGates(c), kind)
	}
	_, err := Circuit("toffoli", 5)
	assert.ErrorContains(t, err, `"toffoli"`)
	_, err = Circuit(KindQFT, 1)
	assert.ErrorContains(t, err, "at least 2 qubits")
	a, b := RandomLayers(6, 3, 9), RandomLayers(6, 3, 9)
	assert.Equal(t, a.Ops, b.Ops, "the seed fixes the angles")
}

// TestItsubakiAgrees: every benchmark circuit gives the same amplitudes on
// itsubaki/q and statevec (1e−10), so the comparison times equal work.
func TestItsubakiAgrees(t *testing.T) {
	for _, kind := range Kinds() {
		c, err := Circuit(kind, 5)
		require.NoError(t, err)
		c.GlobalPhase = 0.3
		want, _, err := statevec.Simulator{Fusion: -1}.RunState(c)
		require.NoError(t, err)
		got, err := RunItsubaki(c)
		require.NoError(t, err)
		for i, a := range want.Data() {
			require.InDelta(t, 0, cmplx.Abs(a-got[i]), 1e-10, "%s: amplitude %d", kind, i)
		}
	}
	_, err := RunItsubaki(circuits.New(2, 1).Measure(0, 0))
	assert.ErrorContains(t, err, "not supported")
}

func TestMemoryPass(t *testing.T) {
	x := make([]complex128, parallelMin+3)
	y := make([]complex64, 5)
	for i := range x {
		x[i] = complex(float64(i), -1)
	}
	for i := range y {
		y[i] = complex(float32(i), 2)
	}
	MemoryPass(x, 0.5, 3)
	MemoryPass(y, 2, 1)
	for i, v := range x {
		require.Equal(t, complex(float64(i)/2, -0.5), v)
	}
	for i, v := range y {
		require.Equal(t, complex(float32(2*i), 4), v)
	}
	p, err := MeasurePass(10, 2, statevec.Complex64, 2)
	require.NoError(t, err)
	assert.Positive(t, p.Seconds)
	_, err = MeasurePass(0, 1, statevec.Complex128, 1)
	assert.Error(t, err)
}

// mpsLike wraps a statevec state with the reports an approximate backend
// gives, to drive the harness's non-dense path.
type mpsLike struct{ *statevec.State }

func (mpsLike) FidelityEstimate() float64 { return 0.875 }
func (mpsLike) MaxBondReached() int       { return 4 }

type mpsSim struct{}

func (mpsSim) Name() string { return "fake-mps" }
func (mpsSim) Run(c *circuits.Circuit) (backend.State, error) {
	st, _, err := statevec.Simulator{}.RunState(c)
	return mpsLike{st}, err
}

// TestScaling runs tiny sweeps through every output: the dense rows carry
// the bound, the approximate ones bond and fidelity, and the guard's
// refusal ends a sweep with the error recorded.
func TestScaling(t *testing.T) {
	var progress bytes.Buffer
	cfg := Config{Circuit: KindQFT, Min: 4, Max: 6, Threads: []int{1, 2}, Dense: true, Repeats: 1}
	rows, err := Scaling(context.Background(), cfg, func(threads int) (backend.Simulator, error) {
		return statevec.Simulator{Threads: threads}, nil
	}, &progress)
	require.NoError(t, err)
	require.Len(t, rows, 6)
	for _, r := range rows {
		assert.Equal(t, "statevec", r.Backend)
		assert.Equal(t, "complex128", r.Precision)
		assert.Positive(t, r.Seconds)
		assert.Positive(t, r.PassSeconds)
		assert.InDelta(t, r.Seconds/(float64(r.Gates)*r.PassSeconds), r.Passes, 1e-9*r.Passes)
		assert.InDelta(t, r.Seconds/float64(r.Gates)/math.Ldexp(1, r.Qubits)*1e9, r.NsPerAmpGate, 1e-9*r.NsPerAmpGate)
		assert.Positive(t, r.ItsubakiSeconds)
	}
	assert.Equal(t, 6, strings.Count(progress.String(), "\n"))

	var table, csv, js bytes.Buffer
	require.NoError(t, WriteTable(&table, rows))
	assert.Contains(t, table.String(), "| passes/gate |")
	assert.Equal(t, 2+6, strings.Count(table.String(), "\n"))
	require.NoError(t, WriteCSV(&csv, rows))
	assert.Equal(t, 7, strings.Count(csv.String(), "\n"))
	require.NoError(t, WriteJSON(&js, rows))
	var back []Row
	require.NoError(t, json.Unmarshal(js.Bytes(), &back))
	assert.Equal(t, rows, back)
	png := filepath.Join(t.TempDir(), "scaling.png")
	require.NoError(t, WritePlot(png, rows))
	head := make([]byte, 4)
	f, err := os.Open(png)
	require.NoError(t, err)
	_, err = f.Read(head)
	require.NoError(t, err)
	f.Close()
	assert.Equal(t, "\x89PNG", string(head))

	rows, err = Scaling(context.Background(), Config{Circuit: KindGHZ, Min: 3, Max: 3, ItsubakiMaxQubits: -1},
		func(int) (backend.Simulator, error) { return mpsSim{}, nil }, &progress)
	require.NoError(t, err)
	require.Len(t, rows, 1)
	assert.Equal(t, 4, rows[0].MaxBond)
	assert.Equal(t, 0.875, rows[0].Fidelity)
	assert.Zero(t, rows[0].PassSeconds)
	assert.Equal(t, "off", rows[0].ItsubakiNote)
	table.Reset()
	require.NoError(t, WriteTable(&table, rows))
	assert.Contains(t, table.String(), "| max bond | fidelity |")

	// A comparison backend is timed beside the first up to its limit; the
	// step skips widths; a non-dense sweep may pass statevec's width limit.
	rows, err = Scaling(context.Background(), Config{Circuit: KindGHZ, Min: 3, Max: 70, Step: 33, ItsubakiMaxQubits: -1,
		Compare: func(int) (backend.Simulator, error) { return statevec.Simulator{}, nil }, CompareMaxQubits: 40},
		func(int) (backend.Simulator, error) { return tensornet.Simulator{}, nil }, &progress)
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, []int{3, 36, 69}, []int{rows[0].Qubits, rows[1].Qubits, rows[2].Qubits})
	assert.Equal(t, "statevec", rows[0].CompareBackend)
	assert.Positive(t, rows[0].CompareSeconds)
	assert.Equal(t, "refused from 36 qubits (memory)", rows[1].CompareNote)
	assert.Equal(t, rows[1].CompareNote, rows[2].CompareNote, "once refused, not tried again")
	table.Reset()
	require.NoError(t, WriteTable(&table, rows))
	assert.Contains(t, table.String(), "| statevec (s) | statevec ÷ mps |")
	assert.Equal(t, 2, rows[2].MaxBond)

	rows, err = Scaling(context.Background(), Config{Circuit: KindH, Min: 35, Max: 36, Dense: true, ItsubakiMaxQubits: -1},
		func(int) (backend.Simulator, error) { return statevec.Simulator{}, nil }, &progress)
	require.NoError(t, err)
	require.Len(t, rows, 1, "the sweep stops at the first refusal")
	assert.Contains(t, rows[0].Error, "35 qubits need")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Scaling(ctx, cfg, func(int) (backend.Simulator, error) { return statevec.Simulator{}, nil }, &progress)
	assert.ErrorIs(t, err, context.Canceled)
	for _, bad := range []Config{{Min: 1}, {Min: 9, Max: 8}, {Threads: []int{0}}, {Repeats: -1}, {Step: -1},
		{Dense: true, Max: 63}, {Max: MaxQubits + 1}} {
		_, err := Scaling(context.Background(), bad, nil, &progress)
		assert.Error(t, err, "%+v", bad)
	}
}

func TestMachine(t *testing.T) {
	m := Machine()
	assert.Contains(t, m, "CPUs")
	assert.Contains(t, m, "GOMAXPROCS")
}
