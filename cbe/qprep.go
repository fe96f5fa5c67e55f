package cbe

import (
	"fmt"
	"math"

	"github.com/qmlkit/qmlkit/circuits"
)

// PreparationCircuit returns a circuit that takes |0…0⟩ to f0/‖f0‖ on the
// n_x + n_v qubits of g, and ‖f0‖ = (Σ_ij f0_ij²)^{1/2}, which the quantum
// solver keeps classically.
//
// A Separable f0 = X(x)·V(v) is prepared directly as the product of two
// register states, X on the x register and V on the v register, each by
// Grover–Rudolph amplitude loading (prepareRegister): 2^{n_x} + 2^{n_v} − 2
// RY and 2^{n_x} + 2^{n_v} − 4 CNOTs. Any other real initial condition is
// loaded the same way on the whole n_x + n_v register (2^{n_x+n_v} − 1 RY,
// 2^{n_x+n_v} − 2 CNOTs). Both are circuits of RY and CX only; nothing is
// written into the simulator's amplitudes.
func PreparationCircuit(g Grid, ic InitialCondition) (*circuits.Circuit, float64, error) {
	xr, vr, err := quantumLayout(g)
	if err != nil {
		return nil, 0, err
	}
	if ic == nil {
		return nil, 0, fmt.Errorf("cbe: state preparation: no initial condition")
	}
	c := circuits.New(xr.size + vr.size)
	if sep, ok := ic.(Separable); ok {
		gx, hv, err := sep.Factors(g)
		if err != nil {
			return nil, 0, fmt.Errorf("cbe: state preparation: %w", err)
		}
		nx, err := prepareRegister(c, gx, xr)
		if err != nil {
			return nil, 0, fmt.Errorf("cbe: state preparation: x factor: %w", err)
		}
		nv, err := prepareRegister(c, hv, vr)
		if err != nil {
			return nil, 0, fmt.Errorf("cbe: state preparation: v factor: %w", err)
		}
		return c, nx * nv, nil
	}
	f, err := ic.Sample(g)
	if err != nil {
		return nil, 0, fmt.Errorf("cbe: state preparation: %w", err)
	}
	if len(f) != g.Size() {
		return nil, 0, fmt.Errorf("cbe: state preparation: initial condition returned %d values for a %d×%d grid", len(f), g.Nx, g.Nv)
	}
	re := make([]float64, len(f))
	for i, v := range f {
		if !finite(real(v)) || imag(v) != 0 {
			return nil, 0, fmt.Errorf("cbe: state preparation: f0 = %v at x index %d, v index %d; a real, finite f0 is required", v, i%g.Nx, i/g.Nx)
		}
		re[i] = real(v)
	}
	norm, err := prepareRegister(c, re, register{0, xr.size + vr.size})
	if err != nil {
		return nil, 0, fmt.Errorf("cbe: state preparation: %w", err)
	}
	return c, norm, nil
}

// prepareRegister appends the Grover–Rudolph loading of the real vector
// amp/‖amp‖ into register r (amp[i] on basis state i of the register,
// starting from |0…0⟩) and returns ‖amp‖. Qubit by qubit from the most
// significant down, a uniformly controlled RY(α_j) splits the weight of
// each block j of the higher qubits between its lower and upper halves,
// α_j = 2·atan2(‖upper‖, ‖lower‖); on the lowest qubit the pair itself,
// α_j = 2·atan2(amp[2j+1], amp[2j]), sets the signs as well.
func prepareRegister(c *circuits.Circuit, amp []float64, r register) (float64, error) {
	if len(amp) != 1<<r.size {
		return 0, fmt.Errorf("%d amplitudes for %d qubits", len(amp), r.size)
	}
	sq := make([]float64, len(amp))
	var total float64
	for i, a := range amp {
		if !finite(a) {
			return 0, fmt.Errorf("amplitude %d is %v", i, a)
		}
		sq[i] = a * a
		total += sq[i]
	}
	if !(total > 0) || math.IsInf(total, 0) {
		return 0, fmt.Errorf("vector norm² is %v; cannot load a zero or overflowing vector", total)
	}
	for q := r.size - 1; q >= 0; q-- {
		half := 1 << q
		blocks := len(amp) >> (q + 1)
		alpha := make([]float64, blocks)
		for j := range alpha {
			base := j << (q + 1)
			if q == 0 {
				alpha[j] = 2 * math.Atan2(amp[base+1], amp[base])
				continue
			}
			var lo, hi float64
			for i := range half {
				lo += sq[base+i]
				hi += sq[base+half+i]
			}
			alpha[j] = 2 * math.Atan2(math.Sqrt(hi), math.Sqrt(lo))
		}
		controls := make([]int, r.size-1-q)
		for l := range controls {
			controls[l] = r.qubit(q + 1 + l)
		}
		appendUniformRotation(c, circuits.RY, alpha, controls, r.qubit(q))
	}
	return math.Sqrt(total), nil
}
