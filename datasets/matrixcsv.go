package datasets

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// ReadMatrixCSV reads a numeric matrix: one sample per line, comma-separated
// float64 values, no header. Spaces around a value are ignored and blank
// lines are skipped; anything else that is not a finite number is an error
// naming its row and column (both counted from 1, rows as data rows, with
// the file line when it differs). Every row must have as many columns as the
// first, and the file must contain at least one row.
func ReadMatrixCSV(r io.Reader) ([][]float64, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var out [][]float64
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("datasets: ReadMatrixCSV: row %d: %w", len(out)+1, err)
		}
		row := len(out) + 1
		where := fmt.Sprintf("row %d", row)
		if line, _ := cr.FieldPos(0); line != row {
			where = fmt.Sprintf("row %d (line %d)", row, line)
		}
		if len(out) > 0 && len(rec) != len(out[0]) {
			return nil, fmt.Errorf("datasets: ReadMatrixCSV: %s has %d columns, row 1 has %d", where, len(rec), len(out[0]))
		}
		values := make([]float64, len(rec))
		for j, field := range rec {
			v, err := parseFinite(field)
			if err != nil {
				hint := ""
				if row == 1 {
					hint = " (header lines are not allowed)"
				}
				return nil, fmt.Errorf("datasets: ReadMatrixCSV: %s, column %d: %w%s", where, j+1, err, hint)
			}
			values[j] = v
		}
		out = append(out, values)
	}
	if len(out) == 0 {
		return nil, errors.New("datasets: ReadMatrixCSV: empty input, no rows")
	}
	return out, nil
}

// WriteMatrixCSV writes X one row per line with every value in the shortest
// form that reads back to the same float64 (strconv 'g', precision −1), so
// ReadMatrixCSV(WriteMatrixCSV(X)) returns X exactly. X must be non-empty,
// rectangular and finite.
func WriteMatrixCSV(w io.Writer, X [][]float64) error {
	if len(X) == 0 || len(X[0]) == 0 {
		return errors.New("datasets: WriteMatrixCSV: empty matrix")
	}
	bw := bufio.NewWriter(w)
	buf := make([]byte, 0, 32)
	for i, row := range X {
		if len(row) != len(X[0]) {
			return fmt.Errorf("datasets: WriteMatrixCSV: row %d has %d columns, row 1 has %d", i+1, len(row), len(X[0]))
		}
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("datasets: WriteMatrixCSV: row %d, column %d: %v is not finite", i+1, j+1, v)
			}
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendFloat(buf, v, 'g', -1, 64)
		}
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return fmt.Errorf("datasets: WriteMatrixCSV: %w", err)
		}
		buf = buf[:0]
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("datasets: WriteMatrixCSV: %w", err)
	}
	return nil
}

// parseFinite parses one field as a finite float64.
func parseFinite(field string) (float64, error) {
	s := strings.TrimSpace(field)
	if s == "" {
		return 0, errors.New("empty value")
	}
	v, err := strconv.ParseFloat(s, 64)
	if errors.Is(err, strconv.ErrRange) && math.Abs(v) > 1 {
		return 0, fmt.Errorf("%q overflows float64", s)
	}
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not finite", s)
	}
	return v, nil
}
