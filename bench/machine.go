package bench

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// Machine describes where a sweep ran: CPU model (from /proc/cpuinfo),
// logical CPUs, GOMAXPROCS, Go version and the GOAMD64 level the binary was
// built for, and the load average (/proc/loadavg) when it was read: on a
// shared machine absolute times depend on it, ratios much less.
func Machine() string {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	level := "default"
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "GOAMD64" {
				level = s.Value
			}
		}
	}
	s := fmt.Sprintf("%s, %d CPUs, GOMAXPROCS %d, %s %s/%s GOAMD64=%s", model, runtime.NumCPU(),
		runtime.GOMAXPROCS(0), runtime.Version(), runtime.GOOS, runtime.GOARCH, level)
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(b)); len(f) >= 3 {
			s += fmt.Sprintf(", load %s %s %s", f[0], f[1], f[2])
		}
	}
	return s
}
