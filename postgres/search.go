package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"casebook"
	"casebook/internal/index"
)

const snippetWidth = 160

// body is the searched text, lower-cased and stored (migration 2); the
// trigram index is built on it.
const body = `r.body`

// reportQuery builds the WHERE and rank of a report search. Every query term
// must occur in the title or text, in any case: a Latin-script term as words
// (index.WordTerm) by a regular expression, any other as a substring by
// LIKE, both answered by the pg_trgm index for three characters or more;
// two Hangul syllables are looked up among the report's bigrams. Fact filters each need
// some fact of the report (an unrejected one; confirmed or corrected for
// ConfirmedOnly).
func reportQuery(f casebook.ReportFilter, a *args) (where string, terms []string) {
	terms = index.Terms(f.Query)
	var conds []string
	for _, t := range terms {
		switch {
		case index.WordTerm(t):
			conds = append(conds, body+" ~ "+a.add(wordPattern(index.Words(t))))
		case index.BigramTerm(t):
			conds = append(conds, "r.grams @> ARRAY["+a.add(t)+"]::text[]")
		default:
			conds = append(conds, body+" LIKE "+a.add("%"+index.EscapeLike(strings.ToLower(t))+"%"))
		}
	}
	state := "f.state <> 'rejected'"
	if f.ConfirmedOnly {
		state = "f.state IN ('confirmed', 'corrected')"
	}
	// Event filters (type, date, amount) ask about one event, so when one is
	// given every fact condition must hold for the same fact; place and
	// agency alone may be met by different facts of a report.
	var factConds []string
	fact := func(c string) { factConds = append(factConds, c) }
	if f.PlaceID != "" {
		fact(placeCond(a, f.PlaceID))
	}
	if f.Agency != "" {
		fact("f.agency = " + a.add(f.Agency))
	}
	if f.EventType != "" {
		fact("f.event_type = " + a.add(f.EventType))
	}
	switch {
	case f.Date.From != "" && f.Date.To != "":
		fact("f.date_from <= " + a.add(f.Date.To) + " AND f.date_to >= " + a.add(f.Date.From))
	case f.Date.From != "":
		fact("f.date_to >= " + a.add(f.Date.From))
	case f.Date.To != "":
		fact("f.date_from <= " + a.add(f.Date.To))
	}
	switch {
	case f.MinUSD > 0 && f.MaxUSD > 0:
		fact("f.usd >= " + a.add(f.MinUSD) + " AND f.usd <= " + a.add(f.MaxUSD))
	case f.MinUSD > 0:
		fact("f.usd >= " + a.add(f.MinUSD))
	case f.MaxUSD > 0:
		fact("f.usd <= " + a.add(f.MaxUSD))
	}
	if index.OneEvent(f) && len(factConds) > 1 {
		factConds = []string{strings.Join(factConds, " AND ")}
	}
	for _, c := range factConds {
		conds = append(conds, "r.id IN (SELECT f.report_id FROM facts f WHERE "+c+" AND "+state+")")
	}
	if f.State != "" {
		// Most reports have machine facts: probe each candidate rather than
		// list the whole store.
		conds = append(conds, "EXISTS (SELECT 1 FROM facts f WHERE f.report_id = r.id AND f.state = "+a.add(f.State)+")")
	}
	if f.ConfirmedOnly {
		conds = append(conds, "r.id IN (SELECT f.report_id FROM facts f WHERE f.state IN ('confirmed', 'corrected'))")
	}
	if f.Language != "" {
		conds = append(conds, "r.language = "+a.add(f.Language))
	}
	where = "true"
	if len(conds) > 0 {
		where = strings.Join(conds, " AND ")
	}
	return where, terms
}

// wordPattern is the regular expression of a word term (index.WordTerm):
// its words in a row from the start of a word, separated by anything but
// letters and digits, the last one whole unless it is a prefix. pg_trgm
// answers it from the trigram index as it does LIKE. (Words are letters and
// digits only: nothing in them needs escaping.)
func wordPattern(words []string) string {
	p := `\m` + strings.Join(words, `[^[:alnum:]]+`)
	if !index.WordPrefix(words) {
		p += `\M`
	}
	return p
}

// rankExpr ranks by how often the terms occur (the body holds the title, so
// the title counts twice), for the length of the text.
func rankExpr(terms []string, a *args) string {
	var ranks []string
	for _, t := range terms {
		if index.WordTerm(t) {
			t = strings.Join(index.Words(t), " ")
		}
		lt := a.add(strings.ToLower(t))
		ranks = append(ranks, fmt.Sprintf("(length(r.body) - length(replace(r.body, %[1]s, ''))"+
			" + (length(r.title) - length(replace(lower(r.title), %[1]s, ''))))::float8 / length(%[1]s)", lt))
	}
	if len(ranks) == 0 {
		return "0::float8"
	}
	return "(" + strings.Join(ranks, " + ") + ") / ln(length(r.text) + 3)"
}

// FindReports searches reports: best match first (newest first without a
// text query), a page at a time, with a snippet around the first match and
// the total number of matches. Hits carry no original bytes.
func (s *Store) FindReports(ctx context.Context, f casebook.ReportFilter) ([]casebook.ReportHit, int, error) {
	var a args
	where, terms := reportQuery(f, &a)
	countArgs := append(args(nil), a...)
	rank := rankExpr(terms, &a)
	limit, offset := index.PageLimit(f.Limit), max(f.Offset, 0)
	// One pass ranks the page and counts every match; full rows are read
	// for the page only.
	type hit struct {
		id    int64
		score float64
	}
	var page []hit
	total := 0
	var h hit
	if len(terms) == 0 {
		// Without a text query the page walks reports_published and stops
		// after it; the count is its own query.
		q := `SELECT r.id FROM reports r WHERE ` + where + ` ORDER BY r.published DESC, r.id DESC LIMIT ` + a.add(limit) + ` OFFSET ` + a.add(offset)
		rows, _ := s.pool.Query(ctx, q, a...)
		if _, err := pgx.ForEachRow(rows, []any{&h.id}, func() error { page = append(page, h); return nil }); err != nil {
			return nil, 0, fmt.Errorf("postgres: find reports: %w", err)
		}
		if err := s.pool.QueryRow(ctx, countQuery(where, &countArgs, f.CountLimit), countArgs...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("postgres: count reports: %w", err)
		}
	} else {
		q := `SELECT r.id, ` + rank + ` AS score, count(*) OVER () FROM reports r WHERE ` + where +
			` ORDER BY score DESC, r.published DESC, r.id DESC LIMIT ` + a.add(limit) + ` OFFSET ` + a.add(offset)
		rows, _ := s.pool.Query(ctx, q, a...)
		if _, err := pgx.ForEachRow(rows, []any{&h.id, &h.score, &total}, func() error { page = append(page, h); return nil }); err != nil {
			return nil, 0, fmt.Errorf("postgres: find reports: %w", err)
		}
	}
	if len(page) == 0 && offset > 0 && len(terms) > 0 {
		// Past the last page: the window saw no rows, so count apart.
		if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM reports r WHERE `+where, countArgs...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("postgres: count reports: %w", err)
		}
	}
	if f.CountLimit > 0 {
		// With a text query the count comes with the page at no extra cost
		// (a capped count in a query of its own was slower at 100,000
		// reports); it is cut to the cap all the same.
		total = min(total, f.CountLimit+1)
	}
	ids := make([]int64, len(page))
	for i, h := range page {
		ids[i] = h.id
	}
	rows, _ := s.pool.Query(ctx, `SELECT `+reportCols+` FROM reports r WHERE r.id = ANY($1)`, ids)
	byID := map[int64]*casebook.Report{}
	reports, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (*casebook.Report, error) { return scanReport(row) })
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: find reports: %w", err)
	}
	for _, r := range reports {
		byID[r.ID] = r
	}
	hits := make([]casebook.ReportHit, 0, len(page))
	for _, h := range page {
		r, ok := byID[h.id]
		if !ok {
			continue // deleted meanwhile
		}
		hits = append(hits, casebook.ReportHit{Report: r, Rank: h.score, Snippet: index.Snippet(r.Text, terms, snippetWidth)})
	}
	return hits, total, nil
}

// countQuery counts the matches of where, stopping after n+1 of them when
// n > 0 (its limit is added to a).
func countQuery(where string, a *args, n int) string {
	if n <= 0 {
		return `SELECT count(*) FROM reports r WHERE ` + where
	}
	return `SELECT count(*) FROM (SELECT 1 FROM reports r WHERE ` + where + ` LIMIT ` + a.add(n+1) + `) m`
}
