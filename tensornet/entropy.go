package tensornet

import (
	"fmt"
	"math"

	"github.com/qmlkit/qmlkit/zmat"
)

// SchmidtValues returns the Schmidt coefficients across every cut: element
// b (0 ≤ b < n−1) holds the singular values, descending, of the state split
// into qubits 0 … b and b+1 … n−1 (their squares sum to 1). They come from
// one right-to-left sweep of SVDs on a copy of the left-canonical state:
// at each step the site being split is the orthogonality centre, so its
// singular values are the Schmidt values of the whole state.
func (st *State) SchmidtValues() ([][]float64, error) {
	if err := st.usable("Schmidt values"); err != nil {
		return nil, err
	}
	c := st.clone()
	out := make([][]float64, st.n-1)
	for c.centre > 0 {
		k := c.centre
		dl, dr := c.dims(k)
		dl2, _ := c.dims(k - 1)
		u, sv, vh, err := zmat.SVD(matrix(dl, 2*dr, c.sites[k]))
		if err != nil {
			return nil, fmt.Errorf("tensornet: Schmidt values at bond %d|%d: %w", k-1, k, err)
		}
		r := len(sv)
		us := make([]complex128, dl*r)
		for i := range dl {
			for j := range r {
				us[i*r+j] = u.Data[i*u.Stride+j] * complex(sv[j], 0)
			}
		}
		prev := make([]complex128, 2*dl2*r)
		if err := zmat.Mul(matrix(2*dl2, r, prev), matrix(2*dl2, dl, c.sites[k-1]), matrix(dl, r, us)); err != nil {
			return nil, fmt.Errorf("tensornet: Schmidt values at bond %d|%d: %w", k-1, k, err)
		}
		c.sites[k], c.sites[k-1] = vh.Data[:r*2*dr], prev
		c.bond[k] = r
		c.centre = k - 1
		out[k-1] = sv
	}
	return out, nil
}

// EntanglementEntropy returns the von Neumann entropy S_b = −Σ λ² ln λ²
// (natural logarithm: ln 2 for a Bell pair) of the Schmidt values λ at
// every cut b, as SchmidtValues orders them.
func (st *State) EntanglementEntropy() ([]float64, error) {
	sv, err := st.SchmidtValues()
	if err != nil {
		return nil, err
	}
	s := make([]float64, len(sv))
	for b, vals := range sv {
		for _, v := range vals {
			if p := v * v; p > 0 {
				s[b] -= p * math.Log(p)
			}
		}
	}
	return s, nil
}
