package kernels

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/statevec"
	"github.com/qmlkit/qmlkit/zmat"
)

// KernelGradient returns the training kernel K_θ(X, X) of a trainable map
// and its derivatives ∂K/∂θ_p, exactly, by the parameter-shift rule applied
// to the states: a gate exp(−iφG/2) with G² = I (rx, ry, rz, rxx, ryy,
// rzz, rzx) has dU/dφ = ½·U(φ + π), and p(φ) has dp/dφ = (i/2)·(p(φ) −
// p(φ + π)), so ∂ψ/∂θ_p is a sum of shifted states, one per occurrence of
// θ_p, weighted by the chain-rule scale. Then, with G = ΨΨᴴ and
// D = (∂Ψ)Ψᴴ from zmat products, ∂K_ij = 2·Re(conj(G_ij)·(D_ij + conj(D_ji))).
// Controlled or multi-parameter gates depending on θ are not supported
// (use KernelGradientFD). The diagonal is 1 with zero derivative.
//
// It holds (1 + NumParams) dense states per sample and refuses more than
// DefaultMemoryBytes of them.
func KernelGradient(m TrainableFeatureMap, theta []float64, x [][]float64) (*mat.Dense, []*mat.Dense, error) {
	if _, err := AtParams(m, theta); err != nil {
		return nil, nil, err
	}
	if err := checkRows(x, m.NumFeatures(), "x"); err != nil {
		return nil, nil, err
	}
	n, np, rows := m.NumQubits(), m.NumParams(), len(x)
	dim := 1 << uint(n)
	if need := int64(rows) * int64(1+np) * 16 * int64(dim); need > DefaultMemoryBytes || n > 26 {
		return nil, nil, fmt.Errorf("kernels: KernelGradient: %d samples × %d states of %d qubits need %d bytes; use KernelGradientFD", rows, 1+np, n, need)
	}
	psi, _ := zmat.NewPlanar(rows, dim)
	dpsi := make([]*zmat.Planar, np)
	for p := range dpsi {
		dpsi[p], _ = zmat.NewPlanar(rows, dim)
	}
	err := parallelFor(defaultWorkers(), rows, func(i int) error {
		c, err := m.TrainableCircuit(x[i])
		if err != nil {
			return fmt.Errorf("kernels: x row %d: %w", i+1, err)
		}
		return stateAndDerivatives(c, theta, i, psi, dpsi)
	})
	if err != nil {
		return nil, nil, err
	}
	g, _ := zmat.NewPlanar(rows, rows)
	if err := zmat.PlanarMulConjTrans(g, psi, psi); err != nil {
		return nil, nil, fmt.Errorf("kernels: KernelGradient: %w", err)
	}
	k := mat.NewDense(rows, rows, nil)
	for i := range rows {
		for j := range rows {
			re, im := g.Re[i*rows+j], g.Im[i*rows+j]
			k.Set(i, j, re*re+im*im)
		}
		k.Set(i, i, 1)
	}
	grads := make([]*mat.Dense, np)
	d, _ := zmat.NewPlanar(rows, rows)
	for p := range np {
		if err := zmat.PlanarMulConjTrans(d, dpsi[p], psi); err != nil {
			return nil, nil, fmt.Errorf("kernels: KernelGradient: %w", err)
		}
		dk := mat.NewDense(rows, rows, nil)
		for i := range rows {
			for j := i + 1; j < rows; j++ {
				gr, gi := g.Re[i*rows+j], g.Im[i*rows+j]
				// s = D_ij + conj(D_ji)
				sr := d.Re[i*rows+j] + d.Re[j*rows+i]
				si := d.Im[i*rows+j] - d.Im[j*rows+i]
				v := 2 * (gr*sr + gi*si)
				dk.Set(i, j, v)
				dk.Set(j, i, v)
			}
		}
		grads[p] = dk
	}
	return k, grads, nil
}

// stateAndDerivatives writes U_θ(x)|0⟩ into row i of psi and ∂/∂θ_p of it
// into row i of dpsi[p].
func stateAndDerivatives(c *circuits.Circuit, theta []float64, i int, psi *zmat.Planar, dpsi []*zmat.Planar) error {
	dim := psi.Cols
	bound, err := c.Bind(theta)
	if err != nil {
		return err
	}
	base, err := runDense(bound)
	if err != nil {
		return err
	}
	split(base, psi.Re[i*dim:(i+1)*dim], psi.Im[i*dim:(i+1)*dim])
	for k, op := range c.Ops {
		if op.Bound() {
			continue
		}
		if len(op.Controls) > 0 || len(op.Params) != 1 {
			return fmt.Errorf("op %d (%s) depends on θ but is not a one-parameter uncontrolled rotation; use KernelGradientFD", k, op.Name())
		}
		par := op.Params[0]
		switch op.Gate {
		case circuits.RX, circuits.RY, circuits.RZ, circuits.RXX, circuits.RYY, circuits.RZZ, circuits.RZX, circuits.P:
		default:
			return fmt.Errorf("op %d (%s) has no two-term shift rule here; use KernelGradientFD", k, op.Name())
		}
		shifted := bound.Copy()
		v, err := par.Eval(theta)
		if err != nil {
			return err
		}
		shifted.Ops[k].Params[0] = circuits.Num(v + math.Pi)
		sh, err := runDense(shifted)
		if err != nil {
			return err
		}
		re := dpsi[par.Index].Re[i*dim : (i+1)*dim]
		im := dpsi[par.Index].Im[i*dim : (i+1)*dim]
		if op.Gate == circuits.P {
			// (i/2)·s·(ψ − ψ⁺)
			h := par.Scale / 2
			for j := range re {
				dr, di := real(base[j])-real(sh[j]), imag(base[j])-imag(sh[j])
				re[j] -= h * di
				im[j] += h * dr
			}
			continue
		}
		h := par.Scale / 2
		for j := range re {
			re[j] += h * real(sh[j])
			im[j] += h * imag(sh[j])
		}
	}
	return nil
}

func runDense(c *circuits.Circuit) ([]complex128, error) {
	st, err := statevec.New(c.NumQubits)
	if err != nil {
		return nil, err
	}
	if err := st.SetThreads(1); err != nil {
		return nil, err
	}
	if _, err := st.Run(c, nil); err != nil {
		return nil, err
	}
	return st.Data(), nil
}

func split(a []complex128, re, im []float64) {
	for j, v := range a {
		re[j], im[j] = real(v), imag(v)
	}
}

// KernelGradientFD returns K_θ(X, X) and ∂K/∂θ_p by central differences
// (K_{θ+h e_p} − K_{θ−h e_p})/(2h) of the fidelity kernel computed with
// opt, for any trainable map and backend. The error is O(h²) plus rounding
// of order 1e−16/h; h = 0 means 1e−4.
func KernelGradientFD(m TrainableFeatureMap, theta []float64, x [][]float64, h float64, opt Options) (*mat.Dense, []*mat.Dense, error) {
	if h == 0 {
		h = 1e-4
	}
	if !(h > 0) || math.IsInf(h, 0) {
		return nil, nil, fmt.Errorf("kernels: KernelGradientFD: step must be positive and finite, got %v", h)
	}
	opt.CacheBytes = -1
	opt.Shots = 0
	opt.EnforcePSD = false
	eval := func(th []float64) (*mat.Dense, error) {
		fm, err := AtParams(m, th)
		if err != nil {
			return nil, err
		}
		k, err := NewFidelityKernel(fm, opt)
		if err != nil {
			return nil, err
		}
		return k.Matrix(x, nil)
	}
	k, err := eval(theta)
	if err != nil {
		return nil, nil, err
	}
	grads := make([]*mat.Dense, len(theta))
	for p := range theta {
		plus := append([]float64(nil), theta...)
		minus := append([]float64(nil), theta...)
		plus[p] += h
		minus[p] -= h
		kp, err := eval(plus)
		if err != nil {
			return nil, nil, err
		}
		km, err := eval(minus)
		if err != nil {
			return nil, nil, err
		}
		var g mat.Dense
		g.Sub(kp, km)
		g.Scale(1/(2*h), &g)
		grads[p] = &g
	}
	return k, grads, nil
}
