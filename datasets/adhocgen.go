package datasets

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/kernels"
	"github.com/qmlkit/qmlkit/statevec"
)

// AdHocOptions configure the ad hoc data generator. Zero values select the
// defaults of Havlíček et al. and qiskit-machine-learning's ad_hoc_data.
type AdHocOptions struct {
	// Features is the dimension n (= qubits); default 2.
	Features int
	// TrainSize and TestSize are samples per class (defaults 20 and 5).
	TrainSize, TestSize int
	// Gap is Δ: grid points with |⟨…⟩| ≤ Δ are dropped (default 0.3; set
	// NoGap for Δ = 0).
	Gap   float64
	NoGap bool
	// GridPoints per axis (default 100 for n = 2, 20 for n = 3; required
	// for other n).
	GridPoints int
	// Seed drives the random unitary V and the sampling.
	Seed uint64
}

// AdHocData is a generated ad hoc data set with the unitary that labels it.
type AdHocData struct {
	// Train and Test hold TrainSize and TestSize samples per class, class 0
	// ("A", ⟨…⟩ > Δ) first, then class 1 ("B", ⟨…⟩ < −Δ).
	Train, Test *Dataset
	// V is the random unitary, 2^n×2^n row-major.
	V []complex128
	// Gap is the Δ used.
	Gap float64
	fm  kernels.FeatureMap
}

// AdHoc generates the "ad hoc" classification data of Havlíček et al.
// (Nature 567, 209, 2019): on a grid of GridPoints per axis over (0, 2π]^n
// (points 2πk/GridPoints, k = 1…GridPoints), each x is labelled by
// m(x) = sign⟨Φ(x)|V†Z^{⊗n}V|Φ(x)⟩ and kept only where |⟨…⟩| > Δ. |Φ(x)⟩ is
// the ZZ feature map (kernels.ZZFeatureMap(n, 2, full), α = 2) and V a
// Haar-random unitary: the QR factor, with phases fixed so that R has a
// positive diagonal, of a complex Gaussian matrix drawn from a PCG
// generator seeded (Seed, 1). TrainSize + TestSize points per class are then
// drawn without replacement from a generator seeded (Seed, 2).
//
// qiskit-machine-learning's generator uses the paper's exp(+iφ) convention
// (the complex conjugate state) and a different random unitary, so its data
// for a given seed differ from these; the reference sets it produced are
// AdHocReference.
func AdHoc(opts AdHocOptions) (*AdHocData, error) {
	n := opts.Features
	if n == 0 {
		n = 2
	}
	trainSize, testSize := opts.TrainSize, opts.TestSize
	if trainSize == 0 {
		trainSize = 20
	}
	if testSize == 0 {
		testSize = 5
	}
	gap := opts.Gap
	if gap == 0 && !opts.NoGap {
		gap = 0.3
	}
	grid := opts.GridPoints
	if grid == 0 {
		switch n {
		case 2:
			grid = 100
		case 3:
			grid = 20
		default:
			return nil, fmt.Errorf("datasets: AdHoc: give GridPoints for n = %d (defaults exist for n = 2 and 3)", n)
		}
	}
	switch {
	case n < 1 || n > 8:
		return nil, fmt.Errorf("datasets: AdHoc: n = %d features, want 1…8", n)
	case trainSize < 0 || testSize < 0 || trainSize+testSize == 0:
		return nil, fmt.Errorf("datasets: AdHoc: sizes %d and %d must be ≥ 0 and not both 0", trainSize, testSize)
	case !(gap >= 0 && gap < 1):
		return nil, fmt.Errorf("datasets: AdHoc: gap %v must be in [0, 1)", gap)
	case grid < 1 || math.Pow(float64(grid), float64(n)) > 1e6:
		return nil, fmt.Errorf("datasets: AdHoc: %d grid points per axis in %d dimensions (at most 10⁶ points in all)", grid, n)
	}
	d := &AdHocData{Gap: gap, fm: kernels.ZZFeatureMap(n, 2, kernels.Full)}
	d.V = circuits.RandomUnitary(rand.New(rand.NewPCG(opts.Seed, 1)), n)

	total := 1
	for range n {
		total *= grid
	}
	var classA, classB [][]float64
	x := make([]float64, n)
	st, err := statevec.New(n)
	if err != nil {
		return nil, err
	}
	for idx := range total {
		r := idx
		for j := range n {
			x[j] = 2 * math.Pi * float64(r%grid+1) / float64(grid)
			r /= grid
		}
		v, err := d.parity(st, x)
		if err != nil {
			return nil, err
		}
		switch {
		case v > gap:
			classA = append(classA, append([]float64(nil), x...))
		case v < -gap:
			classB = append(classB, append([]float64(nil), x...))
		}
	}
	need := trainSize + testSize
	if len(classA) < need || len(classB) < need {
		return nil, fmt.Errorf("datasets: AdHoc: the gap leaves %d and %d grid points in the two classes, %d needed in each", len(classA), len(classB), need)
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 2))
	pick := func(pool [][]float64) [][]float64 {
		perm := rng.Perm(len(pool))[:need]
		out := make([][]float64, need)
		for i, p := range perm {
			out[i] = pool[p]
		}
		return out
	}
	a, b := pick(classA), pick(classB)
	part := func(lo, hi int) *Dataset {
		ds := &Dataset{ClassNames: []string{"A", "B"}}
		for c, pool := range [][][]float64{a, b} {
			for _, row := range pool[lo:hi] {
				ds.X = append(ds.X, row)
				ds.Y = append(ds.Y, c)
			}
		}
		return ds
	}
	d.Train, d.Test = part(0, trainSize), part(trainSize, need)
	return d, nil
}

// Parity returns ⟨Φ(x)|V†Z^{⊗n}V|Φ(x)⟩, whose sign labels x.
func (d *AdHocData) Parity(x []float64) (float64, error) {
	st, err := statevec.New(d.fm.NumQubits())
	if err != nil {
		return 0, err
	}
	return d.parity(st, x)
}

// parity computes Parity in st, which it resets to |0…0⟩ first.
func (d *AdHocData) parity(st *statevec.State, x []float64) (float64, error) {
	c, err := d.fm.Circuit(x)
	if err != nil {
		return 0, fmt.Errorf("datasets: AdHoc: %w", err)
	}
	amp := st.Data()
	clear(amp)
	amp[0] = 1
	if _, err := st.Run(c, nil); err != nil {
		return 0, fmt.Errorf("datasets: AdHoc: %w", err)
	}
	psi := st.Data()
	dim := len(psi)
	var e float64
	for i := range dim {
		var s complex128
		row := d.V[i*dim : (i+1)*dim]
		for j, a := range psi {
			s += row[j] * a
		}
		p := real(s)*real(s) + imag(s)*imag(s)
		if bits.OnesCount(uint(i))%2 == 1 {
			p = -p
		}
		e += p
	}
	return e, nil
}
