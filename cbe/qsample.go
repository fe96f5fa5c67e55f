package cbe

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// sampleBins draws the outcome counts of shots measurements of every qubit
// of a state with basis-state probabilities prob(index) = |amp|²/‖amp‖²,
// aggregated into the given bins (distinct basis indices) and "any other
// outcome". The counts of the bins are multinomial; they are drawn
// exactly by sequential binomials, n_k ~ Bin(shots − Σ_{l<k} n_l,
// p_k/(1 − Σ_{l<k} p_l)), which has the same joint law as sampling shots
// outcomes one by one and counting, at O(len(bins)) cost instead of
// O(shots). That is what makes 10^8–10^10 shots per circuit affordable.
func sampleBins(amp []complex128, bins []int, shots int64, src rand.Source) []int64 {
	var total float64
	for _, a := range amp {
		total += real(a)*real(a) + imag(a)*imag(a)
	}
	counts := make([]int64, len(bins))
	remaining := shots
	rest := 1.0
	for k, idx := range bins {
		if remaining == 0 {
			break
		}
		a := amp[idx]
		p := (real(a)*real(a) + imag(a)*imag(a)) / total
		cond := p / rest
		rest -= p
		switch {
		case cond <= 0:
			continue
		case cond >= 1:
			counts[k] = remaining
		default:
			counts[k] = int64(distuv.Binomial{N: float64(remaining), P: cond, Src: src}.Rand())
		}
		remaining -= counts[k]
	}
	return counts
}
