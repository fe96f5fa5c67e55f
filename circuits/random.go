package circuits

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
)

// RandomUnitary returns a Haar-random 2^k × 2^k unitary, row-major (Qiskit's
// random_unitary): the Q of a QR factorisation of a matrix of independent
// complex Gaussians, by modified Gram–Schmidt on the columns, which makes
// R's diagonal positive and so the distribution exactly Haar. Column j's
// Gaussians are drawn before column j+1's, so the result depends only on
// rng's stream.
func RandomUnitary(rng *rand.Rand, k int) []complex128 {
	d := 1 << uint(k)
	cols := make([][]complex128, d)
	for j := range cols {
		cols[j] = make([]complex128, d)
		for i := range cols[j] {
			cols[j][i] = complex(rng.NormFloat64(), rng.NormFloat64())
		}
		for _, q := range cols[:j] {
			var dot complex128
			for i := range q {
				dot += cmplx.Conj(q[i]) * cols[j][i]
			}
			for i := range q {
				cols[j][i] -= dot * q[i]
			}
		}
		var nrm float64
		for _, v := range cols[j] {
			nrm += real(v)*real(v) + imag(v)*imag(v)
		}
		nrm = math.Sqrt(nrm)
		for i := range cols[j] {
			cols[j][i] /= complex(nrm, 0)
		}
	}
	m := make([]complex128, d*d)
	for j, col := range cols {
		for i, v := range col {
			m[i*d+j] = v
		}
	}
	return m
}
