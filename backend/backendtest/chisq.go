package backendtest

import (
	"fmt"

	"gonum.org/v1/gonum/stat/distuv"
)

// ChiSquarePValue tests observed counts (indexed like probs) against the
// distribution probs with Pearson's chi-square statistic. Outcomes whose
// expected count is below 5 are pooled into one bin (and that bin into its
// neighbour if it is still below 5), as the test's χ² approximation needs.
// It returns the p-value and the degrees of freedom. Counts on outcomes of
// probability zero are an error: no statistic excuses them.
func ChiSquarePValue(counts []int, probs []float64) (p float64, df int, err error) {
	if len(counts) != len(probs) {
		return 0, 0, fmt.Errorf("chi-square: %d counts for %d probabilities", len(counts), len(probs))
	}
	shots := 0
	var total float64
	for i, c := range counts {
		if c < 0 {
			return 0, 0, fmt.Errorf("chi-square: negative count %d at %d", c, i)
		}
		if c > 0 && probs[i] == 0 {
			return 0, 0, fmt.Errorf("chi-square: outcome %d has probability 0 but was drawn %d times", i, c)
		}
		shots += c
		total += probs[i]
	}
	if shots == 0 || total <= 0 {
		return 0, 0, fmt.Errorf("chi-square: %d shots, total probability %v", shots, total)
	}
	var exp, obs []float64
	var poolE, poolO float64
	for i, pr := range probs {
		e := float64(shots) * pr / total
		if e < 5 {
			poolE += e
			poolO += float64(counts[i])
			continue
		}
		exp = append(exp, e)
		obs = append(obs, float64(counts[i]))
	}
	if poolE > 0 {
		if poolE < 5 && len(exp) > 0 {
			exp[len(exp)-1] += poolE
			obs[len(obs)-1] += poolO
		} else {
			exp = append(exp, poolE)
			obs = append(obs, poolO)
		}
	}
	if len(exp) < 2 {
		return 1, 0, nil // one bin: every shot is in it, nothing to test
	}
	var stat float64
	for i, e := range exp {
		d := obs[i] - e
		stat += d * d / e
	}
	df = len(exp) - 1
	return distuv.ChiSquared{K: float64(df)}.Survival(stat), df, nil
}
