package tensornet

import (
	"fmt"
	"math"

	"github.com/qmlkit/qmlkit/zmat"
)

// CutoffMode says how Cutoff is read, with quimb's cutoff_mode names; it is
// zmat's type, re-exported so callers need not import zmat.
type CutoffMode = zmat.CutoffMode

// The cutoff modes (quimb's "rel", "abs", "rsum2", "sum2").
const (
	// CutoffRel keeps the singular values s_i > Cutoff·s_0 (the default).
	CutoffRel = zmat.CutoffRel
	// CutoffAbs keeps the singular values s_i > Cutoff.
	CutoffAbs = zmat.CutoffAbs
	// CutoffRelSum2 discards the most trailing values whose squares sum to
	// at most Cutoff·Σ s_i²: Cutoff bounds the relative discarded weight.
	CutoffRelSum2 = zmat.CutoffRelSum2
	// CutoffSum2 discards the most trailing values whose squares sum to at
	// most Cutoff.
	CutoffSum2 = zmat.CutoffSum2
)

// ParseCutoffMode returns the mode named s: "rel", "abs", "rsum2" or "sum2".
func ParseCutoffMode(s string) (CutoffMode, error) {
	m, err := zmat.ParseCutoffMode(s)
	if err != nil {
		return 0, fmt.Errorf("tensornet: %w", err)
	}
	return m, nil
}

// zeroFloor is the relative size below which a singular value is numerical
// noise of the SVD (whose absolute error is a few ε·s_0) and is always
// dropped, whatever the settings, so that exact product and low-rank states
// keep their small bond dimension. The dropped weight still enters the
// fidelity estimate; it is below 1e−28 per split.
const zeroFloor = 1e-14

// truncation is the checked form of the Simulator's truncation fields.
type truncation struct {
	maxBond     int
	cutoff      float64
	mode        CutoffMode
	renormalize bool
}

// newTruncation checks the settings and fills the default mode.
func newTruncation(maxBond int, cutoff float64, mode CutoffMode, renormalize bool) (truncation, error) {
	if maxBond < 0 {
		return truncation{}, fmt.Errorf("MaxBond %d is negative (0 means unlimited)", maxBond)
	}
	if math.IsNaN(cutoff) || math.IsInf(cutoff, 0) || cutoff < 0 {
		return truncation{}, fmt.Errorf("Cutoff %v is not a finite non-negative number", cutoff)
	}
	if mode == 0 {
		mode = CutoffRel
	}
	switch mode {
	case CutoffRel, CutoffAbs, CutoffRelSum2, CutoffSum2:
	default:
		return truncation{}, fmt.Errorf("CutoffMode %v is not rel, abs, rsum2 or sum2", mode)
	}
	return truncation{maxBond: maxBond, cutoff: cutoff, mode: mode, renormalize: renormalize}, nil
}

// keep returns how many of the descending singular values s to keep, the
// discarded weight Σ_{i ≥ keep} s_i² and the total weight Σ s_i².
func (t truncation) keep(s []float64) (keep int, discarded, total float64, err error) {
	keep, _, err = zmat.Truncate(s, t.maxBond, t.cutoff, t.mode)
	if err != nil {
		return 0, 0, 0, err
	}
	floor := zeroFloor * s[0]
	for keep > 1 && s[keep-1] <= floor {
		keep--
	}
	// Summed from the smallest value up, as zmat.Truncate does, so that the
	// tail weight is exact to rounding.
	for i := len(s) - 1; i >= 0; i-- {
		total += s[i] * s[i]
		if i == keep {
			discarded = total
		}
	}
	return keep, discarded, total, nil
}
