package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"casebook"
)

// AppendAudit links e to the end of the chain. A transaction-scoped advisory
// lock serialises appenders across processes, so two never read the same
// last link and fork the chain; the primary key on seq would refuse a fork
// anyway.
func (s *Store) AppendAudit(ctx context.Context, e *casebook.AuditEntry) error {
	if e.Actor == "" || e.Action == "" {
		return casebook.Errorf(casebook.EINVALID, "an audit entry needs an actor and an action")
	}
	err := s.tx(ctx, func(tx pgx.Tx) error { return s.appendAudit(ctx, tx, e) })
	if err != nil {
		return fmt.Errorf("postgres: append audit: %w", err)
	}
	return nil
}

// FindAudit returns up to limit entries after afterSeq in chain order
// (limit <= 0: 1000).
func (s *Store) FindAudit(ctx context.Context, afterSeq int64, limit int) ([]casebook.AuditEntry, error) {
	if limit <= 0 {
		limit = 1000
	}
	rows, _ := s.pool.Query(ctx, `SELECT seq, at, actor, action, object, detail, prev_hash, hash FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2`, afterSeq, limit)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (casebook.AuditEntry, error) {
		var e casebook.AuditEntry
		err := row.Scan(&e.Seq, &e.At, &e.Actor, &e.Action, &e.Object, &e.Detail, &e.PrevHash, &e.Hash)
		e.At = utc(e.At)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: find audit: %w", err)
	}
	return out, nil
}

// appendAudit links e to the chain inside tx, under the chain's lock.
func (s *Store) appendAudit(ctx context.Context, tx pgx.Tx, e *casebook.AuditEntry) error {
	if e.Actor == "" || e.Action == "" {
		return casebook.Errorf(casebook.EINVALID, "an audit entry needs an actor and an action")
	}
	if e.At.IsZero() {
		e.At = s.clock()
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(lockAudit)); err != nil {
		return err
	}
	var seq int64
	var prev string
	err := tx.QueryRow(ctx, `SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1`).Scan(&seq, &prev)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	e.Seq, e.PrevHash = seq+1, prev
	e.Hash = e.ChainHash()
	_, err = tx.Exec(ctx, `INSERT INTO audit (seq, at, actor, action, object, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		e.Seq, e.At, e.Actor, e.Action, e.Object, e.Detail, e.PrevHash, e.Hash)
	return err
}
