package covariant

import "github.com/qmlkit/qmlkit/examples/repro"

const paperCitation = "J. R. Glick, T. P. Gujarati, A. D. Córcoles, Y. Kim, A. Kandala, J. M. Gambetta, K. Temme, \"Covariant quantum kernels for data with group structure\", Nature Physics 20, 479–483 (2024), arXiv:2105.03406"

// Reproductions returns the registry entry "covariant".
func Reproductions() []repro.Reproduction {
	return []repro.Reproduction{
		{
			Name:  "covariant",
			Title: "Covariant quantum kernels on the graph7/graph10 coset data at λ = 0.1, π/4, π/2, then kernel training of λ",
			Paper: paperCitation,
			Run:   runCovariant,
		},
	}
}
