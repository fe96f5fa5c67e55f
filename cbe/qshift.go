package cbe

import (
	"fmt"
	"math"

	"github.com/qmlkit/qmlkit/circuits"
)

// MaxCounterPeriod is the longest CFL-counter cycle the integer-shift
// streaming accepts: at most this many streams between two shifts.
const MaxCounterPeriod = 256

// maxShiftCells bounds the Courant number so that the shifts stay far
// from integer overflow.
const maxShiftCells = 1 << 30

// courantTolerance is how close (relative) the Courant number must be to
// 2n/p for the integer-shift mode to accept it.
const courantTolerance = 1e-9

// IntegerShiftPlan analyses integer-shift streaming over a time tau per
// stream (Todorova & Steijl's scheme: every velocity class moves by whole
// cells). With cell-centred velocities v_j = (2j − Nv + 1)·Δv/2, class j
// moves C·(2j − Nv + 1)/2 cells per stream, C = Δv·τ/Δx the Courant
// number. The mode needs C = 2n/p for whole n ≥ 1 and 1 ≤ p ≤
// MaxCounterPeriod: a classical CFL counter then applies, once every p
// streams, the shift of class j by n·(2j − Nv + 1) cells
// (IntegerShiftCircuit(g, n)), which is exact free streaming at every p-th
// stream and lags by less than n·(Nv−1) cells in between. It returns n
// (cells) and p (period), or an error naming the Courant number and a time
// step the mode can take.
func IntegerShiftPlan(g Grid, tau float64) (cells, period int, err error) {
	if err := g.Validate(false); err != nil {
		return 0, 0, err
	}
	if !(tau > 0) || math.IsInf(tau, 0) {
		return 0, 0, fmt.Errorf("cbe: integer-shift streaming needs a positive finite stream time, got %v", tau)
	}
	courant := g.Dv() * tau / g.Dx()
	if courant > maxShiftCells {
		return 0, 0, fmt.Errorf("cbe: integer-shift streaming: Courant number Δv·τ/Δx = %.6g moves more than %d cells per stream (τ = %v)", courant, maxShiftCells, tau)
	}
	for p := 1; p <= MaxCounterPeriod; p++ {
		n := math.Round(courant * float64(p) / 2)
		if n < 1 {
			continue
		}
		if math.Abs(2*n/float64(p)-courant) <= courantTolerance*courant {
			return int(n), p, nil
		}
	}
	return 0, 0, fmt.Errorf("cbe: integer-shift streaming cannot take Courant number Δv·τ/Δx = %.9g (τ = %v, Δx = %v, Δv = %v): "+
		"it must be 2n/p with whole n ≥ 1 and CFL-counter period p ≤ %d so that every velocity class moves whole cells; "+
		"e.g. τ = %.9g gives Courant number 1 (n = 1, p = 2)",
		courant, tau, g.Dx(), g.Dv(), MaxCounterPeriod, g.Dx()/g.Dv())
}

// IntegerShiftCircuit returns the circuit that moves velocity class j by
// cells·(2j − Nv + 1) cells in x (periodically): |i, j⟩ → |i + s_j, j⟩.
// The shift 2·cells·j − cells·(Nv−1) is a sum of additions of constants:
// for every v qubit c, 2·cells·2^c added to the x register controlled on
// that qubit, then −cells·(Nv−1) added unconditionally. Each addition of a
// constant a is, for every set bit b of a mod Nx, an incrementer on x
// qubits b…n_x−1 (multi-controlled X gates from the top bit down, so each
// bit flips when all bits below it in the window are 1). The gates are
// permutations: the map is exact, with no rounding at all.
func IntegerShiftCircuit(g Grid, cells int) (*circuits.Circuit, error) {
	xr, vr, err := quantumLayout(g)
	if err != nil {
		return nil, err
	}
	c := circuits.New(xr.size + vr.size)
	for cv := 0; cv < vr.size; cv++ {
		appendAddConstant(c, xr, 2*cells*(1<<cv), vr.qubit(cv))
	}
	appendAddConstant(c, xr, -cells*(g.Nv-1), -1)
	return c, nil
}

// appendAddConstant adds a mod 2^size to register r, controlled on qubit
// control (none when control < 0).
func appendAddConstant(c *circuits.Circuit, r register, a, control int) {
	mod := 1 << r.size
	a = ((a % mod) + mod) % mod
	for b := 0; b < r.size; b++ {
		if a>>b&1 == 0 {
			continue
		}
		for t := r.size - 1; t >= b; t-- {
			controls := make([]int, 0, t-b+1)
			for l := b; l < t; l++ {
				controls = append(controls, r.qubit(l))
			}
			if control >= 0 {
				controls = append(controls, control)
			}
			switch len(controls) {
			case 0:
				c.X(r.qubit(t))
			case 1:
				c.CX(controls[0], r.qubit(t))
			default:
				c.MCX(controls, r.qubit(t))
			}
		}
	}
}
