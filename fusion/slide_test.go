package fusion

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/backend/backendtest"
	"github.com/qmlkit/qmlkit/circuits"
)

// oneSided reports whether the real two-qubit matrix m (row-major, local
// bit 0 the first target) is D·(A ⊗ B) or (A ⊗ B)·D with D = I or CZ:
// then D·m or m·D is a Kronecker product, so its entries rearranged as
// R[(r1 c1)][(r0 c0)] form a matrix of rank one, every 2×2 minor zero.
func oneSided(m []complex128) bool {
	for _, czLeft := range []bool{false, true} {
		for _, czRight := range []bool{false, true} {
			if czLeft && czRight {
				continue
			}
			var r [4][4]float64
			for row := range 4 {
				for col := range 4 {
					v := real(m[4*row+col])
					if (czLeft && row == 3) != (czRight && col == 3) {
						v = -v
					}
					r[2*(row>>1)+col>>1][2*(row&1)+col&1] = v
				}
			}
			rank1 := true
			for i := range 4 {
				for j := range 4 {
					for k := range 4 {
						for l := range 4 {
							rank1 = rank1 && math.Abs(r[i][j]*r[k][l]-r[i][l]*r[k][j]) <= 1e-12
						}
					}
				}
			}
			if rank1 {
				return true
			}
		}
	}
	return false
}

// twoSided counts the fused two-qubit ops that are not one-sided.
func twoSided(ops []circuits.Op) int {
	n := 0
	for _, op := range ops {
		if op.Gate == circuits.Unitary && len(op.Targets) == 2 && !oneSided(op.Matrix) {
			n++
		}
	}
	return n
}

// brickwork is layers of RY on every qubit followed by CZ on even, then
// odd, neighbour pairs.
func brickwork(rng *rand.Rand, n, layers int) *circuits.Circuit {
	c := circuits.New(n)
	for l := range layers {
		for q := range n {
			c.RY(2*math.Pi*rng.Float64(), q)
		}
		for q := l % 2; q+1 < n; q += 2 {
			c.CZ(q, q+1)
		}
	}
	return c
}

// TestSlideBrickwork: the greedy pass leaves the first layer's groups and
// those at the register's edges two-sided; after sliding only the first
// layer's are (they have no earlier group to slide to), with the same ops
// count and the same state.
func TestSlideBrickwork(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	n, layers := 8, 12
	c := brickwork(rng, n, layers)
	opt, err := Options{}.withDefaults()
	require.NoError(t, err)
	g, err := greedy(c, opt)
	require.NoError(t, err)
	before := g.materialize()
	f, err := Fuse(c, opt)
	require.NoError(t, err)
	assert.Len(t, f.Ops, len(before))
	assert.Equal(t, n/2+layers-2, twoSided(before), "first layer and edges")
	assert.Equal(t, n/2, twoSided(f.Ops), "first layer only")
	requireSameState(t, c, f, 1e-12)
}

// randomBrickwork is brickwork with random gate kinds: a random one-qubit
// gate (real or not, diagonal or not) on every qubit, then random two-qubit
// gates (CZ, CX, RZZ) on even, then odd, neighbour pairs, and now and then
// a measurement.
func randomBrickwork(rng *rand.Rand, n, layers int) *circuits.Circuit {
	c := circuits.New(n, 1)
	for l := range layers {
		for q := range n {
			switch a := 2 * math.Pi * rng.Float64(); rng.IntN(5) {
			case 0, 1:
				c.RY(a, q)
			case 2:
				c.RX(a, q)
			case 3:
				c.H(q)
			default:
				c.Z(q)
			}
		}
		for q := l % 2; q+1 < n; q += 2 {
			switch rng.IntN(4) {
			case 0:
				c.CX(q, q+1)
			case 1:
				c.RZZ(rng.Float64(), q, q+1)
			default:
				c.CZ(q, q+1)
			}
		}
		if rng.IntN(8) == 0 {
			c.Measure(rng.IntN(n), 0)
		}
	}
	return c
}

// TestSlideKeepsOps: on random circuits and random brickwork, sliding
// never changes the number of ops or their qubits, never makes more ops
// two-sided, keeps the state to 1e−12 and gives the same matrices on
// every call.
func TestSlideKeepsOps(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	opts := backendtest.CircuitOptions{MaxControls: 1, Gates: []circuits.Gate{
		circuits.RY, circuits.RX, circuits.H, circuits.Z, circuits.X, circuits.RZZ, circuits.SWAP,
	}}
	trials := 120
	if testing.Short() {
		trials = 40
	}
	slid := 0
	for i := range trials {
		n := 2 + i%6
		var c *circuits.Circuit
		if i%2 == 0 {
			c = backendtest.RandomCircuit(rng, n, 40, opts)
		} else {
			c = randomBrickwork(rng, n, 8)
		}
		measured := false
		for _, op := range c.Ops {
			measured = measured || op.Gate == circuits.Measure
		}
		for _, k := range []int{2, 3} {
			opt, err := Options{MaxQubits: k}.withDefaults()
			require.NoError(t, err)
			g, err := greedy(c, opt)
			require.NoError(t, err)
			before := g.materialize()
			f, err := Fuse(c, opt)
			require.NoError(t, err)
			require.Len(t, f.Ops, len(before), "circuit %d, width %d", i, k)
			for j, op := range f.Ops {
				require.Equal(t, before[j].Qubits(), op.Qubits(), "circuit %d, width %d, op %d", i, k, j)
			}
			require.LessOrEqual(t, twoSided(f.Ops), twoSided(before))
			if twoSided(f.Ops) < twoSided(before) {
				slid++
			}
			if !measured { // the dense reference takes no mid-circuit measurement
				requireSameState(t, c, f, 1e-12)
			}
			again, err := Fuse(c, opt)
			require.NoError(t, err)
			assert.Equal(t, f.Ops, again.Ops)
		}
	}
	assert.Greater(t, slid, trials/10, "the random brickwork exercises sliding")
}
