package iris

import "github.com/qmlkit/qmlkit/examples/repro"

const paperCitation = "D. E. Tasar, K. Koruyan, C. Ö. Tasar, \"Machine Learning in the Quantum Age: Quantum vs. Classical Support Vector Machines\", arXiv:2310.10910 (2023)"

// Reproductions returns the registry entry "iris".
func Reproductions() []repro.Reproduction {
	return []repro.Reproduction{
		{
			Name:  "iris",
			Title: "QSVM (4 qubits, ZZ reps 2, features scaled to [0, π]) vs RBF-SVM on Iris, stratified 80/20 over 10 seeds",
			Paper: paperCitation,
			Run:   runIris,
		},
	}
}
