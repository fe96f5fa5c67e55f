package bench

// Quantum-kernel throughput: Gram matrices against qubits and samples, the
// batched Gram product against the pairwise paths, and the product step
// against the plain real matrix product it is built on.
//
//	go test -run '^$' -bench 'Kernel' -benchtime 1x ./bench/
//
// BenchmarkKernelAcceptance12 is the acceptance measurement (N =
// 1000 samples, 12 qubits, ZZ reps 2, full entanglement).

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"

	"github.com/qmlkit/qmlkit/kernels"
	"github.com/qmlkit/qmlkit/statevec"
	"github.com/qmlkit/qmlkit/tensornet"
	"github.com/qmlkit/qmlkit/zmat"
)

func kernSamples(seed uint64, n, d int) [][]float64 {
	rng := rand.New(rand.NewPCG(seed, 77))
	x := make([][]float64, n)
	for i := range x {
		x[i] = make([]float64, d)
		for j := range x[i] {
			x[i][j] = 2 * math.Pi * rng.Float64()
		}
	}
	return x
}

func kernMatrix(b *testing.B, k *kernels.FidelityKernel, x [][]float64) {
	b.Helper()
	if _, err := k.Matrix(x, nil); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkKernelQubits: K(X, X) for 100 samples, ZZ map (reps 2, linear
// entanglement), 4–20 qubits, Gram path without cache. Reports kernel
// entries per second.
func BenchmarkKernelQubits(b *testing.B) {
	const samples = 100
	for _, n := range []int{4, 8, 12, 16, 20} {
		b.Run(fmt.Sprintf("qubits=%d", n), func(b *testing.B) {
			x := kernSamples(1, samples, n)
			k, err := kernels.NewFidelityKernel(kernels.ZZFeatureMap(n, 2, kernels.Linear), kernels.Options{CacheBytes: -1, MemoryBytes: 4 << 30})
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				kernMatrix(b, k, x)
			}
			b.ReportMetric(float64(samples*samples)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
		})
	}
}

// BenchmarkKernelSamples: K(X, X) on 12 qubits (ZZ reps 2, full) for 100 to
// 2000 samples, Gram path without cache.
func BenchmarkKernelSamples(b *testing.B) {
	for _, n := range []int{100, 500, 1000, 2000} {
		b.Run(fmt.Sprintf("samples=%d", n), func(b *testing.B) {
			x := kernSamples(2, n, 12)
			k, err := kernels.NewFidelityKernel(kernels.ZZFeatureMap(12, 2, kernels.Full), kernels.Options{CacheBytes: -1})
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				kernMatrix(b, k, x)
			}
			b.ReportMetric(float64(n*n)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
		})
	}
}

// BenchmarkKernelMethods compares the four ways of computing K(X, X) for
// 60 samples of the ZZ map (reps 2, linear) at 8 and 12 qubits: the Gram
// product (statevec), pairwise overlaps of dense states, pairwise overlaps
// of MPS states (tensornet, exact), and one compute–uncompute circuit per
// pair (Qiskit's default). ns/entry makes them comparable.
func BenchmarkKernelMethods(b *testing.B) {
	const samples = 60
	type method struct {
		name string
		opt  kernels.Options
	}
	methods := []method{
		{"gram", kernels.Options{Method: kernels.MethodGram, CacheBytes: -1}},
		{"overlap-statevec", kernels.Options{Method: kernels.MethodOverlap, Simulator: statevec.Simulator{Threads: 1}}},
		{"overlap-mps", kernels.Options{Method: kernels.MethodOverlap, Simulator: tensornet.Simulator{}}},
		{"compute-uncompute-statevec", kernels.Options{Method: kernels.MethodComputeUncompute, Simulator: statevec.Simulator{Threads: 1}}},
	}
	for _, n := range []int{8, 12} {
		x := kernSamples(3, samples, n)
		for _, m := range methods {
			b.Run(fmt.Sprintf("qubits=%d/%s", n, m.name), func(b *testing.B) {
				k, err := kernels.NewFidelityKernel(kernels.ZZFeatureMap(n, 2, kernels.Linear), m.opt)
				if err != nil {
					b.Fatal(err)
				}
				b.ResetTimer()
				for b.Loop() {
					kernMatrix(b, k, x)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*samples*(samples-1)/2), "ns/entry")
			})
		}
	}
}

// gramFlops is the real floating-point operation count of
// zmat.GramAbs2Symmetric on m states of dim amplitudes: three real products
// (3M) per block of 128 rows against the rows from the block on, 2 flops
// per multiply-add.
func gramFlops(m, dim int) float64 {
	var mnk float64
	for i0 := 0; i0 < m; i0 += 128 {
		i1 := min(i0+128, m)
		mnk += float64(i1-i0) * float64(m-i0) * float64(dim)
	}
	return 3 * 2 * mnk
}

// statesPlanar simulates the ZZ map on x into the rows of a planar matrix.
func statesPlanar(b *testing.B, fm kernels.FeatureMap, x [][]float64) *zmat.Planar {
	b.Helper()
	n := fm.NumQubits()
	p, err := zmat.NewPlanar(len(x), 1<<n)
	if err != nil {
		b.Fatal(err)
	}
	for i, xi := range x {
		c, err := fm.Circuit(xi)
		if err != nil {
			b.Fatal(err)
		}
		st, _, err := statevec.Simulator{}.RunState(c)
		if err != nil {
			b.Fatal(err)
		}
		for j, a := range st.Data() {
			p.Re[i*p.Cols+j], p.Im[i*p.Cols+j] = real(a), imag(a)
		}
	}
	return p
}

// BenchmarkGramRoofline times the product step alone, zmat.GramAbs2Symmetric
// on 1000 states of 12 qubits, against plain matrix products doing the same
// arithmetic: zmat.MulConjTrans of an interleaved complex matrix with itself
// (the same complex multiply-adds, m = 749 rows of 4096) and gonum
// blas64.Gemm with the same real flop count in three shapes (the 3M real
// products of the Gram step count 6 real flops per complex multiply-add).
// It reports each rate in real GFLOP/s and the Gram step's fraction of the
// fastest. The products run interleaved and each keeps its best time over
// the iterations, so load from other jobs on a shared machine distorts the
// ratio less: run it with -benchtime 5x.
func BenchmarkGramRoofline(b *testing.B) {
	const m, n = 1000, 12
	dim := 1 << n
	p := statesPlanar(b, kernels.ZZFeatureMap(n, 2, kernels.Full), kernSamples(4, m, n))
	dst := make([]float64, m*m)
	flops := gramFlops(m, dim)
	rng := rand.New(rand.NewPCG(5, 5))

	// The plain complex product with the same complex multiply-adds.
	mz := int(math.Round(math.Sqrt(flops / 6 / float64(dim))))
	az, err := zmat.New(mz, dim)
	if err != nil {
		b.Fatal(err)
	}
	for i := range az.Data {
		az.Data[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	cz, err := zmat.New(mz, mz)
	if err != nil {
		b.Fatal(err)
	}
	zFlops := 6 * float64(mz) * float64(mz) * float64(dim)

	// Real products with the same flop count: m×m by k (NoTrans×Trans, the
	// Gram's own form), and cubes in both forms.
	type shape struct {
		name   string
		m, k   int
		transB blas.Transpose
	}
	cube := int(math.Round(math.Cbrt(flops / 2)))
	shapes := []shape{
		{"NT-1000xk", m, int(math.Round(flops / (2 * m * m))), blas.Trans},
		{"NT-cube", cube, cube, blas.Trans},
		{"NN-cube", cube, cube, blas.NoTrans},
	}
	type operand struct{ a, c blas64.General }
	ops := make([]operand, len(shapes))
	for i, sh := range shapes {
		a := make([]float64, sh.m*sh.k)
		for j := range a {
			a[j] = rng.NormFloat64()
		}
		ops[i] = operand{blas64.General{Rows: sh.m, Cols: sh.k, Stride: sh.k, Data: a}, blas64.General{Rows: sh.m, Cols: sh.m, Stride: sh.m, Data: make([]float64, sh.m*sh.m)}}
	}
	const forever = time.Duration(math.MaxInt64)
	tShape := make([]time.Duration, len(shapes))
	for i := range tShape {
		tShape[i] = forever
	}
	tGram, tZ := forever, forever
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		if err := zmat.GramAbs2Symmetric(dst, p); err != nil {
			b.Fatal(err)
		}
		tGram = min(tGram, time.Since(t0))
		t0 = time.Now()
		if err := zmat.MulConjTrans(cz, az, az); err != nil {
			b.Fatal(err)
		}
		tZ = min(tZ, time.Since(t0))
		for i, sh := range shapes {
			t0 = time.Now()
			bm := ops[i].a
			if sh.transB == blas.NoTrans {
				bm = blas64.General{Rows: sh.k, Cols: sh.m, Stride: sh.m, Data: ops[i].a.Data}
			}
			blas64.Gemm(blas.NoTrans, sh.transB, 1, ops[i].a, bm, 0, ops[i].c)
			tShape[i] = min(tShape[i], time.Since(t0))
		}
	}
	rate := func(f float64, t time.Duration) float64 { return f / t.Seconds() / 1e9 }
	gramRate := rate(flops, tGram)
	best := rate(zFlops, tZ)
	b.ReportMetric(tGram.Seconds(), "gram-s")
	b.ReportMetric(gramRate, "gram-GFLOP/s")
	b.ReportMetric(tZ.Seconds(), "zmat-s")
	b.ReportMetric(best, "zmat-GFLOP/s")
	for i, sh := range shapes {
		r := rate(2*float64(sh.m)*float64(sh.m)*float64(sh.k), tShape[i])
		b.ReportMetric(tShape[i].Seconds(), "dgemm-"+sh.name+"-s")
		b.ReportMetric(r, "dgemm-"+sh.name+"-GFLOP/s")
		best = max(best, r)
	}
	b.ReportMetric(gramRate/best, "fraction-of-fastest")
}

// BenchmarkKernelAcceptance12 is the acceptance measurement: K(X, X) for
// N = 1000 samples of the ZZ map on 12 qubits (reps 2, full entanglement)
// by the Gram path, against the pairwise compute–uncompute path measured in
// the same run on the first 300 pairs of the upper triangle and
// extrapolated per pair to all N(N−1)/2 = 499 500 (running them all takes
// about half an hour on two cores). Both paths use every core. Reports the
// speed-up and checks the sampled pairs agree to 1e−10.
func BenchmarkKernelAcceptance12(b *testing.B) {
	const n, samples, sampledPairs = 12, 1000, 300
	fm := kernels.ZZFeatureMap(n, 2, kernels.Full)
	x := kernSamples(6, samples, n)
	gram, err := kernels.NewFidelityKernel(fm, kernels.Options{CacheBytes: -1})
	if err != nil {
		b.Fatal(err)
	}
	// The first sampledPairs pairs (0,1), (0,2), … lie in row 0 and need
	// only the samples they touch.
	sub := x[:sampledPairs+1]
	pw, err := kernels.NewFidelityKernel(fm, kernels.Options{Method: kernels.MethodComputeUncompute, Simulator: statevec.Simulator{Threads: 1}})
	if err != nil {
		b.Fatal(err)
	}
	var tGram, tPair time.Duration
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		km, err := gram.Matrix(x, nil)
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		kp, err := pw.Matrix(sub[:1], sub[1:])
		if err != nil {
			b.Fatal(err)
		}
		tGram += t1.Sub(t0)
		tPair += time.Since(t1)
		for j := 1; j <= sampledPairs; j++ {
			if d := math.Abs(km.At(0, j) - kp.At(0, j-1)); d > 1e-10 {
				b.Fatalf("pair (0,%d): Gram %v, pairwise %v", j, km.At(0, j), kp.At(0, j-1))
			}
		}
	}
	perPair := tPair.Seconds() / float64(b.N) / sampledPairs
	total := perPair * samples * (samples - 1) / 2
	gramS := tGram.Seconds() / float64(b.N)
	b.ReportMetric(gramS, "gram-s")
	b.ReportMetric(perPair*1e6, "pairwise-µs/pair")
	b.ReportMetric(total, "pairwise-extrapolated-s")
	b.ReportMetric(total/gramS, "speedup")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
}

// BenchmarkKernelMPSDeep: the MPS kernel on more qubits than dense states
// allow would be the point of the tensor-network backend; here 24 and 32
// qubits of the shallow RZRY chain map (bond dimension ≤ 2), 50 samples.
func BenchmarkKernelMPSDeep(b *testing.B) {
	const samples = 50
	for _, n := range []int{16, 24, 32} {
		b.Run(fmt.Sprintf("qubits=%d", n), func(b *testing.B) {
			x := kernSamples(7, samples, n)
			k, err := kernels.NewFidelityKernel(&kernels.RZRYChainMap{Qubits: n}, kernels.Options{Simulator: tensornet.Simulator{}})
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				kernMatrix(b, k, x)
			}
			b.ReportMetric(float64(samples*samples)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
		})
	}
}
