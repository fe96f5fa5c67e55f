// Package qkan implements DARUAN, the single-qubit data re-uploading
// activation of Jiang, Huang, Chen and Goan ("Quantum Variational Activation
// Functions Empower Kolmogorov-Arnold Networks", arXiv:2509.14026), and QKAN,
// the Kolmogorov–Arnold network whose edges are DARUANs, as nn layers so the
// same trainer serves QKAN and its classical twins (nn.NewKAN,
// nn.NewFourierKANNet, nn.NewMLP).
//
// # DARUAN
//
// For input x, r repetitions, angles θ and pre-processing a_ℓ = w_ℓ·x + b_ℓ:
//
//	ψ = H|0⟩
//	for ℓ = 1..r:  ψ = RZ(a_ℓ)·RY(θ_ℓ,1)·RZ(θ_ℓ,0)·ψ
//	ψ = RY(θ_{r+1},1)·RZ(θ_{r+1},0)·ψ
//	φ(x) = readout(ψ),  ψ = α|0⟩ + β|1⟩
//
// with RZ(a) = diag(e^{−ia/2}, e^{ia/2}) and RY(a) = [[cos a/2, −sin a/2],
// [sin a/2, cos a/2]] (Qiskit's conventions). The other ansätze of the
// reference code are RPZ, PX and Real (see Ansatz).
//
// Readouts: Exact is ⟨Z⟩ = |α|² − |β|², and it is the default (the zero
// value): it is the physical expectation value a device would estimate, a
// trigonometric polynomial in x whose frequencies are {Σ ε_ℓ w_ℓ : ε_ℓ ∈
// {−1, 0, 1}} (the paper's spectrum argument), and smooth everywhere. Fast is
// |α| − |β|, the reference code's default; it is cheaper there, not an
// expectation value, and has kinks where α or β vanishes. At such a point we
// take the derivative of |α| (or |β|) as 0, as PyTorch's abs does; the
// gradient is bounded nearby, so this only matters on a measure-zero set.
//
// Evaluation is 2×2 complex algebra written out in closed form, batched over
// samples (the state of every sample is kept as four real arrays and each
// gate is one loop over the batch). Derivatives in x, θ, w and b come from a
// single backward sweep: the adjoint g = ∂φ/∂ψ is pulled back through U† and
// at each rotation ∂φ/∂angle = Re⟨g, −(i/2)·G·ψ⟩ for its generator G. Because
// the gates are unitary the intermediate states are recovered by U†, not
// stored. A batch of 10⁴ DARUAN evaluations with all gradients takes a few
// milliseconds on one core (BenchmarkDARUANGrad10k).
//
// # QKAN layer
//
//	y_j = Σ_i mask_ji·[(φ_ji(x_i) + pb_ji)·pw_ji + bw_ji·SiLU(x_i)]
//
// with θ per edge of shape (r+1, 2), Xavier-normal initialised from a seed
// (the standard deviation PyTorch's xavier_normal_ gives the reference
// code's θ tensor); w = 1, b = 0, pw = 1, pb = 0, bw = 0 and mask = 1 by
// default. Each of w/b, pw, pb, bw can be made trainable; Group shares θ
// (and w, b) cyclically along the input axis. With only θ trainable a layer
// has n_in·n_out·2(r+1) parameters (QKAN([10,10]), r = 3: 800); with all
// options 2(r+1)+2r+3 per edge.
//
// Layer extension (Layer.Extend, Network.Extend) grows r to r′ keeping the
// function exactly: old rows 0..r of θ keep their index (the old final block
// becomes the trainable part of repetition r+1), the new rows are zero with
// w = 1, b = 0. The extra repetitions then only add a diagonal phase RZ(·)
// after the old circuit, which neither readout sees.
//
// NewNetwork stacks layers (QKAN([2,5,1]) …); NewHQKAN builds the hybrid
// Linear(n_in→d) → QKAN([d,d′]) → Linear(d′→n_out) block. ModelSpec and Run
// build and train QKAN, KAN, Fourier-KAN or MLP models with the same nn.Train
// loop (Adam or full-batch L-BFGS) and report test RMSE or accuracy,
// parameter count and seconds.
//
// # Conventions and checks
//
// Qubit conventions follow Qiskit; randomness comes from explicit seeds;
// nothing runs concurrently. The tests check the spec's reference table
// (r = 3) in both readouts to 1e−9, the all-zero circuit, the spectrum
// ({0..3}, {0..7}, {0..13} for w = (1,1,1), (1,2,4), (1,3,9)), every
// derivative against central differences, the state against an independent
// matrix-product implementation (1e−12), the layer against its defining
// formula, the parameter counts and the exactness of layer extension
// (1e−12).
package qkan
