package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
)

// runVerify re-hashes every stored original and reports each report whose
// bytes no longer match the SHA-256 it was stored under (its identity).
func runVerify(ctx context.Context, env *cmdEnv, args []string) error {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	sc := storeFlags(fs, env)
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: casebook verify [--data DIR] [--db DSN]\n\nRe-hashes every stored original; exits 1 on any mismatch.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return errUsage
	}
	st, err := sc.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	checked, bad := 0, 0
	err = st.ReportOriginals(ctx, func(id int64, sha string, original []byte) error {
		checked++
		sum := sha256.Sum256(original)
		if got := hex.EncodeToString(sum[:]); got != sha {
			bad++
			fmt.Fprintf(env.stdout, "MISMATCH report %d: stored as %s, original now hashes to %s\n", id, sha, got)
		}
		return ctx.Err()
	})
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if bad > 0 {
		fmt.Fprintf(env.stdout, "%d of %d reports do not match their hash\n", bad, checked)
		return errTampered
	}
	fmt.Fprintf(env.stdout, "OK: %d reports match their hashes\n", checked)
	return nil
}
