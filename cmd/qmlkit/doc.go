// Command qmlkit runs OpenQASM circuits on qmlkit's simulators, reproduces
// the quantum-ML and quantum-algorithm papers qmlkit implements, and
// measures how simulation cost grows with the number of qubits.
//
//	qmlkit run [--backend statevec|mps] [--shots N] [--seed S] [--top K] [--amplitudes] [--json] FILE.qasm
//	qmlkit draw FILE.qasm
//	qmlkit reproduce [--quick] [--json] [--plot DIR] [NAME...]
//	qmlkit bench scaling [--backend statevec|mps] [--circuit random] [--min 10] [--max 26] [--plot FILE.png] [--csv FILE] [--json]
//	qmlkit kernel --feature-map zz --reps R --entanglement E --input X.csv [--input2 Y.csv] --output K.csv
//
// Errors print one line on stderr (file:line:col: message for input files)
// and exit with status 2.
package main
