package cbe

import (
	"math"
	"math/cmplx"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// faddeevaQuadrature is an independent oracle for Im z > 0:
// w(z) = (i/π)∫ e^{−t²}/(z − t) dt by the trapezoid rule, whose error
// decays like e^{−2π·Im z/h} for this analytic integrand.
func faddeevaQuadrature(z complex128) complex128 {
	const h = 0.005
	var s complex128
	for t := -12.0; t <= 12.0+h/2; t += h {
		s += complex(math.Exp(-t*t), 0) / (z - complex(t, 0))
	}
	return complex(0, h/math.Pi) * s
}

// dawson is D(x) = e^{−x²}∫_0^x e^{t²} dt by composite Simpson (relative
// error below 1e−13 for x ≤ 7).
func dawson(x float64) float64 {
	const n = 200000
	h := x / n
	s := 0.0
	for i := 0; i <= n; i++ {
		t := float64(i) * h
		wgt := 2.0
		switch {
		case i == 0 || i == n:
			wgt = 1
		case i%2 == 1:
			wgt = 4
		}
		s += wgt * math.Exp(t*t-x*x)
	}
	return s * h / 3
}

func TestFaddeevaKnownValues(t *testing.T) {
	// w(1+i) to 16 digits (the value scipy.special.wofz gives).
	want := complex(0.3047442052569126, 0.2082189382028316)
	got := Faddeeva(complex(1, 1))
	assert.Less(t, cmplx.Abs(got-want)/cmplx.Abs(want), 1e-13, "w(1+i) = %v", got)
	assert.InDelta(t, 1, real(Faddeeva(0)), 1e-13)
	assert.InDelta(t, 0, imag(Faddeeva(0)), 1e-13)
	z0 := PlasmaZ(0)
	assert.InDelta(t, 0, real(z0), 1e-14)
	assert.InDelta(t, math.Sqrt(math.Pi), imag(z0), 1e-13)
}

func TestFaddeevaAgainstQuadrature(t *testing.T) {
	worst := 0.0
	for _, re := range []float64{-7, -3, -1.2, 0, 0.4, 1, 2, 3.5, 6, 9} {
		for _, im := range []float64{0.2, 0.5, 1, 2, 4, 8} {
			z := complex(re, im)
			want := faddeevaQuadrature(z)
			rel := cmplx.Abs(Faddeeva(z)-want) / cmplx.Abs(want)
			worst = math.Max(worst, rel)
			assert.Less(t, rel, 1e-12, "z = %v", z)
		}
	}
	t.Logf("worst relative error against quadrature: %.2e", worst)
}

func TestFaddeevaRealAxis(t *testing.T) {
	for _, x := range []float64{0.1, 0.7, 1.5, 2.5, 4, 7} {
		want := complex(math.Exp(-x*x), 2/math.Sqrt(math.Pi)*dawson(x))
		got := Faddeeva(complex(x, 0))
		assert.Less(t, cmplx.Abs(got-want)/cmplx.Abs(want), 1e-12, "x = %v", x)
	}
}

func TestFaddeevaLowerHalfPlaneSymmetry(t *testing.T) {
	// w(−z̄) = conj(w(z)) holds for the analytic continuation everywhere.
	for _, z := range []complex128{complex(2, -0.2), complex(0.5, -1), complex(-3, -0.7), complex(1.4, -2)} {
		a := Faddeeva(-cmplx.Conj(z))
		b := cmplx.Conj(Faddeeva(z))
		assert.Less(t, cmplx.Abs(a-b)/cmplx.Abs(b), 1e-12, "z = %v", z)
	}
	// Z'(ζ) = −2(1 + ζZ) checked by a central difference below the axis.
	zeta := complex(2.0, -0.22)
	const h = 1e-5
	num := (PlasmaZ(zeta+h) - PlasmaZ(zeta-h)) / (2 * h)
	ana := -2 * (1 + zeta*PlasmaZ(zeta))
	assert.Less(t, cmplx.Abs(num-ana)/cmplx.Abs(ana), 1e-8)
}

func TestErfcxBranchesAgree(t *testing.T) {
	for _, y := range []float64{0.3, 2, 4.9, 5, 5.1, 7, 12, 30} {
		w := real(Faddeeva(complex(0, y))) // w(iy) = e^{y²}erfc(y)
		require.InDelta(t, 1, erfcx(y)/w, 1e-13, "y = %v", y)
	}
	// Continuity at the branch switch.
	below := math.Exp(4.999999*4.999999) * math.Erfc(4.999999)
	assert.InDelta(t, 1, erfcx(4.999999)/below, 1e-14)
	assert.InDelta(t, 1, erfcx(5)/below, 1e-6)
}
