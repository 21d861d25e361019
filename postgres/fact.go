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

const factCols = `f.id, f.report_id, f.kind, f.data, f.machine, f.extractor_version, f.state, f.reviewed_by, f.reviewed_at, f.note`

func scanFact(row pgx.Row) (casebook.Fact, error) {
	var (
		id, reportID       int64
		kind, data         string
		machine            *string
		version, state, by string
		at                 *time.Time
		note               string
	)
	if err := row.Scan(&id, &reportID, &kind, &data, &machine, &version, &state, &by, &at, &note); err != nil {
		return casebook.Fact{}, err
	}
	var m []byte
	if machine != nil {
		m = []byte(*machine)
	}
	var reviewed time.Time
	if at != nil {
		reviewed = at.UTC()
	}
	return index.Fact(id, reportID, kind, []byte(data), m, version, state, by, reviewed, note)
}

func usdArg(row index.Row) any {
	if row.HasUSD {
		return row.USD
	}
	return nil
}

func insertFact(ctx context.Context, tx pgx.Tx, f *casebook.Fact, province index.ProvinceFunc) error {
	row, err := index.FactRow(f, province)
	if err != nil {
		return err
	}
	if f.State == "" {
		f.State = casebook.StateMachine
	}
	if !index.ValidFactState(f.State) {
		return casebook.Errorf(casebook.EINVALID, "unknown review state %q", f.State)
	}
	var at any
	if !f.ReviewedAt.IsZero() {
		f.ReviewedAt = f.ReviewedAt.UTC().Truncate(time.Microsecond)
		at = f.ReviewedAt
	}
	err = tx.QueryRow(ctx, `INSERT INTO facts (report_id, kind, data, event_type, place_id, province_id, agency, date_from, date_to, usd, extractor_version, state, reviewed_by, reviewed_at, note)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
		f.ReportID, row.Kind, string(row.Data), null(row.EventType), null(row.PlaceID), null(row.ProvinceID), null(row.Agency),
		null(row.DateFrom), null(row.DateTo), usdArg(row), f.ExtractorVersion, f.State, f.ReviewedBy, at, f.Note).Scan(&f.ID)
	if err != nil {
		return fmt.Errorf("insert fact: %w", err)
	}
	return nil
}

// insertFacts writes a report's facts in one round trip and sets their IDs.
func insertFacts(ctx context.Context, tx pgx.Tx, reportID int64, facts []casebook.Fact, province index.ProvinceFunc) error {
	if len(facts) == 0 {
		return nil
	}
	b := &pgx.Batch{}
	for i := range facts {
		f := &facts[i]
		f.ReportID = reportID
		row, err := index.FactRow(f, province)
		if err != nil {
			return fmt.Errorf("fact %d: %w", i, err)
		}
		if f.State == "" {
			f.State = casebook.StateMachine
		}
		if !index.ValidFactState(f.State) {
			return casebook.Errorf(casebook.EINVALID, "fact %d: unknown review state %q", i, f.State)
		}
		var at any
		if !f.ReviewedAt.IsZero() {
			f.ReviewedAt = f.ReviewedAt.UTC().Truncate(time.Microsecond)
			at = f.ReviewedAt
		}
		b.Queue(insertFactSQL, f.ReportID, row.Kind, string(row.Data), null(row.EventType), null(row.PlaceID), null(row.ProvinceID), null(row.Agency),
			null(row.DateFrom), null(row.DateTo), usdArg(row), f.ExtractorVersion, f.State, f.ReviewedBy, at, f.Note).
			QueryRow(func(r pgx.Row) error { return r.Scan(&f.ID) })
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("insert facts: %w", err)
	}
	return nil
}

const insertFactSQL = `INSERT INTO facts (report_id, kind, data, event_type, place_id, province_id, agency, date_from, date_to, usd, extractor_version, state, reviewed_by, reviewed_at, note)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`

// storedProvinces looks up the report's stored place facts, for events added
// or corrected after ingest.
func storedProvinces(ctx context.Context, tx pgx.Tx, reportID int64) index.ProvinceFunc {
	return func(id string) string {
		var p *string
		_ = tx.QueryRow(ctx, `SELECT province_id FROM facts WHERE report_id = $1 AND kind = 'place' AND place_id = $2 LIMIT 1`, reportID, id).Scan(&p)
		if p == nil {
			return ""
		}
		return *p
	}
}

// FindFactByID returns one fact.
func (s *Store) FindFactByID(ctx context.Context, id int64) (*casebook.Fact, error) {
	f, err := scanFact(s.pool.QueryRow(ctx, `SELECT `+factCols+` FROM facts f WHERE f.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound("fact", id)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: find fact %d: %w", id, err)
	}
	return &f, nil
}

// placeCond matches facts at a place or any place inside it.
func placeCond(a *args, id string) string {
	return "(f.place_id IN (" + a.list(index.PlaceIDs(id)) + ") OR f.province_id = " + a.add(id) + ")"
}

func factWhere(f casebook.FactFilter, a *args) string {
	var conds []string
	if f.ReportID != 0 {
		conds = append(conds, "f.report_id = "+a.add(f.ReportID))
	}
	if f.Kind != "" {
		conds = append(conds, "f.kind = "+a.add(f.Kind))
	}
	if f.EventType != "" {
		conds = append(conds, "f.event_type = "+a.add(f.EventType))
	}
	if f.PlaceID != "" {
		conds = append(conds, placeCond(a, f.PlaceID))
	}
	if f.Agency != "" {
		conds = append(conds, "f.agency = "+a.add(f.Agency))
	}
	if f.Date.To != "" {
		conds = append(conds, "f.date_from <= "+a.add(f.Date.To))
	}
	if f.Date.From != "" {
		conds = append(conds, "f.date_to >= "+a.add(f.Date.From))
	}
	if f.MinUSD > 0 {
		conds = append(conds, "f.usd >= "+a.add(f.MinUSD))
	}
	if f.MaxUSD > 0 {
		conds = append(conds, "f.usd <= "+a.add(f.MaxUSD))
	}
	if len(f.States) > 0 {
		conds = append(conds, "f.state IN ("+a.list(f.States)+")")
	}
	if len(conds) == 0 {
		return "true"
	}
	return strings.Join(conds, " AND ")
}

// FindFacts returns the facts matching f in report and fact order. A zero
// Limit returns every match.
func (s *Store) FindFacts(ctx context.Context, f casebook.FactFilter) ([]casebook.Fact, error) {
	var a args
	q := `SELECT ` + factCols + ` FROM facts f WHERE ` + factWhere(f, &a) + ` ORDER BY f.report_id, f.id`
	if f.Limit > 0 {
		q += ` LIMIT ` + a.add(f.Limit)
	}
	if f.Offset > 0 {
		q += ` OFFSET ` + a.add(f.Offset)
	}
	rows, _ := s.pool.Query(ctx, q, a...)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (casebook.Fact, error) { return scanFact(row) })
	if err != nil {
		return nil, fmt.Errorf("postgres: find facts: %w", err)
	}
	return out, nil
}

// CreateFact adds a fact an analyst found. It has no extractor version and
// is confirmed unless f says otherwise.
func (s *Store) CreateFact(ctx context.Context, f *casebook.Fact) error {
	f.MarkAdded(s.clock())
	err := s.tx(ctx, func(tx pgx.Tx) error {
		var one int
		if err := tx.QueryRow(ctx, `SELECT 1 FROM reports WHERE id = $1`, f.ReportID).Scan(&one); errors.Is(err, pgx.ErrNoRows) {
			return notFound("report", f.ReportID)
		} else if err != nil {
			return err
		}
		if err := insertFact(ctx, tx, f, storedProvinces(ctx, tx, f.ReportID)); err != nil {
			return err
		}
		return logChange(ctx, tx, f.ReportID)
	})
	if err != nil {
		return fmt.Errorf("postgres: create fact: %w", err)
	}
	return nil
}

// UpdateFact records a review decision. A correction replaces the value and
// keeps the extractor's in machine, once: a second correction keeps the
// first machine value.
func (s *Store) UpdateFact(ctx context.Context, id int64, u casebook.FactUpdate) (*casebook.Fact, error) {
	if !index.ValidState(u.State) {
		return nil, casebook.Errorf(casebook.EINVALID, "review state must be confirmed, corrected or rejected, not %q", u.State)
	}
	if u.At.IsZero() {
		u.At = s.clock()
	}
	u.At = u.At.UTC().Truncate(time.Microsecond)
	var out casebook.Fact
	err := s.tx(ctx, func(tx pgx.Tx) error {
		cur, err := scanFact(tx.QueryRow(ctx, `SELECT `+factCols+` FROM facts f WHERE f.id = $1 FOR UPDATE`, id))
		if errors.Is(err, pgx.ErrNoRows) {
			return notFound("fact", id)
		}
		if err != nil {
			return err
		}
		if u.State == casebook.StateCorrected {
			next, err := index.Correct(cur, u)
			if err != nil {
				return err
			}
			row, err := index.FactRow(&next, storedProvinces(ctx, tx, cur.ReportID))
			if err != nil {
				return err
			}
			var machine any
			if m := cur.Machine; m != nil || cur.ExtractorVersion != "" {
				if m == nil {
					m = &cur
				}
				old, err := index.FactRow(m, nil)
				if err != nil {
					return err
				}
				machine = string(old.Data)
			}
			_, err = tx.Exec(ctx, `UPDATE facts SET data = $1, machine = $2, event_type = $3, place_id = $4, province_id = $5, agency = $6, date_from = $7, date_to = $8, usd = $9,
				state = $10, reviewed_by = $11, reviewed_at = $12, note = $13 WHERE id = $14`,
				string(row.Data), machine, null(row.EventType), null(row.PlaceID), null(row.ProvinceID), null(row.Agency), null(row.DateFrom), null(row.DateTo), usdArg(row),
				u.State, u.By, u.At, u.Note, id)
			if err != nil {
				return err
			}
		} else if _, err := tx.Exec(ctx, `UPDATE facts SET state = $1, reviewed_by = $2, reviewed_at = $3, note = $4 WHERE id = $5`, u.State, u.By, u.At, u.Note, id); err != nil {
			return err
		}
		out, err = scanFact(tx.QueryRow(ctx, `SELECT `+factCols+` FROM facts f WHERE f.id = $1`, id))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: update fact %d: %w", id, err)
	}
	return &out, nil
}

// ReplaceMachineFacts swaps a report's unreviewed machine facts for facts.
// Facts an analyst reviewed or added stay; a new fact equal to one of them
// (its current or its machine value) is not added again, so a rejected fact
// does not come back with the next extractor.
func (s *Store) ReplaceMachineFacts(ctx context.Context, reportID int64, facts []casebook.Fact) error {
	err := s.tx(ctx, func(tx pgx.Tx) error {
		var one int
		// Lock the report so two re-extractions of it do not interleave.
		if err := tx.QueryRow(ctx, `SELECT 1 FROM reports WHERE id = $1 FOR UPDATE`, reportID).Scan(&one); errors.Is(err, pgx.ErrNoRows) {
			return notFound("report", reportID)
		} else if err != nil {
			return err
		}
		kept := map[string]bool{}
		rows, _ := tx.Query(ctx, `SELECT kind, data, machine FROM facts WHERE report_id = $1 AND (state <> 'machine' OR extractor_version = '')`, reportID)
		var kind, data string
		var machine *string
		_, err := pgx.ForEachRow(rows, []any{&kind, &data, &machine}, func() error {
			kept[index.Key(kind, []byte(data))] = true
			if machine != nil {
				kept[index.Key(kind, []byte(*machine))] = true
			}
			return nil
		})
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM facts WHERE report_id = $1 AND state = 'machine' AND extractor_version <> ''`, reportID); err != nil {
			return err
		}
		province := index.Provinces(facts, storedProvinces(ctx, tx, reportID))
		for i := range facts {
			f := &facts[i]
			f.ReportID, f.State, f.Machine = reportID, casebook.StateMachine, nil
			f.ReviewedBy, f.ReviewedAt, f.Note = "", time.Time{}, ""
			row, err := index.FactRow(f, nil)
			if err != nil {
				return fmt.Errorf("fact %d: %w", i, err)
			}
			if kept[index.Key(row.Kind, row.Data)] {
				f.ID = 0
				continue
			}
			if err := insertFact(ctx, tx, f, province); err != nil {
				return fmt.Errorf("fact %d: %w", i, err)
			}
		}
		return logChange(ctx, tx, reportID)
	})
	if err != nil {
		return fmt.Errorf("postgres: replace machine facts of report %d: %w", reportID, err)
	}
	return nil
}

// logChange records in the search change log that facts were added to a
// report (updates and deletes are logged by trigger; migration 6).
func logChange(ctx context.Context, tx pgx.Tx, reportID int64) error {
	if _, err := tx.Exec(ctx, `INSERT INTO search_changes(report_id) VALUES ($1)`, reportID); err != nil {
		return fmt.Errorf("log change of report %d: %w", reportID, err)
	}
	return nil
}
