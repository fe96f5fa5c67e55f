// Package nn is a small layer-and-trainer toolkit shared by the quantum
// activation networks of qml/qkan and their classical twins, so every model
// is trained by the same loop on the same data.
//
// # Model
//
// A model is a Layer: Forward maps a batch (a Matrix, one sample per row,
// row-major) to a batch and caches what Backward needs; Backward takes
// ∂L/∂output, adds parameter gradients into the Grad slices returned by
// Params (gradients accumulate — Train zeroes them before every step) and
// returns ∂L/∂input. Params are views of the layer's storage, so optimisers
// update them in place. Sequential chains layers.
//
// Layers here: Linear (Xavier-uniform, Xavier-normal or He-normal weights,
// zero bias), element-wise SiLU/tanh/ReLU, the B-spline KAN layer of Liu et
// al. (cubic B-splines on G uniform intervals extended by k knots per side,
// evaluated by the Cox–de Boor recursion with exact x-derivatives, G+k+2
// parameters per edge) and a Fourier KAN layer (2G coefficients per edge plus
// an output bias). NewMLP, NewKAN and NewFourierKANNet stack them.
//
// # Training
//
// Train runs Adam (mini-batch, seeded shuffling, written here) or full-batch
// L-BFGS (gonum.org/v1/gonum/optimize with a Moré–Thuente line search; the
// model's loss is exposed as a Func/Grad problem) with optional early stopping
// on a validation set, and returns a History. Fit adds test scoring (RMSE for
// MSE, accuracy for softmax cross-entropy), the parameter count and seconds.
//
// SPSA (Spall's simultaneous-perturbation stochastic approximation) minimises
// any function of a flat vector from two evaluations per step, whatever the
// dimension; variational circuits (qml) and kernel training (kernels) use it.
//
// # Conventions
//
// All randomness comes from an explicit *rand.Rand or seed (math/rand/v2
// PCG); the same seed gives the same result. Nothing runs concurrently. Bad
// input (wrong widths, NaN/Inf, Backward before Forward, bad labels) is an
// error, never a panic. Every layer's Backward is tested against central
// finite differences (GradCheck) to 1e−6.
//
// Defaults and their sources: Adam β₁ = 0.9, β₂ = 0.999, ε = 1e−8 (Kingma &
// Ba); L-BFGS memory 10 (as PyTorch's LBFGS); Xavier (Glorot & Bengio 2010)
// and He (He et al. 2015) scales; KAN spline initialisation after Liu et al.
// (arXiv:2404.19756): small uniform noise on the coefficients, scale_base
// U(−1, 1)/√n_in, scale_spline 1/√n_in.
package nn
