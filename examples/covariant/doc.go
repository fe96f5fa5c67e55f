// Package covariant reproduces the covariant quantum kernels of Glick et
// al., "Covariant quantum kernels for data with group structure" (Nature
// Physics 20, 479, 2024; arXiv:2105.03406), on their "labelling cosets with
// error" data (datasets.CovariantGraph7 and CovariantGraph10).
//
// The kernel is |⟨ψ_λ|D_x†D_x′|ψ_λ⟩|² with the fiducial state
// |ψ_λ⟩ = Π_edges CZ · Π_k RY(λ)|0⟩ and D_x = ⊗_i exp(i·x_{2i}X)·exp(i·x_{2i+1}Z)
// (kernels.CovariantFeatureMap). Reproductions returns the registry entry
// "covariant": SVMs (C = 1, train rows 0–19, test rows 20–39) at
// λ = 0.1, π/4, π/2 on both graphs, beside an RBF-SVM, then kernel training
// (kernels.QuantumKernelTrainer, minimising the SVM dual objective) from
// λ = 0.1 with the exact gradient and with SPSA.
//
// Metrics: metrics["lambda_0.1" | "lambda_0.785" | "lambda_1.571"]["qsvm" |
// "svm"] = {lambda, test_accuracy, train_accuracy, dual_objective, seconds}
// for graph7 (keys prefixed "graph10_" for graph10), and
// metrics["trained" | "trained_spsa"]["qsvm"] = {lambda, dual_objective,
// test_accuracy, train_accuracy, seconds, lambda_path, dual_objective_path,
// kernel_evaluations}. Checks: graph7 test accuracies within ±0.05 of 0.60,
// 0.95, 1.00, the dual objective falling with λ and along the training
// path, and trained test accuracy 1.0. See README.md for the dual-objective
// values, which do not match the reference at π/4 and π/2.
package covariant
