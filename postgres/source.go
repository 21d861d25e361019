package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"casebook"
)

// CreateSource stores a sealed source record.
func (s *Store) CreateSource(ctx context.Context, src *casebook.SealedSource) error {
	if len(src.Sealed) == 0 {
		return casebook.Errorf(casebook.EINVALID, "a source needs its sealed fields")
	}
	if src.CreatedAt.IsZero() {
		src.CreatedAt = s.clock()
	}
	if err := s.pool.QueryRow(ctx, `INSERT INTO sources (sealed, created_at) VALUES ($1, $2) RETURNING id`, src.Sealed, src.CreatedAt).Scan(&src.ID); err != nil {
		return fmt.Errorf("postgres: create source: %w", err)
	}
	return nil
}

func scanSource(row pgx.Row) (casebook.SealedSource, error) {
	var src casebook.SealedSource
	if err := row.Scan(&src.ID, &src.Sealed, &src.CreatedAt); err != nil {
		return src, err
	}
	src.CreatedAt = utc(src.CreatedAt)
	return src, nil
}

// FindSourceByID returns one sealed source.
func (s *Store) FindSourceByID(ctx context.Context, id int64) (*casebook.SealedSource, error) {
	src, err := scanSource(s.pool.QueryRow(ctx, `SELECT id, sealed, created_at FROM sources WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound("source", id)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: find source %d: %w", id, err)
	}
	return &src, nil
}

// FindSources returns every sealed source in id order.
func (s *Store) FindSources(ctx context.Context) ([]casebook.SealedSource, error) {
	rows, _ := s.pool.Query(ctx, `SELECT id, sealed, created_at FROM sources ORDER BY id`)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (casebook.SealedSource, error) { return scanSource(row) })
	if err != nil {
		return nil, fmt.Errorf("postgres: find sources: %w", err)
	}
	return out, nil
}

// UpdateSource replaces a source's sealed fields.
func (s *Store) UpdateSource(ctx context.Context, src *casebook.SealedSource) error {
	if len(src.Sealed) == 0 {
		return casebook.Errorf(casebook.EINVALID, "a source needs its sealed fields")
	}
	tag, err := s.pool.Exec(ctx, `UPDATE sources SET sealed = $1 WHERE id = $2`, src.Sealed, src.ID)
	if err != nil {
		return fmt.Errorf("postgres: update source %d: %w", src.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return notFound("source", src.ID)
	}
	return nil
}
