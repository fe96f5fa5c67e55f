package zmat

import (
	"fmt"
	"math"
)

// CutoffMode says how Truncate reads its cutoff. The names follow quimb's cutoff_mode.
type CutoffMode int

const (
	// CutoffRel ("rel") keeps the values with s_i > cutoff·s_0.
	CutoffRel CutoffMode = iota + 1
	// CutoffAbs ("abs") keeps the values with s_i > cutoff.
	CutoffAbs
	// CutoffRelSum2 ("rsum2") discards the most trailing values whose squares sum to at most
	// cutoff·Σ_i s_i².
	CutoffRelSum2
	// CutoffSum2 ("sum2") discards the most trailing values whose squares sum to at most cutoff.
	CutoffSum2
)

var cutoffModeNames = map[CutoffMode]string{
	CutoffRel: "rel", CutoffAbs: "abs", CutoffRelSum2: "rsum2", CutoffSum2: "sum2",
}

// String returns quimb's name for the mode.
func (m CutoffMode) String() string {
	if s, ok := cutoffModeNames[m]; ok {
		return s
	}
	return fmt.Sprintf("CutoffMode(%d)", int(m))
}

// ParseCutoffMode returns the mode with quimb's name s ("rel", "abs", "rsum2", "sum2").
func ParseCutoffMode(s string) (CutoffMode, error) {
	for m, name := range cutoffModeNames {
		if name == s {
			return m, nil
		}
	}
	return 0, fmt.Errorf("zmat: ParseCutoffMode: %w: unknown cutoff mode %q (want rel, abs, rsum2 or sum2)", ErrArgument, s)
}

// Truncate chooses how many leading singular values of s (descending, non-negative, as SVD
// returns them) to keep: the fewest allowed by cutoff under mode, then at most maxRank
// (maxRank = 0 means no limit), and never fewer than one. It returns that count and the
// discarded weight Σ_{i ≥ keep} s_i², summed from the smallest value up so that it is exact to
// rounding. cutoff = 0 drops only exact zeros in the value modes ("rel", "abs") and only zero
// weight in the sum modes.
func Truncate(s []float64, maxRank int, cutoff float64, mode CutoffMode) (keep int, discarded float64, err error) {
	if err := checkTruncateArgs(s, maxRank, cutoff, mode); err != nil {
		return 0, 0, fmt.Errorf("zmat: Truncate: %w", err)
	}
	n := len(s)
	switch mode {
	case CutoffRel, CutoffAbs:
		limit := cutoff
		if mode == CutoffRel {
			limit = cutoff * s[0]
		}
		for keep < n && s[keep] > limit {
			keep++
		}
	case CutoffRelSum2, CutoffSum2:
		limit := cutoff
		if mode == CutoffRelSum2 {
			limit = cutoff * tailWeight(s, 0)
		}
		// Walk in from the smallest value while the discarded tail stays within the limit.
		keep = n
		var tail float64
		for keep > 0 && tail+s[keep-1]*s[keep-1] <= limit {
			tail += s[keep-1] * s[keep-1]
			keep--
		}
	}
	keep = max(keep, 1)
	if maxRank > 0 {
		keep = min(keep, maxRank)
	}
	return keep, tailWeight(s, keep), nil
}

// tailWeight returns Σ_{i ≥ from} s_i², smallest first.
func tailWeight(s []float64, from int) float64 {
	var w float64
	for i := len(s) - 1; i >= from; i-- {
		w += s[i] * s[i]
	}
	return w
}

func checkTruncateArgs(s []float64, maxRank int, cutoff float64, mode CutoffMode) error {
	if _, ok := cutoffModeNames[mode]; !ok {
		return fmt.Errorf("%w: unknown cutoff mode %d", ErrArgument, int(mode))
	}
	if len(s) == 0 {
		return fmt.Errorf("%w: no singular values", ErrArgument)
	}
	if maxRank < 0 {
		return fmt.Errorf("%w: maxRank %d is negative (0 means no limit)", ErrArgument, maxRank)
	}
	if math.IsNaN(cutoff) || math.IsInf(cutoff, 0) || cutoff < 0 {
		return fmt.Errorf("%w: cutoff %v is not a finite non-negative number", ErrArgument, cutoff)
	}
	for i, v := range s {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return fmt.Errorf("%w: s[%d] = %v is not a finite non-negative number", ErrArgument, i, v)
		}
		if i > 0 && v > s[i-1] {
			return fmt.Errorf("%w: s is not descending: s[%d] = %v > s[%d] = %v", ErrArgument, i, v, i-1, s[i-1])
		}
	}
	return nil
}
