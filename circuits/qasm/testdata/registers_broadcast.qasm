OPENQASM 2.0;
include "qelib1.inc";
qreg a[2];     // global qubits 0, 1
qreg b[2];     // global qubits 2, 3
qreg anc[1];   // global qubit 4
creg ca[2];
creg cb[2];
reset a;          // one reset per qubit of a
reset anc[0];
h a;
cx a, b;          // pairwise: a[0]->b[0], a[1]->b[1]
cx a[0], b;       // one control, every qubit of b as target
ccx a[0], a[1], anc[0];
barrier a, b[1];
rz(pi/8) b;
swap a[1], anc;   // anc has size 1
measure a -> ca;
measure b -> cb;
