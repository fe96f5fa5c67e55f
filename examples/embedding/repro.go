package embedding

import "github.com/qmlkit/qmlkit/examples/repro"

const paperCitation = "S. A. Cajas Ordóñez, L. F. Torres Torres, M. Bifulco, C. A. Durán, C. Bosch, R. Simón Carbajo, \"Embedding-Aware Quantum-Classical SVMs for Scalable Quantum Machine Learning\", arXiv:2508.00024 (2025)"

// Reproductions returns the registry entry "mnist-qsvm".
func Reproductions() []repro.Reproduction {
	return []repro.Reproduction{
		{
			Name:  "mnist-qsvm",
			Title: "16-qubit QSVM on k-means-distilled MNIST raw pixels (StandardScaler → PCA 16 → MinMax) vs RBF-SVM",
			Paper: paperCitation,
			Run:   runMNIST,
		},
	}
}
