package qkan

import "fmt"

// Extend returns a copy of the layer with r′ = newReps > r repetitions that
// computes the same function (layer extension).
//
// The old angle rows 0..r−1 and weights are copied, the old final block
// (angle row r) stays at row r, i.e. it becomes the trainable part of the
// first new repetition, and rows r+1..r′ get zero angles with w = 1, b = 0.
// The extra repetitions then act as RZ(x)·RZ(x)…, a diagonal phase applied
// after the old circuit, and both readouts depend only on |α| and |β|, so
// the output is unchanged. Moving the old final block to row r′ instead would
// put the new RZ(x) gates before it and change the function.
//
// Only PZ and RPZ allow this: for PX and Real a zero-angle repetition with
// w = 1, b = 0 is not a diagonal phase.
func (l *Layer) Extend(newReps int) (*Layer, error) {
	r := l.cfg.Reps
	if newReps <= r {
		return nil, fmt.Errorf("qkan: Extend: new reps %d must exceed current %d", newReps, r)
	}
	if l.cfg.Ansatz != PZ && l.cfg.Ansatz != RPZ {
		return nil, fmt.Errorf("qkan: Extend: %s ansatz has no function-preserving extension (only pz and rpz)", l.cfg.Ansatz)
	}
	cfg := l.cfg
	cfg.Reps = newReps
	e, err := NewLayer(cfg)
	if err != nil {
		return nil, err
	}
	clear(e.theta)
	oldN, newN := l.c.nTheta, e.c.nTheta
	for s := 0; s < l.sets; s++ {
		// Rows 0..r (the r repetitions and the final block) keep their index.
		copy(e.theta[s*newN:s*newN+oldN], l.theta[s*oldN:(s+1)*oldN])
		copy(e.w[s*newReps:s*newReps+r], l.w[s*r:(s+1)*r])
		copy(e.b[s*newReps:s*newReps+r], l.b[s*r:(s+1)*r])
	}
	copy(e.pw, l.pw)
	copy(e.pb, l.pb)
	copy(e.bw, l.bw)
	copy(e.mask, l.mask)
	return e, nil
}
