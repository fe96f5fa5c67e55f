//go:build !race

package tensornet_test

const raceEnabled = false
