package qkan

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlkit/qmlkit/nn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func randomBatch(rng *rand.Rand, rows, cols int, scale float64) *nn.Matrix {
	m := nn.NewMatrix(rows, cols)
	for k := range m.Data {
		m.Data[k] = scale * (2*rng.Float64() - 1)
	}
	return m
}

// perturb gives every parameter array of l random values so no branch of the
// layer is trivially zero.
func perturb(l *Layer, rng *rand.Rand) {
	for _, s := range [][]float64{l.theta, l.pb} {
		for k := range s {
			s[k] = rng.NormFloat64()
		}
	}
	for _, s := range [][]float64{l.w, l.pw} {
		for k := range s {
			s[k] = 0.5 + rng.Float64()
		}
	}
	for k := range l.b {
		l.b[k] = 0.3 * rng.NormFloat64()
	}
	for k := range l.bw {
		l.bw[k] = rng.NormFloat64()
	}
}

func TestLayerParameterCounts(t *testing.T) {
	for _, c := range []struct {
		in, out, want int
	}{{10, 10, 800}, {10, 100, 8000}} {
		l, err := NewLayer(LayerConfig{In: c.in, Out: c.out, Reps: 3})
		require.NoError(t, err)
		assert.Equal(t, c.want, nn.NumParams(l), "QKAN([%d,%d]) r=3", c.in, c.out)
	}
	all, err := NewLayer(LayerConfig{In: 10, Out: 10, Reps: 3, PreactTrainable: true,
		PostWeightTrainable: true, PostBiasTrainable: true, BaseTrainable: true})
	require.NoError(t, err)
	assert.Equal(t, 100*(2*4+2*3+3), nn.NumParams(all))
	grouped, err := NewLayer(LayerConfig{In: 10, Out: 10, Reps: 3, Group: 4})
	require.NoError(t, err)
	assert.Equal(t, 4*8, nn.NumParams(grouped))
}

// TestLayerMatchesDefinition evaluates y_j = Σ_i mask·[(φ+pb)·pw + bw·SiLU]
// edge by edge with the standalone DARUAN and compares with the layer.
func TestLayerMatchesDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, group := range []int{0, 2} {
		for _, ro := range []Readout{Exact, Fast} {
			cfg := LayerConfig{In: 3, Out: 4, Reps: 2, Readout: ro, Group: group, Seed: 9, PreactTrainable: true}
			l, err := NewLayer(cfg)
			require.NoError(t, err)
			perturb(l, rng)
			require.NoError(t, l.SetMask(1, 2, 0))
			require.NoError(t, l.SetMask(3, 0, 0.5))
			x := randomBatch(rng, 5, 3, 1.5)
			y, err := l.Forward(x)
			require.NoError(t, err)
			d, err := NewDARUAN(DARUANConfig{Reps: 2, Readout: ro})
			require.NoError(t, err)
			nt := d.NumTheta()
			for s := 0; s < x.Rows; s++ {
				for j := 0; j < 4; j++ {
					var want float64
					for i := 0; i < 3; i++ {
						set := j*3 + i
						if group > 0 {
							set = i % group
						}
						e := j*3 + i
						p := Angles{Theta: l.theta[set*nt : (set+1)*nt], W: l.w[set*2 : set*2+2], B: l.b[set*2 : set*2+2]}
						phi, err := d.Eval(p, x.At(s, i))
						require.NoError(t, err)
						m, err := l.Mask(j, i)
						require.NoError(t, err)
						want += m * ((phi+l.pb[e])*l.pw[e] + l.bw[e]*nn.SiLU(x.At(s, i)))
					}
					assert.InDelta(t, want, y.At(s, j), 1e-12, "group %d %s sample %d output %d", group, ro, s, j)
				}
			}
		}
	}
}

func TestLayerGradients(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	all := LayerConfig{PreactTrainable: true, PostWeightTrainable: true, PostBiasTrainable: true, BaseTrainable: true}
	cases := []struct {
		name string
		cfg  LayerConfig
		xMax float64
	}{
		{"default", LayerConfig{}, 1.5},
		{"all-options", all, 1.5},
		{"grouped", LayerConfig{Group: 2, PreactTrainable: true, BaseTrainable: true}, 1.5},
		{"rpz", LayerConfig{Ansatz: RPZ, PreactTrainable: true}, 1.5},
		{"px", LayerConfig{Ansatz: PX, PreactTrainable: true}, 0.4},
		{"real", LayerConfig{Ansatz: Real, PreactTrainable: true, PostBiasTrainable: true}, 1.5},
	}
	for _, c := range cases {
		for _, ro := range []Readout{Exact, Fast} {
			t.Run(fmt.Sprintf("%s/%s", c.name, ro), func(t *testing.T) {
				cfg := c.cfg
				cfg.In, cfg.Out, cfg.Reps, cfg.Readout, cfg.Seed = 3, 2, 3, ro, 5
				l, err := NewLayer(cfg)
				require.NoError(t, err)
				perturb(l, rng)
				if c.cfg.Ansatz == PX {
					// Keep |w·x + b| < 1 inside arccos' domain.
					for k := range l.w {
						l.w[k] = 0.5 + 0.5*rng.Float64()
						l.b[k] = 0.2 * (2*rng.Float64() - 1)
					}
				}
				x := randomBatch(rng, 4, 3, c.xMax)
				res, err := nn.GradCheck(l, x, 1e-6, 1)
				require.NoError(t, err)
				assert.Less(t, res.MaxInputErr, 1e-6, "worst %s", res.Worst)
				assert.Less(t, res.MaxParamErr, 1e-6, "worst %s", res.Worst)
			})
		}
	}
}

func TestLayerExtensionPreservesFunction(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	for _, a := range []Ansatz{PZ, RPZ} {
		for _, ro := range []Readout{Exact, Fast} {
			net, err := NewNetwork([]int{2, 5, 1}, LayerConfig{Reps: 3, Ansatz: a, Readout: ro, Seed: 3,
				PreactTrainable: true, PostWeightTrainable: true, PostBiasTrainable: true, BaseTrainable: true})
			require.NoError(t, err)
			for _, l := range net.Layers() {
				perturb(l, rng)
			}
			x := randomBatch(rng, 50, 2, 1)
			before, err := net.Forward(x)
			require.NoError(t, err)
			ext, err := net.Extend(5)
			require.NoError(t, err)
			assert.Equal(t, 5, ext.Layers()[0].Config().Reps)
			after, err := ext.Forward(x)
			require.NoError(t, err)
			var worst float64
			for k := range before.Data {
				worst = math.Max(worst, math.Abs(before.Data[k]-after.Data[k]))
			}
			assert.LessOrEqual(t, worst, 1e-12, "%s %s: extension 3→5 changed the output", a, ro)
		}
	}
}

// TestLayerExtensionAtLastRowChangesFunction shows why the old final block
// must stay at row r: placing it at row r′ alters the function.
func TestLayerExtensionAtLastRowChangesFunction(t *testing.T) {
	l, err := NewLayer(LayerConfig{In: 1, Out: 1, Reps: 3, Seed: 4})
	require.NoError(t, err)
	perturb(l, rand.New(rand.NewPCG(1, 1)))
	e, err := l.Extend(5)
	require.NoError(t, err)
	moved, err := l.Extend(5)
	require.NoError(t, err)
	copy(moved.theta[10:12], l.theta[6:8]) // final block to row r′ = 5
	moved.theta[6], moved.theta[7] = 0, 0
	x := randomBatch(rand.New(rand.NewPCG(2, 2)), 20, 1, 1)
	y0, err := l.Forward(x)
	require.NoError(t, err)
	y1, err := e.Forward(x)
	require.NoError(t, err)
	y2, err := moved.Forward(x)
	require.NoError(t, err)
	var d1, d2 float64
	for k := range y0.Data {
		d1 = math.Max(d1, math.Abs(y1.Data[k]-y0.Data[k]))
		d2 = math.Max(d2, math.Abs(y2.Data[k]-y0.Data[k]))
	}
	assert.LessOrEqual(t, d1, 1e-12)
	assert.Greater(t, d2, 1e-2)
}

func TestLayerErrors(t *testing.T) {
	_, err := NewLayer(LayerConfig{In: 0, Out: 1, Reps: 3})
	assert.ErrorContains(t, err, "must be positive")
	_, err = NewLayer(LayerConfig{In: 2, Out: 1, Reps: 0})
	assert.ErrorContains(t, err, "reps 0")
	_, err = NewLayer(LayerConfig{In: 2, Out: 1, Reps: 2, Group: 3})
	assert.ErrorContains(t, err, "group 3")
	_, err = NewLayer(LayerConfig{In: 2, Out: 1, Reps: 2, Ansatz: Ansatz(9)})
	assert.ErrorContains(t, err, "unknown ansatz")

	l, err := NewLayer(LayerConfig{In: 2, Out: 1, Reps: 2})
	require.NoError(t, err)
	_, err = l.Backward(nn.NewMatrix(1, 1))
	assert.ErrorContains(t, err, "before Forward")
	_, err = l.Forward(nn.NewMatrix(3, 3))
	assert.ErrorContains(t, err, "3 columns, want 2")
	bad := nn.NewMatrix(1, 2)
	bad.Data[1] = math.NaN()
	_, err = l.Forward(bad)
	assert.ErrorContains(t, err, "non-finite")
	assert.Error(t, l.SetMask(1, 0, 1))
	_, err = l.Mask(0, 2)
	assert.ErrorContains(t, err, "outside")
	_, err = l.Extend(2)
	assert.ErrorContains(t, err, "must exceed")

	px, err := NewLayer(LayerConfig{In: 1, Out: 1, Reps: 2, Ansatz: PX})
	require.NoError(t, err)
	x, _ := nn.NewMatrixFrom(1, 1, []float64{1.5})
	_, err = px.Forward(x)
	assert.ErrorContains(t, err, "|w·x+b| ≤ 1")
	_, err = px.Extend(3)
	assert.ErrorContains(t, err, "no function-preserving extension")
}

func TestNetworkAndHQKANGradients(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	net, err := NewNetwork([]int{2, 3, 1}, LayerConfig{Reps: 2, Seed: 1, PostBiasTrainable: true, BaseTrainable: true, BaseInit: 0.5})
	require.NoError(t, err)
	res, err := nn.GradCheck(net, randomBatch(rng, 6, 2, 1), 1e-6, 2)
	require.NoError(t, err)
	assert.Less(t, math.Max(res.MaxInputErr, res.MaxParamErr), 1e-6, res.Worst)

	h, err := NewHQKAN(6, 3, 4, 2, LayerConfig{Reps: 2, Seed: 2}, rng)
	require.NoError(t, err)
	assert.Equal(t, (6*3+3)+3*4*6+(4*2+2), nn.NumParams(h))
	res, err = nn.GradCheck(h, randomBatch(rng, 5, 6, 1), 1e-6, 3)
	require.NoError(t, err)
	assert.Less(t, math.Max(res.MaxInputErr, res.MaxParamErr), 1e-6, res.Worst)
}
