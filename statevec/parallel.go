package statevec

import (
	"runtime"
	"sync"

	"github.com/qmlkit/qmlkit/statevec/internal/kernel"
)

// defaultParallelMin is the number of amplitudes an operation must touch
// before it is split across goroutines. Measured with BenchmarkThreshold on
// the shared 2-core machine (fastest of 40 interleaved runs of 8 H gates):
// two goroutines lose below 2^15 amplitudes (2× slower at 2^12), break even
// at 2^15, and win 1.2× at 2^16–2^17 and 1.4–1.6× at 2^18–2^19.
const defaultParallelMin = 1 << 16

// reduceChunks bounds the number of fixed chunks a reduction is split into.
// Chunk boundaries depend only on the length, never on the thread count,
// so sums come out bit-identical for every GOMAXPROCS.
const (
	reduceChunks    = 64
	reduceMinLength = 1 << 14
)

// workers is the goroutine budget for one operation.
func (s *vector[C]) workers() int {
	if s.threads > 0 {
		return s.threads
	}
	return runtime.GOMAXPROCS(0)
}

// split reports whether an operation over count base indices touching
// work amplitudes should run on several goroutines.
func (s *vector[C]) split(count, work uint64) bool {
	threshold := uint64(defaultParallelMin)
	if s.parallelMin > 0 {
		threshold = s.parallelMin
	}
	return s.workers() > 1 && count > 1 && work >= threshold
}

// forRange calls f on contiguous sub-ranges covering [0, count), on several
// goroutines when work (amplitudes touched) reaches the threshold; the
// calling goroutine takes the last chunk itself. f must touch disjoint data
// for disjoint ranges.
func (s *vector[C]) forRange(count, work uint64, f func(lo, hi uint64)) {
	if !s.split(count, work) {
		f(0, count)
		return
	}
	t := min(uint64(s.workers()), count)
	step := (count + t - 1) / t
	var wg sync.WaitGroup
	last := (count - 1) / step * step
	for lo := uint64(0); lo < last; lo += step {
		wg.Go(func() { f(lo, lo+step) })
	}
	f(last, count)
	wg.Wait()
}

// reduce evaluates part on fixed chunks of [0, length) (in parallel when
// the length reaches the threshold) and returns the per-chunk results in
// order.
func reduce[C kernel.Complex, T any](s *vector[C], length uint64, part func(lo, hi uint64) T) []T {
	size := max(reduceMinLength, (length+reduceChunks-1)/reduceChunks)
	n := (length + size - 1) / size
	parts := make([]T, n)
	s.forRange(n, length, func(clo, chi uint64) {
		for c := clo; c < chi; c++ {
			parts[c] = part(c*size, min((c+1)*size, length))
		}
	})
	return parts
}

// sumParts adds partial sums in order.
func sumParts[T float64 | complex128](parts []T) T {
	var s T
	for _, p := range parts {
		s += p
	}
	return s
}
