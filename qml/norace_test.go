//go:build !race

package qml

const raceEnabled = false
