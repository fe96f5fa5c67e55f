package cbe

import (
	"testing"

	"gonum.org/v1/gonum/dsp/fourier"
)

func benchmarkStep(b *testing.B, n int, kick KickScheme) {
	p, err := NewJeansProblem(0.5, 1e-6, n, n, 6)
	if err != nil {
		b.Fatal(err)
	}
	s, err := NewSolver(p, Options{Dt: 0.01, Kick: kick})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s.Step()
	}
}

func BenchmarkStep64(b *testing.B)        { benchmarkStep(b, 64, KickFourier) }
func BenchmarkStep256(b *testing.B)       { benchmarkStep(b, 256, KickFourier) }
func BenchmarkStep64Spline(b *testing.B)  { benchmarkStep(b, 64, KickSpline) }
func BenchmarkStep256Spline(b *testing.B) { benchmarkStep(b, 256, KickSpline) }

func BenchmarkRecord64(b *testing.B) {
	p, err := NewJeansProblem(0.5, 1e-6, 64, 64, 6)
	if err != nil {
		b.Fatal(err)
	}
	s, err := NewSolver(p, Options{Dt: 0.01})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s.Record()
	}
}

func benchmarkPlan(b *testing.B, p fftPlan, n int) {
	x := make([]complex128, n)
	for i := range x {
		x[i] = complex(float64(i%7), float64(i%3))
	}
	for b.Loop() {
		p.forward(x)
		p.inverse(x)
	}
}

func BenchmarkFFT64Radix2(b *testing.B) { benchmarkPlan(b, newRadix2(64), 64) }
func BenchmarkFFT64Gonum(b *testing.B) {
	benchmarkPlan(b, gonumPlan{fourier.NewCmplxFFT(64)}, 64)
}
