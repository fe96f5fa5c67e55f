package svm

import "math"

// tau replaces a non-positive curvature in the two-variable subproblem, as in
// LIBSVM, so indefinite or singular kernels still make progress.
const tau = 1e-12

type boundStatus uint8

const (
	atLower boundStatus = iota
	atUpper
	free
)

// binaryResult is the solution of one two-class dual problem.
type binaryResult struct {
	alpha      []float64 // α_i in the order the positions were given, 0 ≤ α_i ≤ C
	rho        float64
	objective  float64 // dual objective eᵀα − ½αᵀQα at the solution
	iterations int
	converged  bool
}

// smo solves min_α ½αᵀQα − eᵀα subject to yᵀα = 0, 0 ≤ α ≤ C with
// Q_ij = y_i y_j K_ij, following LIBSVM's Solver (Fan, Chen & Lin 2005):
// second-order working-set selection, analytic two-variable updates clipped to
// the box, optional shrinking with gradient reconstruction. The iteration is
// kept step for step so that results agree with LIBSVM beyond the tolerance.
//
// Variables are addressed by position; shrinking permutes positions, and
// sample[p] records which training row sits at position p.
type smo struct {
	kern   dense
	sample []int
	y      []float64
	alpha  []float64
	status []boundStatus
	grad   []float64 // ∇f = Qα − e over the active set (all positions after reconstruction)
	gbar   []float64 // Σ_{α_j = C} C·Q_ij, kept for reconstructing shrunk gradients
	qd     []float64
	c      float64
	eps    float64

	shrinking bool
	unshrunk  bool
	active    int
	rowI      []float64
	rowJ      []float64
}

// solveBinary runs SMO on the training rows sample (in that order) with labels
// y (±1).
func solveBinary(kern dense, sample []int, y []float64, c float64, opt Options) binaryResult {
	l := len(sample)
	s := &smo{
		kern:      kern,
		sample:    append([]int(nil), sample...),
		y:         append([]float64(nil), y...),
		alpha:     make([]float64, l),
		status:    make([]boundStatus, l),
		grad:      make([]float64, l),
		gbar:      make([]float64, l),
		qd:        make([]float64, l),
		c:         c,
		eps:       opt.eps(),
		shrinking: !opt.NoShrinking,
		active:    l,
		rowI:      make([]float64, l),
		rowJ:      make([]float64, l),
	}
	// origin[p] is the caller's position of the variable now at position p.
	origin := make([]int, l)
	for p := range l {
		origin[p] = p
		s.qd[p] = kern.at(sample[p], sample[p])
		s.grad[p] = -1 // α = 0, so ∇f = −e
	}

	maxIter := opt.maxIter(l)
	iter := 0
	counter := min(l, 1000) + 1
	converged := false
	for iter < maxIter {
		counter--
		if counter == 0 {
			counter = min(l, 1000)
			if s.shrinking {
				s.shrink(origin)
			}
		}
		i, j, optimal := s.selectWorkingSet()
		if optimal {
			s.reconstructGradient()
			s.active = l
			i, j, optimal = s.selectWorkingSet()
			if optimal {
				converged = true
				break
			}
			counter = 1 // shrink again on the next iteration
		}
		iter++
		s.update(i, j)
	}
	if !converged && s.active < l {
		s.reconstructGradient()
		s.active = l
	}

	res := binaryResult{alpha: make([]float64, l), rho: s.rho(), iterations: iter, converged: converged}
	var v float64
	for p := range l {
		v += s.alpha[p] * (s.grad[p] - 1)
		res.alpha[origin[p]] = s.alpha[p]
	}
	res.objective = -v / 2 // v = αᵀ(Qα − 2e)
	return res
}

// fillRow writes Q_pk for k < n into dst.
func (s *smo) fillRow(p, n int, dst []float64) []float64 {
	krow := s.kern.row(s.sample[p])
	yp := s.y[p]
	dst = dst[:n]
	for k := range dst {
		dst[k] = yp * s.y[k] * krow[s.sample[k]]
	}
	return dst
}

func (s *smo) isUpper(p int) bool { return s.status[p] == atUpper }
func (s *smo) isLower(p int) bool { return s.status[p] == atLower }

func (s *smo) setStatus(p int) {
	switch {
	case s.alpha[p] >= s.c:
		s.status[p] = atUpper
	case s.alpha[p] <= 0:
		s.status[p] = atLower
	default:
		s.status[p] = free
	}
}

// selectWorkingSet picks i as the maximal violator in I_up and j as the
// index in I_low giving the largest decrease of the second-order model
// (WSS3). optimal reports that the maximal violation is below eps.
// On return rowI holds Q_i over the active set.
func (s *smo) selectWorkingSet() (i, j int, optimal bool) {
	gmax, gmax2 := math.Inf(-1), math.Inf(-1)
	i, j = -1, -1
	for t := 0; t < s.active; t++ {
		if s.y[t] > 0 {
			if !s.isUpper(t) && -s.grad[t] >= gmax {
				gmax, i = -s.grad[t], t
			}
		} else if !s.isLower(t) && s.grad[t] >= gmax {
			gmax, i = s.grad[t], t
		}
	}
	var qi []float64
	if i != -1 {
		qi = s.fillRow(i, s.active, s.rowI)
	}
	bestDiff := math.Inf(1)
	for t := 0; t < s.active; t++ {
		var gradDiff, quad float64
		if s.y[t] > 0 {
			if s.isLower(t) {
				continue
			}
			gradDiff = gmax + s.grad[t]
			gmax2 = math.Max(gmax2, s.grad[t])
			if gradDiff <= 0 {
				continue
			}
			quad = s.qd[i] + s.qd[t] - 2*s.y[i]*qi[t]
		} else {
			if s.isUpper(t) {
				continue
			}
			gradDiff = gmax - s.grad[t]
			gmax2 = math.Max(gmax2, -s.grad[t])
			if gradDiff <= 0 {
				continue
			}
			quad = s.qd[i] + s.qd[t] + 2*s.y[i]*qi[t]
		}
		if quad <= 0 {
			quad = tau
		}
		if diff := -gradDiff * gradDiff / quad; diff <= bestDiff {
			bestDiff, j = diff, t
		}
	}
	if gmax+gmax2 < s.eps || j == -1 {
		return -1, -1, true
	}
	return i, j, false
}

// update solves the two-variable subproblem in (α_i, α_j) exactly, clips it
// to the box, and updates the gradient and the bound bookkeeping.
func (s *smo) update(i, j int) {
	qi := s.rowI[:s.active] // filled by selectWorkingSet
	qj := s.fillRow(j, s.active, s.rowJ)
	c := s.c
	oldI, oldJ := s.alpha[i], s.alpha[j]
	ai, aj := oldI, oldJ
	if s.y[i] != s.y[j] {
		quad := s.qd[i] + s.qd[j] + 2*qi[j]
		if quad <= 0 {
			quad = tau
		}
		delta := (-s.grad[i] - s.grad[j]) / quad
		diff := ai - aj
		ai += delta
		aj += delta
		if diff > 0 {
			if aj < 0 {
				aj, ai = 0, diff
			}
		} else if ai < 0 {
			ai, aj = 0, -diff
		}
		if diff > 0 { // C_i − C_j = 0 with a single C
			if ai > c {
				ai, aj = c, c-diff
			}
		} else if aj > c {
			aj, ai = c, c+diff
		}
	} else {
		quad := s.qd[i] + s.qd[j] - 2*qi[j]
		if quad <= 0 {
			quad = tau
		}
		delta := (s.grad[i] - s.grad[j]) / quad
		sum := ai + aj
		ai -= delta
		aj += delta
		if sum > c {
			if ai > c {
				ai, aj = c, sum-c
			}
		} else if aj < 0 {
			aj, ai = 0, sum
		}
		if sum > c {
			if aj > c {
				aj, ai = c, sum-c
			}
		} else if ai < 0 {
			ai, aj = 0, sum
		}
	}
	s.alpha[i], s.alpha[j] = ai, aj

	di, dj := ai-oldI, aj-oldJ
	for k := range s.active {
		s.grad[k] += qi[k]*di + qj[k]*dj
	}

	wasUpperI, wasUpperJ := s.isUpper(i), s.isUpper(j)
	s.setStatus(i)
	s.setStatus(j)
	l := len(s.alpha)
	if wasUpperI != s.isUpper(i) {
		s.addToGbar(i, wasUpperI, l)
	}
	if wasUpperJ != s.isUpper(j) {
		s.addToGbar(j, wasUpperJ, l)
	}
}

// addToGbar adds (or, when the variable left the upper bound, removes) the
// contribution C·Q_p of variable p to gbar over all l positions.
func (s *smo) addToGbar(p int, leftUpper bool, l int) {
	sign := 1.0
	if leftUpper {
		sign = -1
	}
	krow := s.kern.row(s.sample[p])
	cy := sign * s.c * s.y[p]
	for k := range l {
		s.gbar[k] += cy * s.y[k] * krow[s.sample[k]]
	}
}

// reconstructGradient recomputes the gradient of shrunk variables from gbar
// and the free variables.
func (s *smo) reconstructGradient() {
	l := len(s.alpha)
	if s.active == l {
		return
	}
	for k := s.active; k < l; k++ {
		s.grad[k] = s.gbar[k] - 1
	}
	nFree := 0
	for k := range s.active {
		if s.status[k] == free {
			nFree++
		}
	}
	// Choose the cheaper loop order, as LIBSVM does; both give the same sums
	// up to rounding.
	if nFree*l > 2*s.active*(l-s.active) {
		for k := s.active; k < l; k++ {
			krow := s.kern.row(s.sample[k])
			yk := s.y[k]
			for t := range s.active {
				if s.status[t] == free {
					s.grad[k] += s.alpha[t] * yk * s.y[t] * krow[s.sample[t]]
				}
			}
		}
		return
	}
	for t := range s.active {
		if s.status[t] != free {
			continue
		}
		krow := s.kern.row(s.sample[t])
		ay := s.alpha[t] * s.y[t]
		for k := s.active; k < l; k++ {
			s.grad[k] += ay * s.y[k] * krow[s.sample[k]]
		}
	}
}

// canShrink reports whether variable p is at a bound and its gradient says
// it will stay there.
func (s *smo) canShrink(p int, gmax1, gmax2 float64) bool {
	switch {
	case s.isUpper(p):
		if s.y[p] > 0 {
			return -s.grad[p] > gmax1
		}
		return -s.grad[p] > gmax2
	case s.isLower(p):
		if s.y[p] > 0 {
			return s.grad[p] > gmax2
		}
		return s.grad[p] > gmax1
	}
	return false
}

// shrink moves variables that are likely to stay at a bound past the end of
// the active set; once the violation is within 10·eps it first restores the
// full problem one time, as LIBSVM does.
func (s *smo) shrink(origin []int) {
	gmax1, gmax2 := math.Inf(-1), math.Inf(-1)
	for p := range s.active {
		if s.y[p] > 0 {
			if !s.isUpper(p) {
				gmax1 = math.Max(gmax1, -s.grad[p])
			}
			if !s.isLower(p) {
				gmax2 = math.Max(gmax2, s.grad[p])
			}
		} else {
			if !s.isUpper(p) {
				gmax2 = math.Max(gmax2, -s.grad[p])
			}
			if !s.isLower(p) {
				gmax1 = math.Max(gmax1, s.grad[p])
			}
		}
	}
	if !s.unshrunk && gmax1+gmax2 <= s.eps*10 {
		s.unshrunk = true
		s.reconstructGradient()
		s.active = len(s.alpha)
	}
	for p := 0; p < s.active; p++ {
		if !s.canShrink(p, gmax1, gmax2) {
			continue
		}
		s.active--
		for s.active > p {
			if !s.canShrink(s.active, gmax1, gmax2) {
				s.swap(p, s.active, origin)
				break
			}
			s.active--
		}
	}
}

func (s *smo) swap(a, b int, origin []int) {
	s.sample[a], s.sample[b] = s.sample[b], s.sample[a]
	s.y[a], s.y[b] = s.y[b], s.y[a]
	s.alpha[a], s.alpha[b] = s.alpha[b], s.alpha[a]
	s.status[a], s.status[b] = s.status[b], s.status[a]
	s.grad[a], s.grad[b] = s.grad[b], s.grad[a]
	s.gbar[a], s.gbar[b] = s.gbar[b], s.gbar[a]
	s.qd[a], s.qd[b] = s.qd[b], s.qd[a]
	origin[a], origin[b] = origin[b], origin[a]
}

// rho is the offset b with decision Σ y_i α_i K(x, x_i) − rho: the mean of
// y_i∇f_i over free variables, or the midpoint of the feasible interval when
// no variable is free.
func (s *smo) rho() float64 {
	ub, lb := math.Inf(1), math.Inf(-1)
	var sumFree float64
	nFree := 0
	for p := range s.active {
		yg := s.y[p] * s.grad[p]
		switch {
		case s.isUpper(p):
			if s.y[p] < 0 {
				ub = math.Min(ub, yg)
			} else {
				lb = math.Max(lb, yg)
			}
		case s.isLower(p):
			if s.y[p] > 0 {
				ub = math.Min(ub, yg)
			} else {
				lb = math.Max(lb, yg)
			}
		default:
			nFree++
			sumFree += yg
		}
	}
	if nFree > 0 {
		return sumFree / float64(nFree)
	}
	return (ub + lb) / 2
}
