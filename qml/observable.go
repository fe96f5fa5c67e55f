package qml

import (
	"fmt"
	"math"
	"math/bits"

	"github.com/qmlkit/qmlkit/pauli"
)

// obsGroup collects the Pauli terms that share an X part x: on basis
// index i they all read amplitude i⊕x, so one pass applies them together.
type obsGroup struct {
	x    uint64
	z    []uint64
	coef []complex128 // c·i^{#Y} per term
}

// groupObservables merges Σ_k w_k·O_k into groups by X mask. It checks
// every term against n qubits.
func groupObservables(n int, obs []pauli.Sum, weights []float64) ([]obsGroup, error) {
	var groups []obsGroup
	index := map[uint64]int{}
	for k, o := range obs {
		if err := o.Validate(n); err != nil {
			return nil, fmt.Errorf("qml: observable %d: %w", k, err)
		}
		w := weights[k]
		if math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("qml: weight %d of the observables is %v", k, w)
		}
		for _, t := range o {
			x, z, ny, err := t.Masks()
			if err != nil {
				return nil, fmt.Errorf("qml: observable %d: %w", k, err)
			}
			phase := [4]complex128{1, 1i, -1, -1i}[ny%4]
			g, ok := index[x]
			if !ok {
				g = len(groups)
				index[x] = g
				groups = append(groups, obsGroup{x: x})
			}
			groups[g].z = append(groups[g].z, z)
			groups[g].coef = append(groups[g].coef, complex(w*t.Coeff, 0)*phase)
		}
	}
	return groups, nil
}

// applyObservable sets dst = O·src for the grouped observable O. With
// P = i^{#Y}·X^x·Z^z, (P·ψ)_i = i^{#Y}·(−1)^{|(i⊕x)∧z|}·ψ_{i⊕x}.
func applyObservable(dst, src []complex128, groups []obsGroup) {
	forChunks(uint64(len(dst)), 2, func(lo, hi uint64) acc16 {
		for i := lo; i < hi; i++ {
			var a complex128
			for _, g := range groups {
				j := i ^ g.x
				var s complex128
				for k, z := range g.z {
					if bits.OnesCount64(j&z)&1 == 1 {
						s -= g.coef[k]
					} else {
						s += g.coef[k]
					}
				}
				a += s * src[j]
			}
			dst[i] = a
		}
		return acc16{}
	})
}
