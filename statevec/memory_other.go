//go:build !linux

package statevec

// availableMemory has no portable reading outside Linux; it assumes the
// conservative fallbackMemory, so states above 29 qubits are refused.
func availableMemory() (uint64, string) { return fallbackMemory, fallbackSource }
