package main

import (
	"context"
	"fmt"
	"io"

	"github.com/qmlkit/qmlkit/circuits/qasm"
)

func drawCommand(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("draw", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: qmlkit draw FILE.qasm")
		fs.PrintDefaults()
	}
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usageError{fmt.Sprintf("want one OpenQASM file, got %d arguments", len(files))}
	}
	c, err := qasm.ParseFile(files[0])
	if err != nil {
		return err
	}
	fmt.Fprint(stdout, c)
	return nil
}
