package zmat

import "errors"

// Sentinel errors, wrapped with the details by every function that returns them; test with errors.Is.
var (
	// ErrShape: a nil matrix, a size below 1×1, inconsistent Stride/Data, or dimensions that
	// do not match for the operation.
	ErrShape = errors.New("bad matrix shape")
	// ErrIndex: an element index or view bound outside the matrix.
	ErrIndex = errors.New("index out of range")
	// ErrNotFinite: an input holds NaN or ±Inf.
	ErrNotFinite = errors.New("non-finite value")
	// ErrArgument: a scalar argument (cutoff, rank, mode, singular values) is out of its domain.
	ErrArgument = errors.New("bad argument")
	// ErrNoConvergence: the bidiagonal QR iteration did not converge (not seen in practice).
	ErrNoConvergence = errors.New("no convergence")
)
