package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// command is one subcommand: it parses its own flags from args and writes
// results to stdout, progress to stderr.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"run", "simulate an OpenQASM 2.0 file and print its outcome distribution", runCommand},
		{"draw", "draw an OpenQASM 2.0 file as text, qubit 0 on top", drawCommand},
		{"reproduce", "run paper reproductions and print ours beside the published numbers", reproduceCommand},
		{"kernel", "compute a quantum-kernel Gram matrix from CSV samples", kernelCommand},
		{"bench", "measure how simulation time grows with qubits (bench scaling)", benchCommand},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := mainWithArgs(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// usageError marks errors in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// mainWithArgs runs a subcommand and returns the exit status: 0 on
// success, 1 when a reproduction's checks failed, 2 on any error.
func mainWithArgs(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errChecksFailed):
			fmt.Fprintf(stderr, "qmlkit %s: %v\n", c.name, err)
			return 1
		default:
			fmt.Fprintf(stderr, "qmlkit %s: %v\n", c.name, err)
			return 2
		}
	}
	fmt.Fprintf(stderr, "qmlkit: unknown command %q (run 'qmlkit help')\n", args[0])
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: qmlkit <command> [flags] [arguments]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'qmlkit <command> -h' for a command's flags.")
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("qmlkit "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses flags that may appear before or after positional
// arguments (Go's flag package stops at the first positional one).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}
