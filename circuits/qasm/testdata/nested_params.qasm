OPENQASM 2.0;
include "qelib1.inc";
/* A layered ansatz built from nested, parameterised gate definitions.
   The angles exercise every operator and function of the expression
   grammar: + - * / ^ (right-associative), unary minus, parentheses,
   sin cos tan exp ln sqrt, pi, and numbers such as 1.2e-1 and .5. */
gate rot(a, b, c) q { rz(a) q; ry(b) q; rz(c) q; }
gate ent(t) q0, q1
{
  cx q0, q1;
  rz(-t/2) q1;
  cx q0, q1;
  u1(t^2/pi) q0;
}
gate layer(t, s) a, b, c {
  rot(t, s*2, -t+s) a;
  rot(sin(t), cos(s), tan(t/4)) b;
  rot(exp(-s), ln(2*pi), sqrt(t*t + s*s)) c;
  ent(t) a, b;
  ent(-(s - t)*3) b, c;
  barrier a, b, c;
}
qreg q[3];
layer(0.3, 1.2e-1) q[0], q[1], q[2];
layer(pi/3, -.5) q[2], q[0], q[1];
u2(2^-1, 2^3^0.5) q[1];   // 2^(3^0.5)
