// Package havlicek reproduces the quantum-kernel experiment of Havlíček et
// al., "Supervised learning with quantum-enhanced feature spaces" (Nature
// 567, 209, 2019; arXiv:1804.11326): a support-vector machine on the
// fidelity kernel of the ZZ feature map classifies the "ad hoc" data, whose
// labels are the sign of ⟨Φ(x)|V†Z^{⊗n}V|Φ(x)⟩ for a random unitary V with
// a gap Δ = 0.3.
//
// Reproductions returns the registry entry "adhoc": the three reference
// sets qiskit-machine-learning ships (datasets.AdHocReference, seeds 0, 1,
// 12345) and sets drawn from qmlkit's own generator (datasets.AdHoc, n = 2
// and 3), each with a QSVM (kernels.ZZFeatureMap(n, 2, full), C = 1) beside
// an RBF-SVM (gamma "scale", C = 1). Metrics nest as
// metrics["seed_<s>" | "generated_n<n>_<train>"]["qsvm" | "svm"] =
// {train_accuracy, test_accuracy, dual_objective, seconds}; the checks
// require QSVM test accuracy ≥ 0.9 on every reference set. With a plot
// directory, each training kernel is drawn as a heat map.
//
// The variational quantum classifier of the same paper lives beside it
// (see README.md).
package havlicek
