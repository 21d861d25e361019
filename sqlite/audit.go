package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"casebook"
)

const (
	lastAudit   = `SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1`
	insertAudit = `INSERT INTO audit (seq, at, actor, action, object, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
)

// AppendAudit links e to the end of the chain. The write transaction takes
// SQLite's write lock at BEGIN, so reading the last link and appending the
// next is atomic across processes too.
func (s *Store) AppendAudit(ctx context.Context, e *casebook.AuditEntry) error {
	if e.Actor == "" || e.Action == "" {
		return casebook.Errorf(casebook.EINVALID, "an audit entry needs an actor and an action")
	}
	err := s.tx(ctx, func(tx *sql.Tx) error { return s.appendAudit(ctx, tx, e) })
	if err != nil {
		return fmt.Errorf("sqlite: append audit: %w", err)
	}
	return nil
}

// FindAudit returns up to limit entries after afterSeq in chain order
// (limit <= 0: 1000).
func (s *Store) FindAudit(ctx context.Context, afterSeq int64, limit int) ([]casebook.AuditEntry, error) {
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.r.QueryContext(ctx, `SELECT seq, at, actor, action, object, detail, prev_hash, hash FROM audit WHERE seq > ? ORDER BY seq LIMIT ?`, afterSeq, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find audit: %w", err)
	}
	defer rows.Close()
	var out []casebook.AuditEntry
	for rows.Next() {
		var e casebook.AuditEntry
		var at string
		if err := rows.Scan(&e.Seq, &at, &e.Actor, &e.Action, &e.Object, &e.Detail, &e.PrevHash, &e.Hash); err != nil {
			return nil, fmt.Errorf("sqlite: find audit: %w", err)
		}
		if e.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, fmt.Errorf("sqlite: audit entry %d: bad time %q", e.Seq, at)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// appendAudit links e to the chain inside tx, which holds the write lock.
func (s *Store) appendAudit(ctx context.Context, tx *sql.Tx, e *casebook.AuditEntry) error {
	if e.Actor == "" || e.Action == "" {
		return casebook.Errorf(casebook.EINVALID, "an audit entry needs an actor and an action")
	}
	if e.At.IsZero() {
		e.At = s.clock()
	}
	// Both stores keep microseconds; hash what is stored.
	e.At = e.At.UTC().Truncate(time.Microsecond)
	var seq int64
	var prev string
	last, err := s.txStmt(ctx, tx, lastAudit)
	if err != nil {
		return err
	}
	if err := last.QueryRowContext(ctx).Scan(&seq, &prev); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	e.Seq, e.PrevHash = seq+1, prev
	e.Hash = e.ChainHash()
	ins, err := s.txStmt(ctx, tx, insertAudit)
	if err != nil {
		return err
	}
	_, err = ins.ExecContext(ctx, e.Seq, e.At.Format(time.RFC3339Nano), e.Actor, e.Action, e.Object, e.Detail, e.PrevHash, e.Hash)
	return err
}
