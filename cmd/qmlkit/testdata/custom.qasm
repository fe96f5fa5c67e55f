// A file in the style Qiskit's qasm2.dumps writes, with a parameterised
// user gate, register broadcasting and expressions.
OPENQASM 2.0;
include "qelib1.inc";
gate entangle(theta, phi) a, b {
  h a;
  cx a, b;
  rz(theta/2) b;
  u(phi, -pi/4, 2*pi/3) a;
}
qreg q[3];
qreg anc[2];
creg c[5];
h q;
entangle(pi/3, sqrt(2)*0.5) q[0], anc[1];
cx q, anc[0];
ry(-(1.5^2) + ln(3)) anc;
crz(cos(pi/5)) anc[1], q[2];
cswap q[2], q[0], anc[0];
barrier q, anc;
measure q[0] -> c[0];
measure q[1] -> c[1];
measure q[2] -> c[2];
