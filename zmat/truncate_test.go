package zmat

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTruncateModes(t *testing.T) {
	s := []float64{4, 2, 1, 0.5, 0.25, 0}
	weight := func(from int) float64 { // exact in binary: all squares are powers of two
		w := 0.0
		for _, v := range s[from:] {
			w += v * v
		}
		return w
	}
	total := weight(0) // 16 + 4 + 1 + 0.25 + 0.0625 = 21.3125
	cases := []struct {
		name    string
		maxRank int
		cutoff  float64
		mode    CutoffMode
		keep    int
	}{
		{"rel", 0, 0.2, CutoffRel, 3},                  // 4·0.2 = 0.8: keep 4, 2, 1
		{"rel_strict", 0, 0.25, CutoffRel, 2},          // limit 1: s_i = 1 is dropped (strictly greater, as quimb)
		{"rel_zero", 0, 0, CutoffRel, 5},               // drops the exact zero only
		{"abs", 0, 0.5, CutoffAbs, 3},                  // s_i > 0.5
		{"abs_all", 0, 10, CutoffAbs, 1},               // keeps at least one
		{"sum2", 0, 0.3125, CutoffSum2, 3},             // 0.25 + 0.0625 = 0.3125 ≤ 0.3125, adding 1 exceeds
		{"sum2_tight", 0, 0.3, CutoffSum2, 4},          // only 0.0625 (and 0) fit
		{"rsum2", 0, 1.3125 / total, CutoffRelSum2, 2}, // discards 1 + 0.25 + 0.0625
		{"rsum2_all", 0, 1, CutoffRelSum2, 1},
		{"maxrank", 2, 0, CutoffRel, 2},
		{"maxrank_loose", 9, 0.2, CutoffRel, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			keep, disc, err := Truncate(s, c.maxRank, c.cutoff, c.mode)
			require.NoError(t, err)
			require.Equal(t, c.keep, keep)
			require.Equal(t, weight(keep), disc, "discarded weight is exact")
		})
	}
}

func TestTruncateAgainstBruteForce(t *testing.T) {
	// For random spectra, the sum modes keep the fewest values whose discarded tail is within the
	// limit: check by trying every keep count.
	rng := newRNG(40)
	for trial := range 200 {
		n := 1 + rng.IntN(12)
		s := make([]float64, n)
		for i := range s {
			s[i] = rng.ExpFloat64()
		}
		sortDescending(s)
		cutoff := rng.Float64() * 0.5
		for _, mode := range []CutoffMode{CutoffSum2, CutoffRelSum2} {
			keep, disc, err := Truncate(s, 0, cutoff, mode)
			require.NoError(t, err)
			limit := cutoff
			if mode == CutoffRelSum2 {
				limit *= tailWeight(s, 0)
			}
			want := n
			for k := n; k >= 1; k-- {
				if tailWeight(s, k) <= limit {
					want = k
				}
			}
			require.Equal(t, want, keep, "trial %d mode %v", trial, mode)
			require.InDelta(t, tailWeight(s, keep), disc, 1e-15)
		}
	}
}

func sortDescending(s []float64) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] > s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func TestTruncateErrorsAndNames(t *testing.T) {
	for _, name := range []string{"rel", "abs", "rsum2", "sum2"} {
		m, err := ParseCutoffMode(name)
		require.NoError(t, err)
		require.Equal(t, name, m.String())
	}
	_, err := ParseCutoffMode("relative")
	require.ErrorIs(t, err, ErrArgument)
	require.Equal(t, "CutoffMode(9)", CutoffMode(9).String())

	bad := []struct {
		s       []float64
		maxRank int
		cutoff  float64
		mode    CutoffMode
	}{
		{nil, 0, 0, CutoffRel},
		{[]float64{1, 2}, 0, 0, CutoffRel},
		{[]float64{1, -1}, 0, 0, CutoffRel},
		{[]float64{math.NaN()}, 0, 0, CutoffRel},
		{[]float64{1}, -1, 0, CutoffRel},
		{[]float64{1}, 0, -1e-3, CutoffRel},
		{[]float64{1}, 0, math.Inf(1), CutoffAbs},
		{[]float64{1}, 0, 0, CutoffMode(0)},
	}
	for i, b := range bad {
		_, _, err := Truncate(b.s, b.maxRank, b.cutoff, b.mode)
		require.ErrorIs(t, err, ErrArgument, "case %d", i)
	}
}

func TestTruncateAllZero(t *testing.T) {
	for _, mode := range []CutoffMode{CutoffRel, CutoffAbs, CutoffRelSum2, CutoffSum2} {
		keep, disc, err := Truncate([]float64{0, 0, 0}, 0, 1e-10, mode)
		require.NoError(t, err)
		require.Equal(t, 1, keep)
		require.Zero(t, disc)
	}
}
