// Package svm provides the classical support-vector machinery behind
// quantum-kernel classifiers: a C-SVC trained on a precomputed kernel,
// PegasosQSVC's sub-gradient trainer, and classical baseline kernels.
//
// # C-SVC
//
// Fit takes a training Gram matrix K (any gonum mat.Matrix: *mat.SymDense,
// *mat.Dense, …), labels and the box constraint C, and solves the dual
//
//	max_α Σα_i − ½ Σ_ij α_i α_j y_i y_j K_ij   s.t. Σ y_i α_i = 0, 0 ≤ α_i ≤ C
//
// with the SMO algorithm of LIBSVM 3.24: working-set selection by second-order
// information (WSS3, Fan, Chen & Lin, JMLR 6, 2005), the same two-variable
// update and clipping, the same shrinking heuristic (on by default, as in
// svm-train) and the same stopping rule (maximal KKT violation < Eps,
// default 1e-3). The offset rho is LIBSVM's: the mean of y_i∇f(α)_i over free
// support vectors, or the midpoint of the feasible interval when there are
// none. A model's decision value for a sample x is Σ_i y_iα_i K(x, x_i) − rho;
// Model.DecisionFunction takes the rows K(test, train).
//
// More than two classes are handled one-vs-one exactly as LIBSVM does: the
// classes are ordered by first appearance in y (Model.Classes), except that a
// two-class problem labelled −1/+1 always puts +1 first; pair (a, b), a < b,
// treats class a as +1, so its decision value is positive for class a; pairs
// come in the order (0,1), (0,2), …, (1,2), …; each pair votes, a zero
// decision value voting for b, and ties go to the class listed first.
// Probability outputs are not provided.
//
// On the fixtures in testdata (Iris RBF two- and three-class, a linear kernel
// on breast cancer, random PSD kernels, LIBSVM 3.24 run with -e 1e-8), Fit
// with shrinking reproduces LIBSVM's support vectors, coefficients, rho,
// objective and decision values exactly when the kernel entries are
// representable in binary32; see testdata/README.md for why that matters and
// for the measured differences otherwise (below 1e-6 in decision values).
//
// # Classical kernels
//
// RBF, Linear and Polynomial build Gram matrices K(X, Y) as *mat.Dense with
// scikit-learn's definitions; GammaScale is scikit-learn's gamma="scale",
// 1/(n_features·Var(X)) with Var over all entries of X.
//
// # PegasosQSVC
//
// FitPegasos is the algorithm of qiskit-machine-learning's PegasosQSVC on a
// precomputed kernel (binary only): T steps, each drawing a sample uniformly
// from a seeded PCG generator and incrementing its α when the margin
// condition y_i·(C/t)·Σ_j α_j y_j (K_ij + 1) < 1 holds.
//
// # Input checks
//
// Training kernels must be square, finite and symmetric to 1e-9 relative to
// max(1, max|K|) (rounding-level asymmetry is averaged away); labels must
// match the kernel size and contain at least two classes; C must be positive
// and finite. Violations are reported as errors, never panics.
package svm
