package qml

import (
	"fmt"
	"slices"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/statevec"
)

// backward sweeps from the last op to d.first. On entry φ is the final
// state and λ = O·φ; both are consumed.
func (d *Differentiable) backward(theta []float64, phi, lam *statevec.State, grad []float64) error {
	// ⟨λ|φ⟩ is the same at every step of the sweep (both vectors go
	// through the same unitaries, and a common phase cancels), which lets
	// diagonal ops skip the amplitudes they leave unchanged.
	ip, err := lam.Inner(phi)
	if err != nil {
		return fmt.Errorf("qml: %w", err)
	}
	sw := sweep{pd: phi.Data(), ld: lam.Data(), phi: phi, lam: lam, ip: ip}
	for i := len(d.plans) - 1; i >= d.first; i-- {
		p := &d.plans[i]
		if p.op.Gate == circuits.Barrier {
			continue
		}
		b, ms, err := p.matrices(theta)
		if err != nil {
			return fmt.Errorf("qml: op %d: %w", i, err)
		}
		s, err := sw.step(p, b, ms, i > d.first)
		if err != nil {
			return fmt.Errorf("qml: op %d: %w", i, err)
		}
		p.addGradient(s, grad)
	}
	return nil
}

// matrices returns the op's base matrix at θ and its derivative matrices
// M_j = (∂B/∂a_j)·B†, one per variable angle.
func (p *opPlan) matrices(theta []float64) ([]complex128, [][]complex128, error) {
	b, err := p.op.BaseMatrix(theta)
	if err != nil {
		return nil, nil, err
	}
	if len(p.vars) == 0 {
		return b, nil, nil
	}
	angles, err := p.op.Angles(theta)
	if err != nil {
		return nil, nil, err
	}
	ms := make([][]complex128, 0, len(p.vars))
	for _, j := range p.vars {
		m, err := derivativeGenerator(p.op.Gate, angles, j, b)
		if err != nil {
			return nil, nil, err
		}
		ms = append(ms, m)
	}
	return b, ms, nil
}

// addGradient adds 2·scale·Re⟨λ|M_j|φ⟩ for each variable angle j.
func (p *opPlan) addGradient(re []float64, grad []float64) {
	for k, j := range p.vars {
		par := p.op.Params[j]
		grad[par.Index] += 2 * par.Scale * re[k]
	}
}

// contract returns Re Σ_e M[e]·X[e] for each M.
func contract(ms [][]complex128, x []complex128) []float64 {
	out := make([]float64, len(ms))
	for j, m := range ms {
		var s complex128
		for e, v := range m {
			s += v * x[e]
		}
		out[j] = real(s)
	}
	return out
}

// needParts returns bit masks of the X entries whose real and imaginary
// parts the derivative matrices need.
func needParts(ms [][]complex128) (needRe, needIm uint16) {
	for _, m := range ms {
		for e, v := range m {
			if real(v) != 0 {
				needRe |= 1 << e
			}
			if imag(v) != 0 {
				needIm |= 1 << e
			}
		}
	}
	return needRe, needIm
}

// oneTargetMode picks the accumulation for a one-target op from the parts
// its derivative matrices need.
func oneTargetMode(needRe, needIm uint16) accMode {
	const diag, off = 0b1001, 0b0110
	switch all := needRe | needIm; {
	case all == 0:
		return accNone
	case all&diag == 0 && needIm == 0:
		return accOffRe
	case all&diag == 0 && needRe == 0:
		return accOffIm
	case all&off == 0 && needRe == 0:
		return accDiagIm
	}
	return accFull
}

// sweep holds the two vectors of the backward pass.
type sweep struct {
	pd, ld   []complex128
	phi, lam *statevec.State
	ip       complex128 // ⟨λ|φ⟩, invariant along the sweep
}

// step runs one op of the backward sweep: it returns Re⟨λ|M_k|φ⟩ on the
// op's controlled block for each derivative matrix in ms and, if apply
// is set, un-applies the op (b is its base matrix) from both vectors. The
// kernel is picked by the structure of b and of the M_k.
func (sw *sweep) step(p *opPlan, b []complex128, ms [][]complex128, apply bool) ([]float64, error) {
	l := &p.lay
	k := len(p.op.Targets)
	dim := 1 << k
	u := adjoint(b, dim)
	needRe, needIm := needParts(ms) // X entries whose real / imaginary part is needed
	acc := len(ms) > 0
	touched := uint64(2) << uint(k)
	run := func(part func(lo, hi uint64) acc16) acc16 { return forChunks(l.count, touched, part) }
	var x acc16
	var extra []complex128 // per M: the contribution of skipped diagonal entries
	switch {
	case k <= 2 && isDiagonal(b, dim) && (!acc || p.op.Gate.IsDiagonal()):
		x, extra = sw.diagonal(p, u, ms, needRe, needIm, apply)
	case k == 1 && !acc && b[0] == 0 && b[3] == 0:
		m := [4]complex128(u)
		x = run(func(lo, hi uint64) acc16 { return stepSwap1(sw.pd, sw.ld, l, m, lo, hi) })
	case k == 1:
		mode := oneTargetMode(needRe, needIm)
		if isReal(b) {
			m := [4]float64{real(u[0]), real(u[1]), real(u[2]), real(u[3])}
			x = run(func(lo, hi uint64) acc16 { return stepReal1(sw.pd, sw.ld, l, m, mode, apply, lo, hi) })
		} else {
			m := [4]complex128(u)
			x = run(func(lo, hi uint64) acc16 { return stepMat1(sw.pd, sw.ld, l, m, mode, apply, lo, hi) })
		}
	case k == 2:
		var need []int
		for e := 0; e < 16; e++ {
			if (needRe|needIm)&(1<<e) != 0 {
				need = append(need, e)
			}
		}
		m := [16]complex128(u)
		x = run(func(lo, hi uint64) acc16 { return stepMat2(sw.pd, sw.ld, l, m, need, apply, lo, hi) })
	default:
		if acc {
			panic(fmt.Sprintf("qml: %d-target op %s with variable angles", k, p.op.Name()))
		}
		if apply {
			if err := sw.phi.ApplyMatrix(u, p.op.Targets, p.op.Controls); err != nil {
				return nil, err
			}
			if err := sw.lam.ApplyMatrix(u, p.op.Targets, p.op.Controls); err != nil {
				return nil, err
			}
		}
	}
	out := contract(ms, x[:])
	for j := range extra {
		out[j] += real(extra[j])
	}
	return out, nil
}

// diagonal runs a diagonal op (u = B†, diagonal). An uncontrolled op is
// first divided by its entry u00, a global phase that cancels in ⟨λ|·|φ⟩,
// so local states whose entry equals u00 need no update: RZ then touches
// half the amplitudes and RZZ half. Their X_ll still enter the
// derivative; when every M gives them one common value m0, Σ_skipped
// X_ll = ⟨λ|φ⟩ − Σ_touched X_ll supplies it (returned in extra, per M);
// otherwise they are read too. Controlled ops cannot be normalised, but
// states with entry 1 and no derivative (CZ, CP) are skipped likewise.
func (sw *sweep) diagonal(p *opPlan, u []complex128, ms [][]complex128, needRe, needIm uint16, apply bool) (acc16, []complex128) {
	l := &p.lay
	dim := 1 << len(p.op.Targets)
	norm := complex(1, 0)
	uncontrolled := len(p.op.Controls) == 0
	if uncontrolled {
		norm = u[0]
	}
	var skipped, touchedL []int
	for s := 0; s < dim; s++ {
		if u[s*dim+s] == norm {
			skipped = append(skipped, s)
		} else {
			touchedL = append(touchedL, s)
		}
	}
	// Can the skipped states' X_ll come from the invariant?
	useInvariant := uncontrolled && len(ms) > 0
	for _, m := range ms {
		for _, s := range skipped {
			if m[s*dim+s] != m[skipped[0]*dim+skipped[0]] {
				useInvariant = false
			}
		}
	}
	if !useInvariant {
		var keep []int
		for _, s := range skipped {
			read := false
			for _, m := range ms {
				read = read || m[s*dim+s] != 0
			}
			if read {
				touchedL = append(touchedL, s)
			} else {
				keep = append(keep, s)
			}
		}
		skipped = keep
		slices.Sort(touchedL)
	}
	re, im := needRe != 0, needIm != 0
	offs := make([]uint64, len(touchedL))
	vals := make([]complex128, len(touchedL))
	for k, s := range touchedL {
		for bit := 0; bit < len(p.op.Targets); bit++ {
			if s>>bit&1 == 1 {
				offs[k] |= l.t[bit]
			}
		}
		vals[k] = u[s*dim+s]
		if norm != 1 {
			vals[k] /= norm
		}
	}
	touched := uint64(2 * len(touchedL))
	var x acc16
	switch len(touchedL) {
	case 0:
	case 1:
		s, off, val := touchedL[0], offs[0], vals[0]
		x = forChunks(l.count, touched, func(lo, hi uint64) acc16 {
			xr, xi := stepDiagOne(sw.pd, sw.ld, l, off, val, re, im, apply, lo, hi)
			var a acc16
			a[s*dim+s] = complex(xr, xi)
			return a
		})
	default:
		x = forChunks(l.count, touched, func(lo, hi uint64) acc16 {
			return stepDiag(sw.pd, sw.ld, l, offs, vals, touchedL, re, im, apply, lo, hi)
		})
	}
	if !useInvariant || len(skipped) == 0 {
		return x, nil
	}
	rest := sw.ip
	for _, s := range touchedL {
		rest -= x[s*dim+s]
	}
	extra := make([]complex128, len(ms))
	for j, m := range ms {
		extra[j] = m[skipped[0]*dim+skipped[0]] * rest
	}
	return x, extra
}

func isDiagonal(m []complex128, d int) bool {
	for r := 0; r < d; r++ {
		for c := 0; c < d; c++ {
			if r != c && m[r*d+c] != 0 {
				return false
			}
		}
	}
	return true
}

func isReal(m []complex128) bool {
	for _, v := range m {
		if imag(v) != 0 {
			return false
		}
	}
	return true
}
