package qasm

import (
	"cmp"
	"fmt"
	"math"
	"math/cmplx"
	"slices"
	"strconv"

	"github.com/qmlkit/qmlkit/circuits"
)

// piDenominators are the denominators formatAngle tries for n·π/d.
var piDenominators = []float64{1, 2, 3, 4, 6, 8, 12, 16, 32, 64}

// formatAngle writes n*pi/d when the reader evaluates that text to exactly
// v (it computes n*pi first, then divides), and any other number with the
// shortest decimal form that parses back to the same float64.
func formatAngle(v float64) string {
	if v != 0 && isFinite(v) {
		for _, den := range piDenominators {
			r := math.Round(v * den / math.Pi)
			if r == 0 || math.Abs(r) > 1024 || r*math.Pi/den != v {
				continue
			}
			var s string
			switch r {
			case 1:
				s = "pi"
			case -1:
				s = "-pi"
			default:
				s = strconv.FormatFloat(r, 'f', -1, 64) + "*pi"
			}
			if den != 1 {
				s += "/" + strconv.FormatFloat(den, 'f', -1, 64)
			}
			return s
		}
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// zyz returns angles with m = e^{iγ}·U(θ,φ,λ) for a 2×2 unitary m
// (row-major), U being qelib1's u3.
func zyz(m []complex128) (theta, phi, lambda, gamma float64) {
	a, b := cmplx.Abs(m[0]), cmplx.Abs(m[2])
	theta = 2 * math.Atan2(b, a)
	switch {
	case b == 0: // diagonal: U(0,0,λ) = diag(1, e^{iλ})
		gamma = cmplx.Phase(m[0])
		lambda = cmplx.Phase(m[3]) - gamma
	case a == 0: // anti-diagonal: choose φ = 0
		gamma = cmplx.Phase(m[2])
		lambda = cmplx.Phase(-m[1]) - gamma
	default:
		gamma = cmplx.Phase(m[0])
		phi = cmplx.Phase(m[2]) - gamma
		lambda = cmplx.Phase(-m[1]) - gamma
	}
	return theta, phi, lambda, gamma
}

// layout names the bits of one kind: the circuit's registers when they are
// valid names that tile [0, n) exactly, else one register called fallback
// (made unique against taken). It records the names it uses in taken.
func layout(regs []circuits.Register, n int, fallback string, valid func(string) bool, taken map[string]bool) ([]circuits.Register, []string) {
	if n == 0 {
		return nil, nil
	}
	sorted := slices.SortedFunc(slices.Values(regs), func(a, b circuits.Register) int { return cmp.Compare(a.Start, b.Start) })
	ok, pos, names := len(sorted) > 0, 0, map[string]bool{}
	for _, r := range sorted {
		if r.Start != pos || r.Size <= 0 || !valid(r.Name) || taken[r.Name] || names[r.Name] {
			ok = false
			break
		}
		names[r.Name] = true
		pos += r.Size
	}
	if !ok || pos != n {
		name := fallback
		for i := 0; taken[name]; i++ {
			name = fallback + strconv.Itoa(i)
		}
		sorted = []circuits.Register{{Name: name, Start: 0, Size: n}}
	}
	labels := make([]string, n)
	for _, r := range sorted {
		taken[r.Name] = true
		for k := 0; k < r.Size; k++ {
			labels[r.Start+k] = fmt.Sprintf("%s[%d]", r.Name, k)
		}
	}
	return sorted, labels
}

// identifier reports whether s is letter or '_', then letters, digits, '_'.
func identifier(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isLetter(s[i]) && !isDigit(s[i]) {
			return false
		}
	}
	return true
}
