package sysmem

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// Available reports the bytes a new allocation can use and where the
// figure comes from: the kernel's MemAvailable estimate (free memory plus
// reclaimable cache), lowered to the room left under a cgroup memory limit
// when one applies.
func Available() (uint64, string) {
	avail, source := memAvailable()
	if room, ok := cgroupRoom(); ok && room < avail {
		return room, "cgroup memory limit"
	}
	return avail, source
}

// memAvailable reads MemAvailable from /proc/meminfo, falling back to
// sysinfo's free and buffer memory.
func memAvailable() (uint64, string) {
	if f, err := os.Open("/proc/meminfo"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) >= 2 && fields[0] == "MemAvailable:" {
				if kb, err := strconv.ParseUint(fields[1], 10, 64); err == nil {
					return kb << 10, "MemAvailable in /proc/meminfo"
				}
			}
		}
	}
	var si syscall.Sysinfo_t
	if err := syscall.Sysinfo(&si); err == nil {
		return (uint64(si.Freeram) + uint64(si.Bufferram)) * uint64(si.Unit), "sysinfo free memory"
	}
	return Fallback, FallbackSource
}

// cgroupRoom returns limit − usage of the process's cgroup (v2, then v1).
func cgroupRoom() (uint64, bool) {
	for _, p := range [][2]string{
		{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"},
		{"/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/memory/memory.usage_in_bytes"},
	} {
		limit, ok1 := readUint(p[0])
		usage, ok2 := readUint(p[1])
		if ok1 && ok2 && limit < 1<<62 {
			if usage >= limit {
				return 0, true
			}
			return limit - usage, true
		}
	}
	return 0, false
}

// readUint reads a file holding one decimal number ("max" and other text
// report false).
func readUint(path string) (uint64, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, false
	}
	v, err := strconv.ParseUint(string(bytes.TrimSpace(b)), 10, 64)
	return v, err == nil
}
