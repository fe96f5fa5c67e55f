package repro

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestChecks(t *testing.T) {
	assert.True(t, NewCheck("abs", 1.05, 1, 0.1, false).OK)
	assert.False(t, NewCheck("abs", 1.2, 1, 0.1, false).OK)
	assert.True(t, NewCheck("rel", 2.43584, 2.43607, 0.01, true).OK)
	assert.False(t, NewCheck("rel", 3.07, 2.43607, 0.01, true).OK)
	assert.True(t, NewAtLeast("acc", 0.95, 0.9, 0).OK)
	assert.False(t, NewAtLeast("acc", 0.85, 0.9, 0).OK)
	assert.False(t, NewCheck("nan", math.NaN(), 0, 1, false).OK, "NaN never passes")
	r := Result{Checks: []Check{NewCheck("a", 1, 1, 0, false), NewCheck("b", 2, 1, 0, false)}}
	assert.Len(t, r.Failed(), 1)
	assert.Contains(t, r.Checks[1].String(), "FAIL")
}

func TestTable(t *testing.T) {
	got := Table([]string{"model", "acc"}, [][]string{{"qsvm", "1.00"}, {"svm", "0.95"}})
	assert.Equal(t, "model  acc\n-----  ----\nqsvm   1.00\nsvm    0.95\n", got)
}
