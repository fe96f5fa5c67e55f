package cbe

import "github.com/qmlkit/qmlkit/examples/repro"

const paperCitation = "K. Yamazaki, Y. Uchida, K. Fujisawa, N. Yoshida (and S. Miyamoto), \"Quantum algorithm for collisionless Boltzmann simulation of self-gravitating systems\", arXiv:2303.16490, Computers & Fluids 288, 106527 (2024); " +
	"integer-shift streaming after A. Todorova and R. Steijl, J. Comput. Phys. 409, 109347 (2020); " +
	"classical split scheme of C. Z. Cheng and G. Knorr, J. Comput. Phys. 22, 330 (1976)"

// Reproductions returns cbe-freestream, cbe-jeans and landau for the
// registry.
func Reproductions() []repro.Reproduction {
	return []repro.Reproduction{
		{
			Name:  "cbe-freestream",
			Title: "Quantum free streaming (QFT phase network and integer-shift incrementers) on 64×64 vs the exact solution",
			Paper: paperCitation,
			Run:   runFreestream,
		},
		{
			Name:  "cbe-jeans",
			Title: "Kinetic Jeans instability (J-1, J-2, k = 1.2 k_J): quantum solver with exact and shot readout vs classical and linear theory",
			Paper: paperCitation,
			Run:   runJeans,
		},
		{
			Name:  "landau",
			Title: "Linear Landau damping (k = 0.5): classical Vlasov–Poisson check, with the quantum pipeline beside it",
			Paper: paperCitation,
			Run:   runLandau,
		},
	}
}
