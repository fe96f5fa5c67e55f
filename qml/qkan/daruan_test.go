package qkan

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refAngles are the spec's reference parameters: r = 3, rows ℓ = (RZ, RY).
func refAngles() Angles {
	return Angles{
		Theta: []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8},
		W:     []float64{1, 2, 3},
		B:     []float64{0, 0.1, -0.2},
	}
}

func TestDARUANReferenceTable(t *testing.T) {
	table := []struct{ x, fast, exact float64 }{
		{-1.0, -0.1127725780, -0.1589766334},
		{-0.5, -0.3400836823, -0.4668375529},
		{0.0, -0.1653146951, -0.2321874790},
		{0.5, +0.0735490643, +0.1038733238},
		{1.0, -0.0898458623, -0.1268045593},
	}
	for _, ro := range []Readout{Fast, Exact} {
		d, err := NewDARUAN(DARUANConfig{Ansatz: PZ, Reps: 3, Readout: ro})
		require.NoError(t, err)
		xs := make([]float64, len(table))
		for k, row := range table {
			xs[k] = row.x
		}
		out := make([]float64, len(xs))
		require.NoError(t, d.EvalBatch(refAngles(), xs, out))
		for k, row := range table {
			want := row.exact
			if ro == Fast {
				want = row.fast
			}
			assert.InDelta(t, want, out[k], 1e-9, "%s readout at x=%g", ro, row.x)
		}
	}
}

// Euler-angle matrices written out independently of the kernel.
type mat2 [2][2]complex128

func (a mat2) mul(b mat2) mat2 {
	var c mat2
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			c[i][j] = a[i][0]*b[0][j] + a[i][1]*b[1][j]
		}
	}
	return c
}

func rzMat(a float64) mat2 {
	return mat2{{cmplx.Exp(complex(0, -a/2)), 0}, {0, cmplx.Exp(complex(0, a/2))}}
}

func ryMat(a float64) mat2 {
	c, s := complex(math.Cos(a/2), 0), complex(math.Sin(a/2), 0)
	return mat2{{c, -s}, {s, c}}
}

func rxMat(a float64) mat2 {
	c, s := complex(math.Cos(a/2), 0), complex(0, -math.Sin(a/2))
	return mat2{{c, s}, {s, c}}
}

var (
	hMat = mat2{{complex(invSqrt2, 0), complex(invSqrt2, 0)}, {complex(invSqrt2, 0), complex(-invSqrt2, 0)}}
	xMat = mat2{{0, 1}, {1, 0}}
	zMat = mat2{{1, 0}, {0, -1}}
)

// referenceUnitary builds the whole circuit as one matrix product, applied
// right to left, for comparison with the gate-by-gate kernel.
func referenceUnitary(a Ansatz, reps int, p Angles, x float64) mat2 {
	u := hMat
	enc := func(l int) float64 { return p.W[l]*x + p.B[l] }
	switch a {
	case PZ:
		for l := 0; l < reps; l++ {
			u = rzMat(enc(l)).mul(ryMat(p.Theta[2*l+1])).mul(rzMat(p.Theta[2*l])).mul(u)
		}
		u = ryMat(p.Theta[2*reps+1]).mul(rzMat(p.Theta[2*reps])).mul(u)
	case RPZ:
		for l := 0; l < reps; l++ {
			u = rzMat(enc(l)).mul(ryMat(p.Theta[l])).mul(u)
		}
		u = ryMat(p.Theta[reps]).mul(u)
	case PX:
		for l := 0; l < reps; l++ {
			u = rxMat(math.Acos(enc(l))).mul(rzMat(p.Theta[l])).mul(u)
		}
		u = rzMat(p.Theta[reps]).mul(u)
	case Real:
		for l := 0; l < reps; l++ {
			u = ryMat(enc(l)).mul(zMat).mul(ryMat(p.Theta[l])).mul(xMat).mul(u)
		}
	}
	return u
}

func randomAngles(rng *rand.Rand, d *DARUAN, preScale float64) Angles {
	p := Angles{Theta: make([]float64, d.NumTheta()), W: make([]float64, d.c.reps), B: make([]float64, d.c.reps)}
	for k := range p.Theta {
		p.Theta[k] = 2 * math.Pi * rng.Float64()
	}
	for l := range p.W {
		p.W[l] = preScale * (rng.Float64() - 0.5)
		p.B[l] = preScale * (rng.Float64() - 0.5)
	}
	return p
}

func TestDARUANStateMatchesMatrixProduct(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, a := range []Ansatz{PZ, RPZ, PX, Real} {
		for _, reps := range []int{1, 3, 5} {
			d, err := NewDARUAN(DARUANConfig{Ansatz: a, Reps: reps})
			require.NoError(t, err)
			p := randomAngles(rng, d, 1) // |w·x+b| ≤ 1 for x in [−1, 1]: PX's domain
			for _, x := range []float64{-0.9, -0.3, 0, 0.4, 1} {
				alpha, beta, err := d.State(p, x)
				require.NoError(t, err)
				u := referenceUnitary(a, reps, p, x)
				assert.InDelta(t, 0, cmplx.Abs(alpha-u[0][0]), 1e-12, "%s r=%d x=%g α", a, reps, x)
				assert.InDelta(t, 0, cmplx.Abs(beta-u[1][0]), 1e-12, "%s r=%d x=%g β", a, reps, x)
			}
		}
	}
}

func TestDARUANZeroAngles(t *testing.T) {
	for _, ro := range []Readout{Fast, Exact} {
		d, err := NewDARUAN(DARUANConfig{Reps: 3, Readout: ro})
		require.NoError(t, err)
		p := Angles{Theta: make([]float64, 8), W: []float64{1, 1, 1}, B: make([]float64, 3)}
		for _, x := range []float64{-1, -0.3, 0, 0.7, 2.5} {
			v, err := d.Eval(p, x)
			require.NoError(t, err)
			assert.InDelta(t, 0, v, 1e-12, "%s readout, x=%g", ro, x)
		}
	}
}

// TestDARUANDerivatives compares every analytic derivative with central
// differences for all ansätze and both readouts.
func TestDARUANDerivatives(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const h = 1e-6
	for _, a := range []Ansatz{PZ, RPZ, PX, Real} {
		for _, ro := range []Readout{Exact, Fast} {
			d, err := NewDARUAN(DARUANConfig{Ansatz: a, Reps: 3, Readout: ro})
			require.NoError(t, err)
			p := randomAngles(rng, d, 0.9)
			xs := []float64{-0.8, -0.25, 0.1, 0.6}
			gout := []float64{0.7, -1.3, 0.4, 1.1}
			out := make([]float64, len(xs))
			g := Grads{X: make([]float64, len(xs)), Theta: make([]float64, d.NumTheta()), W: make([]float64, 3), B: make([]float64, 3)}
			require.NoError(t, d.EvalGrad(p, xs, gout, out, g))
			loss := func() float64 {
				o := make([]float64, len(xs))
				require.NoError(t, d.EvalBatch(p, xs, o))
				var s float64
				for k := range o {
					s += gout[k] * o[k]
				}
				return s
			}
			fd := func(v *float64) float64 {
				old := *v
				*v = old + h
				fp := loss()
				*v = old - h
				fm := loss()
				*v = old
				return (fp - fm) / (2 * h)
			}
			name := a.String() + "/" + ro.String()
			for k := range xs {
				// Only sample k depends on x_k, so ∂L/∂x_k = gout_k·φ'(x_k).
				assert.InDelta(t, fd(&xs[k]), g.X[k], 1e-7, "%s ∂/∂x[%d]", name, k)
			}
			for k := range p.Theta {
				assert.InDelta(t, fd(&p.Theta[k]), g.Theta[k], 1e-7, "%s ∂/∂θ[%d]", name, k)
			}
			for l := range p.W {
				assert.InDelta(t, fd(&p.W[l]), g.W[l], 1e-7, "%s ∂/∂w[%d]", name, l)
				assert.InDelta(t, fd(&p.B[l]), g.B[l], 1e-7, "%s ∂/∂b[%d]", name, l)
			}
			for k := range out {
				v, err := d.Eval(p, xs[k])
				require.NoError(t, err)
				assert.InDelta(t, v, out[k], 1e-15)
			}
		}
	}
}
