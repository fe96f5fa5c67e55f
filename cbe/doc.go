// Package cbe solves the collisionless Boltzmann (Vlasov–Poisson) equation
// in one position and one velocity dimension on a periodic box, classically
// (Solver) and with the quantum algorithm of Yamazaki et al.,
// arXiv:2303.16490, Computers & Fluids 288, 106527 (2024) as real circuits
// on the state-vector simulator (QuantumSolver). It holds what the quantum
// solver is checked against: the grid and storage layout, the exact
// classical linear maps it must reproduce, diagnostics, growth-rate fits,
// kinetic dispersion relations and exact references. The physics, the
// setups and the target numbers are in shared/specs/cbe.md; the classical
// scheme is Cheng & Knorr, J. Comput. Phys. 22, 330 (1976).
//
// # Equations and units
//
//	f_t + v f_x + a(x) f_v = 0,   ρ(x) = ∫ f dv,
//	Gravity:  ∂²Φ/∂x² = 4πG(ρ − ρ̄),  a = −∂Φ/∂x   (attractive),
//	Plasma:   ∂E/∂x = ρ̄ − ρ,          a = −E       (electrons, q/m = −1, ε0 = 1).
//
// The setups use G = ρ0 = σ = 1 for gravity, so k_J = √(4πGρ0)/σ = √(4π),
// and ρ̄ = σ = 1 for the plasma, so ω_p = λ_D = 1. A third coupling,
// FreeStreaming, switches the field off. In Fourier space, for m ≠ 0,
//
//	â_m = i·κ·ρ̂_m / k_m,   κ = Problem.FieldFactor() = 4πG (gravity), −1 (plasma).
//
// The k = 0 mode is dropped: on a periodic box the field exists only if ρ̄
// is the mean density (Jeans swindle / neutralising background), and
// Problem.Validate checks RhoBar against the sampled mean to 1 %.
//
// # Grid and storage layout (the quantum solver relies on this)
//
//	x_i = i·L/Nx,                           i = 0…Nx−1   (periodic [0, L))
//	v_j = −VMax + (j + ½)·Δv, Δv = 2VMax/Nv, j = 0…Nv−1   (cell-centred [−VMax, VMax))
//	f(x_i, v_j) is element i + Nx·j of a []complex128 of length Nx·Nv.
//
// x runs fastest. As a quantum state of n_x + n_v qubits (Nx = 2^n_x,
// Nv = 2^n_v; Grid.Validate(true) and Grid.Qubits check this) the basis
// index is i + Nx·j: the x register is qubits 0…n_x−1 (qubit 0 the least
// significant bit of i, Qiskit order) and the v register qubits
// n_x…n_x+n_v−1 holding j as an unsigned integer (j = 0 is v = −VMax + Δv/2).
// Amplitudes are f/‖f‖ with ‖f‖² = Σ_ij |f_ij|² (without ΔxΔv); the
// norm is kept classically. Separable initial conditions expose their
// two factors (Separable.Factors) for product-state preparation.
//
// # Fourier conventions and the Nyquist mode
//
// The DFT used everywhere is F_{mi} = e^{−2πi·mi/N} (numpy's and gonum's
// forward sign), with the density modes normalised so that
// ρ(x) = Σ_m ρ̂_m e^{i k_m x}:
//
//	ρ̂_m = (1/Nx) Σ_i ρ(x_i) e^{−2πi·mi/Nx},   ρ(x_i) = Δv Σ_j f(x_i, v_j).
//
// DFT index m carries the signed index q(m) = m for 2m < N, m − N
// otherwise (SignedIndex) — for N = 2^n exactly the two's-complement
// reading of the register — and the wavenumbers k_m = 2π·q(m)/L in x
// (Grid.XWavenumbers) and η_m = 2π·q(m)/(2VMax) in v (Grid.VWavenumbers).
// For even N the Nyquist index m = N/2 therefore gets q = −N/2.
//
// With this assignment every shift is a diagonal phase between two DFTs
// and exactly unitary. The streaming phase −k_m·v_j·τ is bilinear in the
// bits of the x-frequency and v registers; the kick phase −η_m·a(x_i)·τ is
// linear in the bits of the v-frequency register with coefficients set by
// a(x_i). So these are the very linear maps QFT-diagonal phase networks
// implement. A real f does not stay real: the real Nyquist coefficient is
// multiplied by a complex phase. The solver therefore stores f as
// complex128 and records ‖Im f‖/‖f‖ (History.ImagNorm). It stays at
// round-off while the Nyquist modes are empty (J-1: 3e−13 at t = 4; J-2:
// 4e−6 at t = 8), but once filamentation reaches the grid scale it grows
// (nonlinear J-1 at 64×64: 0.22 by t = 5) and the energy of Re f drifts by
// up to 11 %. Options.Nyquist = NyquistCos instead multiplies the Nyquist
// coefficient by cos(k_N·shift), the on-grid value of the shifted real
// trigonometric interpolant: f stays real and the same nonlinear run keeps
// its energy to 1e−3, but the map is not unitary and no phase network
// implements it. NyquistSigned is the default because it is the map the
// quantum solver must match.
//
// In terms of Qiskit's QFT, which has the opposite sign (QFT|j⟩ =
// N^{−1/2} Σ_k e^{+2πi·jk/N}|k⟩), F/√N = QFT†. Each shift below is
// therefore "apply QFT† (inverse QFT) to the register, the diagonal phase
// with two's-complement q, then QFT". Applying Qiskit's QFT first with
// phases e^{+i k(q) v τ} is the same map except at the Nyquist index, where
// it is the complex conjugate. Density modes read from amplitudes ψ = f/‖f‖:
// with A_m the amplitude of |x = m, v = 0⟩ after QFT†_x ⊗ H^{⊗n_v},
// ρ̂_m = ‖f‖·Δv·√(Nv/Nx)·A_m (with Qiskit's QFT instead of QFT†, |m⟩ holds
// ρ̂_{−m}).
//
// # The scheme
//
// One Strang step of length Δt (Solver.Step):
//
//  1. Stream(Δt/2): for every v_j, f(·, v_j) ← F_x^{−1} diag_m(e^{−i k_m v_j Δt/2}) F_x f(·, v_j);
//     this is f(x − v_j Δt/2, v_j) for the trigonometric interpolant in x.
//  2. Field: ρ̂_1…ρ̂_M of the streamed f, â_m = iκρ̂_m/k_m (k_m = 2πm/L,
//     m = 1…M), a(x_i) = Σ_{m=1}^{M} 2·Re(â_m e^{2πi·mi/Nx}). Only the
//     positive modes are read; the negative ones are taken as their
//     conjugates, so a is real even when f is not. M = Options.Modes,
//     default and maximum Grid.MaxModes() = (Nx−1)/2; the Nyquist density
//     mode never drives the field (its spectral derivative vanishes on the
//     grid). AccelerationFromModes is this map by direct summation, for the
//     quantum solver to feed its read-out modes into.
//  3. Kick(Δt): for every x_i, f(x_i, ·) ← F_v^{−1} diag_m(e^{−i η_m a(x_i) Δt}) F_v f(x_i, ·),
//     i.e. f(x_i, v − a(x_i)Δt) for the trigonometric interpolant in v,
//     periodic in v (KickFourier, default). KickSpline instead evaluates
//     the cubic B-spline through the samples (zero-extended beyond the
//     grid) at v_j − a(x_i)Δt and sets f = 0 where that point lies
//     outside [−VMax, VMax]; mass then leaves through the edges.
//  4. Stream(Δt/2).
//
// Stream, Kick, DensityModes and Acceleration are exported so a quantum
// implementation can be compared operator by operator, and SetState lets
// the classical step start from a state read back from it. With the
// Fourier kick every step is exactly unitary and mass-conserving (the
// k = 0 and η = 0 coefficients are untouched); the tests find mass and
// norm constant to 1e−14 over 800 steps.
//
// FFTs: an in-package radix-2/4 FFT with directly evaluated twiddles for
// power-of-two sizes (3–4× faster than gonum's CmplxFFT at n = 64, equal
// to it within 1e−14); gonum.org/v1/gonum/dsp/fourier otherwise. The
// v-transforms of all x run at once along contiguous rows. One step takes
// about 0.3 ms at 64×64 and 5 ms at 256×256 on the shared 2-core test
// machine (BenchmarkStep64, BenchmarkStep256; recording diagnostics adds
// ~0.1 ms at 64×64), so J-2's 800 steps run in 0.2–0.5 s. Nothing runs
// concurrently.
//
// # Diagnostics and fits
//
// Solver.Run records into a History of plain slices (T, DensityModes[m][n],
// FieldModes, FieldEnergy, KineticEnergy, TotalEnergy, Mass, Momentum,
// L2Norm, Entropy, MinF, ImagNorm); integrals are grid sums times ΔxΔv of
// Re f (the L2 norm uses the complex f). FitGrowthRate fits log|ρ̂_1| by
// least squares over a window; FitDampedOscillation fits the peaks of
// log|E_1| (each refined by a parabola through three samples) for the
// damping rate and takes ω = π/(mean peak spacing), since |E_1| peaks twice
// per period.
//
// # Linear theory and exact references
//
// Background.Dispersion is D(k, ω) = 1 − (κρ̄/(k²σ²))·(1 + ζZ(ζ)),
// ζ = ω/(√2kσ), continued below the real axis (Landau contour);
// Background.Root solves it by complex Newton iteration and LandauRoot
// starts it from the Bohm–Gross guess (k = 0.5: ω = 1.415662 − 0.153359i).
// Background.JeansGrowthRate solves the real form k²/k_J² = 1 −
// √π·y·e^{y²}·erfc(y), y = γ/(√2kσ) (k = k_J/2: γ = 2.4360674, against
// the fluid √(4πGρ0 − k²σ²) = 3.0700). Z(ζ) = i√π·w(ζ), with the Faddeeva
// function w from Weideman's rational approximation (Faddeeva, PlasmaZ).
// FreeStreamingExact gives f0(x − vt, v) on the grid in one spectral step
// and MaxwellianModeRatio the on-grid phase-mixing ratio
// Σ_j M_j e^{−ikv_j t}/Σ_j M_j (FS-1: 0.675232, 0.207880, 1.86744e−3,
// 7.2454e−7 at t = 0.5, 1, 2, 3).
//
// # Quantum solver
//
// QuantumSolver runs the same Strang step as circuits on the state-vector
// simulator (package statevec); README.md has the cost table and the
// comparison with the classical cost. The state ψ = f/‖f‖ lives on
// n_x + n_v qubits in the layout above; ‖f‖ is a classical number, and
// the simulator's vector is read as the unit-norm state it stands for
// (it drifts by ~7e−17 per Hadamard from the rounded 1/√2; NormDrift
// reports that, State divides it out). Circuits, all built from
// circuits.Circuit gates and run gate by gate:
//
//   - PreparationCircuit: Grover–Rudolph loading with Möttönen's
//     uniformly controlled RY networks (RY and CX only), for a Separable
//     f0 one register at a time (2^{n_x} + 2^{n_v} − 2 RY); no amplitudes
//     are written into the simulator.
//   - StreamCircuit(τ): QFT_x·D·QFT_x† with D the bilinear phase
//     e^{−i k_q v_j τ}: n_x·n_v CP gates between x-frequency and v bits
//     plus n_x P gates for the affine parts of q (two's complement, sign
//     bit weight −2^{n_x−1}) and of v_j. The QFTs are Qiskit's without
//     the swaps, mirrored so that D reads the bit-reversed index:
//     n_x(n_x + n_v + 2) gates, exactly Solver.Stream.
//   - IntegerShiftCircuit (StreamIntegerShift, Todorova & Steijl): class
//     j moves by n·(2j − Nv + 1) cells through velocity-controlled
//     incrementers (multi-controlled X), applied once per p streams by a
//     classical CFL counter when the Courant number Δv·τ/Δx is 2n/p;
//     other Courant numbers are refused (IntegerShiftPlan).
//   - ReadoutCircuit: QFT_x† ⊗ H^{⊗n_v}; amplitude ReadoutIndex(m) gives
//     ρ̂_m. Run on a copy each step; ReadoutExact takes the amplitudes,
//     ReadoutShots samples Hadamard tests (HadamardTestCircuit: one
//     ancilla, X^m controlled on it, P(a=0,0) − P(a=1,0) = Re or Im of
//     A_0*·A_m) with A_0 the conserved mean mode as phase reference.
//     Shot counts are drawn from the exact outcome distribution of the
//     run circuit by sequential binomials (multinomial, O(M) per circuit).
//   - KickCircuit(a, Δt): QFT_v·diag(e^{−i η_q a(x_i) Δt})·QFT_v†, the
//     diagonal as one uniformly controlled RZ per v-frequency qubit
//     (controlled by the whole x register, 2^{n_x} RZ + 2^{n_x} CX each)
//     plus an n_x-qubit diagonal: exact for any a(x), at
//     n_v(n_v+1) + (n_v+1)·2^{n_x+1} − 3 gates, linear in Nx.
//
// With ReadoutExact the quantum solver reproduces Solver (KickFourier,
// NyquistSigned, same M) to rounding: 5.7e−12 relative L2 over J-1's 400
// steps, γ = 2.43584. Measuring destroys the state, so with shots every
// step needs Shots·2M fresh copies (Shots·(2M+1) with
// MagnitudePhaseEstimate), each re-prepared and re-evolved through all
// earlier steps with the fields already read (classical numbers): the
// gates of a run grow as Shots·M·N²·G_step. QuantumCost reports the counts.
//
// # Setups and measured numbers (go test -v ./cbe/)
//
//	FS-1      relative L2 error 1.4e−14 against FreeStreamingExact after 300 steps
//	J-1       γ = 2.43584 (theory 2.43607, −0.01 %; spline kick 2.43581)
//	J-2       γ = 1.32603 (theory 1.32630, −0.02 %)
//	1.2·k_J   max |ρ̂_1(t)|/|ρ̂_1(0)| = 1.000000 over t ∈ [0, 5]
//	Landau    γ = −0.15392, ω = 1.41411 (theory −0.153359, 1.415662), 32×128, Δt = 0.05
//	nonlinear J-1 (ε = 0.1) mass to 1e−15, momentum ≤ 5e−13 of mass 3.54
package cbe
