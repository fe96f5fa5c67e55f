package svm

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Pair is the binary C-SVC separating two classes: Positive (y = +1, positive
// decision values) against Negative (y = −1).
type Pair struct {
	Positive, Negative int // class labels
	// Support are the training rows with α_i > 0, the Positive class first,
	// each class in training order; Coef[k] = y_i·α_i for Support[k].
	Support []int
	Coef    []float64
	// Rho is the offset: the decision value is Σ_k Coef[k]·K(x, Support[k]) − Rho.
	Rho float64
	// Objective is the dual objective Σα_i − ½Σα_iα_jy_iy_jK_ij at the
	// solution. LIBSVM prints its negative ("obj = ...").
	Objective float64
	// BoundSupport counts support vectors with α_i = C.
	BoundSupport int
	// Iterations is the number of SMO steps; Converged is false when the
	// iteration limit stopped the solver.
	Iterations int
	Converged  bool
}

// Model is a trained C-SVC: one Pair per pair of classes.
type Model struct {
	// Classes are the labels in LIBSVM's order: order of first appearance in
	// y, except that a two-class problem labelled −1 and +1 always has +1
	// first, so that its decision values are positive for +1.
	Classes []int
	// Pairs are the binary problems (Classes[a], Classes[b]) for a < b in
	// the order (0,1), (0,2), …, (0,k−1), (1,2), …, which is LIBSVM's order.
	Pairs []Pair
	// Support lists every training row that is a support vector of some
	// pair, grouped by class in Classes order, each class in training order
	// (LIBSVM's model order; its sv_indices are these plus one).
	Support []int
	// DualCoef is LIBSVM's sv_coef: (len(Classes)−1) rows of len(Support)
	// coefficients. For the pair (a, b), a < b, the coefficient of a support
	// vector of class a is in row b−1 and that of class b in row a.
	DualCoef [][]float64
	// C is the box constraint the model was trained with; NTrain the number
	// of training rows a test kernel must have as columns.
	C      float64
	NTrain int
}

// Fit trains a C-SVC on the precomputed training kernel K (n×n, symmetric)
// with labels y and box constraint C > 0, by LIBSVM's SMO algorithm and
// one-vs-one decomposition for more than two classes. opts may be nil.
//
// If a binary problem hits opts.MaxIter, Fit returns the model together with
// an error wrapping ErrNotConverged.
func Fit(K mat.Matrix, y []int, C float64, opts *Options) (*Model, error) {
	var opt Options
	if opts != nil {
		opt = *opts
	}
	if err := checkParams(C, opt); err != nil {
		return nil, fmt.Errorf("svm: %w", err)
	}
	kern, err := trainKernel(K)
	if err != nil {
		return nil, fmt.Errorf("svm: %w", err)
	}
	if len(y) != kern.rows {
		return nil, fmt.Errorf("svm: %d labels for a %d×%d kernel", len(y), kern.rows, kern.rows)
	}
	g := groupClasses(y)
	if len(g.labels) < 2 {
		return nil, fmt.Errorf("svm: need at least two classes, all %d labels are %d", len(y), y[0])
	}

	m := &Model{Classes: g.labels, C: C, NTrain: kern.rows}
	k := len(g.labels)
	isSupport := make([]bool, kern.rows)
	var notConverged []string
	for a := range k {
		for b := a + 1; b < k; b++ {
			p := fitPair(kern, g.members[a], g.members[b], C, opt)
			p.Positive, p.Negative = g.labels[a], g.labels[b]
			for _, i := range p.Support {
				isSupport[i] = true
			}
			if !p.Converged {
				notConverged = append(notConverged, fmt.Sprintf("(%d, %d)", p.Positive, p.Negative))
			}
			m.Pairs = append(m.Pairs, p)
		}
	}
	m.buildDualCoef(g, isSupport)
	if len(notConverged) > 0 {
		return m, fmt.Errorf("svm: pairs %v: %w", notConverged, ErrNotConverged)
	}
	return m, nil
}

func checkParams(C float64, opt Options) error {
	if !(C > 0) || math.IsInf(C, 1) {
		return fmt.Errorf("C must be positive and finite, got %v", C)
	}
	if opt.Eps < 0 || math.IsNaN(opt.Eps) || math.IsInf(opt.Eps, 0) {
		return fmt.Errorf("Eps must be a finite number ≥ 0, got %v", opt.Eps)
	}
	if opt.MaxIter < 0 {
		return fmt.Errorf("MaxIter must be ≥ 0, got %d", opt.MaxIter)
	}
	return nil
}

// classGroups are the classes in LIBSVM's order with their members in
// training order.
type classGroups struct {
	labels  []int
	members [][]int
}

func groupClasses(y []int) classGroups {
	var g classGroups
	pos := map[int]int{}
	for i, label := range y {
		c, ok := pos[label]
		if !ok {
			c = len(g.labels)
			pos[label] = c
			g.labels = append(g.labels, label)
			g.members = append(g.members, nil)
		}
		g.members[c] = append(g.members[c], i)
	}
	if len(g.labels) == 2 && g.labels[0] == -1 && g.labels[1] == 1 {
		g.labels[0], g.labels[1] = g.labels[1], g.labels[0]
		g.members[0], g.members[1] = g.members[1], g.members[0]
	}
	return g
}

// fitPair solves the binary problem of the rows pos (y = +1) against neg.
func fitPair(kern dense, pos, neg []int, C float64, opt Options) Pair {
	sample := append(append([]int(nil), pos...), neg...)
	y := make([]float64, len(sample))
	for p := range y {
		y[p] = 1
		if p >= len(pos) {
			y[p] = -1
		}
	}
	res := solveBinary(kern, sample, y, C, opt)
	pair := Pair{Rho: res.rho, Objective: res.objective, Iterations: res.iterations, Converged: res.converged}
	for p, a := range res.alpha {
		if a > 0 {
			pair.Support = append(pair.Support, sample[p])
			pair.Coef = append(pair.Coef, y[p]*a)
			if a >= C {
				pair.BoundSupport++
			}
		}
	}
	return pair
}

// buildDualCoef lays the pair coefficients out as LIBSVM's sv_coef.
func (m *Model) buildDualCoef(g classGroups, isSupport []bool) {
	k := len(g.labels)
	column := make(map[int]int) // training row → column in Support
	for _, members := range g.members {
		for _, i := range members {
			if isSupport[i] {
				column[i] = len(m.Support)
				m.Support = append(m.Support, i)
			}
		}
	}
	m.DualCoef = make([][]float64, k-1)
	for r := range m.DualCoef {
		m.DualCoef[r] = make([]float64, len(m.Support))
	}
	classIndex := make(map[int]int, k)
	for c, label := range g.labels {
		classIndex[label] = c
	}
	for _, p := range m.Pairs {
		a, b := classIndex[p.Positive], classIndex[p.Negative]
		for s, i := range p.Support {
			if p.Coef[s] > 0 {
				m.DualCoef[b-1][column[i]] = p.Coef[s]
			} else {
				m.DualCoef[a][column[i]] = p.Coef[s]
			}
		}
	}
}

// errNotFitted guards methods called on a zero Model.
var errNotFitted = errors.New("svm: model is not fitted")
