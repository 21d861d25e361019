package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"casebook"
	"casebook/internal/facets"
	"casebook/internal/index"
)

// snippetWidth is the length of a search snippet in characters.
const snippetWidth = 160

// reportQuery builds the FROM and WHERE of a report search. Every query term
// must occur in the title or text: Latin-script terms as words through the
// FTS5 word index (index.WordTerm), other terms of three characters or more
// with a Lo letter (Korean) as substrings through the FTS5 trigram index, two
// Hangul syllables through the bigram index, and anything else (short terms,
// punctuation) by LIKE. Fact filters each need
// some fact of the report (an unrejected one; a confirmed or corrected one
// for ConfirmedOnly).
//
// With a text term the search is driven by one FTS5 table: the other
// conditions test its rowid against id lists ("+rowid" keeps them from being
// pushed into FTS5, which would rerun the full-text query once per id).
//
// bigramsFirst drives a search with bigram terms only from the bigram index
// (the filter index then tests each match) instead of the reports table.
func reportQuery(f casebook.ReportFilter, bigramsFirst bool) (from, id, where, rank string, args []any, terms []string) {
	terms = index.Terms(f.Query)
	var trigrams, words, grams, likes, conds []string
	for _, t := range terms {
		switch {
		case index.WordTerm(t):
			w := index.Words(t)
			q := `"` + strings.Join(w, " ") + `"`
			if index.WordPrefix(w) {
				q += "*"
			}
			words = append(words, q)
		case index.RuneLen(t) >= 3 && holdsLo(t):
			// The trigram index holds only the lines with such a letter,
			// which is where this term stands if anywhere.
			trigrams = append(trigrams, `"`+strings.ReplaceAll(t, `"`, `""`)+`"`)
		case index.BigramTerm(t):
			grams = append(grams, `"`+t+`"`)
		default:
			likes = append(likes, t)
		}
	}
	from, id, rank = "reports", "reports.id", "0"
	var margs []any
	drive := func(table, r string, match []string) {
		from, id, rank = table, "+"+table+".rowid", r
		conds = append(conds, table+" MATCH ?")
		margs = []any{strings.Join(match, " AND ")}
	}
	// Trigram terms first: they are Korean, and few reports share a Hangul
	// trigram.
	switch {
	case len(trigrams) > 0:
		drive("reports_fts", "-bm25(reports_fts, 2.0, 1.0)", trigrams)
	case len(words) > 0:
		drive("reports_words", "-bm25(reports_words, 2.0, 1.0)", words)
		words = nil
	case bigramsFirst && len(grams) > 0:
		drive("reports_bigrams", "0", grams)
		grams = nil
	}
	add := func(c string, a ...any) { conds = append(conds, id+" IN ("+c+")"); args = append(args, a...) }
	if len(words) > 0 {
		add(`SELECT rowid FROM reports_words WHERE reports_words MATCH ?`, strings.Join(words, " AND "))
	}
	for _, g := range grams {
		add(`SELECT rowid FROM reports_bigrams WHERE reports_bigrams MATCH ?`, g)
	}
	for _, t := range likes {
		p := "%" + index.EscapeLike(t) + "%"
		add(`SELECT id FROM reports WHERE title LIKE ? ESCAPE '\' OR text LIKE ? ESCAPE '\'`, p, p)
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
	if s.facets != nil && facets.Filtered(f) {
		idx, err := s.facets.Current(ctx)
		if err != nil {
			return nil, 0, err
		}
		if idx != nil {
			return s.findFiltered(ctx, idx, f)
		}
	}
	from, id, where, rank, args, terms := reportQuery(f, false)
	limit, offset := index.PageLimit(f.Limit), max(f.Offset, 0)
	var page []index.Hit
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
		q := `SELECT reports.id FROM reports INDEXED BY reports_published WHERE ` + where + ` ORDER BY reports.published DESC, reports.id DESC LIMIT ? OFFSET ?`
		if err := s.collect(ctx, q, append(args, limit, offset), func(rows *sql.Rows) error {
			var h index.Hit
			err := rows.Scan(&h.ID)
			page = append(page, h)
			return err
		}); err != nil {
			return nil, 0, err
		}
	} else {
		// One pass reads every match with its rank and the page is sorted
		// here: no second pass to count (which would build the filters' id
		// lists again) and no window materialising every ranked row.
		q := `SELECT ` + strings.TrimPrefix(id, "+") + `, ` + rank + ` FROM ` + from + ` WHERE ` + where
		var all []index.Hit
		if err := s.collect(ctx, q, args, func(rows *sql.Rows) error {
			var h index.Hit
			err := rows.Scan(&h.ID, &h.Score)
			all = append(all, h)
			return err
		}); err != nil {
			return nil, 0, err
		}
		index.SortByScore(all)
		page, total = index.PageOf(all, f)
	}
	hits, err := s.readHits(ctx, page, terms)
	if err != nil {
		return nil, 0, err
	}
	return hits, total, nil
}

// readHits reads the reports of a result page, with snippets.
func (s *Store) readHits(ctx context.Context, page []index.Hit, terms []string) ([]casebook.ReportHit, error) {
	hits := make([]casebook.ReportHit, 0, len(page))
	for _, h := range page {
		r, err := scanReport(s.r.QueryRowContext(ctx, `SELECT `+reportCols+` FROM reports r WHERE r.id = ?`, h.ID))
		if err != nil {
			return nil, fmt.Errorf("sqlite: find reports: read %d: %w", h.ID, err)
		}
		hits = append(hits, casebook.ReportHit{Report: r, Rank: h.Score, Snippet: index.Snippet(r.Text, terms, snippetWidth)})
	}
	return hits, nil
}

// findFiltered is FindReports through the filter index. Without text the
// index lists the matches newest first. With text, when few reports pass the
// filters for the work the full-text query would do, their texts are read
// and searched here; otherwise the full-text query lists its matches, the
// index keeps those that pass, and only they are ranked.
func (s *Store) findFiltered(ctx context.Context, idx *facets.Index, f casebook.ReportFilter) ([]casebook.ReportHit, int, error) {
	m := idx.Match(f)
	terms := index.Terms(f.Query)
	var all []index.Hit
	var err error
	switch budget := min(s.scanLimit, scanBudget(terms, idx.Len())); {
	case len(terms) == 0:
		all = m.Newest(f)
	default:
		var cands []int64
		more := true
		if budget > 0 {
			cands, more = m.Select(budget)
		}
		if more {
			all, err = s.textKept(ctx, m, f.Query)
		} else {
			all, err = s.scanTexts(ctx, cands, terms)
		}
		if err != nil {
			return nil, 0, err
		}
	}
	page, total := index.PageOf(all, f)
	hits, err := s.readHits(ctx, page, terms)
	if err != nil {
		return nil, 0, err
	}
	return hits, total, nil
}

// scanBudget returns how many filter candidates may be read for a text
// search before the full-text query is the cheaper way, in a store of n
// reports. Reading a candidate costs some 20 µs; the full-text query costs
// in proportion to the reports holding a term: a common English word is in
// a fifth of them (8 ms to list at 100,000 reports), a Korean trigram or
// bigram in far fewer, and a term too short for any index is looked for in
// every report.
func scanBudget(terms []string, n int) int {
	work := 0
	for _, t := range terms {
		switch {
		case index.WordTerm(t):
			work += n / 200
		case index.RuneLen(t) >= 3 || index.BigramTerm(t):
			work += n / 2000
		default:
			work += n
		}
	}
	return work
}

// textKept runs the full-text query of q and keeps the matches m passes,
// ranked best first (newest first for terms only the bigram or LIKE
// conditions answer). The filter index is asked about each match inside
// the query (casebook_keep), so only the kept ones are ranked (bm25 costs
// microseconds a row).
func (s *Store) textKept(ctx context.Context, m *facets.Matcher, q string) ([]index.Hit, error) {
	from, id, where, rank, args, _ := reportQuery(casebook.ReportFilter{Query: q}, true)
	plain := strings.TrimPrefix(id, "+")
	h, done := register(m)
	defer done()
	var all []index.Hit
	if err := s.collect(ctx, `SELECT `+plain+`, `+rank+` FROM `+from+` WHERE `+where+` AND casebook_keep(?, `+plain+`)`,
		append(args, h), func(rows *sql.Rows) error {
			var h index.Hit
			if err := rows.Scan(&h.ID, &h.Score); err != nil {
				return err
			}
			all = append(all, h)
			return nil
		}); err != nil {
		return nil, err
	}
	if rank == "0" {
		slices.SortFunc(all, func(a, b index.Hit) int {
			if c := cmp.Compare(m.Published(b.ID), m.Published(a.ID)); c != 0 {
				return c
			}
			return cmp.Compare(b.ID, a.ID)
		})
		return all, nil
	}
	index.SortByScore(all)
	return all, nil
}

// collect runs a search query on the read pool and calls row for each row.
func (s *Store) collect(ctx context.Context, q string, args []any, row func(*sql.Rows) error) error {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("sqlite: find reports: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows); err != nil {
			return fmt.Errorf("sqlite: find reports: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: find reports: %w", err)
	}
	return nil
}

// scanTexts searches the texts of candidate reports for every term (any
// case) and ranks the matches by index.Rank.
func (s *Store) scanTexts(ctx context.Context, ids []int64, terms []string) ([]index.Hit, error) {
	stmt, err := s.rstmts.get(ctx, `SELECT title, text FROM reports WHERE id = ?`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find reports: %w", err)
	}
	var all []index.Hit
	for _, id := range ids {
		var title, text string
		if err := stmt.QueryRowContext(ctx, id).Scan(&title, &text); errors.Is(err, sql.ErrNoRows) {
			continue // deleted meanwhile
		} else if err != nil {
			return nil, fmt.Errorf("sqlite: find reports: read %d: %w", id, err)
		}
		if score, ok := index.Rank(title, text, terms); ok {
			all = append(all, index.Hit{ID: id, Score: score})
		}
	}
	index.SortByScore(all)
	return all, nil
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
