package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"casebook"
	"casebook/internal/index"
)

const reportCols = `r.id, r.sha256, r.media_type, r.file_name, r.title, r.outlet, r.url, r.author, r.published, r.language, r.text, r.source_id, r.created_at, r.created_by`

func scanReport(row pgx.Row, extra ...any) (*casebook.Report, error) {
	r := &casebook.Report{}
	var src *int64
	dest := []any{&r.ID, &r.SHA256, &r.MediaType, &r.FileName, &r.Title, &r.Outlet, &r.URL, &r.Author, &r.Published, &r.Language, &r.Text, &src, &r.CreatedAt, &r.CreatedBy}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return nil, err
	}
	if src != nil {
		r.SourceID = *src
	}
	r.CreatedAt = utc(r.CreatedAt)
	return r, nil
}

// CreateReport stores r and its machine facts in one transaction. A report
// already stored (same SHA-256) is left as it is: created is false and r is
// filled from the stored one. Two processes inserting the same report meet
// at the unique index: the second waits for the first to commit, inserts
// nothing and reads the first one's row.
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
	r.CreatedAt = r.CreatedAt.UTC().Truncate(time.Microsecond)
	grams := strings.Fields(index.Bigrams(r.Title, r.Text))
	if grams == nil {
		grams = []string{}
	}
	created := false
	err := s.tx(ctx, func(tx pgx.Tx) error {
		if e != nil {
			// The audit lock is held until the commit, so a commit waiting
			// for its WAL flush would hold every other ingest. An ingest is
			// idempotent: if the server crashes, the last reports vanish
			// together with their audit entries, and a rerun restores both.
			if _, err := tx.Exec(ctx, `SET LOCAL synchronous_commit = off`); err != nil {
				return err
			}
		}
		var id int64
		err := tx.QueryRow(ctx, `INSERT INTO reports (sha256, original, media_type, file_name, title, outlet, url, author, published, language, text, grams, source_id, created_at, created_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
			ON CONFLICT (sha256) DO NOTHING RETURNING id`,
			r.SHA256, r.Original, r.MediaType, r.FileName, r.Title, r.Outlet, r.URL, r.Author, r.Published, r.Language, r.Text, grams,
			nullID(r.SourceID), r.CreatedAt, r.CreatedBy).Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) {
			var orig []byte
			old, err := scanReport(tx.QueryRow(ctx, `SELECT `+reportCols+`, r.original FROM reports r WHERE r.sha256 = $1`, r.SHA256), &orig)
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
		if err := insertWords(ctx, tx, id, r.Title, r.Text); err != nil {
			return err
		}
		if err := insertFacts(ctx, tx, id, facts, index.Provinces(facts, nil)); err != nil {
			return err
		}
		if e != nil {
			if e.Object == "" {
				e.Object = fmt.Sprintf("report:%d", id)
			}
			// Last, so the chain's lock is held only until the commit.
			if err := s.appendAudit(ctx, tx, e); err != nil {
				return err
			}
		}
		created = true
		return nil
	})
	if err != nil {
		if casebook.ErrorKind(err) != casebook.EINTERNAL {
			return false, err
		}
		return false, fmt.Errorf("postgres: create report %s: %w", r.SHA256, err)
	}
	return created, nil
}

// FindReportByID returns the report with its original bytes.
func (s *Store) FindReportByID(ctx context.Context, id int64) (*casebook.Report, error) {
	return s.findReport(ctx, "r.id = $1", id)
}

// FindReportBySHA256 returns the report whose original has this SHA-256.
func (s *Store) FindReportBySHA256(ctx context.Context, sha string) (*casebook.Report, error) {
	return s.findReport(ctx, "r.sha256 = $1", strings.ToLower(sha))
}

func (s *Store) findReport(ctx context.Context, where string, arg any) (*casebook.Report, error) {
	var orig []byte
	r, err := scanReport(s.pool.QueryRow(ctx, `SELECT `+reportCols+`, r.original FROM reports r WHERE `+where, arg), &orig)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound("report", arg)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: find report %v: %w", arg, err)
	}
	r.Original = orig
	return r, nil
}

// ReportOriginals calls fn with every report's id, stored SHA-256 and
// original bytes, in id order, a hundred reports in memory at a time.
func (s *Store) ReportOriginals(ctx context.Context, fn func(id int64, sha string, original []byte) error) error {
	type item struct {
		id   int64
		sha  string
		orig []byte
	}
	var after int64
	for {
		rows, _ := s.pool.Query(ctx, `SELECT id, sha256, original FROM reports WHERE id > $1 ORDER BY id LIMIT 100`, after)
		batch, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (item, error) {
			var it item
			err := row.Scan(&it.id, &it.sha, &it.orig)
			return it, err
		})
		if err != nil {
			return fmt.Errorf("postgres: read originals: %w", err)
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
	return s.tx(ctx, func(tx pgx.Tx) error {
		if sourceID != 0 {
			var one int
			if err := tx.QueryRow(ctx, `SELECT 1 FROM sources WHERE id = $1`, sourceID).Scan(&one); errors.Is(err, pgx.ErrNoRows) {
				return notFound("source", sourceID)
			} else if err != nil {
				return fmt.Errorf("postgres: find source %d: %w", sourceID, err)
			}
		}
		tag, err := tx.Exec(ctx, `UPDATE reports SET source_id = $1 WHERE id = $2`, nullID(sourceID), reportID)
		if err != nil {
			return fmt.Errorf("postgres: set source of report %d: %w", reportID, err)
		}
		if tag.RowsAffected() == 0 {
			return notFound("report", reportID)
		}
		return nil
	})
}
