// Package sqlite is the embedded casebook store: one SQLite file opened with a
// pure-Go driver (modernc.org/sqlite) in WAL mode, with FTS5 trigram search.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"casebook"
	"casebook/internal/facets"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a casebook.Store on one SQLite file. Writes go through a single
// connection (SQLite has one writer; queuing in Go beats busy-waiting in the
// driver), reads through a small pool that WAL lets run beside the writer.
type Store struct {
	w, r           *sql.DB
	wstmts, rstmts stmtCache
	now            func() time.Time
	path           string

	// The filter index (WithFilterIndex); nil without it.
	facets      *facets.Live
	filterIndex bool // WithFilterIndex
	scanLimit   int
}

var _ casebook.Store = (*Store)(nil)

// Option configures a Store.
type Option func(*Store)

// WithClock makes the store take the current time from now (tests use a
// fixed clock so results are deterministic).
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// Open opens the SQLite database at path, creating it if needed, and applies
// pending migrations. Several processes may open the same file at once.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, casebook.Errorf(casebook.EINVALID, "sqlite: bad database path %q", path)
	}
	s := &Store{now: time.Now, path: path}
	for _, o := range opts {
		o(s)
	}
	// busy_timeout covers other processes holding the write lock; _txlock
	// takes it at BEGIN so a read-then-write transaction never deadlocks.
	// synchronous=NORMAL in WAL survives a killed process; only a power cut
	// can lose the last commits, never corrupt the file. The WAL is copied
	// back into the file every 10,000 pages (40 MB) instead of 1,000: an
	// ingest commits a report at a time, and a checkpoint (with its fsync)
	// every few hundred reports cost it a sixth of its speed.
	dsn := "file:" + path + "?_pragma=busy_timeout(20000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=wal_autocheckpoint(10000)&_txlock=immediate"
	var err error
	if s.w, err = sql.Open("sqlite", dsn); err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.w.SetMaxOpenConns(1)
	if s.r, err = sql.Open("sqlite", dsn+"&_pragma=query_only(1)"); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.r.SetMaxOpenConns(4)
	s.r.SetMaxIdleConns(4)
	s.wstmts.db, s.rstmts.db = s.w, s.r
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	for _, q := range hotWrites {
		if _, err := s.wstmts.get(ctx, q); err != nil {
			s.Close()
			return nil, fmt.Errorf("sqlite: prepare: %w", err)
		}
	}
	if s.filterIndex {
		s.facets = facets.NewLive("sqlite", changeLog{s})
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	if s.facets != nil {
		s.facets.Close()
	}
	s.wstmts.close()
	s.rstmts.close()
	return errors.Join(s.r.Close(), s.w.Close())
}

// DB returns the write connection pool, for checks such as PRAGMA
// integrity_check in tests and tools.
func (s *Store) DB() *sql.DB { return s.w }

// migrate applies the embedded migrations not yet recorded in
// schema_migrations, all in one write transaction: a second process opening
// the file waits for the lock, then finds them applied.
func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("sqlite: list migrations: %w", err)
	}
	sort.Strings(names)
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	applied := map[int]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return fmt.Errorf("sqlite: migrate: %w", err)
		}
		applied[v] = true
	}
	rows.Close()
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("sqlite: migration %s has no version number", base)
		}
		if applied[v] {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return fmt.Errorf("sqlite: read migration %s: %w", base, err)
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return fmt.Errorf("sqlite: migration %s: %w", base, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)`, v, s.now().UnixMicro()); err != nil {
			return fmt.Errorf("sqlite: record migration %s: %w", base, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	return nil
}

// clock returns the current time at the precision both stores keep.
func (s *Store) clock() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// tx runs fn in a write transaction.
func (s *Store) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// micro converts a time to stored unix microseconds.
func micro(t time.Time) int64 { return t.UnixMicro() }

// fromMicro converts stored unix microseconds to a UTC time; NULL is zero.
func fromMicro(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}

// null turns "" into NULL.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// notFound is the error for a missing record.
func notFound(what string, id any) error {
	return casebook.Errorf(casebook.ENOTFOUND, "%s %v not found", what, id)
}

// stmtCache keeps prepared statements: parsing SQL is a tenth of the cost of
// an insert otherwise.
type stmtCache struct {
	mu sync.Mutex
	db *sql.DB
	m  map[string]*sql.Stmt
}

func (c *stmtCache) get(ctx context.Context, q string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[q]; ok {
		return st, nil
	}
	st, err := c.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[q] = st
	return st, nil
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// cached returns the prepared statement q, if prepared.
func (c *stmtCache) cached(q string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[q]
}

// hotWrites are the statements every ingest runs, prepared at open: the
// single write connection is busy inside a transaction, so they cannot be
// prepared lazily there.
var hotWrites = []string{insertReport, insertBigrams, insertFactSQL, lastAudit, insertAudit}

// txStmt returns statement q inside tx: the prepared one when there is one.
func (s *Store) txStmt(ctx context.Context, tx *sql.Tx, q string) (*sql.Stmt, error) {
	if st := s.wstmts.cached(q); st != nil {
		return tx.StmtContext(ctx, st), nil
	}
	return tx.PrepareContext(ctx, q)
}
