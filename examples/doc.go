// Package examples is the registry of paper reproductions behind
// `qmlkit reproduce`. Each subdirectory reproduces one paper (or, for
// demos, the simulator's own textbook checks): it is an importable package
// exposing Reproductions(), with a README that gives the citation, what is
// reproduced, how to run it and the numbers to expect.
//
// Every reproduction takes repro.Options (quick sizes, seed, plot
// directory, progress writer) and returns a repro.Result whose JSON form is
// {"name":…, "metrics":{…}, "paper":{…}} plus the checks that compare our
// numbers with the published or exactly known ones.
package examples
