OPENQASM 2.0;
include "qelib1.inc";
gate ryy(param0) q0,q1 { rx(pi/2) q0; rx(pi/2) q1; cx q0,q1; rz(param0) q1; cx q0,q1; rx(-pi/2) q0; rx(-pi/2) q1; }
gate rzx(param0) q0,q1 { h q1; cx q0,q1; rz(param0) q1; cx q0,q1; h q1; }
gate iswap q0,q1 { s q0; s q1; h q0; cx q0,q1; cx q1,q0; h q1; }
gate ccz q0,q1,q2 { h q2; ccx q0,q1,q2; h q2; }
gate gate_Q(param0) q0,q1 { ry(param0) q0; cz q0,q1; }
qreg q[5];
creg c[5];
u(0.1,0.2,0.3) q[0];
u3(pi/2,-pi/4,3*pi/4) q[1];
p(-0.7) q[2];
u1(1.1) q[3];
u0(5) q[4];
id q[4];
sx q[0];
sxdg q[1];
y q[2];
z q[3];
t q[4];
tdg q[0];
s q[1];
sdg q[2];
ryy(0.25) q[0],q[1];
rzx(-1.5) q[1],q[2];
iswap q[2],q[3];
ccz q[0],q[1],q[4];
gate_Q(0.9) q[3],q[4];
rxx(0.4) q[0],q[3];
rzz(0.6) q[1],q[4];
cy q[0],q[1];
ch q[1],q[2];
csx q[2],q[3];
crx(0.5) q[3],q[4];
cry(-0.5) q[4],q[0];
crz(1.25) q[0],q[2];
cu1(0.3) q[1],q[3];
cu3(0.1,0.2,0.3) q[2],q[4];
cu(0.4,0.5,0.6,0.7) q[3],q[0];
cswap q[4],q[0],q[1];
rc3x q[0],q[1],q[2],q[3];
c3x q[1],q[2],q[3],q[4];
c3sqrtx q[4],q[3],q[2],q[1];
c4x q[0],q[1],q[2],q[3],q[4];
measure q -> c;
