package ml

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// KMeansOptions tune KMeans. Zero values select the defaults.
type KMeansOptions struct {
	// NInit is the number of runs from different k-means++ seedings; the run
	// with the lowest inertia is returned. Default 1 (scikit-learn's "auto"
	// for k-means++).
	NInit int
	// MaxIter caps Lloyd iterations per run. Default 300.
	MaxIter int
	// Tol stops a run when the squared centroid movement summed over
	// clusters is at most Tol times the mean per-column variance of X.
	// Default 1e-4. A run also stops when no label changes.
	Tol float64
	// Seed seeds the PCG generator (Seed, Seed) used by every run in turn.
	Seed uint64
}

// KMeansResult is the best run of KMeans.
type KMeansResult struct {
	Centroids [][]float64 // k × d
	Labels    []int       // nearest centroid of each sample (lowest index on ties)
	// Inertia is Σ_i ‖x_i − c_{Labels[i]}‖².
	Inertia float64
	// Iterations is the number of Lloyd iterations of the returned run.
	Iterations int
}

// KMeans clusters the rows of X into k ≤ len(X) clusters: greedy k-means++
// seeding (each new centre is the best, by resulting potential, of
// 2 + ⌊ln k⌋ candidates drawn with probability ∝ squared distance to the
// nearest chosen centre), then Lloyd iterations. A cluster that becomes empty
// is moved to the sample farthest from its own centroid (samples taken in
// decreasing distance, lowest index on ties). Labels and Inertia always
// correspond to the returned centroids.
func KMeans(X [][]float64, k int, opts KMeansOptions) (*KMeansResult, error) {
	n, d, err := CheckMatrix(X, "X")
	if err != nil {
		return nil, fmt.Errorf("ml: KMeans: %w", err)
	}
	if k < 1 || k > n {
		return nil, fmt.Errorf("ml: KMeans: k must be in 1..%d (the number of samples), got %d", n, k)
	}
	if opts.NInit < 0 || opts.MaxIter < 0 || opts.Tol < 0 || math.IsNaN(opts.Tol) || math.IsInf(opts.Tol, 0) {
		return nil, fmt.Errorf("ml: KMeans: NInit, MaxIter and Tol must be ≥ 0 and finite, got %d, %d, %v", opts.NInit, opts.MaxIter, opts.Tol)
	}
	nInit, maxIter, tol := opts.NInit, opts.MaxIter, opts.Tol
	if nInit == 0 {
		nInit = 1
	}
	if maxIter == 0 {
		maxIter = 300
	}
	if tol == 0 {
		tol = 1e-4
	}
	km := newKMeansData(X, n, d)
	tolAbs := tol * km.meanColumnVariance()
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed))

	var best *KMeansResult
	for range nInit {
		res := km.lloyd(km.seed(k, rng), maxIter, tolAbs)
		if best == nil || res.Inertia < best.Inertia {
			best = res
		}
	}
	return best, nil
}

// kmeansData holds X as a gonum matrix with its squared row norms, for
// distances ‖x‖² − 2x·c + ‖c‖² computed with one matrix product.
type kmeansData struct {
	rows  [][]float64
	x     *mat.Dense
	norm2 []float64
	n, d  int
}

func newKMeansData(X [][]float64, n, d int) *kmeansData {
	km := &kmeansData{rows: X, x: mat.NewDense(n, d, nil), norm2: make([]float64, n), n: n, d: d}
	for i, row := range X {
		km.x.SetRow(i, row)
		km.norm2[i] = dot(row, row)
	}
	return km
}

func dot(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func sqDist(a, b []float64) float64 {
	var s float64
	for i := range a {
		t := a[i] - b[i]
		s += t * t
	}
	return s
}

func (km *kmeansData) meanColumnVariance() float64 {
	var total float64
	for j := range km.d {
		var mean float64
		for _, row := range km.rows {
			mean += row[j]
		}
		mean /= float64(km.n)
		var ss float64
		for _, row := range km.rows {
			ss += (row[j] - mean) * (row[j] - mean)
		}
		total += ss / float64(km.n)
	}
	return total / float64(km.d)
}

// seed runs greedy k-means++ and returns k centroids (copies of samples).
// The candidates of one round are scored together: one matrix product gives
// their squared distances to every sample as ‖x‖² − 2x·c + ‖c‖².
func (km *kmeansData) seed(k int, rng *rand.Rand) [][]float64 {
	trials := 2 + int(math.Log(float64(k)))
	centres := make([][]float64, 0, k)
	first := rng.IntN(km.n)
	centres = append(centres, append([]float64(nil), km.rows[first]...))
	closest := make([]float64, km.n)
	for i, row := range km.rows {
		closest[i] = sqDist(row, km.rows[first])
	}
	cumulative := make([]float64, km.n)
	candidates := make([]int, trials)
	candidateRows := mat.NewDense(trials, km.d, nil)
	candidate := make([]float64, km.n)
	bestDist := make([]float64, km.n)
	var cross mat.Dense
	for len(centres) < k {
		var potential float64
		for i, v := range closest {
			potential += v
			cumulative[i] = potential
		}
		for t := range candidates {
			r := rng.Float64() * potential
			candidates[t] = min(sort.SearchFloat64s(cumulative, r), km.n-1)
			candidateRows.SetRow(t, km.rows[candidates[t]])
		}
		cross.Reset()
		cross.Mul(km.x, candidateRows.T())
		raw := cross.RawMatrix()
		bestPot, bestIdx := math.Inf(1), -1
		for t, idx := range candidates {
			var pot float64
			for i := range km.n {
				d := math.Max(0, km.norm2[i]-2*raw.Data[i*raw.Stride+t]+km.norm2[idx])
				candidate[i] = math.Min(closest[i], d)
				pot += candidate[i]
			}
			if pot < bestPot {
				bestPot, bestIdx = pot, idx
				copy(bestDist, candidate)
			}
		}
		copy(closest, bestDist)
		centres = append(centres, append([]float64(nil), km.rows[bestIdx]...))
	}
	return centres
}

// assign labels every sample with its nearest centroid and returns the
// squared distances to it.
func (km *kmeansData) assign(centres [][]float64, labels []int, dist []float64) {
	k := len(centres)
	c := mat.NewDense(k, km.d, nil)
	cnorm := make([]float64, k)
	for j, row := range centres {
		c.SetRow(j, row)
		cnorm[j] = dot(row, row)
	}
	var cross mat.Dense
	cross.Mul(km.x, c.T())
	raw := cross.RawMatrix()
	for i := range km.n {
		best, bestD := 0, math.Inf(1)
		row := raw.Data[i*raw.Stride : i*raw.Stride+k]
		for j, xc := range row {
			if dj := km.norm2[i] - 2*xc + cnorm[j]; dj < bestD {
				best, bestD = j, dj
			}
		}
		labels[i] = best
		dist[i] = sqDist(km.rows[i], centres[best])
	}
}

// lloyd iterates assignment and centroid updates from the given centres.
func (km *kmeansData) lloyd(centres [][]float64, maxIter int, tolAbs float64) *KMeansResult {
	k := len(centres)
	labels := make([]int, km.n)
	previous := make([]int, km.n)
	dist := make([]float64, km.n)
	counts := make([]int, k)
	iter := 0
	for iter < maxIter {
		iter++
		km.assign(centres, labels, dist)
		if iter > 1 && slices.Equal(labels, previous) {
			break
		}
		copy(previous, labels)
		next := make([][]float64, k)
		for j := range next {
			next[j] = make([]float64, km.d)
		}
		clear(counts)
		for i, row := range km.rows {
			counts[labels[i]]++
			for f, v := range row {
				next[labels[i]][f] += v
			}
		}
		km.relocateEmpty(next, counts, dist)
		var shift float64
		for j := range next {
			if counts[j] > 0 {
				for f := range next[j] {
					next[j][f] /= float64(counts[j])
				}
			}
			shift += sqDist(next[j], centres[j])
		}
		centres = next
		if shift <= tolAbs {
			break
		}
	}
	km.assign(centres, labels, dist)
	var inertia float64
	for _, v := range dist {
		inertia += v
	}
	return &KMeansResult{Centroids: centres, Labels: labels, Inertia: inertia, Iterations: iter}
}

// relocateEmpty puts each empty cluster's centroid on a sample far from its
// current centroid, farthest first; counts becomes 1 so the caller keeps it.
func (km *kmeansData) relocateEmpty(sums [][]float64, counts []int, dist []float64) {
	var empty []int
	for j, c := range counts {
		if c == 0 {
			empty = append(empty, j)
		}
	}
	if len(empty) == 0 {
		return
	}
	order := make([]int, km.n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return dist[order[a]] > dist[order[b]] })
	for e, j := range empty {
		copy(sums[j], km.rows[order[e]])
		counts[j] = 1
	}
}

// NearestSamples returns, for each centroid, the index of the row of X
// closest to it in Euclidean distance (lowest index on ties). Two centroids
// can share a nearest sample.
func NearestSamples(X, centroids [][]float64) ([]int, error) {
	_, d, err := CheckMatrix(X, "X")
	if err != nil {
		return nil, fmt.Errorf("ml: NearestSamples: %w", err)
	}
	if err := checkWidth(centroids, "centroids", d); err != nil {
		return nil, fmt.Errorf("ml: NearestSamples: %w", err)
	}
	out := make([]int, len(centroids))
	for c, centre := range centroids {
		best, bestD := 0, math.Inf(1)
		for i, row := range X {
			if di := sqDist(row, centre); di < bestD {
				best, bestD = i, di
			}
		}
		out[c] = best
	}
	return out, nil
}
