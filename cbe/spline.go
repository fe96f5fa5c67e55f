package cbe

import "math"

// cubicSpline shifts one velocity column by the cardinal cubic B-spline
// interpolant of its samples, the samples being extended by zeros beyond
// the grid (the infinite-grid spline, not a clamped or natural one: with
// zero data outside, its coefficients decay geometrically by the pole z
// on both sides, which gives closed-form boundary values).
type cubicSpline struct {
	c []complex128 // coefficients c_{−2}…c_{Nv+1} at offset 2
}

// splinePole is z = √3 − 2, the pole of the cubic B-spline prefilter
// 6/(z + 4 + 1/z).
const splinePole = 1.7320508075688772935274463415059 - 2

func newCubicSpline(n int) *cubicSpline {
	return &cubicSpline{c: make([]complex128, n+4)}
}

// coefficients solves (c_{k−1} + 4c_k + c_{k+1})/6 = f_k on the infinite
// grid with f_k = 0 outside 0…n−1.
func (sp *cubicSpline) coefficients(f []complex128) []complex128 {
	n := len(f)
	z := complex(splinePole, 0)
	c := sp.c[2 : n+2]
	// Causal pass: nothing precedes f_0, so c⁺_0 = f_0.
	c[0] = f[0]
	for k := 1; k < n; k++ {
		c[k] = f[k] + z*c[k-1]
	}
	// Anticausal pass: beyond the grid c⁺_{n−1+m} = z^m c⁺_{n−1}, and
	// summing the geometric series gives c⁻_{n−1} = −z/(1−z²)·c⁺_{n−1}.
	c[n-1] *= -z / (1 - z*z)
	for k := n - 2; k >= 0; k-- {
		c[k] = z * (c[k+1] - c[k])
	}
	for k := range c {
		c[k] *= 6
	}
	full := sp.c
	full[1], full[0] = z*c[0], z*z*c[0]
	full[n+2], full[n+3] = z*c[n-1], z*z*c[n-1]
	return full
}

// shift replaces col[j] by s(j − delta) (delta in cells), 0 where
// v_j − delta·Δv lies outside [−VMax, VMax], i.e. j − delta ∉ [−½, n−½].
func (sp *cubicSpline) shift(col []complex128, delta float64) {
	n := len(col)
	c := sp.coefficients(col)
	for j := range col {
		u := float64(j) - delta
		if u < -0.5 || u > float64(n)-0.5 {
			col[j] = 0
			continue
		}
		l := math.Floor(u)
		t := u - l
		base := int(l) + 2 // index of c_l in the padded array
		t2, t3 := t*t, t*t*t
		s := 1 - t
		wm := s * s * s / 6
		w0 := (4 - 6*t2 + 3*t3) / 6
		w1 := (1 + 3*t + 3*t2 - 3*t3) / 6
		w2 := t3 / 6
		col[j] = complex(wm, 0)*c[base-1] + complex(w0, 0)*c[base] + complex(w1, 0)*c[base+1] + complex(w2, 0)*c[base+2]
	}
}
