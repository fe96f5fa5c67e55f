package qkan

import "fmt"

// Ansatz selects the single-qubit re-uploading circuit of a DARUAN. All start
// from H|0⟩; a_ℓ = w_ℓ·x + b_ℓ is the pre-processed input of repetition ℓ.
type Ansatz int

const (
	// PZ is the paper's DARUAN: [RZ(θ_ℓ,0) → RY(θ_ℓ,1) → RZ(a_ℓ)]^r →
	// RZ(θ_{r+1},0) → RY(θ_{r+1},1); 2(r+1) angles.
	PZ Ansatz = iota
	// RPZ (reduced pz): [RY(θ_ℓ) → RZ(a_ℓ)]^r → RY(θ_{r+1}); r+1 angles.
	// The reference code always trains w and b with it.
	RPZ
	// PX: [RZ(θ_ℓ) → RX(arccos a_ℓ)]^r → RZ(θ_{r+1}); r+1 angles. Needs
	// |a_ℓ| ≤ 1 (and < 1 for derivatives).
	PX
	// Real: [X → RY(θ_ℓ) → Z → RY(a_ℓ)]^r with real amplitudes throughout;
	// r angles and no final block.
	Real
)

// String returns the reference code's short name.
func (a Ansatz) String() string {
	switch a {
	case PZ:
		return "pz"
	case RPZ:
		return "rpz"
	case PX:
		return "px"
	case Real:
		return "real"
	}
	return fmt.Sprintf("Ansatz(%d)", int(a))
}

// ParseAnsatz accepts "pz", "rpz", "px", "real" (and the reference's
// "pz_encoding", "rpz_encoding", "px_encoding").
func ParseAnsatz(s string) (Ansatz, error) {
	switch s {
	case "pz", "pz_encoding":
		return PZ, nil
	case "rpz", "rpz_encoding":
		return RPZ, nil
	case "px", "px_encoding":
		return PX, nil
	case "real":
		return Real, nil
	}
	return 0, fmt.Errorf("qkan: unknown ansatz %q (want pz, rpz, px or real)", s)
}

// thetaShape is the per-activation angle array shape (rows, per row).
func (a Ansatz) thetaShape(reps int) (rows, perRow int) {
	switch a {
	case PZ:
		return reps + 1, 2
	case Real:
		return reps, 1
	default:
		return reps + 1, 1
	}
}

// Readout maps the final state α|0⟩ + β|1⟩ to the activation value.
type Readout int

const (
	// Exact is ⟨Z⟩ = |α|² − |β|², the physical expectation value. It is the
	// default here: it is what a quantum device estimates, it is a smooth
	// trigonometric polynomial in x (the spectrum results hold for it) and
	// its derivatives are defined everywhere.
	Exact Readout = iota
	// Fast is |α| − |β|, the reference code's default ("quantum-inspired").
	// It is not an expectation value and has kinks where α or β vanish.
	Fast
)

// String names the readout.
func (r Readout) String() string {
	switch r {
	case Exact:
		return "exact"
	case Fast:
		return "fast"
	}
	return fmt.Sprintf("Readout(%d)", int(r))
}

// ParseReadout accepts "exact" or "fast".
func ParseReadout(s string) (Readout, error) {
	switch s {
	case "exact":
		return Exact, nil
	case "fast":
		return Fast, nil
	}
	return 0, fmt.Errorf("qkan: unknown readout %q (want exact or fast)", s)
}
