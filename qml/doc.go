// Package qml trains parametrised quantum circuits: exact gradients of
// expectation values on the state-vector backend, shift-rule gradients on
// any backend (exact or from shots), optimisers, the templates users reach
// for first, and Havlíček et al.'s variational classifier. Subpackage
// qml/qkan builds Kolmogorov–Arnold networks from one-qubit activations.
//
// # Circuits and parameters
//
// A circuit is a circuits.Circuit whose angles are numbers or affine
// references offset + scale·θ[i] into its parameter vector (circuits.Var,
// circuits.Affine, Circuit.AddParams). One θ[i] may feed several gates at
// different scales; every gradient here applies the chain rule and sums
// the contributions. Gates with variable angles: RX, RY, RZ, P, U, RXX,
// RYY, RZZ, RZX, each with any number of controls. Observables are
// pauli.Sum values. NewDifferentiable prepares a circuit (no measurements
// or resets) for repeated evaluation.
//
// # Adjoint gradients (Differentiable.Gradient, VJP, Jacobian)
//
// One forward simulation (statevec's Run of the bound circuit) gives
// φ = U|ψ₀⟩; λ = O·φ costs one pass. A backward sweep then visits the ops
// from last to first with both vectors, and for each op U_k with matrix B
// adds 2·Re⟨λ|M|φ⟩ to the gradient, M = (∂B/∂a)·B† on the op's controlled
// block (a controlled rotation's derivative lives there only), before
// replacing φ by U_k†φ and λ by U_k†λ — Jones & Gacon's method, two state
// vectors in all. M is exact: −(i/2)·G for a rotation exp(−iaG/2), the
// generator G read off the gate definition (B(π) = −iG); diag(0, i) for
// P; the analytic derivative of U(θ,φ,λ) times U†. Each op is one fused
// pass over the two vectors that reads only the parts of ⟨λ|·|φ⟩ that M
// needs (real parts for RY, imaginary for RX and RZ), and uncontrolled
// diagonal ops are divided by their first entry (a common phase of φ and
// λ, which cancels) so that RZ and RZZ touch half the amplitudes, the
// other half's share following from the invariant ⟨λ|φ⟩. Passes split
// into fixed chunks on GOMAXPROCS goroutines above 2^16 amplitudes; sums
// are taken in chunk order, so results do not depend on the thread count.
//
// Cost: about one forward simulation for the value plus two to three for
// the whole gradient, whatever the number of parameters; the sweep stops
// at the first op with a variable angle. On the 20-qubit, 200-parameter
// EfficientSU2 circuit of BenchmarkForward20/BenchmarkGradient20 the value
// and gradient cost about 3× one forward simulation (TestAdjointCostRatio
// requires at most 4). VJP gives Σ_k w_k·∂⟨O_k⟩/∂θ for several observables
// at the price of one gradient; Jacobian and Expectations evaluate a batch
// of initial states (a classifier's encoded inputs) in parallel.
//
// # Shift rules (ParameterShift) and shots
//
// ParameterShift runs shifted circuits through any backend.Simulator. Two
// terms, ∂⟨O⟩/∂a = [⟨O⟩(a + π/2) − ⟨O⟩(a − π/2)]/2, hold for uncontrolled
// rotations (generator eigenvalues ±½), for P with or without controls
// (P = e^{ia/2}·RZ(a); controlled, its generator is a projector, eigenvalues
// 0 and 1) and for U's φ and λ (U(θ,φ,λ) = P(φ)·RY(θ)·P(λ) exactly).
// Controlled rotations and a controlled U's θ have generator eigenvalues
// {0, ±½} and take four terms: d₊[⟨O⟩(a + π/2) − ⟨O⟩(a − π/2)] −
// d₋[⟨O⟩(a + 3π/2) − ⟨O⟩(a − 3π/2)], d± = (√2 ± 1)/(4√2). Cost: one run for
// the value plus 2 or 4 per occurrence of a variable angle. With
// ShiftOptions.Shots each value is SampledExpectation's estimate: terms
// grouped qubit-wise, each group rotated to the Z basis (H for X, S†·H for
// Y), sampled from a seeded generator, parities averaged.
// FiniteDifference and CheckGradient give central differences.
//
// # Losses and optimisers
//
// A Loss has Func(x) and Grad(grad, x), the shape gonum.org/v1/gonum/optimize
// wants; Problem(loss) adds a Status that stops on errors, so LBFGS, BFGS
// and NelderMead plug straight in. ExpectationLoss caches the last point,
// so Func and Grad at one point cost one adjoint evaluation. Adam runs nn's
// Adam (the module's one implementation) on a flat vector; SPSA is nn's
// (shared with kernel training), with Spall's gains a/(k+1+A)^α, c/(k+1)^γ
// (α = 0.602, γ = 0.101) and optional calibration of a.
//
// # Templates
//
// AngleEmbedding (PennyLane's), EfficientSU2 and RealAmplitudes (Qiskit's,
// default entanglement reverse_linear), StronglyEntanglingLayers
// (PennyLane's: Rot(φ,θ,ω) = RZ(ω)·RY(θ)·RZ(φ), CNOT range
// (l mod (n−1)) + 1, weights (L, n, 3) row-major), DataReuploading
// (Pérez-Salinas et al.'s U(θ + w∘x) per qubit) and HavlicekAnsatz append
// to a circuit and return the parameters they add.
//
// # Variational classifier
//
// VQC is the classifier of Havlíček et al. (Nature 567, 209, 2019): a
// feature map (default kernels.ZZFeatureMap(2, 2, full)), W(θ) with RY·RZ
// rotation layers and CZ entanglers, the parity f = ⟨Z^{⊗n}⟩ plus a
// trained bias b, label 1 when f + b > 0. It minimises the mean logistic
// loss log(1 + exp(−β·s·(f + b))) (cross-entropy of σ(β(f + b)); β = 5) by
// L-BFGS on adjoint gradients from several seeded random starts, where the
// paper used SPSA on a sigmoid surrogate of its shot-based error
// probability.
//
// # Conventions
//
// Qubit 0 is the least significant bit (Qiskit's order); gate matrices
// are circuits.Gate.Matrix. Randomness comes from explicit seeds (PCG).
// Bad input is an error naming the problem, never a panic.
package qml
