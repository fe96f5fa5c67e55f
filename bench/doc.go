// Package bench measures how simulation cost grows with the number of
// qubits: the circuits of the performance comparison (Circuit, RandomLayers,
// ZZMap), a memory-bandwidth probe that gives every time its bound
// (MemoryPass, MeasurePass), the same circuits on itsubaki/q for comparison
// (RunItsubaki), and the scaling harness behind "qmlkit bench scaling"
// (Scaling, WriteTable, WriteCSV, WriteJSON, WritePlot). Its testing.B
// benchmarks time single gates and whole circuits on statevec and
// itsubaki/q, named BenchmarkX/backend=B/qubits=N so benchstat can compare
// runs:
//
//	go test -run '^$' -bench . -benchtime 3x -cpu 1 ./bench
//
// # The bound
//
// A gate on a state that does not fit in cache is limited by memory
// traffic: it reads and writes every amplitude it changes. One in-place
// read-modify-write pass over the whole state is the yardstick; every
// figure is reported as passes, time ÷ (gates × one pass), with the pass
// measured in the same run on a state of the same size, precision and
// thread count. On a machine shared with other jobs absolute times drift
// by tens of percent between runs, while ratios measured side by side hold
// to a few percent; report the load (Machine) with them.
//
// # Conventions
//
// The "random" circuit is RandomLayersCount = 20 layers of RY on every
// qubit followed by CZ on neighbouring pairs (even pairs in even layers,
// odd pairs in odd ones): 710 gates at 24 qubits, the workload of
// /work/shared/specs/performance.md. QFT is circuits.QFT (312 gates at 24
// qubits). The ZZ feature map is Qiskit's ZZFeatureMap with 2 repetitions
// and linear entanglement (kernels.ZZFeatureMap). Peak memory is the
// kernel's VmHWM for this process, reset before every timed run; itsubaki/q
// runs on one goroutine, as that library does.
package bench
