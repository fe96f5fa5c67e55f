package bench

import (
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/qmlkit/qmlkit/statevec"
)

// The bandwidth probe is the yardstick of every figure: one in-place
// read-modify-write pass over a state of the same size (each amplitude
// scaled by a real factor), the least a one-qubit gate can cost when the
// state does not fit in cache. Times are reported as passes: time / (gates
// × one pass), measured in the same run, because absolute times on a
// shared machine drift while ratios measured side by side do not.

// amplitude is a state-vector element type.
type amplitude interface{ complex64 | complex128 }

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
		scaleReal(x, f)
		return
	}
	step := (len(x) + threads - 1) / threads
	var wg sync.WaitGroup
	for lo := 0; lo < len(x); lo += step {
		part := x[lo:min(lo+step, len(x))]
		wg.Go(func() { scaleReal(part, f) })
	}
	wg.Wait()
}

// scaleReal multiplies every amplitude by f, walking eight eighths of x
// side by side. Eight streams matter: on the reference machine one stream
// reaches only about 55 % of the read-modify-write bandwidth that eight
// reach (a pass over 24 qubits took 53 ms as one stream, 30 ms as eight),
// and a bound that slow would flatter every ratio measured against it.
func scaleReal[C amplitude](x []C, f float64) {
	e := len(x) / 8
	x0, x1, x2, x3 := x[:e], x[e : 2*e][:e], x[2*e : 3*e][:e], x[3*e : 4*e][:e]
	x4, x5, x6, x7 := x[4*e : 5*e][:e], x[5*e : 6*e][:e], x[6*e : 7*e][:e], x[7*e : 8*e][:e]
	for r := range x0 {
		x0[r] = scaleOne(x0[r], f)
		x1[r] = scaleOne(x1[r], f)
		x2[r] = scaleOne(x2[r], f)
		x3[r] = scaleOne(x3[r], f)
		x4[r] = scaleOne(x4[r], f)
		x5[r] = scaleOne(x5[r], f)
		x6[r] = scaleOne(x6[r], f)
		x7[r] = scaleOne(x7[r], f)
	}
	for r, v := range x[8*e:] {
		x[8*e+r] = scaleOne(v, f)
	}
}

// scaleOne returns f·v.
func scaleOne[C amplitude](v C, f float64) C {
	a := complex128(v)
	return C(complex(f*real(a), f*imag(a)))
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
