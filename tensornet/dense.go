package tensornet

import (
	"fmt"

	"github.com/qmlkit/qmlkit/backend"
	"github.com/qmlkit/qmlkit/internal/sysmem"
)

// checkDense refuses dense results above backend.MaxDenseQubits, and when
// bytesPer·2^n exceeds the memory available (package sysmem).
func checkDense(n int, bytesPer uint64, what string) error {
	if n > backend.MaxDenseQubits {
		return fmt.Errorf("tensornet: %s: %d qubits would need 2^%d values (dense results are limited to %d qubits)", what, n, n, backend.MaxDenseQubits)
	}
	need := bytesPer << uint(n)
	if avail, _ := sysmem.Available(); need > avail {
		return fmt.Errorf("tensornet: %s: %d qubits need %d MiB, only %d MiB available", what, n, need>>20, avail>>20)
	}
	return nil
}
