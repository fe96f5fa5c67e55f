package bench

import (
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/qmlkit/qmlkit/internal/memorypass"
	"github.com/qmlkit/qmlkit/statevec"
)

// The bandwidth probe is the yardstick of every figure: one in-place
// read-modify-write pass over a state of the same size (each amplitude
// scaled by a real factor), the least a one-qubit gate can cost when the
// state does not fit in cache. Times are reported as passes: time / (gates
// × one pass), measured in the same run, because absolute times on a
// shared machine drift while ratios measured side by side do not.

// amplitude is a state-vector element type.
type amplitude = memorypass.Amplitude

// parallelMin is the state length from which MemoryPass splits the pass
// across goroutines: statevec's threshold, below which fork and join cost
// more than a second core saves.
const parallelMin = 1 << 16

// MemoryPass scales every amplitude of x by f in place on threads
// goroutines (contiguous chunks; one below parallelMin amplitudes), as one
// in-place pass of a gate kernel.
func MemoryPass[C amplitude](x []C, f float64, threads int) {
	threads = max(1, min(threads, len(x)))
	if threads == 1 || len(x) < parallelMin {
		memorypass.ScaleReal(x, f)
		return
	}
	step := (len(x) + threads - 1) / threads
	var wg sync.WaitGroup
	for lo := 0; lo < len(x); lo += step {
		part := x[lo:min(lo+step, len(x))]
		wg.Go(func() { memorypass.ScaleReal(part, f) })
	}
	wg.Wait()
}

// Pass is the time of one memory pass, the fastest of several.
type Pass struct {
	Qubits    int
	Threads   int
	Precision statevec.Precision
	Seconds   float64
}

// MeasurePass allocates an n-qubit state of the given precision, touches
// it, and returns the fastest of repeats in-place passes on threads
// goroutines. Factors alternate between f and 1/f so values stay bounded.
func MeasurePass(n, threads int, p statevec.Precision, repeats int) (Pass, error) {
	if n < 1 || n > 40 {
		return Pass{}, fmt.Errorf("bench: memory pass over %d qubits", n)
	}
	need := uint64(16) << n
	if p == statevec.Complex64 {
		need /= 2
	}
	if avail, ok := availableMemory(); ok && need > avail {
		return Pass{}, fmt.Errorf("bench: a memory pass over %d qubits needs %d bytes, %d available: %w", n, need, avail, statevec.ErrTooLarge)
	}
	repeats = max(1, repeats)
	var best time.Duration
	run := func(pass func(f float64)) {
		f := 1.0000001
		pass(f) // first touch: page faults are not bandwidth
		for range repeats {
			f = 1 / f
			t0 := time.Now()
			pass(f)
			if d := time.Since(t0); best == 0 || d < best {
				best = d
			}
		}
	}
	switch p {
	case statevec.Complex64:
		x := make([]complex64, 1<<n)
		fill(x)
		run(func(f float64) { MemoryPass(x, f, threads) })
	default:
		x := make([]complex128, 1<<n)
		fill(x)
		run(func(f float64) { MemoryPass(x, f, threads) })
	}
	return Pass{Qubits: n, Threads: threads, Precision: p, Seconds: best.Seconds()}, nil
}

// fill sets uniform magnitudes (no denormals, no zeros the hardware could
// shortcut).
func fill[C amplitude](x []C) {
	a := C(complex(math.Sqrt(1/float64(len(x))), 0))
	for i := range x {
		x[i] = a
	}
}
