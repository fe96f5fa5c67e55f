package qml

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/qmlkit/qmlkit/circuits"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/statevec"
)

// Differentiable is a parametrised circuit prepared for repeated
// evaluation and adjoint differentiation on the state-vector backend.
// Angles may be numbers or affine references offset + scale·θ[i]; one θ[i]
// may feed several gates, and the chain rule sums their contributions.
// Methods do not change the Differentiable and may run concurrently.
type Differentiable struct {
	c     *circuits.Circuit
	plans []opPlan
	// first is the index of the first op with a variable angle: the
	// backward sweep stops there. It is len(plans) when no angle varies.
	first int
}

// opPlan is what the backward sweep needs of one op besides its angles.
type opPlan struct {
	op   circuits.Op
	lay  layout
	vars []int // positions in op.Params of the variable angles
}

// NewDifferentiable validates c for differentiation: a unitary circuit
// (gates and barriers; measurements and resets are refused) whose
// variable angles sit on gates with a derivative rule (RX, RY, RZ, P, U,
// RXX, RYY, RZZ, RZX, with any controls). The circuit is copied.
func NewDifferentiable(c *circuits.Circuit) (*Differentiable, error) {
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("qml: %w", err)
	}
	d := &Differentiable{c: c.Copy(), first: len(c.Ops)}
	d.plans = make([]opPlan, 0, len(c.Ops))
	for i, op := range d.c.Ops {
		if op.Gate == circuits.Measure || op.Gate == circuits.Reset {
			return nil, fmt.Errorf("qml: op %d (%s): gradients need a unitary circuit; remove measurements and resets", i, op.Name())
		}
		p := opPlan{op: op}
		for j, par := range op.Params {
			if par.Var {
				p.vars = append(p.vars, j)
			}
		}
		if len(p.vars) > 0 {
			if !differentiable(op.Gate) {
				return nil, fmt.Errorf("qml: op %d (%s) has a variable angle but no derivative rule", i, op.Name())
			}
			d.first = min(d.first, i)
		}
		if op.Gate != circuits.Barrier {
			p.lay = newLayout(c.NumQubits, op.Targets, op.Controls)
		}
		d.plans = append(d.plans, p)
	}
	return d, nil
}

// NumParams is the length of the parameter vector θ.
func (d *Differentiable) NumParams() int { return d.c.NumParams() }

// NumQubits is the circuit width.
func (d *Differentiable) NumQubits() int { return d.c.NumQubits }

// Circuit returns a copy of the circuit.
func (d *Differentiable) Circuit() *circuits.Circuit { return d.c.Copy() }

// checkTheta checks a parameter vector (and a gradient buffer, if given).
func (d *Differentiable) checkTheta(theta, grad []float64) error {
	if len(theta) != d.NumParams() {
		return fmt.Errorf("qml: circuit has %d parameters, got %d values", d.NumParams(), len(theta))
	}
	for i, v := range theta {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("qml: parameter %d is %v", i, v)
		}
	}
	if grad != nil && len(grad) != len(theta) {
		return fmt.Errorf("qml: gradient buffer has %d entries for %d parameters", len(grad), len(theta))
	}
	return nil
}

// State returns U(θ)|init⟩, or U(θ)|0…0⟩ when init is nil; init is not
// changed. The forward simulation is statevec's Run of the bound circuit.
func (d *Differentiable) State(theta []float64, init *statevec.State) (*statevec.State, error) {
	if err := d.checkTheta(theta, nil); err != nil {
		return nil, err
	}
	return d.forward(theta, init)
}

func (d *Differentiable) forward(theta []float64, init *statevec.State) (*statevec.State, error) {
	bound, err := d.c.Bind(theta)
	if err != nil {
		return nil, fmt.Errorf("qml: %w", err)
	}
	var st *statevec.State
	if init == nil {
		st, err = statevec.New(d.c.NumQubits)
	} else {
		if init.NumQubits() != d.c.NumQubits {
			return nil, fmt.Errorf("qml: initial state has %d qubits, the circuit %d", init.NumQubits(), d.c.NumQubits)
		}
		st, err = init.Clone()
	}
	if err != nil {
		return nil, fmt.Errorf("qml: %w", err)
	}
	if _, err := st.Run(bound, nil); err != nil {
		return nil, fmt.Errorf("qml: %w", err)
	}
	return st, nil
}

// Expectation returns ⟨O⟩ = ⟨init|U(θ)† O U(θ)|init⟩ (init nil: |0…0⟩).
func (d *Differentiable) Expectation(theta []float64, obs pauli.Sum, init *statevec.State) (float64, error) {
	if err := obs.Validate(d.c.NumQubits); err != nil {
		return 0, fmt.Errorf("qml: observable: %w", err)
	}
	st, err := d.State(theta, init)
	if err != nil {
		return 0, err
	}
	return st.Expectation(obs)
}

// Gradient returns ⟨O⟩ and writes ∂⟨O⟩/∂θ into grad (len NumParams) by
// the adjoint method: one forward simulation, then one backward sweep
// over the ops that carries φ = U_k…U_1|init⟩ and λ = U_{k+1}†…U_N† O φ_N
// together, adding 2·Re⟨λ|∂U_k U_k†|φ⟩ per variable angle (times the
// reference's scale). Two state vectors are live during the sweep.
func (d *Differentiable) Gradient(theta []float64, obs pauli.Sum, init *statevec.State, grad []float64) (float64, error) {
	v, err := d.VJP(theta, []pauli.Sum{obs}, []float64{1}, init, grad)
	if err != nil {
		return 0, err
	}
	return v[0], nil
}

// VJP returns the expectation values ⟨O_k⟩ of several observables and
// writes the vector–Jacobian product Σ_k weights[k]·∂⟨O_k⟩/∂θ into grad,
// at the cost of one Gradient: the backward sweep starts from
// λ = Σ_k weights[k]·O_k·φ.
func (d *Differentiable) VJP(theta []float64, obs []pauli.Sum, weights []float64, init *statevec.State, grad []float64) ([]float64, error) {
	if err := d.checkTheta(theta, grad); err != nil {
		return nil, err
	}
	if grad == nil {
		return nil, errors.New("qml: gradient buffer is nil")
	}
	if len(weights) != len(obs) || len(obs) == 0 {
		return nil, fmt.Errorf("qml: %d observables with %d weights", len(obs), len(weights))
	}
	groups, err := groupObservables(d.c.NumQubits, obs, weights)
	if err != nil {
		return nil, err
	}
	phi, err := d.forward(theta, init)
	if err != nil {
		return nil, err
	}
	values := make([]float64, len(obs))
	for k, o := range obs {
		if values[k], err = phi.Expectation(o); err != nil {
			return nil, fmt.Errorf("qml: observable %d: %w", k, err)
		}
	}
	clear(grad)
	if d.first == len(d.plans) {
		return values, nil
	}
	lam, err := statevec.New(d.c.NumQubits)
	if err != nil {
		return nil, fmt.Errorf("qml: %w", err)
	}
	applyObservable(lam.Data(), phi.Data(), groups)
	if err := d.backward(theta, phi, lam, grad); err != nil {
		return nil, err
	}
	return values, nil
}

// Jacobian evaluates ⟨O⟩ and its gradient for each initial state (nil
// entries mean |0…0⟩): values[i] and jac[i] (a row of NumParams). This is
// the batched form a classifier needs, the initial states being its
// encoded inputs. Small states run on GOMAXPROCS goroutines, one sample
// each; large ones one after another with parallel kernels. Results do
// not depend on the goroutine count.
func (d *Differentiable) Jacobian(theta []float64, obs pauli.Sum, inits []*statevec.State) (values []float64, jac [][]float64, err error) {
	if err := d.checkTheta(theta, nil); err != nil {
		return nil, nil, err
	}
	values = make([]float64, len(inits))
	jac = make([][]float64, len(inits))
	err = d.forSamples(len(inits), func(i int) error {
		jac[i] = make([]float64, d.NumParams())
		var err error
		values[i], err = d.Gradient(theta, obs, inits[i], jac[i])
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return values, jac, nil
}

// Expectations evaluates ⟨O⟩ for each initial state, in parallel like
// Jacobian.
func (d *Differentiable) Expectations(theta []float64, obs pauli.Sum, inits []*statevec.State) ([]float64, error) {
	if err := d.checkTheta(theta, nil); err != nil {
		return nil, err
	}
	values := make([]float64, len(inits))
	err := d.forSamples(len(inits), func(i int) error {
		var err error
		values[i], err = d.Expectation(theta, obs, inits[i])
		return err
	})
	if err != nil {
		return nil, err
	}
	return values, nil
}

// forSamples runs one(i) for i < count: on several goroutines when the
// states are small enough that the kernels would not split, serially
// otherwise. It returns the error of the lowest failing sample.
func (d *Differentiable) forSamples(count int, one func(i int) error) error {
	errs := make([]error, count)
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || count < 2 || uint64(1)<<uint(d.c.NumQubits) >= parallelMin {
		for i := range count {
			errs[i] = one(i)
		}
	} else {
		var wg sync.WaitGroup
		next := make(chan int)
		for w := 0; w < min(workers, count); w++ {
			wg.Go(func() {
				for i := range next {
					errs[i] = one(i)
				}
			})
		}
		for i := range count {
			next <- i
		}
		close(next)
		wg.Wait()
	}
	for i, e := range errs {
		if e != nil {
			return fmt.Errorf("qml: sample %d: %w", i, e)
		}
	}
	return nil
}
