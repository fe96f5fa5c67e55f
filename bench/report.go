package bench

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteTable writes rows as a Markdown table: for dense backends (rows with
// a Precision) the time,
// ns per amplitude per gate, passes per gate (the ratio to the memory-pass
// bound) and the pass itself; for others the bond dimension and fidelity;
// then peak memory, itsubaki/q and the comparison backend when there is one.
func WriteTable(w io.Writer, rows []Row) error {
	dense := len(rows) > 0 && rows[0].Precision != ""
	head := []string{"qubits", "threads", "gates", "seconds"}
	if dense {
		head = append(head, "ns/amp/gate", "passes/gate", "1 pass (ms)")
	} else {
		head = append(head, "max bond", "fidelity")
	}
	head = append(head, "peak RSS (MiB)", "itsubaki/q (s)", "speed-up")
	cmp := ""
	for _, r := range rows {
		if r.CompareBackend != "" {
			cmp = r.CompareBackend
			break
		}
	}
	if cmp != "" {
		head = append(head, cmp+" (s)", cmp+" ÷ "+rows[0].Backend)
	}
	var b strings.Builder
	b.WriteString("| " + strings.Join(head, " | ") + " |\n|")
	for range head {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, r := range rows {
		cells := []string{strconv.Itoa(r.Qubits), strconv.Itoa(r.Threads), strconv.Itoa(r.Gates)}
		if r.Error != "" {
			cells = append(cells, "refused: "+r.Error)
			b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
			continue
		}
		cells = append(cells, fmt.Sprintf("%.4g", r.Seconds))
		if dense {
			cells = append(cells, fmt.Sprintf("%.3g", r.NsPerAmpGate), fmt.Sprintf("%.3f", r.Passes), fmt.Sprintf("%.3g", r.PassSeconds*1e3))
		} else {
			cells = append(cells, strconv.Itoa(r.MaxBond), fmt.Sprintf("%.6f", r.Fidelity))
		}
		cells = append(cells, mib(r.PeakBytes))
		if r.ItsubakiSeconds > 0 {
			cells = append(cells, fmt.Sprintf("%.4g", r.ItsubakiSeconds), fmt.Sprintf("%.1f×", r.ItsubakiSeconds/r.Seconds))
		} else {
			cells = append(cells, r.ItsubakiNote, "")
		}
		if cmp != "" {
			if r.CompareSeconds > 0 {
				cells = append(cells, fmt.Sprintf("%.4g", r.CompareSeconds), fmt.Sprintf("%.3g×", r.CompareSeconds/r.Seconds))
			} else {
				cells = append(cells, r.CompareNote, "")
			}
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mib formats bytes in MiB, "n/a" for no reading.
func mib(b uint64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.0f", float64(b)/(1<<20))
}

// WriteCSV writes rows with a header line, one column per Row field.
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"backend", "circuit", "qubits", "threads", "precision", "gates", "seconds",
		"ns_per_amp_gate", "pass_seconds", "passes_per_gate", "peak_bytes", "max_bond", "fidelity",
		"itsubaki_seconds", "itsubaki_note", "compare_backend", "compare_seconds", "compare_note", "error"})
	g := func(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }
	for _, r := range rows {
		_ = cw.Write([]string{r.Backend, r.Circuit, strconv.Itoa(r.Qubits), strconv.Itoa(r.Threads), r.Precision,
			strconv.Itoa(r.Gates), g(r.Seconds), g(r.NsPerAmpGate), g(r.PassSeconds), g(r.Passes),
			strconv.FormatUint(r.PeakBytes, 10), strconv.Itoa(r.MaxBond), g(r.Fidelity),
			g(r.ItsubakiSeconds), r.ItsubakiNote, r.CompareBackend, g(r.CompareSeconds), r.CompareNote, r.Error})
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes rows as an indented JSON array.
func WriteJSON(w io.Writer, rows []Row) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if rows == nil {
		rows = []Row{}
	}
	return enc.Encode(rows)
}
