package tensornet

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/internal/sysmem"
	"github.com/qmlkit/qmlkit/pauli"
	"github.com/qmlkit/qmlkit/zmat"
)

// errNotMPS is returned when an Overlap partner is not a tensornet state.
var errNotMPS = errors.New("the other state is not a tensornet *State")

// Amplitude returns ⟨bits|ψ⟩, bits[q] ∈ {0, 1} the value of qubit q, as the
// product of one bond-sized matrix per site: O(n·χ²).
func (st *State) Amplitude(bits []byte) (complex128, error) {
	if err := st.usable("amplitude"); err != nil {
		return 0, err
	}
	if len(bits) != st.n {
		return 0, fmt.Errorf("tensornet: amplitude: %d bits for a %d-qubit state", len(bits), st.n)
	}
	v := []complex128{1}
	for q, b := range bits {
		if b > 1 {
			return 0, fmt.Errorf("tensornet: amplitude: bit %d is %d, want 0 or 1", q, b)
		}
		dl, dr := st.dims(q)
		a := st.sites[q]
		w := make([]complex128, dr)
		for l, vl := range v[:dl] {
			if vl == 0 {
				continue
			}
			row := a[(2*l+int(b))*dr : (2*l+int(b)+1)*dr]
			for r, x := range row {
				w[r] += vl * x
			}
		}
		v = w
	}
	return v[0], nil
}

// Amplitudes returns the dense state vector, index Σ_q b_q·2^q. It refuses
// more than backend.MaxDenseQubits qubits, and widths whose 16·2^n bytes
// exceed the memory the system reports available.
func (st *State) Amplitudes() ([]complex128, error) {
	if err := st.usable("amplitudes"); err != nil {
		return nil, err
	}
	if err := checkDense(st.n, 16, "amplitudes"); err != nil {
		return nil, err
	}
	return st.dense()
}

// dense forms the state vector from two halves split at m = n/2:
// L (2^m × χ_m, row index the basis index of qubits 0 … m−1) and R
// (2^{n−m} × χ_m, row index that of qubits m … n−1), so that
// ψ[i_high·2^m + i_low] = Σ_a R[i_high, a]·L[i_low, a], one large product
// of cost 2^n·χ_m instead of growing one side over the whole chain.
func (st *State) dense() ([]complex128, error) {
	m := st.n / 2
	left, err := st.contractRange(0, m, []complex128{1}, 1)
	if err != nil {
		return nil, err
	}
	chi := st.bond[m]
	id := make([]complex128, chi*chi)
	for a := range chi {
		id[a*chi+a] = 1
	}
	right, err := st.contractRange(m, st.n, id, chi)
	if err != nil {
		return nil, err
	}
	for i, v := range left {
		left[i] = complex(real(v), -imag(v))
	}
	lo, hi := 1<<m, 1<<(st.n-m)
	psi := make([]complex128, lo*hi)
	// R·conj(L)ᴴ = R·Lᵀ.
	if err := zmat.MulConjTrans(matrix(hi, lo, psi), matrix(hi, chi, right), matrix(lo, chi, left)); err != nil {
		return nil, fmt.Errorf("tensornet: amplitudes: %w", err)
	}
	return psi, nil
}

// contractRange multiplies the sites [from, to) onto cur, a rows ×
// bond[from] matrix: after site q the partial result has twice the rows,
// those for b_q = b being cur·A_q[:, b, :], so the new bit is the most
// significant part of the row index. It returns a (rows·2^{to−from}) ×
// bond[to] matrix.
func (st *State) contractRange(from, to int, cur []complex128, rows int) ([]complex128, error) {
	for q := from; q < to; q++ {
		dl, dr := st.dims(q)
		next := make([]complex128, 2*rows*dr)
		for b := range 2 {
			dst := matrix(rows, dr, next[b*rows*dr:])
			if err := zmat.Mul(dst, matrix(rows, dl, cur), bitSlice(st.sites[q], dl, dr, b)); err != nil {
				return nil, fmt.Errorf("tensornet: amplitudes: site %d: %w", q, err)
			}
		}
		cur, rows = next, 2*rows
	}
	return cur, nil
}

// bitSlice returns the dl × dr matrix A[:, b, :] of a site tensor as a
// strided view.
func bitSlice(a []complex128, dl, dr, b int) *zmat.Dense {
	start := b * dr
	return &zmat.Dense{Rows: dl, Cols: dr, Stride: 2 * dr, Data: a[start : start+(dl-1)*2*dr+dr]}
}

// Probabilities returns the marginal distribution of the listed qubits
// (index Σ_k b_{qubits[k]}·2^k), or all 2^n probabilities when none are
// listed (the limits of Amplitudes apply). A marginal of k qubits costs
// O(2^k·n·χ³) from transfer matrices and never forms the dense state.
func (st *State) Probabilities(qubits ...int) ([]float64, error) {
	if err := st.usable("probabilities"); err != nil {
		return nil, err
	}
	if len(qubits) == 0 {
		if err := checkDense(st.n, 24, "probabilities"); err != nil {
			return nil, err
		}
		a, err := st.dense()
		if err != nil {
			return nil, err
		}
		p := make([]float64, len(a))
		for i, v := range a {
			p[i] = real(v)*real(v) + imag(v)*imag(v)
		}
		return p, nil
	}
	if err := st.checkQubits(qubits); err != nil {
		return nil, fmt.Errorf("tensornet: probabilities: %w", err)
	}
	if len(qubits) > backend.MaxDenseQubits {
		return nil, fmt.Errorf("tensornet: probabilities: a marginal of %d qubits has 2^%d entries (at most %d qubits)", len(qubits), len(qubits), backend.MaxDenseQubits)
	}
	// The environments of the 2^k partial outcomes are the memory cost.
	maxBond := slices.Max(st.bond)
	if avail, _ := sysmem.Available(); uint64(16*maxBond*maxBond)<<uint(len(qubits)) > avail/2 {
		return nil, fmt.Errorf("tensornet: probabilities: a marginal of %d qubits at bond %d needs %d MiB of environments, %d MiB available", len(qubits), maxBond, uint64(16*maxBond*maxBond)<<uint(len(qubits))>>20, avail>>20)
	}
	slot := make([]int, st.n) // slot[q] = k+1 when qubit q is qubits[k]
	first, last := st.n, -1
	for k, q := range qubits {
		slot[q] = k + 1
		first, last = min(first, q), max(last, q)
	}
	right, err := st.rightEnvironments()
	if err != nil {
		return nil, fmt.Errorf("tensornet: probabilities: %w", err)
	}
	// envs[idx] is the environment after the sites so far for the partial
	// outcome idx of the listed qubits seen; the prefix before the first
	// listed qubit is left-canonical, so its environment is the identity.
	envs := map[int][]complex128{0: nil}
	for s := first; s <= last; s++ {
		dl, dr := st.dims(s)
		a := st.sites[s]
		nextEnvs := make(map[int][]complex128, 2*len(envs))
		for idx, e := range envs {
			if slot[s] == 0 {
				ne, err := leftTransfer(e, a, dl, dr, a, dl, dr, &opIdentity)
				if err != nil {
					return nil, fmt.Errorf("tensornet: probabilities: %w", err)
				}
				nextEnvs[idx] = ne
				continue
			}
			for b, proj := range []*[4]complex128{&opProject0, &opProject1} {
				ne, err := leftTransfer(e, a, dl, dr, a, dl, dr, proj)
				if err != nil {
					return nil, fmt.Errorf("tensornet: probabilities: %w", err)
				}
				nextEnvs[idx|b<<(slot[s]-1)] = ne
			}
		}
		envs = nextEnvs
	}
	norm := st.centreNormSquared()
	p := make([]float64, 1<<len(qubits))
	d := st.bond[last+1]
	for idx, e := range envs {
		p[idx] = math.Max(0, real(closeEnvironment(e, right[last+1], d))/norm)
	}
	return p, nil
}

// Expectation returns ⟨ψ|O|ψ⟩ for a Pauli sum O. Each term is contracted
// with transfer matrices from its first to its last qubit, between the
// identity environment of the left-canonical prefix and a precomputed right
// environment: O(n·χ³) once plus O((g − f + 1)·χ³) per term spanning qubits
// f … g. The dense state is never formed.
func (st *State) Expectation(obs pauli.Sum) (float64, error) {
	if err := st.usable("expectation"); err != nil {
		return 0, err
	}
	if err := obs.Validate(st.n); err != nil {
		return 0, fmt.Errorf("tensornet: expectation: %w", err)
	}
	right, err := st.rightEnvironments()
	if err != nil {
		return 0, fmt.Errorf("tensornet: expectation: %w", err)
	}
	norm := st.centreNormSquared()
	var total float64
	for ti, t := range obs {
		if len(t.Factors) == 0 {
			total += t.Coeff
			continue
		}
		f, g := t.Factors[0].Qubit, t.Factors[len(t.Factors)-1].Qubit
		var e []complex128
		k := 0
		for s := f; s <= g; s++ {
			o := &opIdentity
			if t.Factors[k].Qubit == s {
				switch t.Factors[k].Letter {
				case 'X':
					o = &opPauliX
				case 'Y':
					o = &opPauliY
				case 'Z':
					o = &opPauliZ
				}
				k++
			}
			dl, dr := st.dims(s)
			if e, err = leftTransfer(e, st.sites[s], dl, dr, st.sites[s], dl, dr, o); err != nil {
				return 0, fmt.Errorf("tensornet: expectation: term %d: %w", ti, err)
			}
		}
		total += t.Coeff * real(closeEnvironment(e, right[g+1], st.bond[g+1])) / norm
	}
	return total, nil
}

// Overlap returns ⟨ψ|φ⟩ with ψ the receiver and φ = other, by one sweep of
// transfer matrices: O(n·χ_ψ·χ_φ·(χ_ψ + χ_φ)). other must be a *State of
// the same width.
func (st *State) Overlap(other backend.State) (complex128, error) {
	if err := st.usable("overlap"); err != nil {
		return 0, err
	}
	o, ok := other.(*State)
	if !ok || o == nil {
		return 0, fmt.Errorf("tensornet: overlap: %w (got %T)", errNotMPS, other)
	}
	if err := o.usable("overlap"); err != nil {
		return 0, err
	}
	if o.n != st.n {
		return 0, fmt.Errorf("tensornet: overlap: %d-qubit and %d-qubit states", st.n, o.n)
	}
	e := []complex128{1}
	for q := range st.n {
		xl, xr := st.dims(q)
		yl, yr := o.dims(q)
		var err error
		if e, err = leftTransfer(e, st.sites[q], xl, xr, o.sites[q], yl, yr, &opIdentity); err != nil {
			return 0, fmt.Errorf("tensornet: overlap: site %d: %w", q, err)
		}
	}
	return e[0], nil
}
