package havlicek

import "github.com/qmlkit/qmlkit/examples/repro"

const paperCitation = "V. Havlíček, A. D. Córcoles, K. Temme, A. W. Harrow, A. Kandala, J. M. Chow, J. M. Gambetta, \"Supervised learning with quantum-enhanced feature spaces\", Nature 567, 209–212 (2019), arXiv:1804.11326"

// Reproductions returns the registry entries of this paper: adhoc (the
// quantum-kernel SVM, adhoc.go) and vqc (the variational classifier,
// vqc.go).
func Reproductions() []repro.Reproduction {
	return []repro.Reproduction{
		{
			Name:  "adhoc",
			Title: "QSVM (ZZ feature map, reps 2, C = 1) vs RBF-SVM on Havlíček's ad hoc data: three reference sets and freshly generated sets",
			Paper: paperCitation,
			Run:   runAdHoc,
		},
		VQCReproduction(),
	}
}
