// Package qkan reproduces the function-fitting and classification demos of
// Jiang, Huang, Chen and Goan, "Quantum Variational Activation Functions
// Empower Kolmogorov-Arnold Networks" (arXiv:2509.14026), against the
// classical baselines of Liu et al., "KAN: Kolmogorov-Arnold Networks"
// (arXiv:2404.19756), using qml/qkan and nn.
//
// Reproductions returns two registry entries:
//
//   - qkan-regression: sin(20x)/(20x), exp(sin(πx)+y²) and five Feynman
//     equations (I.6.20, I.9.18 dimensionless, I.12.11, I.14.3, I.26.2),
//     QKAN (r = 3, all options trainable) vs B-spline KAN, Fourier KAN and a
//     tanh MLP at matched parameter counts, same data, seeds and full-batch
//     L-BFGS loop. Metrics: metrics[task][model] = {test_rmse, params,
//     seconds}, models qkan, qkan_fast (exp-sin only), kan, fourier_kan, mlp.
//   - qkan-digits: the 8×8 digits (from package datasets) on a
//     fixed stratified 80/20 split, Linear(64→10) + QKAN([10,10]) head vs
//     KAN and MLP heads of about the same size, Adam. Metrics:
//     metrics["seed_<s>"|"mean"][model] = {test_accuracy, params, seconds}.
//
// The paper's own tables were not retrievable; the reference numbers are the
// reference code's demos (exp-sin MSE ≈ 2.8e−5; MNIST CNN+QKAN 0.9585 vs
// CNN+MLP 0.9557), printed beside ours. See README.md for the measured
// numbers and how to run.
package qkan
