package statevec

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/qmlkit/qmlkit/internal/sysmem"
)

// MaxQubits is the widest register New accepts before looking at memory:
// basis-state indices are uint64 and the amplitude count must fit an int.
const MaxQubits = 62

// bytesPerAmplitude is the size of one complex128.
const bytesPerAmplitude = 16

// guardFloor is the allocation size below which the memory guard does not
// read the system's free memory: reading /proc/meminfo costs tens of
// microseconds, which would dominate building many small states.
const guardFloor = 64 << 20

// ErrTooLarge is wrapped by the errors of New, FromAmplitudes, Clone and
// Amplitudes when the amplitudes would not fit in available memory.
var ErrTooLarge = errors.New("statevec: state vector does not fit in available memory")

// MemoryNeeded returns the bytes that the 2^n complex128 amplitudes of an
// n-qubit state occupy, saturating at math.MaxUint64 when that does not fit
// a uint64 (n ≥ 60).
func MemoryNeeded(n int) uint64 {
	if n < 0 {
		return 0
	}
	if n >= 60 {
		return math.MaxUint64
	}
	return bytesPerAmplitude << uint(n)
}

// MemoryNeeded64 is MemoryNeeded for complex64 amplitudes: 8·2^n bytes.
func MemoryNeeded64(n int) uint64 {
	switch {
	case n < 0:
		return 0
	case n >= 61:
		return math.MaxUint64
	}
	return bytesPerAmplitude / 2 << uint(n)
}

// tooLargeError names the qubit count, the exact byte count and what is
// available, and unwraps to ErrTooLarge.
type tooLargeError struct {
	what      string
	n         int
	need      *big.Int
	available uint64
	source    string
}

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("statevec: %d qubits need %s bytes (%s) of %s but only %s is available (%s); "+
		"use the matrix-product-state backend (tensornet) for low-entanglement circuits",
		e.n, e.need.String(), humanBytes(bigToFloat(e.need)), e.what,
		humanBytes(float64(e.available)), e.source)
}

func (e *tooLargeError) Unwrap() error { return ErrTooLarge }

// checkQubitCount rejects widths outside [1, MaxQubits].
func checkQubitCount(n int) error {
	if n < 1 || n > MaxQubits {
		return fmt.Errorf("statevec: qubit count %d out of range [1, %d]", n, MaxQubits)
	}
	return nil
}

// checkMemory refuses, before anything is allocated, 2^n values of
// bytesPer bytes each that would not fit in the memory available now.
func checkMemory(n int, bytesPer uint64, what string) error {
	need := new(big.Int).Lsh(new(big.Int).SetUint64(bytesPer), uint(n))
	if need.IsUint64() && need.Uint64() <= guardFloor {
		return nil
	}
	avail, source := sysmem.Available()
	if need.IsUint64() && need.Uint64() <= avail {
		return nil
	}
	return &tooLargeError{what: what, n: n, need: need, available: avail, source: source}
}

// humanBytes writes a byte count in binary units with one decimal, dropping
// a trailing ".0": "16 TiB", "23.4 GiB".
func humanBytes(v float64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB"}
	u := 0
	for v >= 1024 && u < len(units)-1 {
		v /= 1024
		u++
	}
	s := strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0")
	return s + " " + units[u]
}

// bigToFloat converts a byte count to float64 for display.
func bigToFloat(b *big.Int) float64 {
	f, _ := new(big.Float).SetInt(b).Float64()
	return f
}
