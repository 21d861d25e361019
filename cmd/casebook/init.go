package main

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"

	"casebook/audit"
	"casebook/auth"
)

// runInit creates the data directory, the source key and the database. It is
// safe to run again: an existing key is never replaced, since every sealed
// source depends on it.
func runInit(ctx context.Context, env *cmdEnv, args []string) error {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	sc := storeFlags(fs, env)
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: casebook init [--data DIR] [--db DSN]\n\nCreates the data directory, the source key (DIR/source.key, mode 0600) and the database.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	dir := sc.dataDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create data directory: %w", err)
	}
	if fi, err := os.Stat(dir); err == nil && fi.Mode().Perm()&0o077 != 0 {
		fmt.Fprintf(env.stderr, "warning: data directory %s has mode %04o; consider chmod 700\n", dir, fi.Mode().Perm())
	}
	detail := "source key kept"
	if env.getenv(auth.KeyEnv) != "" {
		detail = "source key from " + auth.KeyEnv
		if _, err := auth.LoadKey(dir, env.getenv); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "source key: from %s (no key file written)\n", auth.KeyEnv)
	} else {
		path, created, err := auth.CreateKeyFile(dir)
		if err != nil {
			return err
		}
		if created {
			detail = "source key created"
			fmt.Fprintf(env.stdout, "source key: created %s (mode 0600)\n", path)
			fmt.Fprintln(env.stdout, "  Back it up apart from the database: without it no source record can be read.")
		} else {
			fmt.Fprintf(env.stdout, "source key: kept existing %s\n", path)
		}
	}
	st, err := sc.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := audit.Record(ctx, st, cliActor(env), audit.ActionInit, "casebook", detail); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "database: %s ready\n", dsnForDisplay(sc.dsn()))
	users, err := st.FindUsers(ctx)
	if err != nil {
		return fmt.Errorf("list users: %w", err)
	}
	if len(users) == 0 {
		fmt.Fprintln(env.stdout, "next: casebook user add --role admin NAME")
	}
	return nil
}

// dsnForDisplay hides a password in a database URL.
func dsnForDisplay(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// cliActor names the person at the terminal in the audit log.
func cliActor(env *cmdEnv) string {
	for _, k := range []string{"USER", "USERNAME", "LOGNAME"} {
		if u := env.getenv(k); u != "" {
			return "cli:" + u
		}
	}
	return "cli"
}
