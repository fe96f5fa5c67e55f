// Package sysmem tells the simulators how much memory a new allocation can
// use, so that a state that will not fit is refused before it is allocated
// (statevec's memory guard, tensornet's dense conversions).
package sysmem

// Fallback is assumed available where the system gives no reading: with it
// a complex128 state of 29 qubits (8 GiB) is the largest allowed.
const (
	Fallback       = 8 << 30
	FallbackSource = "assumed: no reading of free memory on this system"
)
