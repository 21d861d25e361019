package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"casebook"
	"casebook/postgres"
	"casebook/sqlite"
)

// storeConfig is where a command finds its store: a data directory and an
// optional database DSN. Every command that touches stored data registers the
// same flags through storeFlags, so --data and --db mean one thing everywhere.
type storeConfig struct {
	data string // data directory (source key, default SQLite file)
	db   string // postgres:// URL or SQLite file path; "" means DATA/casebook.db
	// longLived is set by commands that run for long (serve): the store
	// then keeps its filter index in memory, which pays off over many
	// searches.
	longLived bool
}

// storeFlags registers --data and --db on fs, with defaults from
// CASEBOOK_DATA and CASEBOOK_DB.
func storeFlags(fs *flag.FlagSet, env *cmdEnv) *storeConfig {
	c := &storeConfig{}
	data := env.getenv("CASEBOOK_DATA")
	if data == "" {
		data = "./casebook-data"
	}
	fs.StringVar(&c.data, "data", data, "data directory (env CASEBOOK_DATA)")
	fs.StringVar(&c.db, "db", env.getenv("CASEBOOK_DB"), "database: a postgres:// URL or a SQLite file path (env CASEBOOK_DB; default DATA/casebook.db)")
	return c
}

// dataDir returns the data directory.
func (c *storeConfig) dataDir() string { return c.data }

// dsn returns the database the config points at.
func (c *storeConfig) dsn() string {
	if c.db != "" {
		return c.db
	}
	return filepath.Join(c.data, "casebook.db")
}

// isPostgres reports whether the DSN names a PostgreSQL server.
func (c *storeConfig) isPostgres() bool {
	d := c.dsn()
	return strings.HasPrefix(d, "postgres://") || strings.HasPrefix(d, "postgresql://")
}

// open opens the configured store, applying pending migrations. For SQLite
// it creates the data directory when the database lives in it.
func (c *storeConfig) open(ctx context.Context) (casebook.Store, error) {
	if c.isPostgres() {
		var opts []postgres.Option
		if c.longLived {
			opts = append(opts, postgres.WithFilterIndex())
		}
		st, err := postgres.Open(ctx, c.dsn(), opts...)
		if err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		return st, nil
	}
	path := c.dsn()
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("create %s: %w", dir, err)
		}
	}
	var opts []sqlite.Option
	if c.longLived {
		opts = append(opts, sqlite.WithFilterIndex())
	}
	st, err := sqlite.Open(ctx, path, opts...)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return st, nil
}

// parseArgs parses flags that may come before, between or after the
// positional arguments (`casebook ingest reports/ --db x`), and returns the
// positional ones. "--" ends the flags.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// isTerminal reports whether w is a terminal (a character device), where
// progress bars belong; logs and pipes get none.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
