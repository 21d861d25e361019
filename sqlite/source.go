package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

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
	if err := s.w.QueryRowContext(ctx, `INSERT INTO sources (sealed, created_at) VALUES (?, ?) RETURNING id`, src.Sealed, micro(src.CreatedAt)).Scan(&src.ID); err != nil {
		return fmt.Errorf("sqlite: create source: %w", err)
	}
	return nil
}

func scanSource(row scanner) (*casebook.SealedSource, error) {
	src := &casebook.SealedSource{}
	var created sql.NullInt64
	if err := row.Scan(&src.ID, &src.Sealed, &created); err != nil {
		return nil, err
	}
	src.CreatedAt = fromMicro(created)
	return src, nil
}

// FindSourceByID returns one sealed source.
func (s *Store) FindSourceByID(ctx context.Context, id int64) (*casebook.SealedSource, error) {
	src, err := scanSource(s.r.QueryRowContext(ctx, `SELECT id, sealed, created_at FROM sources WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("source", id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: find source %d: %w", id, err)
	}
	return src, nil
}

// FindSources returns every sealed source in id order.
func (s *Store) FindSources(ctx context.Context) ([]casebook.SealedSource, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, sealed, created_at FROM sources ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find sources: %w", err)
	}
	defer rows.Close()
	var out []casebook.SealedSource
	for rows.Next() {
		src, err := scanSource(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: find sources: %w", err)
		}
		out = append(out, *src)
	}
	return out, rows.Err()
}

// UpdateSource replaces a source's sealed fields.
func (s *Store) UpdateSource(ctx context.Context, src *casebook.SealedSource) error {
	if len(src.Sealed) == 0 {
		return casebook.Errorf(casebook.EINVALID, "a source needs its sealed fields")
	}
	res, err := s.w.ExecContext(ctx, `UPDATE sources SET sealed = ? WHERE id = ?`, src.Sealed, src.ID)
	if err != nil {
		return fmt.Errorf("sqlite: update source %d: %w", src.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("source", src.ID)
	}
	return nil
}
