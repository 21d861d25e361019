// Command casebook extracts, stores, reviews and publishes facts from reports
// of abuses by North Korean state organs. Run `casebook help` for its commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"casebook"
)

// command is one subcommand: it gets its arguments (after the name) and the
// standard streams, and returns an error to print.
type command struct {
	summary string
	run     func(ctx context.Context, env *cmdEnv, args []string) error
}

// cmdEnv carries what a subcommand may touch outside itself.
type cmdEnv struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
	getenv         func(string) string
}

var commands = map[string]command{
	"extract": {"print the facts of report files, or JSONL in and out (--jsonl)", runExtract},
	"ingest":  {"store report files (txt, md, html, pdf, jsonl, folders) with their facts", runIngest},
	"search":  {"search stored reports with filters", runSearch},
	"serve":   {"start the web app and JSON API (--demo loads sample reports)", runServe},
	"init":    {"create the data directory and the source key", runInit},
	"user":    {"manage accounts: user add|passwd|del|list", runUser},
	"audit":   {"audit verify: check the hash-chained audit log", runAudit},
	"verify":  {"re-hash every stored original and report mismatches", runVerify},
	"export":  {"export events as csv, geojson or json (--redact for the public)", runExport},
	"source":  {"manage protected source records: source add|edit|list|show|link", runSource},
	"version": {"print the version", runVersion},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := &cmdEnv{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
		log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo})),
	}
	os.Exit(run(ctx, env, os.Args[1:]))
}

// run dispatches to a subcommand and returns the process exit code.
func run(ctx context.Context, env *cmdEnv, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.stderr, "casebook: unknown command %q\n\n", args[0])
		usage(env.stderr)
		return 2
	}
	if err := cmd.run(ctx, env, args[1:]); err != nil {
		if errors.Is(err, errUsage) {
			return 2
		}
		fmt.Fprintf(env.stderr, "casebook %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

// errUsage is returned after a flag set has printed its own usage message.
var errUsage = errors.New("usage")

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: casebook COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
}

func runVersion(ctx context.Context, env *cmdEnv, args []string) error {
	fmt.Fprintln(env.stdout, "casebook", casebook.Version)
	return nil
}
