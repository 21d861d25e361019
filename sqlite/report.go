package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"casebook"
	"casebook/internal/index"
)

const insertReport = `INSERT INTO reports (sha256, original, media_type, file_name, title, outlet, url, author, published, language, text, source_id, created_at, created_by)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (sha256) DO NOTHING RETURNING id`

const insertBigrams = `INSERT INTO reports_bigrams(rowid, grams) VALUES (?, ?)`

const reportCols = `r.id, r.sha256, r.media_type, r.file_name, r.title, r.outlet, r.url, r.author, r.published, r.language, r.text, r.source_id, r.created_at, r.created_by`

type scanner interface{ Scan(dest ...any) error }

func scanReport(row scanner, extra ...any) (*casebook.Report, error) {
	r := &casebook.Report{}
	var src sql.NullInt64
	var created sql.NullInt64
	dest := []any{&r.ID, &r.SHA256, &r.MediaType, &r.FileName, &r.Title, &r.Outlet, &r.URL, &r.Author, &r.Published, &r.Language, &r.Text, &src, &created, &r.CreatedBy}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return nil, err
	}
	r.SourceID = src.Int64
	r.CreatedAt = fromMicro(created)
	return r, nil
}

// CreateReport stores r and its machine facts in one transaction. A report
// already stored (same SHA-256) is left as it is: created is false and r is
// filled from the stored one. Concurrent inserts of one report from several
// processes meet at the UNIQUE constraint and the loser reads the winner's.
func (s *Store) CreateReport(ctx context.Context, r *casebook.Report, facts []casebook.Fact) (bool, error) {
	return s.CreateReportAudited(ctx, r, facts, nil)
}

// CreateReportAudited is CreateReport that, when the report is new, also
// appends e to the audit log in the same transaction: a report is never
// stored without its audit entry. An empty e.Object becomes "report:ID".
func (s *Store) CreateReportAudited(ctx context.Context, r *casebook.Report, facts []casebook.Fact, e *casebook.AuditEntry) (bool, error) {
	if err := r.Check(); err != nil {
		return false, err
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = s.clock()
	}
	created := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var id int64
		ins, err := s.txStmt(ctx, tx, insertReport)
		if err != nil {
			return err
		}
		err = ins.QueryRowContext(ctx,
			r.SHA256, r.Original, r.MediaType, r.FileName, r.Title, r.Outlet, r.URL, r.Author, r.Published, r.Language, r.Text,
			nullID(r.SourceID), micro(r.CreatedAt), r.CreatedBy).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			var orig []byte
			old, err := scanReport(tx.QueryRowContext(ctx, `SELECT `+reportCols+`, r.original FROM reports r WHERE r.sha256 = ?`, r.SHA256), &orig)
			if err != nil {
				return fmt.Errorf("read stored report: %w", err)
			}
			old.Original = orig
			*r = *old
			return nil
		}
		if err != nil {
			return fmt.Errorf("insert report: %w", err)
		}
		r.ID = id
		if grams := index.Bigrams(r.Title, r.Text); grams != "" {
			ins, err := s.txStmt(ctx, tx, insertBigrams)
			if err != nil {
				return err
			}
			if _, err := ins.ExecContext(ctx, id, grams); err != nil {
				return fmt.Errorf("index report: %w", err)
			}
		}
		if err := s.insertFacts(ctx, tx, id, facts, index.Provinces(facts, nil)); err != nil {
			return err
		}
		if e != nil {
			if e.Object == "" {
				e.Object = fmt.Sprintf("report:%d", id)
			}
			if err := s.appendAudit(ctx, tx, e); err != nil {
				return err
			}
		}
		created = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("sqlite: create report %s: %w", r.SHA256, err)
	}
	return created, nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// FindReportByID returns the report with its original bytes.
func (s *Store) FindReportByID(ctx context.Context, id int64) (*casebook.Report, error) {
	return s.findReport(ctx, "r.id = ?", id)
}

// FindReportBySHA256 returns the report whose original has this SHA-256.
func (s *Store) FindReportBySHA256(ctx context.Context, sha string) (*casebook.Report, error) {
	return s.findReport(ctx, "r.sha256 = ?", strings.ToLower(sha))
}

func (s *Store) findReport(ctx context.Context, where string, arg any) (*casebook.Report, error) {
	st, err := s.rstmts.get(ctx, `SELECT `+reportCols+`, r.original FROM reports r WHERE `+where)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find report %v: %w", arg, err)
	}
	var orig []byte
	r, err := scanReport(st.QueryRowContext(ctx, arg), &orig)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("report", arg)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: find report %v: %w", arg, err)
	}
	r.Original = orig
	return r, nil
}

// ReportOriginals calls fn with every report's id, stored SHA-256 and
// original bytes, in id order, one report in memory at a time.
func (s *Store) ReportOriginals(ctx context.Context, fn func(id int64, sha string, original []byte) error) error {
	var after int64
	for {
		rows, err := s.r.QueryContext(ctx, `SELECT id, sha256, original FROM reports WHERE id > ? ORDER BY id LIMIT 100`, after)
		if err != nil {
			return fmt.Errorf("sqlite: read originals: %w", err)
		}
		type item struct {
			id   int64
			sha  string
			orig []byte
		}
		var batch []item
		for rows.Next() {
			var it item
			if err := rows.Scan(&it.id, &it.sha, &it.orig); err != nil {
				rows.Close()
				return fmt.Errorf("sqlite: read originals: %w", err)
			}
			batch = append(batch, it)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("sqlite: read originals: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		for _, it := range batch {
			if err := fn(it.id, it.sha, it.orig); err != nil {
				return err
			}
			after = it.id
		}
	}
}

// SetReportSource links a report to a source record; 0 unlinks.
func (s *Store) SetReportSource(ctx context.Context, reportID, sourceID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if sourceID != 0 {
			var one int
			if err := tx.QueryRowContext(ctx, `SELECT 1 FROM sources WHERE id = ?`, sourceID).Scan(&one); errors.Is(err, sql.ErrNoRows) {
				return notFound("source", sourceID)
			} else if err != nil {
				return fmt.Errorf("sqlite: find source %d: %w", sourceID, err)
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE reports SET source_id = ? WHERE id = ?`, nullID(sourceID), reportID)
		if err != nil {
			return fmt.Errorf("sqlite: set source of report %d: %w", reportID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("report", reportID)
		}
		return nil
	})
}
