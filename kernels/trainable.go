package kernels

import (
	"fmt"
	"slices"

	"github.com/qmlkit/qmlkit/circuits"
)

// TrainableFeatureMap is a feature map U_θ(x) with trainable parameters θ,
// the input of QuantumKernelTrainer (Qiskit's TrainableFidelityQuantumKernel
// with its training_parameters).
//
// TrainableCircuit binds the data and leaves θ as the circuit's parameter
// vector (ParamNames has NumParams entries), so one circuit serves every θ
// and the gradient code can find each gate that depends on θ_p.
type TrainableFeatureMap interface {
	NumFeatures() int
	NumQubits() int
	NumParams() int
	TrainableCircuit(x []float64) (*circuits.Circuit, error)
}

// AtParams fixes θ and returns the ordinary feature map x ↦ U_θ(x).
func AtParams(m TrainableFeatureMap, theta []float64) (FeatureMap, error) {
	if m == nil {
		return nil, fmt.Errorf("kernels: AtParams: nil feature map")
	}
	if len(theta) != m.NumParams() {
		return nil, fmt.Errorf("kernels: AtParams: the map has %d trainable parameters, got %d values", m.NumParams(), len(theta))
	}
	for i, v := range theta {
		if !isFinite(v) {
			return nil, fmt.Errorf("kernels: AtParams: θ[%d] is %v", i, v)
		}
	}
	return boundMap{m, slices.Clone(theta)}, nil
}

// boundMap is a trainable map at fixed θ.
type boundMap struct {
	m     TrainableFeatureMap
	theta []float64
}

func (b boundMap) NumFeatures() int { return b.m.NumFeatures() }
func (b boundMap) NumQubits() int   { return b.m.NumQubits() }

func (b boundMap) Circuit(x []float64) (*circuits.Circuit, error) {
	c, err := b.m.TrainableCircuit(x)
	if err != nil {
		return nil, err
	}
	return c.Bind(b.theta)
}

// CovariantFeatureMap is the covariant feature map of Glick et al.
// (arXiv:2105.03406) on Qubits qubits, with data x of 2·Qubits angles and
// one trainable parameter λ. U(x) = D_x·V_λ: V_λ prepares the fiducial
// state |ψ_λ⟩ = Π_{edges} CZ · Π_k RY(λ)|0⟩ (RY(λ) on every qubit, then CZ
// on each edge of Graph), and D_x applies, on each qubit i, rz(−2·x[2i+1])
// then rx(−2·x[2i]) — D(θ₁, θ₂) = exp(iθ₁X)·exp(iθ₂Z). The fidelity kernel
// |⟨0|U(x)†U(x′)|0⟩|² is then |⟨ψ_λ|D_x†D_{x′}|ψ_λ⟩|².
//
// As a FeatureMap it uses Lambda; as a TrainableFeatureMap θ = (λ).
type CovariantFeatureMap struct {
	Qubits int
	// Graph lists the CZ edges (pairs of distinct qubits).
	Graph [][2]int
	// Lambda is the fiducial angle Circuit uses.
	Lambda float64
}

// NumFeatures is 2·Qubits: two angles per qubit.
func (m *CovariantFeatureMap) NumFeatures() int { return 2 * m.Qubits }

// NumQubits is the qubit count.
func (m *CovariantFeatureMap) NumQubits() int { return m.Qubits }

// NumParams is 1: the shared fiducial angle λ.
func (m *CovariantFeatureMap) NumParams() int { return 1 }

func (m *CovariantFeatureMap) validate() error {
	if m.Qubits < 1 {
		return fmt.Errorf("kernels: covariant map needs at least one qubit, got %d", m.Qubits)
	}
	for i, e := range m.Graph {
		if e[0] < 0 || e[0] >= m.Qubits || e[1] < 0 || e[1] >= m.Qubits || e[0] == e[1] {
			return fmt.Errorf("kernels: covariant map edge %d is %v, not two distinct qubits of %d", i, e, m.Qubits)
		}
	}
	return nil
}

// TrainableCircuit returns U_λ(x) with λ as parameter 0.
func (m *CovariantFeatureMap) TrainableCircuit(x []float64) (*circuits.Circuit, error) {
	if err := m.validate(); err != nil {
		return nil, err
	}
	if err := checkPoint(x, 2*m.Qubits); err != nil {
		return nil, err
	}
	c := circuits.New(m.Qubits)
	lambda := c.AddParams("lambda", 1)[0]
	for q := range m.Qubits {
		c.Gate(circuits.RY, []circuits.Param{lambda}, q)
	}
	for _, e := range m.Graph {
		c.CZ(e[0], e[1])
	}
	for q := range m.Qubits {
		c.RZ(-2*x[2*q+1], q).RX(-2*x[2*q], q)
	}
	return c, nil
}

// Circuit returns U(x) at λ = Lambda.
func (m *CovariantFeatureMap) Circuit(x []float64) (*circuits.Circuit, error) {
	if !isFinite(m.Lambda) {
		return nil, fmt.Errorf("kernels: covariant map λ is %v", m.Lambda)
	}
	c, err := m.TrainableCircuit(x)
	if err != nil {
		return nil, err
	}
	return c.Bind([]float64{m.Lambda})
}

// CircuitFeatureMap turns any parameterised circuit into a feature map.
// Parameters of Template named in Trainable are trainable (θ, in
// Trainable's order); all others are data features, in the template's
// ParamNames order. Circuit(x) binds the data and θ = Theta.
type CircuitFeatureMap struct {
	Template  *circuits.Circuit
	Trainable []string
	Theta     []float64
}

// roles maps each template parameter to a data feature (≥ 0) or to a
// trainable parameter (−1 − position).
func (m *CircuitFeatureMap) roles() ([]int, int, error) {
	if m.Template == nil {
		return nil, 0, fmt.Errorf("kernels: circuit feature map has no template circuit")
	}
	pos := make(map[string]int, len(m.Trainable))
	for i, name := range m.Trainable {
		if _, dup := pos[name]; dup {
			return nil, 0, fmt.Errorf("kernels: trainable parameter %q listed twice", name)
		}
		pos[name] = i
	}
	roles := make([]int, len(m.Template.ParamNames))
	features, found := 0, 0
	for i, name := range m.Template.ParamNames {
		if p, ok := pos[name]; ok {
			roles[i] = -1 - p
			found++
			continue
		}
		roles[i] = features
		features++
	}
	if found != len(m.Trainable) {
		for _, name := range m.Trainable {
			if !slices.Contains(m.Template.ParamNames, name) {
				return nil, 0, fmt.Errorf("kernels: trainable parameter %q is not a parameter of the circuit (it has %v)", name, m.Template.ParamNames)
			}
		}
	}
	return roles, features, nil
}

// NumFeatures is the number of template parameters that are not trainable.
func (m *CircuitFeatureMap) NumFeatures() int {
	_, f, err := m.roles()
	if err != nil {
		return 0
	}
	return f
}

// NumQubits is the template's width.
func (m *CircuitFeatureMap) NumQubits() int {
	if m.Template == nil {
		return 0
	}
	return m.Template.NumQubits
}

// NumParams is len(Trainable).
func (m *CircuitFeatureMap) NumParams() int { return len(m.Trainable) }

// TrainableCircuit binds the data features to x and renumbers the trainable
// parameters as θ[0…len(Trainable)−1].
func (m *CircuitFeatureMap) TrainableCircuit(x []float64) (*circuits.Circuit, error) {
	roles, features, err := m.roles()
	if err != nil {
		return nil, err
	}
	if err := checkPoint(x, features); err != nil {
		return nil, err
	}
	c := m.Template.Copy()
	c.ParamNames = slices.Clone(m.Trainable)
	for i := range c.Ops {
		for j, p := range c.Ops[i].Params {
			if !p.Var {
				continue
			}
			if p.Index < 0 || p.Index >= len(roles) {
				return nil, fmt.Errorf("kernels: template op %d refers to parameter %d of %d", i, p.Index, len(roles))
			}
			if r := roles[p.Index]; r >= 0 {
				c.Ops[i].Params[j] = circuits.Num(p.Value + p.Scale*x[r])
			} else {
				c.Ops[i].Params[j].Index = -1 - r
			}
		}
	}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("kernels: circuit feature map: %w", err)
	}
	return c, nil
}

// Circuit returns the template with the data bound to x and θ = Theta.
func (m *CircuitFeatureMap) Circuit(x []float64) (*circuits.Circuit, error) {
	if len(m.Theta) != len(m.Trainable) {
		return nil, fmt.Errorf("kernels: circuit feature map has %d trainable parameters but %d values in Theta", len(m.Trainable), len(m.Theta))
	}
	c, err := m.TrainableCircuit(x)
	if err != nil {
		return nil, err
	}
	return c.Bind(m.Theta)
}
