package statevec

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/qmlkit/qmlkit/backend/backendtest"
	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/statevec/internal/kernel"
)

// The per-gate benchmarks cycle the target (and control) through every
// qubit, so one number averages low targets (pairs inside a cache line)
// and high ones. BenchmarkMemoryPass is the yardstick: one in-place
// read-modify-write pass over a state of the same size, measured in the
// same run. Quote gate time / memory-pass time; run with -cpu 1 for one
// thread:
//
//	go test -run '^$' -bench 'H|CX|CZ|QFT|MemoryPass' -cpu 1 ./statevec
//
// On a shared machine BenchmarkRatio is steadier: it alternates a sweep of
// gates with the same number of memory passes on one state and reports the
// ratio of the fastest sweep to the fastest passes:
//
//	go test -run '^$' -bench Ratio -benchtime 8x -cpu 1 ./statevec

var benchSizes = []int{20, 24}

func benchState(b testing.TB, n int) *State {
	st, err := New(n)
	if err != nil {
		b.Fatal(err)
	}
	a := complex(math.Ldexp(1, -n/2), 0) // uniform magnitudes, no denormals
	for i := range st.amp {
		st.amp[i] = a
	}
	return st
}

func benchGate(b *testing.B, op func(i, n int) circuits.Op) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("qubits=%d", n), func(b *testing.B) {
			st := benchState(b, n)
			b.SetBytes(int64(MemoryNeeded(n)))
			i := 0
			for b.Loop() {
				if err := st.Apply(op(i, n)); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

func BenchmarkH(b *testing.B) {
	benchGate(b, func(i, n int) circuits.Op { return circuits.Op{Gate: circuits.H, Targets: []int{i % n}} })
}

func BenchmarkRY(b *testing.B) {
	benchGate(b, func(i, n int) circuits.Op {
		return circuits.Op{Gate: circuits.RY, Targets: []int{i % n}, Params: circuits.Nums(0.3)}
	})
}

func BenchmarkU(b *testing.B) {
	benchGate(b, func(i, n int) circuits.Op {
		return circuits.Op{Gate: circuits.U, Targets: []int{i % n}, Params: circuits.Nums(0.3, 0.2, 0.1)}
	})
}

func BenchmarkCX(b *testing.B) {
	benchGate(b, func(i, n int) circuits.Op {
		return circuits.Op{Gate: circuits.X, Controls: []int{i % n}, Targets: []int{(i + 7) % n}}
	})
}

func BenchmarkCZ(b *testing.B) {
	benchGate(b, func(i, n int) circuits.Op {
		return circuits.Op{Gate: circuits.Z, Controls: []int{i % n}, Targets: []int{(i + 7) % n}}
	})
}

func BenchmarkRZZ(b *testing.B) {
	benchGate(b, func(i, n int) circuits.Op {
		return circuits.Op{Gate: circuits.RZZ, Targets: []int{i % n, (i + 7) % n}, Params: circuits.Nums(0.4)}
	})
}

func BenchmarkRXX(b *testing.B) {
	benchGate(b, func(i, n int) circuits.Op {
		return circuits.Op{Gate: circuits.RXX, Targets: []int{i % n, (i + 7) % n}, Params: circuits.Nums(0.4)}
	})
}

func BenchmarkQFT(b *testing.B) {
	n := 20
	b.Run(fmt.Sprintf("qubits=%d", n), func(b *testing.B) {
		st := benchState(b, n)
		c := circuits.QFT(n)
		for b.Loop() {
			if _, err := st.Run(c, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkMemoryPass scales every amplitude in place: the memory-bandwidth
// bound of a one-qubit gate.
func BenchmarkMemoryPass(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("qubits=%d", n), func(b *testing.B) {
			st := benchState(b, n)
			b.SetBytes(int64(MemoryNeeded(n)))
			f := 1.0000001
			for b.Loop() {
				st.scaleReal(f)
				f = 1 / f
			}
		})
	}
}

// BenchmarkThreshold times an H gate at widths around the parallel
// threshold with one and two goroutines (parallel forced), to place
// defaultParallelMin.
func BenchmarkThreshold(b *testing.B) {
	for n := 12; n <= 19; n++ {
		for _, threads := range []int{1, 2} {
			b.Run(fmt.Sprintf("qubits=%d/threads=%d", n, threads), func(b *testing.B) {
				st := benchState(b, n)
				st.threads, st.parallelMin = threads, 1
				i := 0
				for b.Loop() {
					st.applyMatrix([]complex128{0.6, 0.8, 0.8, -0.6}, []int{i % n}, nil, nil)
					i++
				}
			})
		}
	}
}

// BenchmarkRatio reports gate-time / memory-pass-time ("passes") for one
// gate kind, each iteration timing n gates (targets cycling over every
// qubit) against n memory passes and keeping the minimum of each; for QFT
// it reports the whole circuit in memory passes.
func BenchmarkRatio(b *testing.B) {
	gates := []struct {
		name string
		op   func(i, n int) circuits.Op
	}{
		{"H", func(i, n int) circuits.Op { return circuits.Op{Gate: circuits.H, Targets: []int{i % n}} }},
		{"RY", func(i, n int) circuits.Op {
			return circuits.Op{Gate: circuits.RY, Targets: []int{i % n}, Params: circuits.Nums(0.3)}
		}},
		{"U", func(i, n int) circuits.Op {
			return circuits.Op{Gate: circuits.U, Targets: []int{i % n}, Params: circuits.Nums(0.3, 0.2, 0.1)}
		}},
		{"CX", func(i, n int) circuits.Op {
			return circuits.Op{Gate: circuits.X, Controls: []int{i % n}, Targets: []int{(i + 7) % n}}
		}},
		{"CZ", func(i, n int) circuits.Op {
			return circuits.Op{Gate: circuits.Z, Controls: []int{i % n}, Targets: []int{(i + 7) % n}}
		}},
		{"RZ", func(i, n int) circuits.Op {
			return circuits.Op{Gate: circuits.RZ, Targets: []int{i % n}, Params: circuits.Nums(0.3)}
		}},
		{"SWAP", func(i, n int) circuits.Op {
			return circuits.Op{Gate: circuits.SWAP, Targets: []int{i % n, (i + 7) % n}}
		}},
		{"RZZ", func(i, n int) circuits.Op {
			return circuits.Op{Gate: circuits.RZZ, Targets: []int{i % n, (i + 7) % n}, Params: circuits.Nums(0.4)}
		}},
		{"RXX", func(i, n int) circuits.Op {
			return circuits.Op{Gate: circuits.RXX, Targets: []int{i % n, (i + 7) % n}, Params: circuits.Nums(0.4)}
		}},
	}
	for _, n := range benchSizes {
		for _, g := range gates {
			b.Run(fmt.Sprintf("%s/qubits=%d", g.name, n), func(b *testing.B) {
				st := benchState(b, n)
				sweep := func() {
					for i := 0; i < n; i++ {
						if err := st.Apply(g.op(i, n)); err != nil {
							b.Fatal(err)
						}
					}
				}
				reportRatio(b, &st.vector, n, sweep)
			})
		}
		b.Run(fmt.Sprintf("QFT/qubits=%d", n), func(b *testing.B) {
			st := benchState(b, n)
			c := circuits.QFT(n)
			reportRatio(b, &st.vector, 1, func() {
				if _, err := st.Run(c, nil); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// reportRatio alternates f with passes memory passes and reports the
// ratio of their fastest times, and f's fastest time per pass-equivalent
// unit.
func reportRatio[C kernel.Complex](b *testing.B, st *vector[C], passes int, f func()) {
	var bestF, bestP time.Duration
	scale := 1.0000001
	for b.Loop() {
		t0 := time.Now()
		f()
		d := time.Since(t0)
		t1 := time.Now()
		for range passes {
			st.scaleReal(scale)
			scale = 1 / scale
		}
		p := time.Since(t1)
		if bestF == 0 || d < bestF {
			bestF = d
		}
		if bestP == 0 || p < bestP {
			bestP = p
		}
	}
	b.ReportMetric(float64(bestF)/float64(bestP), "passes")
	b.ReportMetric(float64(bestP.Nanoseconds())/float64(passes)/1e6, "ms/pass")
}

// BenchmarkDense reports the time of a dense w-qubit gate (real or complex
// random matrix) in memory passes, targets w consecutive qubits cycling
// through the register: the cost table of package fusion.
//
//	go test -run '^$' -bench Dense -benchtime 3x -cpu 1 ./statevec
func BenchmarkDense(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 24
	for w := 1; w <= 5; w++ {
		for _, kind := range []string{"real", "complex"} {
			u := backendtest.RandomUnitary(rng, w)
			if kind == "real" {
				u = realOrthogonal(rng, w)
			}
			b.Run(fmt.Sprintf("%s/w=%d/qubits=%d", kind, w, n), func(b *testing.B) {
				st := benchState(b, n)
				sweep := func() {
					for q := 0; q+w <= n; q++ {
						targets := make([]int, w)
						for i := range targets {
							targets[i] = q + i
						}
						if err := st.ApplyMatrix(u, targets, nil); err != nil {
							b.Fatal(err)
						}
					}
				}
				reportRatio(b, &st.vector, n-w+1, sweep)
			})
		}
	}
}

// realOrthogonal returns a random real orthogonal 2^w × 2^w matrix
// (Gram–Schmidt on Gaussian columns) as complex entries.
func realOrthogonal(rng *rand.Rand, w int) []complex128 {
	d := 1 << w
	cols := make([][]float64, d)
	for j := range cols {
		v := make([]float64, d)
		for i := range v {
			v[i] = rng.NormFloat64()
		}
		for _, u := range cols[:j] {
			var dot float64
			for i := range v {
				dot += u[i] * v[i]
			}
			for i := range v {
				v[i] -= dot * u[i]
			}
		}
		var nrm float64
		for _, x := range v {
			nrm += x * x
		}
		nrm = math.Sqrt(nrm)
		for i := range v {
			v[i] /= nrm
		}
		cols[j] = v
	}
	m := make([]complex128, d*d)
	for i := 0; i < d; i++ {
		for j := 0; j < d; j++ {
			m[i*d+j] = complex(cols[j][i], 0)
		}
	}
	return m
}

// BenchmarkFusionThreshold times the random-layer brickwork (RY on every
// qubit, CZ on alternating neighbour pairs, 20 layers) unfused and fused
// (two-qubit width) at small widths, to place FusionMinQubits: the pass
// and the matrix products cost a few microseconds per gate, which pays off
// once a gate costs more than that.
func BenchmarkFusionThreshold(b *testing.B) {
	for n := 6; n <= 18; n += 2 {
		c := circuits.New(n)
		for l := range 20 {
			for q := 0; q < n; q++ {
				c.RY(0.1*float64(q+l), q)
			}
			for q := l % 2; q+1 < n; q += 2 {
				c.CZ(q, q+1)
			}
		}
		for _, f := range []int{-1, 2} {
			b.Run(fmt.Sprintf("qubits=%d/fusion=%d", n, f), func(b *testing.B) {
				for b.Loop() {
					if _, err := (Simulator{Threads: 1, Fusion: f}).Run(c); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
