// Package demos holds the simulator's own demonstrations for the
// `qmlkit reproduce` tour: circuits whose results are known exactly (GHZ,
// the quantum Fourier transform of a basis state, Bernstein–Vazirani), so a
// wrong amplitude anywhere in the engine shows up as a failed check.
package demos
