//go:build race

package tensornet_test

const raceEnabled = true
