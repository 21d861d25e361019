package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"casebook"
	"casebook/internal/index"
)

const insertFactSQL = `INSERT INTO facts (report_id, kind, data, event_type, place_id, province_id, agency, date_from, date_to, usd, extractor_version, state, reviewed_by, reviewed_at, note)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

const factCols = `f.id, f.report_id, f.kind, f.data, f.machine, f.extractor_version, f.state, f.reviewed_by, f.reviewed_at, f.note`

func scanFact(row scanner) (casebook.Fact, error) {
	var (
		id, reportID       int64
		kind, data         string
		machine            sql.NullString
		version, state, by string
		at                 sql.NullInt64
		note               string
	)
	if err := row.Scan(&id, &reportID, &kind, &data, &machine, &version, &state, &by, &at, &note); err != nil {
		return casebook.Fact{}, err
	}
	var m []byte
	if machine.Valid {
		m = []byte(machine.String)
	}
	return index.Fact(id, reportID, kind, []byte(data), m, version, state, by, fromMicro(at), note)
}

// insertFact writes one fact and sets its ID.
func (s *Store) insertFact(ctx context.Context, tx *sql.Tx, f *casebook.Fact, province index.ProvinceFunc) error {
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
		at = micro(f.ReviewedAt)
	}
	var usd any
	if row.HasUSD {
		usd = row.USD
	}
	ins, err := s.txStmt(ctx, tx, insertFactSQL)
	if err != nil {
		return err
	}
	// No RETURNING: it needs a statement journal, and every statement
	// journal makes FTS5 flush its pending report text into a new segment.
	res, err := ins.ExecContext(ctx,
		f.ReportID, row.Kind, string(row.Data), null(row.EventType), null(row.PlaceID), null(row.ProvinceID), null(row.Agency),
		null(row.DateFrom), null(row.DateTo), usd, f.ExtractorVersion, f.State, f.ReviewedBy, at, f.Note)
	if err != nil {
		return fmt.Errorf("insert fact: %w", err)
	}
	if f.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("insert fact: %w", err)
	}
	return nil
}

func (s *Store) insertFacts(ctx context.Context, tx *sql.Tx, reportID int64, facts []casebook.Fact, province index.ProvinceFunc) error {
	for i := range facts {
		facts[i].ReportID = reportID
		if err := s.insertFact(ctx, tx, &facts[i], province); err != nil {
			return fmt.Errorf("fact %d: %w", i, err)
		}
	}
	return nil
}

// storedProvinces returns a ProvinceFunc that looks up the report's stored
// place facts, for events added or corrected after ingest.
func storedProvinces(ctx context.Context, tx *sql.Tx, reportID int64) index.ProvinceFunc {
	return func(id string) string {
		var p sql.NullString
		_ = tx.QueryRowContext(ctx, `SELECT province_id FROM facts WHERE report_id = ? AND kind = 'place' AND place_id = ? LIMIT 1`, reportID, id).Scan(&p)
		return p.String
	}
}

// FindFactByID returns one fact.
func (s *Store) FindFactByID(ctx context.Context, id int64) (*casebook.Fact, error) {
	f, err := scanFact(s.r.QueryRowContext(ctx, `SELECT `+factCols+` FROM facts f WHERE f.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("fact", id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: find fact %d: %w", id, err)
	}
	return &f, nil
}

// factWhere turns a FactFilter into SQL conditions on facts f.
func factWhere(f casebook.FactFilter) (string, []any) {
	var conds []string
	var args []any
	add := func(c string, a ...any) { conds = append(conds, c); args = append(args, a...) }
	if f.ReportID != 0 {
		add("f.report_id = ?", f.ReportID)
	}
	if f.Kind != "" {
		add("f.kind = ?", f.Kind)
	}
	if f.EventType != "" {
		add("f.event_type = ?", f.EventType)
	}
	if f.PlaceID != "" {
		c, a := placeCond(f.PlaceID)
		add(c, a...)
	}
	if f.Agency != "" {
		add("f.agency = ?", f.Agency)
	}
	if f.Date.To != "" {
		add("f.date_from <= ?", f.Date.To)
	}
	if f.Date.From != "" {
		add("f.date_to >= ?", f.Date.From)
	}
	if f.MinUSD > 0 {
		add("f.usd >= ?", f.MinUSD)
	}
	if f.MaxUSD > 0 {
		add("f.usd <= ?", f.MaxUSD)
	}
	if len(f.States) > 0 {
		add("f.state IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.States)), ",")+")", anys(f.States)...)
	}
	if len(conds) == 0 {
		return "1", nil
	}
	return strings.Join(conds, " AND "), args
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// FindFacts returns the facts matching f in report and fact order. A zero
// Limit returns every match.
func (s *Store) FindFacts(ctx context.Context, f casebook.FactFilter) ([]casebook.Fact, error) {
	where, args := factWhere(f)
	q := `SELECT ` + factCols + ` FROM facts f WHERE ` + where + ` ORDER BY f.report_id, f.id`
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		q += ` LIMIT ? OFFSET ?`
		args = append(args, limit, max(f.Offset, 0))
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find facts: %w", err)
	}
	defer rows.Close()
	var out []casebook.Fact
	for rows.Next() {
		fact, err := scanFact(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: find facts: %w", err)
		}
		out = append(out, fact)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: find facts: %w", err)
	}
	return out, nil
}

// CreateFact adds a fact an analyst found. It has no extractor version and
// is confirmed unless f says otherwise.
func (s *Store) CreateFact(ctx context.Context, f *casebook.Fact) error {
	f.MarkAdded(s.clock())
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM reports WHERE id = ?`, f.ReportID).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return notFound("report", f.ReportID)
		} else if err != nil {
			return err
		}
		if err := s.insertFact(ctx, tx, f, storedProvinces(ctx, tx, f.ReportID)); err != nil {
			return err
		}
		return logChange(ctx, tx, f.ReportID)
	})
	if err != nil {
		return fmt.Errorf("sqlite: create fact: %w", err)
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
	var out casebook.Fact
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var machine sql.NullString
		cur, err := scanFact(tx.QueryRowContext(ctx, `SELECT `+factCols+` FROM facts f WHERE f.id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
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
			if cur.Machine == nil && cur.ExtractorVersion != "" {
				old, err := index.FactRow(&cur, nil)
				if err != nil {
					return err
				}
				machine = sql.NullString{String: string(old.Data), Valid: true}
			} else if cur.Machine != nil {
				old, err := index.FactRow(cur.Machine, nil)
				if err != nil {
					return err
				}
				machine = sql.NullString{String: string(old.Data), Valid: true}
			}
			var usd any
			if row.HasUSD {
				usd = row.USD
			}
			_, err = tx.ExecContext(ctx, `UPDATE facts SET data = ?, machine = ?, event_type = ?, place_id = ?, province_id = ?, agency = ?, date_from = ?, date_to = ?, usd = ?,
				state = ?, reviewed_by = ?, reviewed_at = ?, note = ? WHERE id = ?`,
				string(row.Data), machine, null(row.EventType), null(row.PlaceID), null(row.ProvinceID), null(row.Agency), null(row.DateFrom), null(row.DateTo), usd,
				u.State, u.By, micro(u.At), u.Note, id)
			if err != nil {
				return err
			}
		} else {
			if _, err := tx.ExecContext(ctx, `UPDATE facts SET state = ?, reviewed_by = ?, reviewed_at = ?, note = ? WHERE id = ?`, u.State, u.By, micro(u.At), u.Note, id); err != nil {
				return err
			}
		}
		out, err = scanFact(tx.QueryRowContext(ctx, `SELECT `+factCols+` FROM facts f WHERE f.id = ?`, id))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: update fact %d: %w", id, err)
	}
	return &out, nil
}

// ReplaceMachineFacts swaps a report's unreviewed machine facts for facts.
// Facts an analyst reviewed or added stay; a new fact equal to one of them
// (its current or its machine value) is not added again, so a rejected fact
// does not come back with the next extractor.
func (s *Store) ReplaceMachineFacts(ctx context.Context, reportID int64, facts []casebook.Fact) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM reports WHERE id = ?`, reportID).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return notFound("report", reportID)
		} else if err != nil {
			return err
		}
		kept := map[string]bool{}
		rows, err := tx.QueryContext(ctx, `SELECT kind, data, machine FROM facts WHERE report_id = ? AND (state <> 'machine' OR extractor_version = '')`, reportID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var kind, data string
			var machine sql.NullString
			if err := rows.Scan(&kind, &data, &machine); err != nil {
				rows.Close()
				return err
			}
			kept[index.Key(kind, []byte(data))] = true
			if machine.Valid {
				kept[index.Key(kind, []byte(machine.String))] = true
			}
		}
		rows.Close()
		if _, err := tx.ExecContext(ctx, `DELETE FROM facts WHERE report_id = ? AND state = 'machine' AND extractor_version <> ''`, reportID); err != nil {
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
			if err := s.insertFact(ctx, tx, f, province); err != nil {
				return fmt.Errorf("fact %d: %w", i, err)
			}
		}
		return logChange(ctx, tx, reportID)
	})
	if err != nil {
		return fmt.Errorf("sqlite: replace machine facts of report %d: %w", reportID, err)
	}
	return nil
}

// placeCond matches facts at a place or any place inside it.
func placeCond(id string) (string, []any) {
	ids := index.PlaceIDs(id)
	return "(f.place_id IN (" + strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",") + ") OR f.province_id = ?)", append(anys(ids), id)
}

// logChange records in the search change log that facts of a report were
// added (updates and deletions log themselves by trigger; a trigger on
// inserts would slow every ingest, see migration 0009).
func logChange(ctx context.Context, tx *sql.Tx, reportID int64) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_changes(report_id) VALUES (?)`, reportID); err != nil {
		return fmt.Errorf("log change of report %d: %w", reportID, err)
	}
	return nil
}
