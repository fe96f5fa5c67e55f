package qml

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/stretchr/testify/require"
)

// randomCircuit builds an n-qubit circuit with np parameters and gates
// parametrised gates: every gate kind with a derivative rule, a third of
// them with one or two controls, references either θ[i] or
// offset + scale·θ[i] with indices reused (the first np gates cover every
// index once), interleaved with fixed gates (H, SX, T, CX, CZ, SWAP, iSWAP
// and a random two-qubit unitary).
func randomCircuit(t testing.TB, rng *rand.Rand, n, np, gates int) *circuits.Circuit {
	t.Helper()
	c := circuits.New(n)
	c.AddParams("θ", np)
	kinds := []circuits.Gate{circuits.RX, circuits.RY, circuits.RZ, circuits.P, circuits.U,
		circuits.RXX, circuits.RYY, circuits.RZZ, circuits.RZX}
	param := func(k int) circuits.Param {
		idx := k
		if k >= np {
			idx = rng.IntN(np)
		}
		if rng.IntN(2) == 0 {
			return circuits.Var(idx)
		}
		return circuits.Affine(idx, 3*rng.Float64()-1.5, rng.Float64()-0.5)
	}
	next := 0
	for g := 0; g < gates; g++ {
		kind := kinds[rng.IntN(len(kinds))]
		qs := rng.Perm(n)
		nt := kind.NumTargets()
		nc := 0
		if rng.IntN(3) == 0 {
			nc = 1 + rng.IntN(2)
		}
		params := make([]circuits.Param, kind.NumParams())
		for j := range params {
			if j > 0 && rng.IntN(3) == 0 {
				params[j] = circuits.Num(2 * math.Pi * rng.Float64())
				continue
			}
			params[j] = param(next)
			next++
		}
		c.Controlled(kind, params, qs[nt:nt+nc], qs[:nt]...)
		switch rng.IntN(6) {
		case 0:
			c.H(qs[0])
		case 1:
			c.SX(qs[1]).T(qs[2])
		case 2:
			c.CX(qs[0], qs[1])
		case 3:
			c.CZ(qs[2], qs[0])
		case 4:
			c.SWAP(qs[1], qs[3]).ISWAP(qs[0], qs[2])
		case 5:
			c.UnitaryGate(randomUnitary(rng, 4), qs[3], qs[1])
		}
	}
	require.GreaterOrEqual(t, next, np, "every parameter must be used")
	require.NoError(t, c.Validate())
	return c
}

// randomUnitary returns a d×d unitary by Gram–Schmidt on a complex
// Gaussian matrix.
func randomUnitary(rng *rand.Rand, d int) []complex128 {
	m := make([]complex128, d*d)
	for i := range m {
		m[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	for c := 0; c < d; c++ {
		for p := 0; p < c; p++ {
			var dot complex128
			for r := 0; r < d; r++ {
				dot += complex(real(m[r*d+p]), -imag(m[r*d+p])) * m[r*d+c]
			}
			for r := 0; r < d; r++ {
				m[r*d+c] -= dot * m[r*d+p]
			}
		}
		var nrm float64
		for r := 0; r < d; r++ {
			v := m[r*d+c]
			nrm += real(v)*real(v) + imag(v)*imag(v)
		}
		nrm = math.Sqrt(nrm)
		for r := 0; r < d; r++ {
			m[r*d+c] /= complex(nrm, 0)
		}
	}
	return m
}

// randomObservable is a sum of terms with X, Y and Z letters on up to
// three qubits, plus a constant.
func randomObservable(t testing.TB, rng *rand.Rand, n, terms int) pauli.Sum {
	t.Helper()
	obs := pauli.Sum{{Coeff: 0.25}}
	for k := 0; k < terms; k++ {
		w := 1 + rng.IntN(3)
		qs := rng.Perm(n)[:w]
		letters := make([]byte, w)
		for i := range letters {
			letters[i] = "XYZ"[rng.IntN(3)]
		}
		term, err := pauli.NewTerm(rng.NormFloat64(), string(letters), qs...)
		require.NoError(t, err)
		obs = append(obs, term)
	}
	return obs
}

func randomTheta(rng *rand.Rand, np int) []float64 {
	theta := make([]float64, np)
	for i := range theta {
		theta[i] = 2*math.Pi*rng.Float64() - math.Pi
	}
	return theta
}

func maxAbsDiff(a, b []float64) float64 {
	var m float64
	for i := range a {
		m = math.Max(m, math.Abs(a[i]-b[i]))
	}
	return m
}
