// Package qasm reads OpenQASM 2.0 programs into circuits.Circuit values and
// writes circuits as OpenQASM 2.0 or 3.0, so that circuits move between
// qmlkit, Qiskit (qasm2.loads/dumps, qasm3.dumps) and benchmark suites such
// as QASMBench and MQT Bench.
//
//	c, err := qasm.ParseFile("adder.qasm")   // every error is a *qasm.Error with line:col
//	text, err := qasm.Marshal(c, qasm.V2)     // or qasm.V3
//
// # Reading
//
// Parse and ParseFile read OpenQASM 2.0 as Qiskit and the benchmark suites
// write it. The program must start with "OPENQASM 2.0;" (comments may come
// first). The reader supports:
//
//   - include "qelib1.inc": built in, never read from disk. Any other include
//     is an error naming the file.
//   - Several qreg and creg declarations. Registers are concatenated in
//     declaration order: the first register's qubit 0 is global qubit 0, and
//     global qubit 0 is the least significant bit of a basis-state index
//     (Qiskit's order). Register names are kept in Circuit.QRegs and CRegs.
//   - Register broadcasting: "h q;" applies h to every qubit of q; "cx a,b;"
//     pairs equal-sized registers; "cx a[0],b;" combines a qubit with every
//     qubit of b; "measure q -> c;" (equal sizes), "reset q;",
//     "barrier a,b[1];" (one barrier on all listed qubits).
//   - The qelib1.inc gate set (table below) and user "gate" definitions with
//     parameters, which are expanded inline at each call. A body may use U,
//     CX, barrier and any gate defined before it; recursion, redefinition
//     and wrong argument or parameter counts are errors.
//   - Angle expressions: integers, reals (1e-3, .5), pi, + - * / ^ with the
//     usual precedence (^ binds tighter than unary minus and associates to
//     the right: -2^2 = -4, 2^3^2 = 512), parentheses, and the functions sin,
//     cos, tan, exp, ln, sqrt, asin, acos, atan. Division by zero, ln of a
//     non-positive number, sqrt of a negative one and non-finite results are
//     errors at the offending operator or function.
//   - measure, reset and barrier statements.
//
// The reader refuses, with an error at the statement:
//
//   - opaque gates: they have no definition, so there is nothing to simulate;
//   - if (c==n) ...: classically conditioned operations need classical
//     control flow, which qmlkit's simulators do not have;
//   - OpenQASM 3 input (the writer produces it, the reader does not read it);
//   - input that is not text: NUL bytes, control characters, invalid UTF-8.
//
// Errors carry the 1-based line and column (counted in characters) of the
// problem: unknown gates and registers, wrong arity or parameter count, bad
// or non-finite expressions, indices out of range, a missing ';' (reported
// just after the statement), recursive or repeated definitions, an
// unterminated comment (at its start), duplicate registers, a qubit used
// twice in one gate, mismatched broadcast sizes, a bad header or include.
// An error while expanding a user gate is reported at the call, with the
// position inside the definition in the message.
//
// Hostile input is bounded: at most circuits.MaxQubits qubits and MaxClbits
// classical bits, expressions at most 1000 levels deep, and an expansion
// budget (ParseOptions.MaxOps, DefaultMaxOps by default) that counts the
// ops produced, one per barrier qubit, and the gate calls and expression
// nodes evaluated while expanding definitions. A file of nested definitions
// that would expand past the budget is rejected before any expansion. An op
// takes about 150 bytes, so the default budget still admits files that
// need several gigabytes; lower MaxOps when reading untrusted input.
//
// # Gate names
//
// Gates map onto a base gate plus control qubits; in every controlled gate
// the controls come first ("cx c,t"). The matrices are Qiskit's:
//
//	U, u3, u          U(θ,φ,λ)
//	u2(φ,λ)           U(π/2,φ,λ)
//	u1, p             P
//	id, u0            I
//	x y z h s sdg t tdg sx sxdg rx ry rz    the base gate of that name
//	CX, cx            X + 1 control        ccx     X + 2 controls
//	c3x               X + 3 controls       c4x     X + 4 controls
//	cy, cz, ch, csx   Y, Z, H, SX + 1 control
//	crx, cry, crz     RX, RY, RZ + 1 control (crz is not cu1: rz and u1
//	                  differ by a phase that control makes relative)
//	cu1, cp           P + 1 control        cu3     U + 1 control
//	cu(θ,φ,λ,γ)       P(γ) on the control (omitted when γ = 0), then U + 1 control
//	swap, cswap       SWAP, SWAP + 1 control
//	rxx, rzz          RXX, RZZ
//	c3sqrtx           SX + 3 controls (Qiskit's C3SXGate)
//	rccx, rc3x        their qelib1 definitions, appended gate by gate
//
// Qiskit's matrices differ from some textual definitions in qelib1.inc, and
// the reader follows Qiskit: the texts of rz, sx, sxdg, rxx, rzz and ch
// differ from the matrices by a global phase; the text of c3sqrtx is the
// inverse, three-controlled SX†; and the c4x text Qiskit ships does not
// implement a four-controlled X. The tests check every gate against its
// textual definition and record each of these differences.
//
// After include "qelib1.inc" the reader also knows gates Qiskit writes
// that qelib1.inc lacks: ryy, rzx, iswap (RYY, RZX, ISWAP), ccz (Z + 2
// controls), cs and csdg (S, S† + 1 control). They never clash with a file:
// a register of the same name hides the gate, and a gate definition of the
// same name replaces it, except that a definition with exactly the body the
// V2 writer (and Qiskit's exporter) emits is recognised as the built-in
// gate, so written files read back op for op.
//
// # Writing
//
// Write and Marshal produce text that reads back to the same circuit: the
// same ops with the same parameters bit for bit. Angles are written as n*pi/d
// when that text evaluates to exactly the same float64, and otherwise with
// the shortest decimal form that parses back exactly. Registers keep their
// names when they are valid, distinct, free of keywords and gate names, and
// tile the qubits (or bits) exactly; otherwise one register q (or c) holds
// them all. A barrier on no qubits, which has no effect, is not written.
//
// V2 writes "OPENQASM 2.0;" and include "qelib1.inc", and spells each op
// with the names in the table above (P + 1 control as cp, U as u3, U + 1
// control as cu3), defining ryy, rzx, iswap, ccz, cs and csdg at the top of
// the file when used (exact definitions in qelib1 gates). A 1-qubit Unitary
// becomes u3 with its phase added to the global phase, or cu (which carries
// the phase) with one control. V2 fails, writing nothing, and names the op
// for: a gate + control count without a qelib1 name (e.g. X with 5
// controls, RY with 2), a Unitary on more qubits or with more controls,
// unbound parameters (OpenQASM 2.0 has none), and a global phase that is not
// a multiple of 2π (within PhaseTolerance) — WriteOptions.DropGlobalPhase
// discards the phase instead.
//
// V3 writes "OPENQASM 3.0;" and include "stdgates.inc": stdgates names where
// they exist (cx, ccx, cp, crz, cswap, ...), the ctrl(k) @ and inv @
// modifiers otherwise, the built-in U for U (OpenQASM 3 defines U with the
// matrix of qelib1's u3), gate definitions for iswap, rxx, ryy, rzz and rzx
// when used, "gphase(γ);" for the global phase, "c[0] = measure q[0];", and
// one "input float[64] name;" per parameter so that unbound, affine angles
// are written as expressions (2*theta + 0.5). A 1-qubit Unitary becomes U
// plus its phase (ctrl @ gphase on the controls when controlled); larger
// Unitary ops are refused, having no exact form.
package qasm
