package kernels

import (
	"math"
	"math/cmplx"
)

// A tiny dense simulator written independently of statevec, for checking
// feature maps against their definitions: psi has 2^n amplitudes, qubit q
// is bit q of the index.

func zeroState(n int) []complex128 {
	psi := make([]complex128, 1<<uint(n))
	psi[0] = 1
	return psi
}

// apply1 applies the 2×2 matrix m (row-major) to qubit q.
func apply1(psi []complex128, q int, m [4]complex128) {
	bit := 1 << uint(q)
	for i := range psi {
		if i&bit != 0 {
			continue
		}
		a, b := psi[i], psi[i|bit]
		psi[i] = m[0]*a + m[1]*b
		psi[i|bit] = m[2]*a + m[3]*b
	}
}

func applyCX(psi []complex128, c, t int) {
	cb, tb := 1<<uint(c), 1<<uint(t)
	for i := range psi {
		if i&cb != 0 && i&tb == 0 {
			psi[i], psi[i|tb] = psi[i|tb], psi[i]
		}
	}
}

func applyCZ(psi []complex128, a, b int) {
	m := 1<<uint(a) | 1<<uint(b)
	for i := range psi {
		if i&m == m {
			psi[i] = -psi[i]
		}
	}
}

func matH() [4]complex128 {
	r := complex(1/math.Sqrt2, 0)
	return [4]complex128{r, r, r, -r}
}

func matRX(t float64) [4]complex128 {
	c, s := complex(math.Cos(t/2), 0), complex(0, -math.Sin(t/2))
	return [4]complex128{c, s, s, c}
}

func matRY(t float64) [4]complex128 {
	c, s := complex(math.Cos(t/2), 0), complex(math.Sin(t/2), 0)
	return [4]complex128{c, -s, s, c}
}

func matRZ(t float64) [4]complex128 {
	return [4]complex128{cmplx.Rect(1, -t/2), 0, 0, cmplx.Rect(1, t/2)}
}

func inner(a, b []complex128) complex128 {
	var s complex128
	for i := range a {
		s += cmplx.Conj(a[i]) * b[i]
	}
	return s
}

func fidelity(a, b []complex128) float64 {
	v := inner(a, b)
	return real(v)*real(v) + imag(v)*imag(v)
}
