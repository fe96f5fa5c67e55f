// Package embedding reproduces the raw-pixel MNIST row of Cajas Ordóñez et
// al., "Embedding-Aware Quantum-Classical SVMs for Scalable Quantum Machine
// Learning" (arXiv:2508.00024): a 16-qubit quantum-kernel SVM on MNIST
// images distilled by class-balanced k-means.
//
// Pipeline (spec §4.4): for each digit, k-means with k = 200 on its training
// images and the real image nearest each centroid (2000 images); a
// stratified 1600/400 split; StandardScaler → PCA(16) → MinMax to (−1, 1),
// each fitted on the training part; the feature map kernels.RZRYChainMap
// (H on all qubits, RZ(x_q)·RY(x_q), a CX chain, RZ(x_q)) and the fidelity
// kernel on the dense simulator (batched Gram product) and on the MPS
// simulator (package tensornet, pairwise overlaps); SVM C = 1,
// one-vs-one. An RBF-SVM (gamma "scale") on the same 16 features runs
// beside it. The quick run distils k = 20 per class from the first 300
// images of each class.
//
// Reproductions returns the registry entry "mnist-qsvm". Metrics:
// metrics["mnist_raw"]["qsvm" | "qsvm_mps" | "svm"] = {train_accuracy, test_accuracy,
// dual_objective, seconds} and metrics["distillation"]. The paper's other
// rows (ViT and CNN embeddings, Fashion-MNIST) need pretrained networks or
// data not available here; they are printed and listed under
// paper["not_reproduced"].
package embedding
