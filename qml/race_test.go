//go:build race

package qml

// raceEnabled skips timing assertions: the race detector slows memory
// accesses by an order of magnitude, and unevenly.
const raceEnabled = true
