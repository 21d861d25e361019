package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"casebook/internal/facets"
)

// WithFilterIndex keeps the filter columns of every report and fact in
// memory (internal/facets), caught up from the change log before each
// search, so a search tests the reports its text matches in Go instead of
// joining fact rows. Open starts loading it in the background; it costs
// memory in proportion to the facts: for long-running processes such as
// the server, not for one-shot commands.
func WithFilterIndex() Option { return func(s *Store) { s.filterIndex = true } }

// WaitFilterIndex waits until the filter index has loaded (benchmarks and
// tests). It returns at once for a store without one.
func (s *Store) WaitFilterIndex(ctx context.Context) error {
	if s.facets == nil {
		return nil
	}
	return s.facets.Wait(ctx)
}

// fullReload is the number of changed reports beyond which the filter index
// is read again from scratch rather than report by report.
const fullReload = 20000

// changeLog is the search_changes table as a facets.Source. Its entries
// commit out of the order of their seq, so its position is the snapshot of
// the last catch-up: the changes since are those the current snapshot sees
// and that one did not.
type changeLog struct {
	s *Store
	// snapshot is the pg_snapshot of the last catch-up (guarded by the
	// facets.Live lock, which serialises catch-ups).
	snapshot string
}

// newSince selects the change log entries committed since snapshot $1.
const newSince = `FROM search_changes WHERE xid >= pg_snapshot_xmin($1::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, $1::pg_snapshot)`

func (c *changeLog) Behind(ctx context.Context, _ *facets.Index) (bool, error) {
	var behind bool
	err := c.s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 `+newSince+`)`, c.snapshot).Scan(&behind)
	return behind, err
}

// CatchUp reads, in one snapshot, the changes since the last one and the
// reports and facts they name (everything when full).
func (c *changeLog) CatchUp(ctx context.Context, x *facets.Index, full bool) error {
	return pgx.BeginTxFunc(ctx, c.s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		var snapshot string
		if err := tx.QueryRow(ctx, `SELECT pg_current_snapshot()::text`).Scan(&snapshot); err != nil {
			return err
		}
		var changed []int64
		if !full {
			rows, _ := tx.Query(ctx, `SELECT DISTINCT report_id `+newSince, c.snapshot)
			var err error
			if changed, err = pgx.CollectRows(rows, pgx.RowTo[int64]); err != nil {
				return err
			}
			if len(changed) == 0 {
				c.snapshot = snapshot
				return nil
			}
			full = len(changed) > fullReload
		}
		reportWhere, factWhere, args := "", "", []any(nil)
		if !full {
			reportWhere, factWhere, args = ` WHERE r.id = ANY($1)`, ` WHERE report_id = ANY($1)`, []any{changed}
		}
		// With each report its tokens (words.go), which the index tests
		// for a text query; a report without them is read by the search.
		var reports []facets.Report
		var r facets.Report
		rows, _ := tx.Query(ctx, `SELECT r.id, r.language, r.published, w.words IS NULL, coalesce(tsvector_to_array(w.words), '{}')
			FROM reports r LEFT JOIN report_words w ON w.report_id = r.id`+reportWhere, args...)
		if _, err := pgx.ForEachRow(rows, []any{&r.ID, &r.Language, &r.Published, &r.Long, &r.Words}, func() error {
			reports = append(reports, r)
			r.Words = nil // scanned into afresh, not over the kept slice
			return nil
		}); err != nil {
			return fmt.Errorf("read reports: %w", err)
		}
		var fs []facets.Fact
		var f facets.Fact
		rows, _ = tx.Query(ctx, `SELECT report_id, coalesce(event_type, ''), coalesce(place_id, ''), coalesce(province_id, ''),
			coalesce(agency, ''), coalesce(date_from, ''), coalesce(date_to, ''), state, coalesce(usd, 0), usd IS NOT NULL FROM facts`+factWhere, args...)
		if _, err := pgx.ForEachRow(rows, []any{&f.ReportID, &f.EventType, &f.PlaceID, &f.ProvinceID, &f.Agency, &f.DateFrom, &f.DateTo, &f.State, &f.USD, &f.HasUSD}, func() error {
			fs = append(fs, f)
			return nil
		}); err != nil {
			return fmt.Errorf("read facts: %w", err)
		}
		x.Update(x.Seq()+1, full, changed, reports, fs)
		c.snapshot = snapshot
		return nil
	})
}
