package kernel

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/qmlkit/qmlkit/internal/memorypass"
)

// BenchmarkButterfly compares the butterfly kernel with the dense real 4×4
// it replaces, on (RY ⊗ RY)·CZ, the targets (q, q+1) cycling through the
// register (every loop shape: adjacent pairs, short runs, long runs). Each
// iteration times one sweep of either kernel, alternately, and the fastest
// sweeps give ns per amplitude per gate and their ratio:
//
//	go test -run '^$' -bench Butterfly -benchtime 10x -cpu 1 ./statevec/internal/kernel
func BenchmarkButterfly(b *testing.B) {
	a, c := 0.7, 1.9
	ca, sa, cc, sc := math.Cos(a/2), math.Sin(a/2), math.Cos(c/2), math.Sin(c/2)
	hi, lo := [4]float64{ca, -sa, sa, ca}, [4]float64{cc, -sc, sc, cc}
	var dense [16]float64
	for r := range 4 {
		for col := range 4 {
			dense[4*r+col] = hi[2*(r>>1)+col>>1] * lo[2*(r&1)+col&1]
			if r == 3 {
				dense[4*r+col] = -dense[4*r+col] // the CZ after the rotations
			}
		}
	}
	// The same operator divided by its first diagonal entry ca·cc: each
	// butterfly sweep scales the state by 1/(ca·cc)^(n−1), undone untimed.
	f := Butterfly{T: [4]float64{-sc / cc, sc / cc, -sc / cc, sc / cc}, A: [4]float64{-sa / ca, -sa / ca, sa / ca, sa / ca}}
	for _, n := range []int{20, 24} {
		b.Run(fmt.Sprintf("qubits=%d", n), func(b *testing.B) {
			d := make([]complex128, 1<<n)
			for i := range d {
				d[i] = complex(math.Ldexp(1, -n/2), 0)
			}
			sites := make([]Sites, n-1)
			for q := range sites {
				sites[q] = NewSites(n, []int{q, q + 1}, nil)
			}
			var bestDense, bestBfly time.Duration
			keep := func(best *time.Duration, t time.Duration) {
				if *best == 0 || t < *best {
					*best = t
				}
			}
			for b.Loop() {
				t0 := time.Now()
				for q := range sites {
					Real4(d, &sites[q], [4]uint64{0, 1 << q, 2 << q, 3 << q}, &dense, 0, sites[q].Count)
				}
				keep(&bestDense, time.Since(t0))
				t0 = time.Now()
				for q := range sites {
					Butterfly4(d, &sites[q], &f, 0, sites[q].Count)
				}
				keep(&bestBfly, time.Since(t0))
				b.StopTimer()
				memorypass.ScaleReal(d, math.Pow(ca*cc, float64(len(sites))))
				b.StartTimer()
			}
			per := float64(len(d) * len(sites))
			b.ReportMetric(float64(bestDense.Nanoseconds())/per, "ns/amp-real4")
			b.ReportMetric(float64(bestBfly.Nanoseconds())/per, "ns/amp-butterfly")
			b.ReportMetric(float64(bestBfly)/float64(bestDense), "butterfly/real4")
		})
	}
}
