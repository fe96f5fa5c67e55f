// Package cbe reproduces the quantum collisionless-Boltzmann algorithm of
// Yamazaki, Uchida, Fujisawa, Yoshida (and Miyamoto), "Quantum algorithm
// for collisionless Boltzmann simulation of self-gravitating systems",
// arXiv:2303.16490, Computers & Fluids 288, 106527 (2024), with package
// github.com/qmlkit/qmlkit/cbe: the solution f(x, v) in the amplitudes of
// n_x + n_v qubits, streamed by QFT phase networks (or, after Todorova &
// Steijl, J. Comput. Phys. 409, 109347 (2020), by velocity-controlled
// incrementers), gravity from a few Fourier modes of the density read out
// of the state, all as circuits run on the state-vector simulator, beside
// the classical split scheme of Cheng & Knorr, J. Comput. Phys. 22, 330
// (1976).
//
// Reproductions returns three registry entries:
//
//   - cbe-freestream: FS-1 phase mixing on 64×64 (12 qubits), QFT
//     streaming and integer-shift streaming against the exact on-grid
//     solution. Metrics: metrics["fs1"][solver], solvers classical,
//     quantum_exact, quantum_integer_shift.
//   - cbe-jeans: the kinetic Jeans instability J-1 (k = k_J/2), J-2
//     (k = 0.75 k_J) and the stable k = 1.2 k_J, classical and quantum with
//     exact amplitude readout in lockstep; J-1 with shot readout at several
//     shot counts (metrics["j1"]["quantum_shots"], a list with "shots" in
//     each entry, and "quantum_shots_magnitude_phase"); in full mode also
//     the nonlinear J-1 (metrics["nonlinear"]).
//   - landau: linear Landau damping (plasma sign), the classical solver's
//     standard check, with the quantum pipeline beside it.
//
// Leaves: growth_rate, expected_growth_rate, rel_error, l2_error (against
// the exact solution for free streaming, against the classical Fourier
// solver per step otherwise), norm_drift, mass_drift, qubits,
// gates_per_step, depth_per_step, seconds, and a few more named in
// README.md. Expected values come from the kinetic dispersion relations
// (cbe.Background.JeansGrowthRate, cbe.LandauRoot) and the spec
// (shared/specs/cbe.md). README.md has the numbers measured, the gate-cost
// formulas and table, and how to run.
package cbe
