package svm

// DefaultEps is LIBSVM's default stopping tolerance (svm-train -e).
const DefaultEps = 1e-3

// Options tune the SMO solver. The zero value (or a nil *Options) gives
// LIBSVM's defaults: eps = 1e-3, shrinking on, at most max(10⁷, 100·l)
// iterations per binary problem of l samples.
type Options struct {
	// Eps stops the solver when the maximal violation of the KKT conditions,
	// max_{I_up}(−y_i∇f_i) − min_{I_low}(−y_i∇f_i), is below it.
	// Zero means DefaultEps.
	Eps float64
	// NoShrinking turns off LIBSVM's shrinking heuristic (svm-train -h 0).
	NoShrinking bool
	// MaxIter caps SMO iterations per binary problem; zero means LIBSVM's
	// max(10⁷, 100·l).
	MaxIter int
}

func (o Options) eps() float64 {
	if o.Eps == 0 {
		return DefaultEps
	}
	return o.Eps
}

func (o Options) maxIter(l int) int {
	if o.MaxIter > 0 {
		return o.MaxIter
	}
	return max(10_000_000, 100*l)
}
