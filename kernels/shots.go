package kernels

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// binomialFraction draws Binomial(shots, p)/shots with p clipped to [0, 1]
// (exact fidelities can exceed 1 by rounding).
func binomialFraction(rng *rand.Rand, shots int, p float64) float64 {
	p = min(max(p, 0), 1)
	switch p {
	case 0:
		return 0
	case 1:
		return 1
	}
	b := distuv.Binomial{N: float64(shots), P: p, Src: rng}
	return b.Rand() / float64(shots)
}
