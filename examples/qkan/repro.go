package qkan

import "github.com/qmlkit/qmlkit/examples/repro"

const paperCitation = "J.-C. Jiang, M. Y.-C. Huang, T. Chen, H.-S. Goan, \"Quantum Variational Activation Functions Empower Kolmogorov-Arnold Networks\", arXiv:2509.14026 (2025); baselines from Z. Liu et al., \"KAN: Kolmogorov-Arnold Networks\", arXiv:2404.19756 (2024)"

// Reproductions returns qkan-regression and qkan-digits for the registry.
func Reproductions() []repro.Reproduction {
	return []repro.Reproduction{
		{
			Name:  "qkan-regression",
			Title: "QKAN (DARUAN activations) vs B-spline KAN, Fourier KAN and MLP on sinc, exp(sin(πx)+y²) and five Feynman equations",
			Paper: paperCitation,
			Run:   runRegression,
		},
		{
			Name:  "qkan-digits",
			Title: "Linear feature extractor + QKAN([10,10]) head vs KAN and MLP heads on the 8×8 digits",
			Paper: paperCitation,
			Run:   runDigits,
		},
	}
}
