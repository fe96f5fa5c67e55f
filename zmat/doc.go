// Package zmat is the dense complex128 linear algebra that gonum lacks: fast complex matrix
// products, a thin complex SVD and QR/LQ, and the singular-value truncation rule of
// matrix-product-state codes. The tensor-network simulator uses it for its many small-to-medium
// SVDs and contractions; the kernel package uses it for fidelity Gram matrices |Ψ_X·Ψ_Yᴴ|².
//
// # Why it exists
//
// gonum has no complex SVD or QR, and its complex GEMM (blas/cblas128 Zgemm) is an unblocked
// triple loop. The same complex product done on the real and imaginary planes with gonum's
// blocked, parallel real Dgemm is several times faster (numbers below).
//
// # Storage
//
// Dense is row-major interleaved complex128: element (i, j) is Data[i*Stride+j], Stride ≥ Cols,
// so a Dense may be a view (Slice) into a larger matrix. Planar holds the same matrix as two real
// row-major planes Re and Im with a shared Stride: the layout the real BLAS works on. Callers that
// keep many states as separate planes (one state per row) pass Planar values to PlanarMul,
// PlanarMulConjTrans and GramAbs2 and never convert. All sizes are at least 1×1; functions
// return results as new contiguous matrices (Stride == Cols) unless they take a dst.
//
// # Products
//
// Mul (A·B), MulConjTrans (A·Bᴴ) and ConjTransMul (Aᴴ·B) take a preallocated dst, which may
// alias an operand. Products with m·n·k ≤ 128³ (or any dimension ≤ 8) run on direct
// interleaved kernels built on gonum's assembly Zaxpy/Zdotc; larger ones split into planes and
// use three real Dgemm calls (the 3M method: Cr = ArBr − AiBi, Ci = (Ar+Ai)(Br+Bi) − ArBr −
// AiBi). 3M does 25 % less arithmetic than four real products and was faster in the
// best-of-three timings of BenchmarkProduct4M. Its rounding error in the imaginary part is
// bounded by ε·k·(|Ar|+|Ai|)·(|Br|+|Bi|), at most twice the classical ε·k·|A|·|B|; measured on
// 256×256 Gaussian matrices, the largest error relative to (|A|·|B|)(i,j) was 4.8e−16 for 3M
// and 4.3e−16 for four products. The tests hold every entry of every product path to
// 1e−13·(|A|·|B|)(i,j) against a naive triple loop.
//
// GramAbs2 returns |A·Bᴴ|² elementwise, the fidelity kernel of the states in the rows; it works
// in blocks of 128 rows of A so the complex temporary stays 128×B.Rows. GramAbs2Symmetric
// multiplies only the row blocks on and above the diagonal (about 56 % of the work for 1000
// states) and mirrors them, so the result is exactly symmetric.
//
// # Factorisations
//
// SVD(A) returns U (m×k), s (k, descending, ≥ 0), Vᴴ (k×n), k = min(m, n), with A = U·diag(s)·Vᴴ.
// It is Golub–Kahan as in LAPACK's zgesvd: QR first when m ≥ 1.6·n, Householder reduction to a
// real bidiagonal matrix, gonum's Dbdsqr (implicit-shift bidiagonal QR, the port of LAPACK's
// dbdsqr) for the bidiagonal SVD, and real Dgemm calls to apply the real rotations to the complex
// reflector products. Because every factor is a product of reflections and rotations, U and V
// have orthonormal columns even where singular values are zero or repeated. Wide matrices go
// through their conjugate transpose. The input is first scaled by a power of two. The
// tests check ‖A − U·S·Vᴴ‖_F ≤ 1e−12·‖A‖_F, ‖UᴴU − I‖ and ‖VᴴV − I‖ ≤ 1e−12 entrywise, and the
// singular values against gonum's real SVD of the embedding [[Re, −Im], [Im, Re]] (each value
// twice) or against the values a test matrix was built from.
//
// QR(A) is the thin Householder QR with diag(R) real and non-negative (unique for full column
// rank); LQ(A) is QR of Aᴴ transposed back, for right-canonical MPS sites.
//
// Truncate picks how many singular values to keep from a maximum rank and a cutoff read in one
// of quimb's four cutoff modes ("rel", "abs", "rsum2", "sum2"; see CutoffMode), keeps at least
// one, and returns the discarded weight Σ s_i² over the dropped values. Keep the leading keep
// columns of U and rows of Vᴴ without copying through Slice: u.Slice(0, u.Rows, 0, keep) and
// vh.Slice(0, keep, 0, vh.Cols).
//
// # Errors, concurrency, determinism
//
// Every exported function validates shapes and rejects NaN or ±Inf input with an error wrapping
// ErrShape, ErrIndex, ErrNotFinite, ErrArgument or ErrNoConvergence. Large Householder updates
// are split by columns or rows across runtime.GOMAXPROCS(0) goroutines, Dbdsqr's rotations by
// columns, and gonum's Dgemm splits its own blocks; each entry is computed by the same operations
// in the same order for any split, so results are bitwise identical for any GOMAXPROCS (tested).
//
// # Performance
//
// Measured with `go test -run '^$' -bench . -benchtime 3x ./zmat/` on the 2-core test machine
// (Intel Xeon, Sapphire Rapids class), which is shared with other jobs: ranges are the best
// times of several runs, quiet to moderately loaded, and ratios are taken within one run.
//
//	Mul n = 512                    84–88 ms; gonum Zgemm in the same runs 274–352 ms (3.2–4.0×)
//	MulConjTrans n = 512           78–91 ms
//	split product alone, n = 512   3M 76 ms, four real products 95 ms
//	Mul with -tags openblas        37 ms (OpenBLAS, 2 threads)
//	GramAbs2, 1000×4096            2.9 s; GramAbs2Symmetric 1.55 s
//	SVD n = 16, 32, 64             0.12, 0.38–0.55, 2.6–3.0 ms
//	SVD n = 128, 256, 512          17–19, 121–136, 710–960 ms; 512×128: 65 ms
//	QR 128×128, 512×128, 512×512   4–5, 31–34, 207–286 ms
//
// The SVD's time at n = 128–512 splits roughly into 40 % Dbdsqr's scalar plane rotations (run
// on both cores), 45 % the level-2 Householder updates of the reduction and of forming the
// reflector products, and the rest the real products that assemble U and Vᴴ. LAPACK's zgesdd with
// an optimised BLAS would be several times faster at 512; this package stays pure Go.
package zmat
