package tensornet

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"

	"github.com/qmlkit/qmlkit/backend"
)

// checkDense refuses dense results above backend.MaxDenseQubits, and when
// bytesPer·2^n exceeds the memory Linux reports available (elsewhere, or
// when /proc/meminfo cannot be read, only the qubit limit applies).
func checkDense(n int, bytesPer uint64, what string) error {
	if n > backend.MaxDenseQubits {
		return fmt.Errorf("tensornet: %s: %d qubits would need 2^%d values (dense results are limited to %d qubits)", what, n, n, backend.MaxDenseQubits)
	}
	need := bytesPer << uint(n)
	if avail, ok := memAvailable(); ok && need > avail {
		return fmt.Errorf("tensornet: %s: %d qubits need %d MiB, only %d MiB available", what, n, need>>20, avail>>20)
	}
	return nil
}

// memAvailable reads MemAvailable from /proc/meminfo.
func memAvailable() (uint64, bool) {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0, false
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := bytes.Fields(sc.Bytes())
		if len(f) >= 2 && string(f[0]) == "MemAvailable:" {
			kb, err := strconv.ParseUint(string(f[1]), 10, 64)
			if err != nil {
				return 0, false
			}
			return kb << 10, true
		}
	}
	return 0, false
}
