package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"

	"casebook/internal/facets"
)

// WithFilterIndex keeps the filter columns of every report and fact in
// memory (internal/facets), caught up from the change log before each
// search, so searches with filters test reports in Go instead of building
// id lists of fact rows. Open starts loading it in the background (seconds
// at 100,000 reports; searches meanwhile run on SQL alone); it costs memory
// in proportion to the facts: for long-running processes such as the
// server, not for one-shot commands.
func WithFilterIndex() Option {
	return func(s *Store) {
		s.filterIndex = true
		s.scanLimit = defaultScanLimit
	}
}

// defaultScanLimit is the number of filter candidates up to which a text
// search reads their texts instead of running the full-text query over the
// whole store: reading a report costs tens of microseconds, a trigram query
// for a common phrase tens of milliseconds.
const defaultScanLimit = 1500

// fullReload is the number of changed reports beyond which the filter index
// is read again from scratch rather than report by report.
const fullReload = 20000

// WaitFilterIndex waits until the filter index has loaded (benchmarks and
// tests, to measure and exercise it rather than the SQL it stands in for).
// It returns at once for a store without one.
func (s *Store) WaitFilterIndex(ctx context.Context) error {
	if s.facets == nil {
		return nil
	}
	return s.facets.Wait(ctx)
}

// changeLog is the store's change log as a facets.Source.
type changeLog struct{ s *Store }

// Behind reports whether the log has entries past the index's position.
func (c changeLog) Behind(ctx context.Context, x *facets.Index) (bool, error) {
	var seq int64
	if err := c.s.r.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM search_changes`).Scan(&seq); err != nil {
		return false, err
	}
	return seq != x.Seq(), nil
}

// CatchUp reads, in one snapshot, the changes since the index's position
// and the reports and facts they name (everything when full).
func (c changeLog) CatchUp(ctx context.Context, x *facets.Index, full bool) error {
	tx, err := c.s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var seq int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM search_changes`).Scan(&seq); err != nil {
		return err
	}
	if !full && seq == x.Seq() {
		return nil
	}
	var changed []int64
	if !full {
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT report_id FROM search_changes WHERE seq > ? AND seq <= ?`, x.Seq(), seq)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			changed = append(changed, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		full = len(changed) > fullReload
	}
	reportWhere, factWhere, args := "", "", []any(nil)
	if !full {
		list, _ := json.Marshal(changed)
		reportWhere = ` WHERE id IN (SELECT value FROM json_each(?))`
		factWhere = ` WHERE report_id IN (SELECT value FROM json_each(?))`
		args = []any{string(list)}
	}
	var reports []facets.Report
	rows, err := tx.QueryContext(ctx, `SELECT id, language, published FROM reports`+reportWhere, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var r facets.Report
		if err := rows.Scan(&r.ID, &r.Language, &r.Published); err != nil {
			rows.Close()
			return err
		}
		reports = append(reports, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM facts`+factWhere, args...).Scan(&n); err != nil {
		return err
	}
	fs := make([]facets.Fact, 0, n)
	rows, err = tx.QueryContext(ctx, `SELECT report_id, coalesce(event_type, ''), coalesce(place_id, ''), coalesce(province_id, ''),
		coalesce(agency, ''), coalesce(date_from, ''), coalesce(date_to, ''), state, coalesce(usd, 0), usd IS NOT NULL FROM facts`+factWhere, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var f facets.Fact
		if err := rows.Scan(&f.ReportID, &f.EventType, &f.PlaceID, &f.ProvinceID, &f.Agency, &f.DateFrom, &f.DateTo, &f.State, &f.USD, &f.HasUSD); err != nil {
			rows.Close()
			return err
		}
		fs = append(fs, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	x.Update(seq, full, changed, reports, fs)
	return nil
}
