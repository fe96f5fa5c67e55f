package embedding

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/qmlkit/qmlkit/datasets"
	"github.com/qmlkit/qmlkit/ml"
)

// distill is the paper's class-balanced k-means distillation: for each
// class, k-means with k centroids on that class's images (the first pool of
// them, or all when pool is 0), then the real image nearest each centroid.
// Classes run in parallel, each seeded (seed + class), so the result does
// not depend on GOMAXPROCS. Two centroids can share a nearest image; the
// duplicate is kept once, so a class may contribute slightly fewer than k.
func distill(d *datasets.Dataset, k, pool int, seed uint64) ([][]float64, []int, error) {
	members := make([][]int, len(d.ClassNames))
	for i, y := range d.Y {
		if pool == 0 || len(members[y]) < pool {
			members[y] = append(members[y], i)
		}
	}
	picked := make([][]int, len(members))
	errs := make([]error, len(members))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for c, idx := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			x := make([][]float64, len(idx))
			for j, i := range idx {
				x[j] = d.X[i]
			}
			km, err := ml.KMeans(x, k, ml.KMeansOptions{Seed: seed + uint64(c)})
			if err != nil {
				errs[c] = fmt.Errorf("class %d: %w", c, err)
				return
			}
			near, err := ml.NearestSamples(x, km.Centroids)
			if err != nil {
				errs[c] = fmt.Errorf("class %d: %w", c, err)
				return
			}
			seen := map[int]bool{}
			for _, j := range near {
				if !seen[j] {
					seen[j] = true
					picked[c] = append(picked[c], idx[j])
				}
			}
		}()
	}
	wg.Wait()
	var xs [][]float64
	var ys []int
	for c := range picked {
		if errs[c] != nil {
			return nil, nil, fmt.Errorf("distillation: %w", errs[c])
		}
		for _, i := range picked[c] {
			xs = append(xs, d.X[i])
			ys = append(ys, d.Y[i])
		}
	}
	return xs, ys, nil
}

// features is the paper's preprocessing, each step fitted on the training
// part: StandardScaler, PCA to 16 components, MinMax to (−1, 1).
func features(xtr, xte [][]float64, components int) ([][]float64, [][]float64, error) {
	ss, err := ml.FitStandardScaler(xtr)
	if err != nil {
		return nil, nil, err
	}
	if xtr, err = ss.Transform(xtr); err != nil {
		return nil, nil, err
	}
	if xte, err = ss.Transform(xte); err != nil {
		return nil, nil, err
	}
	pca, err := ml.FitPCA(xtr, components)
	if err != nil {
		return nil, nil, err
	}
	if xtr, err = pca.Transform(xtr); err != nil {
		return nil, nil, err
	}
	if xte, err = pca.Transform(xte); err != nil {
		return nil, nil, err
	}
	mm, err := ml.FitMinMaxScaler(xtr, -1, 1)
	if err != nil {
		return nil, nil, err
	}
	if xtr, err = mm.Transform(xtr); err != nil {
		return nil, nil, err
	}
	if xte, err = mm.Transform(xte); err != nil {
		return nil, nil, err
	}
	return xtr, xte, nil
}
