//go:build !linux

package sysmem

// Available has no portable reading outside Linux; it reports the
// conservative Fallback.
func Available() (uint64, string) { return Fallback, FallbackSource }
