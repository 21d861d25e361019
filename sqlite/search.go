package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"casebook"
	"casebook/internal/index"
)

// snippetWidth is the length of a search snippet in characters.
const snippetWidth = 160

// reportQuery builds the FROM and WHERE of a report search. Every query term
// must occur in the title or text: terms of three characters or more through
// the FTS5 trigram index, two Hangul syllables through the bigram index, and
// anything shorter by LIKE. Fact filters each need some fact of the report
// (an unrejected one; a confirmed or corrected one for ConfirmedOnly).
//
// With a text term the search is driven by the FTS5 table alone: the other
// conditions test its rowid against id lists ("+rowid" keeps them from being
// pushed into FTS5, which would rerun the full-text query once per id).
func reportQuery(f casebook.ReportFilter) (from, id, where, rank string, args []any, terms []string) {
	terms = index.Terms(f.Query)
	var match, conds []string
	var margs []any
	from, id, rank = "reports", "reports.id", "0"
	for _, t := range terms {
		if index.RuneLen(t) >= 3 {
			match = append(match, `"`+strings.ReplaceAll(t, `"`, `""`)+`"`)
		}
	}
	if len(match) > 0 {
		from, id, rank = "reports_fts", "+reports_fts.rowid", "-bm25(reports_fts, 2.0, 1.0)"
		conds = append(conds, "reports_fts MATCH ?")
		margs = []any{strings.Join(match, " AND ")}
	}
	add := func(c string, a ...any) { conds = append(conds, id+" IN ("+c+")"); args = append(args, a...) }
	for _, t := range terms {
		switch {
		case index.RuneLen(t) >= 3:
		case index.BigramTerm(t):
			add(`SELECT rowid FROM reports_bigrams WHERE reports_bigrams MATCH ?`, `"`+t+`"`)
		default:
			p := "%" + index.EscapeLike(t) + "%"
			add(`SELECT id FROM reports WHERE title LIKE ? ESCAPE '\' OR text LIKE ? ESCAPE '\'`, p, p)
		}
	}
	state := "f.state <> 'rejected'"
	if f.ConfirmedOnly {
		state = "f.state IN ('confirmed', 'corrected')"
	}
	// Event filters (type, date, amount) ask about one event, so when one is
	// given every fact condition must hold for the same fact; place and
	// agency alone may be met by different facts of a report.
	type factCond struct {
		cond string
		args []any
	}
	var factConds []factCond
	fact := func(c string, a ...any) { factConds = append(factConds, factCond{c, a}) }
	if f.PlaceID != "" {
		c, a := placeCond(f.PlaceID)
		fact(c, a...)
	}
	if f.Agency != "" {
		fact("f.agency = ?", f.Agency)
	}
	if f.EventType != "" {
		fact("f.event_type = ?", f.EventType)
	}
	switch {
	case f.Date.From != "" && f.Date.To != "":
		fact("f.date_from <= ? AND f.date_to >= ?", f.Date.To, f.Date.From)
	case f.Date.From != "":
		fact("f.date_to >= ?", f.Date.From)
	case f.Date.To != "":
		fact("f.date_from <= ?", f.Date.To)
	}
	switch {
	case f.MinUSD > 0 && f.MaxUSD > 0:
		fact("f.usd >= ? AND f.usd <= ?", f.MinUSD, f.MaxUSD)
	case f.MinUSD > 0:
		fact("f.usd >= ?", f.MinUSD)
	case f.MaxUSD > 0:
		fact("f.usd <= ?", f.MaxUSD)
	}
	if index.OneEvent(f) && len(factConds) > 1 {
		var cs []string
		var as []any
		for _, fc := range factConds {
			cs, as = append(cs, fc.cond), append(as, fc.args...)
		}
		one := strings.Join(cs, " AND ")
		if f.EventType != "" {
			// facts_one_event covers every condition under the event type:
			// one index-only list.
			factConds = []factCond{{one, as}}
		} else {
			// Without a type no index covers them all: the lists of each
			// condition (index-only) narrow the candidates, and a probe of
			// each candidate's facts checks they meet in one event.
			conds = append(conds, "EXISTS (SELECT 1 FROM facts f WHERE f.report_id = "+strings.TrimPrefix(id, "+")+" AND "+one+" AND "+state+")")
			args = append(args, as...)
		}
	}
	for _, fc := range factConds {
		add("SELECT f.report_id FROM facts f WHERE "+fc.cond+" AND "+state, fc.args...)
	}
	if f.State != "" {
		// Most reports have machine facts: a list of them would be the whole
		// store, so probe each candidate instead.
		conds = append(conds, "EXISTS (SELECT 1 FROM facts f WHERE f.state = ? AND f.report_id = "+strings.TrimPrefix(id, "+")+")")
		args = append(args, f.State)
	}
	if f.ConfirmedOnly {
		add("SELECT f.report_id FROM facts f WHERE f.state IN ('confirmed', 'corrected')")
	}
	if f.Language != "" {
		if from == "reports" {
			conds = append(conds, "reports.language = ?")
			args = append(args, f.Language)
		} else {
			add("SELECT id FROM reports WHERE language = ?", f.Language)
		}
	}
	where = "1"
	if len(conds) > 0 {
		where = strings.Join(conds, " AND ")
	}
	return from, id, where, rank, append(margs, args...), terms
}

// FindReports searches reports: best match first (newest first without a
// text query), a page at a time, with a snippet around the first match and
// the total number of matches. Hits carry no original bytes.
func (s *Store) FindReports(ctx context.Context, f casebook.ReportFilter) ([]casebook.ReportHit, int, error) {
	from, id, where, rank, args, terms := reportQuery(f)
	limit, offset := index.PageLimit(f.Limit), max(f.Offset, 0)
	type hit struct {
		id    int64
		score float64
	}
	var page []hit
	total := 0
	if from == "reports" {
		// Without a text query the page walks reports_published in order and
		// stops after it (no sort of every row); the count is its own query.
		if err := s.r.QueryRowContext(ctx, countQuery("reports", "reports.id", where, f.CountLimit), countArgs(args, f.CountLimit)...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("sqlite: count reports: %w", err)
		}
		// INDEXED BY: left alone, the planner reads every row the filters'
		// id lists name (3 KB pages each) to sort them by date; the index
		// walk tests ids in date order and stops after the page (113 against
		// 42 ms for a Korean term at 100k).
		rows, err := s.r.QueryContext(ctx, `SELECT reports.id FROM reports INDEXED BY reports_published WHERE `+where+` ORDER BY reports.published DESC, reports.id DESC LIMIT ? OFFSET ?`, append(args, limit, offset)...)
		if err != nil {
			return nil, 0, fmt.Errorf("sqlite: find reports: %w", err)
		}
		for rows.Next() {
			var h hit
			if err := rows.Scan(&h.id); err != nil {
				rows.Close()
				return nil, 0, fmt.Errorf("sqlite: find reports: %w", err)
			}
			page = append(page, h)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, 0, fmt.Errorf("sqlite: find reports: %w", err)
		}
	} else {
		// One pass reads every match with its rank and the page is sorted
		// here: no second pass to count (which would build the filters' id
		// lists again) and no window materialising every ranked row.
		q := `SELECT ` + strings.TrimPrefix(id, "+") + `, ` + rank + ` FROM ` + from + ` WHERE ` + where
		rows, err := s.r.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, 0, fmt.Errorf("sqlite: find reports: %w", err)
		}
		var all []hit
		for rows.Next() {
			var h hit
			if err := rows.Scan(&h.id, &h.score); err != nil {
				rows.Close()
				return nil, 0, fmt.Errorf("sqlite: find reports: %w", err)
			}
			all = append(all, h)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, 0, fmt.Errorf("sqlite: find reports: %w", err)
		}
		slices.SortFunc(all, func(a, b hit) int {
			if c := cmp.Compare(b.score, a.score); c != 0 {
				return c
			}
			return cmp.Compare(b.id, a.id)
		})
		total = len(all)
		if f.CountLimit > 0 {
			total = min(total, f.CountLimit+1)
		}
		page = all[min(offset, len(all)):min(offset+limit, len(all))]
	}
	hits := make([]casebook.ReportHit, 0, len(page))
	for _, h := range page {
		r, err := scanReport(s.r.QueryRowContext(ctx, `SELECT `+reportCols+` FROM reports r WHERE r.id = ?`, h.id))
		if err != nil {
			return nil, 0, fmt.Errorf("sqlite: find reports: read %d: %w", h.id, err)
		}
		hits = append(hits, casebook.ReportHit{Report: r, Rank: h.score, Snippet: index.Snippet(r.Text, terms, snippetWidth)})
	}
	return hits, total, nil
}

// countQuery counts the matches of a search, stopping after n+1 of them
// when n > 0 (countArgs adds the limit to the arguments).
func countQuery(from, id, where string, n int) string {
	if n <= 0 {
		return `SELECT count(*) FROM ` + from + ` WHERE ` + where
	}
	return `SELECT count(*) FROM (SELECT ` + id + ` FROM ` + from + ` WHERE ` + where + ` LIMIT ?)`
}

// countArgs returns the arguments of countQuery.
func countArgs(args []any, n int) []any {
	if n <= 0 {
		return args
	}
	return append(args[:len(args):len(args)], n+1)
}
