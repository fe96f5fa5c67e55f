package ml

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func threeBlobs(perBlob int, seed uint64) ([][]float64, []int, [][]float64) {
	centres := [][]float64{{0, 0}, {10, 0}, {0, 10}}
	rng := rand.New(rand.NewPCG(seed, seed))
	var X [][]float64
	var y []int
	for i := range perBlob * 3 {
		c := i % 3
		X = append(X, []float64{centres[c][0] + 0.5*rng.NormFloat64(), centres[c][1] + 0.5*rng.NormFloat64()})
		y = append(y, c)
	}
	return X, y, centres
}

func TestKMeansRecoversBlobs(t *testing.T) {
	X, y, centres := threeBlobs(30, 1)
	res, err := KMeans(X, 3, KMeansOptions{Seed: 4})
	require.NoError(t, err)

	// Each true blob maps to exactly one cluster, and that cluster's centroid
	// is the blob's sample mean.
	blobOf := map[int]int{}
	for i, l := range res.Labels {
		if b, ok := blobOf[l]; ok {
			require.Equal(t, b, y[i], "cluster %d mixes blobs", l)
		} else {
			blobOf[l] = y[i]
		}
	}
	require.Len(t, blobOf, 3)
	for l, b := range blobOf {
		mean := []float64{0, 0}
		for i := range X {
			if y[i] == b {
				mean[0] += X[i][0] / 30
				mean[1] += X[i][1] / 30
			}
		}
		assert.InDeltaSlice(t, mean, res.Centroids[l], 1e-12)
		assert.InDeltaSlice(t, centres[b], res.Centroids[l], 0.3)
	}
	var inertia float64
	for i, l := range res.Labels {
		inertia += sqDist(X[i], res.Centroids[l])
	}
	assert.InDelta(t, inertia, res.Inertia, 1e-9)

	again, err := KMeans(X, 3, KMeansOptions{Seed: 4})
	require.NoError(t, err)
	assert.Equal(t, res, again, "same seed, same result")
}

func TestKMeansAnalytic(t *testing.T) {
	X := [][]float64{{0}, {1}, {10}, {11}}
	res, err := KMeans(X, 2, KMeansOptions{Seed: 1, NInit: 3})
	require.NoError(t, err)
	got := []float64{res.Centroids[0][0], res.Centroids[1][0]}
	if got[0] > got[1] {
		got[0], got[1] = got[1], got[0]
	}
	assert.Equal(t, []float64{0.5, 10.5}, got)
	assert.Equal(t, 1.0, res.Inertia)

	res, err = KMeans(X, 4, KMeansOptions{Seed: 1})
	require.NoError(t, err)
	assert.Equal(t, 0.0, res.Inertia, "k = n puts a centroid on every sample")
}

// More restarts can only lower (or keep) the inertia of the best run, since
// the first run is the same.
func TestKMeansRestarts(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	X := make([][]float64, 200)
	for i := range X {
		X[i] = []float64{rng.Float64(), rng.Float64(), rng.Float64()}
	}
	one, err := KMeans(X, 8, KMeansOptions{Seed: 2, NInit: 1})
	require.NoError(t, err)
	many, err := KMeans(X, 8, KMeansOptions{Seed: 2, NInit: 6})
	require.NoError(t, err)
	assert.LessOrEqual(t, many.Inertia, one.Inertia)
}

// Duplicated samples force coinciding seeds and empty clusters; the result
// must stay finite and consistent.
func TestKMeansDuplicates(t *testing.T) {
	X := [][]float64{{0, 0}, {0, 0}, {0, 0}, {5, 5}}
	for seed := range uint64(5) {
		res, err := KMeans(X, 3, KMeansOptions{Seed: seed})
		require.NoError(t, err)
		assert.Equal(t, 0.0, res.Inertia)
		for _, c := range res.Centroids {
			for _, v := range c {
				assert.False(t, math.IsNaN(v))
			}
		}
		for _, l := range res.Labels {
			assert.True(t, l >= 0 && l < 3)
		}
	}
}

func TestNearestSamples(t *testing.T) {
	X := [][]float64{{0, 0}, {1, 0}, {4, 4}, {5, 5}}
	idx, err := NearestSamples(X, [][]float64{{0.4, 0}, {0.5, 0}, {4.6, 4.6}, {100, 100}})
	require.NoError(t, err)
	assert.Equal(t, []int{0, 0, 3, 3}, idx, "0.5 is equidistant from rows 0 and 1: lowest index")

	_, err = NearestSamples(X, [][]float64{{1}})
	assert.ErrorContains(t, err, "centroids has 1 columns, the fitted model expects 2")
}

func TestKMeansErrors(t *testing.T) {
	X := [][]float64{{0}, {1}}
	_, err := KMeans(X, 0, KMeansOptions{})
	assert.ErrorContains(t, err, "k must be in 1..2")
	_, err = KMeans(X, 3, KMeansOptions{})
	assert.ErrorContains(t, err, "got 3")
	_, err = KMeans(X, 1, KMeansOptions{NInit: -1})
	assert.ErrorContains(t, err, "must be ≥ 0")
	_, err = KMeans([][]float64{{math.Inf(1)}}, 1, KMeansOptions{})
	assert.ErrorContains(t, err, "not finite")
}

func BenchmarkKMeans(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	X := make([][]float64, 2000)
	for i := range X {
		X[i] = make([]float64, 64)
		for j := range X[i] {
			X[i][j] = rng.NormFloat64() + float64(i%10)
		}
	}
	for b.Loop() {
		if _, err := KMeans(X, 50, KMeansOptions{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
