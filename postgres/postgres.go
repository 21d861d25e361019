// Package postgres is the casebook store on PostgreSQL, for teams running
// several casebook processes against one database. It uses pgx's own pool
// rather than database/sql: native types (bytea, text[], timestamptz) without
// conversions, and connection-level control for advisory locks.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"casebook"
	"casebook/internal/facets"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Advisory lock keys: one for migrations, one for the audit chain. They are
// database-wide, so every process and schema serialises on them.
const (
	lockMigrate = 0x6361_7365_0001
	lockAudit   = 0x6361_7365_0002
)

// Store is a casebook.Store on PostgreSQL.
type Store struct {
	pool *pgxpool.Pool
	now  func() time.Time

	// The filter index (WithFilterIndex); nil without it.
	facets      *facets.Live
	filterIndex bool
}

var _ casebook.Store = (*Store)(nil)

// Option configures a Store.
type Option func(*Store)

// WithClock makes the store take the current time from now (tests use a
// fixed clock so results are deterministic).
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// Open connects to the database at url (postgres://…; extra URL parameters
// such as search_path are passed to the server) and applies pending
// migrations, holding an advisory lock so processes starting together apply
// each migration once.
func Open(ctx context.Context, url string, opts ...Option) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, casebook.Errorf(casebook.EINVALID, "postgres: bad database URL: %v", err)
	}
	s := &Store{now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if s.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	if err := s.migrate(ctx); err != nil {
		s.pool.Close()
		return nil, err
	}
	if err := s.fillWords(ctx); err != nil {
		s.pool.Close()
		return nil, err
	}
	if s.filterIndex {
		s.facets = facets.NewLive("postgres", &changeLog{s: s})
	}
	return s, nil
}

// Close closes the pool.
func (s *Store) Close() error {
	if s.facets != nil {
		s.facets.Close()
	}
	s.pool.Close()
	return nil
}

// Pool returns the connection pool, for tools and tests.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, int64(lockMigrate)); err != nil {
		return fmt.Errorf("postgres: migrate: lock: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, int64(lockMigrate))

	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)`); err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	applied := map[int]bool{}
	rows, _ := conn.Query(ctx, `SELECT version FROM schema_migrations`)
	vs, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	for _, v := range vs {
		applied[int(v)] = true
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("postgres: list migrations: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("postgres: migration %s has no version number", base)
		}
		if applied[v] {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return fmt.Errorf("postgres: read migration %s: %w", base, err)
		}
		err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`, v, s.clock())
			return err
		})
		if err != nil {
			return fmt.Errorf("postgres: migration %s: %w", base, err)
		}
	}
	return nil
}

// clock returns the current time at the precision PostgreSQL keeps.
func (s *Store) clock() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// tx runs fn in a transaction.
func (s *Store) tx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, s.pool, fn)
}

// null turns "" into NULL.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func notFound(what string, id any) error {
	return casebook.Errorf(casebook.ENOTFOUND, "%s %v not found", what, id)
}

// isUnique reports whether err is a unique violation.
func isUnique(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// utc returns t in UTC; pgx returns timestamptz in local time.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC()
}

// args collects query arguments and hands out their $n placeholders.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

func (a *args) list(vs []string) string {
	ps := make([]string, len(vs))
	for i, v := range vs {
		ps[i] = a.add(v)
	}
	return strings.Join(ps, ", ")
}
