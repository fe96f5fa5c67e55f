package cbe

import (
	"fmt"
	"math"
	"strings"

	"github.com/qmlkit/qmlkit/cbe"
)

// costSizes are the register sizes of the gate-count table.
var costSizes = []int{4, 5, 6, 7}

// costRows builds the gate-count and depth table per step for n_x, n_v ∈
// costSizes: Fourier streaming, gravity, M = 1 shot readout (the counts of
// the evolution circuits do not depend on M or on a(x)).
func costRows() ([][]string, error) {
	var rows [][]string
	for _, nx := range costSizes {
		for _, nv := range costSizes {
			g := cbe.Grid{Nx: 1 << nx, Nv: 1 << nv, L: 2 * math.Sqrt(math.Pi), VMax: 6}
			c, err := cbe.QuantumStepCost(g, cbe.Gravity, cbe.QuantumOptions{Dt: 0.01, Modes: 1, Readout: cbe.ReadoutShots, Shots: 1})
			if err != nil {
				return nil, err
			}
			rows = append(rows, []string{
				fmt.Sprint(nx), fmt.Sprint(nv), fmt.Sprint(nx + nv),
				fmt.Sprintf("%d / %d", c.Stream.Gates, c.Stream.Depth),
				fmt.Sprintf("%d / %d", c.Kick.Gates, c.Kick.Depth),
				fmt.Sprintf("%d / %d", c.Step.Gates, c.Step.Depth),
				fmt.Sprintf("%d / %d", c.Readout.Gates, c.Readout.Depth),
				fmt.Sprintf("%d / %d", c.HadamardTest.Gates, c.HadamardTest.Depth),
				fmt.Sprintf("%.3g", classicalFlopsPerStep(nx, nv)),
			})
		}
	}
	return rows, nil
}

var costHeader = []string{"n_x", "n_v", "qubits", "stream (½ step)", "kick", "step", "readout", "Hadamard test (m = 1)", "classical flops/step"}

// costMarkdown renders costRows as the Markdown table of README.md.
func costMarkdown() (string, error) {
	rows, err := costRows()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("| " + strings.Join(costHeader, " | ") + " |\n")
	b.WriteString(strings.Repeat("|---", len(costHeader)) + "|\n")
	for _, r := range rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	return b.String(), nil
}

// classicalFlopsPerStep estimates the classical Strang step at 5·n·log2 n
// flops per length-n FFT: two half streams (a forward and an inverse
// x-FFT for each of the Nv velocities) and a kick (a forward and an
// inverse v-FFT for each of the Nx positions): 5·Nx·Nv·(4n_x + 2n_v).
func classicalFlopsPerStep(nx, nv int) float64 {
	return 5 * math.Ldexp(1, nx+nv) * float64(4*nx+2*nv)
}
