package tensornet

import (
	"math"
	"math/cmplx"
)

// jacobiLimit is the largest smaller dimension for which splits use the
// one-sided Jacobi SVD below instead of zmat.SVD. zmat's Golub–Kahan SVD
// allocates about forty slices per call, which dominates the two-site
// update of low-entanglement circuits (bond 1–4: θ is 2×2 to 8×8). Jacobi
// on reused buffers is 20× faster at 2×2, 4× at 4×4 and even at 8×8;
// from about 12 columns on its O(p³) work per sweep loses
// (BenchmarkSmallSVD).
const jacobiLimit = 8

// jacobiMaxSweeps bounds the cyclic sweeps; quadratic convergence needs
// about log2(p) + 3 of them, and a split that has not converged by this
// many falls back to zmat.SVD.
const jacobiMaxSweeps = 40

// jacobi is the one-sided (Hestenes) Jacobi SVD with its buffers, reused
// from split to split. For a tall m×n matrix A it rotates pairs of columns
// of W = A·V (V = I at the start) with complex plane rotations until every
// pair is orthogonal to within tol·‖w_p‖·‖w_q‖; then σ_j = ‖w_j‖,
// u_j = w_j/σ_j and A = U·diag(σ)·Vᴴ. A wide matrix is handled through
// Aᴴ, whose columns are the conjugated rows of A. Every rotation is
// unitary and V accumulates them, so V has orthonormal columns to
// rounding; U's columns are orthogonal to tol by the stopping rule, even
// for small σ_j (one-sided Jacobi computes small singular values and their
// vectors to high relative accuracy).
type jacobi struct {
	w     []complex128 // column j of W at w[j·h : (j+1)·h]
	v     []complex128 // column j of V at v[j·p : (j+1)·p]
	s     []float64
	byS   []float64 // s in descending order
	order []int
	u     []complex128 // result U, m×p row-major
	vh    []complex128 // result Vᴴ, p×n row-major
}

// factor computes the thin SVD of the row-major m×n matrix a into j.u,
// j.s (descending) and j.vh, with p = min(m, n) singular values. It
// reports false, leaving the work to zmat.SVD, when the sweeps do not
// converge or A is zero.
func (j *jacobi) factor(a []complex128, m, n int) bool {
	tall := m >= n
	p, h := n, m // p columns of length h
	if !tall {
		p, h = m, n
	}
	j.w = resize(j.w, p*h)
	j.v = resize(j.v, p*p)
	if tall {
		for c := range p {
			col := j.w[c*h : (c+1)*h]
			for i := range h {
				col[i] = a[i*n+c]
			}
		}
	} else {
		for c := range p {
			col := j.w[c*h : (c+1)*h]
			for i, x := range a[c*n : (c+1)*n] {
				col[i] = cmplx.Conj(x)
			}
		}
	}
	clear(j.v)
	for c := range p {
		j.v[c*p+c] = 1
	}
	tol := float64(h) * 0x1p-52
	converged := false
	for sweep := 0; sweep < jacobiMaxSweeps && !converged; sweep++ {
		converged = true
		for c1 := 0; c1 < p-1; c1++ {
			for c2 := c1 + 1; c2 < p; c2++ {
				if j.rotate(c1, c2, h, p, tol) {
					converged = false
				}
			}
		}
	}
	if !converged {
		return false
	}
	j.s = resizeFloat(j.s, p)
	j.order = j.order[:0]
	for c := range p {
		j.s[c] = norm(j.w[c*h : (c+1)*h])
		j.order = append(j.order, c)
	}
	for i := 1; i < p; i++ { // insertion sort, descending σ; p is small
		for k := i; k > 0 && j.s[j.order[k]] > j.s[j.order[k-1]]; k-- {
			j.order[k], j.order[k-1] = j.order[k-1], j.order[k]
		}
	}
	if j.s[j.order[0]] == 0 {
		return false
	}
	j.u = resize(j.u, m*p)
	j.vh = resize(j.vh, p*n)
	j.byS = resizeFloat(j.byS, p)
	for k, c := range j.order {
		sigma := j.s[c]
		j.byS[k] = sigma
		inv := 0.0
		if sigma > 0 {
			inv = 1 / sigma
		}
		wc := j.w[c*h : (c+1)*h]
		vc := j.v[c*p : (c+1)*p]
		if tall { // U = W·Σ⁻¹, Vᴴ rows are conj(V columns)
			for i := range m {
				j.u[i*p+k] = wc[i] * complex(inv, 0)
			}
			for i := range n {
				j.vh[k*n+i] = cmplx.Conj(vc[i])
			}
		} else { // Aᴴ = W·Vᴴ, so A = V·Σ·(W·Σ⁻¹)ᴴ
			for i := range m {
				j.u[i*p+k] = vc[i]
			}
			for i := range n {
				j.vh[k*n+i] = cmplx.Conj(wc[i]) * complex(inv, 0)
			}
		}
	}
	j.s, j.byS = j.byS, j.s
	return true
}

// rotate orthogonalises columns c1 and c2 of W (and applies the same
// rotation to V); it reports whether they needed it. With α = ‖w1‖²,
// β = ‖w2‖², γ = w1ᴴw2 = |γ|e^{iφ}, the rotation
//
//	w1' = c·w1 − s·e^{−iφ}·w2,   w2' = s·w1 + c·e^{−iφ}·w2
//
// with t = s/c the smaller root of t² + 2ζt − 1 = 0, ζ = (β − α)/(2|γ|),
// makes w1'ᴴw2' = 0 (the real symmetric Jacobi rotation of the Gram
// matrix after w2 is rephased to make γ real).
func (j *jacobi) rotate(c1, c2, h, p int, tol float64) bool {
	w1 := j.w[c1*h : (c1+1)*h]
	w2 := j.w[c2*h : (c2+1)*h]
	var alpha, beta, gr, gi float64
	w2 = w2[:len(w1)]
	for i, x := range w1 {
		y := w2[i]
		xr, xi, yr, yi := real(x), imag(x), real(y), imag(y)
		alpha += xr*xr + xi*xi
		beta += yr*yr + yi*yi
		gr += xr*yr + xi*yi
		gi += xr*yi - xi*yr
	}
	gamma := complex(gr, gi)
	g := cmplx.Abs(gamma)
	if g == 0 || g <= tol*math.Sqrt(alpha)*math.Sqrt(beta) {
		return false
	}
	zeta := (beta - alpha) / (2 * g)
	t := 1 / (math.Abs(zeta) + math.Sqrt(1+zeta*zeta))
	if zeta < 0 {
		t = -t
	}
	c := 1 / math.Sqrt(1+t*t)
	s := c * t
	pr, pi := real(gamma)/g, -imag(gamma)/g // e^{−iφ}
	cr, ci := c*pr, c*pi                    // c·e^{−iφ}
	sr, si := s*pr, s*pi                    // s·e^{−iφ}
	rot := func(x1, x2 []complex128) {
		x2 = x2[:len(x1)]
		for i, x := range x1 {
			y := x2[i]
			xr, xi, yr, yi := real(x), imag(x), real(y), imag(y)
			x1[i] = complex(c*xr-(sr*yr-si*yi), c*xi-(sr*yi+si*yr))
			x2[i] = complex(s*xr+(cr*yr-ci*yi), s*xi+(cr*yi+ci*yr))
		}
	}
	rot(w1, w2)
	rot(j.v[c1*p:(c1+1)*p], j.v[c2*p:(c2+1)*p])
	return true
}

// norm returns ‖x‖₂ without overflow for the magnitudes an MPS holds.
func norm(x []complex128) float64 {
	var s float64
	for _, v := range x {
		s += real(v)*real(v) + imag(v)*imag(v)
	}
	return math.Sqrt(s)
}

func resize(x []complex128, n int) []complex128 {
	if cap(x) < n {
		return make([]complex128, n)
	}
	return x[:n]
}

func resizeFloat(x []float64, n int) []float64 {
	if cap(x) < n {
		return make([]float64, n)
	}
	return x[:n]
}
