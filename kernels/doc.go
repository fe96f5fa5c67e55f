// Package kernels builds quantum feature maps, quantum kernels and the
// classifiers and diagnostics around them: Qiskit's FidelityQuantumKernel,
// QSVC, PegasosQSVC and QuantumKernelTrainer, PennyLane's kernel_matrix,
// square_kernel_matrix, target_alignment and AngleEmbedding, Huang et al.'s
// projected kernel and geometric difference.
//
// # Feature maps
//
// A FeatureMap turns a data vector into a bound circuit U(x); the state is
// |Φ(x)⟩ = U(x)|0…0⟩.
//
//   - PauliFeatureMap / ZZFeatureMap: Qiskit's maps gate for gate (reps,
//     entanglement full, linear, reverse_linear, circular, pairwise or
//     explicit tuples, α, Pauli words), plus an input bandwidth c (x → c·x).
//   - AngleEmbedding: PennyLane's RX/RY/RZ per feature.
//   - CovariantFeatureMap: Glick et al.'s map D_x·V_λ with a trainable
//     fiducial state.
//   - RZRYChainMap: the 16-qubit map of Cajas Ordóñez et al.
//   - CircuitFeatureMap: any circuits.Circuit whose parameters are the
//     features (and, optionally, trainable parameters).
//
// A TrainableFeatureMap has parameters θ; its TrainableCircuit binds the
// data and leaves θ as the circuit's parameter vector; AtParams fixes θ.
// Feature maps must be safe for concurrent Circuit calls (all here are).
//
// # The fidelity kernel
//
// FidelityKernel computes K(x, y) = |⟨0|U(x)†U(y)|0⟩|² in one of three
// ways (Options.Method):
//
//   - MethodGram (the default on the dense simulator): each distinct input
//     is simulated once, on runtime.GOMAXPROCS(0) workers each owning a
//     state vector, into the rows of a planar matrix Ψ; the matrix is then
//     |Ψ_X·Ψ_Yᴴ|² from zmat.GramAbs2 (blocked real Dgemm, 3M), and for
//     K(X, X) zmat.GramAbs2Symmetric, which multiplies only the upper
//     block triangle and mirrors it, so the result is exactly symmetric.
//     At most Options.MemoryBytes of states (default 1 GiB) are held at
//     once: larger problems go in row blocks, re-simulating (or taking from
//     the cache) the column blocks for each row block.
//   - MethodOverlap (the default for any other backend, e.g. the MPS
//     simulator tensornet.Simulator): each distinct input runs once and
//     the entries are |State.Overlap|², pair by pair, in parallel.
//   - MethodComputeUncompute: one circuit U(x)†U(y) per pair, K the
//     probability of |0…0⟩: Qiskit's default, N² simulations, for
//     comparison.
//
// Inputs are deduplicated by their exact bits. A square K(X, X) (y nil or
// equal to x) has, under Qiskit's evaluate_duplicates rules
// (Options.Duplicates), a unit diagonal by default. A state cache
// (Options.CacheBytes, default 1 GiB, least recently used evicted, keyed by
// the exact data vector) survives between calls, so Matrix(Xtest, Xtrain)
// after Matrix(Xtrain, nil) simulates only the test points; the cache never
// changes a bit of the result. Shots > 0 replaces each evaluated entry by
// Binomial(Shots, K)/Shots from a generator seeded by Options.Seed;
// EnforcePSD then projects onto the nearest PSD matrix (NearestPSD).
// Matrix, Evaluate (Qiskit), KernelMatrix and SquareKernelMatrix
// (PennyLane) are the same computation. Results do not depend on
// GOMAXPROCS.
//
// # Other kernels, diagnostics, classifiers
//
// ProjectedKernel is exp(−γ Σ_k ‖ρ_k(x) − ρ_k(x′)‖_F²) from one-qubit
// reduced density matrices (N circuits). GeometricDifference is
// √‖√K_Q(K_C + reg·I)⁻¹√K_Q‖ after scaling both kernels to trace N.
// TargetAlignment and OffDiagonalStats (mean and variance of off-diagonal
// entries: concentration) are the usual diagnostics. QSVC and PegasosQSVC
// train package svm's LIBSVM-compatible C-SVC and Pegasos on any Kernel
// (RBFKernel gives the classical baseline), and FitScore makes a
// comparison one call per model.
//
// QuantumKernelTrainer minimises F(θ) = Σα − ½ΣααyyK_θ at the SVM's
// optimal α over a TrainableFeatureMap's θ, by SPSA or by gradient descent
// with the gradient −½Σααyy∂K/∂θ (Danskin). ∂K/∂θ comes from
// KernelGradient — exact, the parameter-shift rule applied to the states
// (dψ/dθ is a sum of shifted states, then zmat products) — or from
// KernelGradientFD, central differences of the kernel for any map and
// backend. The tests hold the two to 1e−8 of each other and the trainer's
// gradient to central differences of F itself.
//
// # Conventions and where the numbers come from
//
// Qubit 0 is the least significant bit; gates are Qiskit's. The reference
// kernel values and state of the ZZ map (spec kernels.md §1, computed with
// an independent implementation of Qiskit's map) are matched to 1e−11 on
// the dense and MPS backends by every method; the covariant and RZRY chain
// maps are checked against dense computations from their definitions,
// AngleEmbedding and the projected kernel against closed forms, the
// geometric difference and alignment against hand-computable cases.
//
// # Performance
//
// On the 2-core reference machine, shared with other jobs (load average 3–6
// during these runs): K(X, X) for N = 1000 samples of the ZZ map on 12
// qubits (reps 2, full) takes 4.7–7.5 s by the Gram path, against an
// extrapolated 1600–3100 s for one compute–uncompute circuit per pair
// (3.2–6.3 ms per pair, measured on 300 pairs in the same run): 340–420×
// faster (bench.BenchmarkKernelAcceptance12). The Gram product step reaches
// 0.5–0.86 of the speed of the fastest plain product of the same arithmetic
// in the same run (zmat.MulConjTrans or gonum Dgemm; 0.70 best-of-5 under
// load; bench.BenchmarkGramRoofline). For shallow maps the MPS overlap path
// can win: on 16 qubits with the RZRY chain map (bond dimension ≤ 2) it
// built the 2000-sample MNIST kernels in 52 s against 297 s for dense states.
package kernels
