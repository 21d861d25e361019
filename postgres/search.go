package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"casebook"
	"casebook/internal/facets"
	"casebook/internal/index"
)

const snippetWidth = 160

// body is the searched text, lower-cased and stored (migration 2); the
// trigram index is built on it.
const body = `r.body`

// termConds returns the conditions, on reports r, that every query term
// occurs in the title or text, in any case: a Latin-script term as words
// (index.WordTerm) by a regular expression, any other as a substring by
// LIKE, both answered by the pg_trgm index for three characters or more;
// two Hangul syllables are looked up among the report's bigrams. Searches
// whose terms the word index answers (wordTerm) use these only for reports
// too long for it.
func termConds(terms []string, a *args) []string {
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
	return conds
}

// filterConds returns the conditions of f's filters on the report id
// column id. Fact filters each need some fact of the report (an unrejected
// one; confirmed or corrected for ConfirmedOnly).
func filterConds(f casebook.ReportFilter, a *args, id string) []string {
	var conds []string
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
		conds = append(conds, id+" IN (SELECT f.report_id FROM facts f WHERE "+c+" AND "+state+")")
	}
	if f.State != "" {
		// Most reports have machine facts: probe each candidate rather than
		// list the whole store.
		conds = append(conds, "EXISTS (SELECT 1 FROM facts f WHERE f.report_id = "+id+" AND f.state = "+a.add(f.State)+")")
	}
	if f.ConfirmedOnly {
		conds = append(conds, id+" IN (SELECT f.report_id FROM facts f WHERE f.state IN ('confirmed', 'corrected'))")
	}
	if f.Language != "" {
		if id == "r.id" {
			conds = append(conds, "r.language = "+a.add(f.Language))
		} else {
			conds = append(conds, id+" IN (SELECT id FROM reports WHERE language = "+a.add(f.Language)+")")
		}
	}
	return conds
}

func and(conds []string) string {
	if len(conds) == 0 {
		return "true"
	}
	return strings.Join(conds, " AND ")
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
	terms := index.Terms(f.Query)
	var m *facets.Matcher
	if s.facets != nil && facets.Filtered(f) {
		idx, err := s.facets.Current(ctx)
		if err != nil {
			return nil, 0, err
		}
		if idx != nil {
			m = idx.Match(f)
		}
	}
	var page []index.Hit
	var total int
	var err error
	switch {
	case len(terms) == 0 && m != nil:
		page, total = index.PageOf(m.Newest(f), f)
	case len(terms) == 0:
		page, total, err = s.findNewest(ctx, f)
	case allWordTerms(terms):
		var all []index.Hit
		if all, err = s.findWords(ctx, f, terms, m); err == nil {
			page, total = index.PageOf(all, f)
		}
	default:
		page, total, err = s.findText(ctx, f, terms)
	}
	if err != nil {
		return nil, 0, err
	}
	ids := make([]int64, len(page))
	for i, h := range page {
		ids[i] = h.ID
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
		r, ok := byID[h.ID]
		if !ok {
			continue // deleted meanwhile
		}
		hits = append(hits, casebook.ReportHit{Report: r, Rank: h.Score, Snippet: index.Snippet(r.Text, terms, snippetWidth)})
	}
	return hits, total, nil
}

func allWordTerms(terms []string) bool {
	for _, t := range terms {
		if !wordTerm(t) {
			return false
		}
	}
	return true
}

// findNewest lists the reports passing f's filters newest first: the page
// walks reports_published and stops after it; the count is its own query.
func (s *Store) findNewest(ctx context.Context, f casebook.ReportFilter) ([]index.Hit, int, error) {
	var a args
	where := and(filterConds(f, &a, "r.id"))
	countArgs := append(args(nil), a...)
	q := `SELECT r.id FROM reports r WHERE ` + where + ` ORDER BY r.published DESC, r.id DESC LIMIT ` +
		a.add(index.PageLimit(f.Limit)) + ` OFFSET ` + a.add(max(f.Offset, 0))
	var page []index.Hit
	var h index.Hit
	rows, _ := s.pool.Query(ctx, q, a...)
	if _, err := pgx.ForEachRow(rows, []any{&h.ID}, func() error { page = append(page, h); return nil }); err != nil {
		return nil, 0, fmt.Errorf("postgres: find reports: %w", err)
	}
	var total int
	if err := s.pool.QueryRow(ctx, countQuery(where, &countArgs, f.CountLimit), countArgs...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("postgres: count reports: %w", err)
	}
	return page, total, nil
}

// findWords answers a search whose terms the word index holds, ranked by
// ts_rank (the title weighing more, for the length of the text). With the
// filter index, which holds each report's tokens, the index lists the
// reports that pass the filters and hold every token of the terms, and
// only they are checked for tokens in a row and ranked, from their
// tsvectors. Without it, one query does it all, filters in SQL. Reports too
// long for the word index are searched by their text (termConds).
func (s *Store) findWords(ctx context.Context, f casebook.ReportFilter, terms []string, m *facets.Matcher) ([]index.Hit, error) {
	var all []index.Hit
	var h index.Hit
	collect := func(q string, args []any, keep func(int64) bool) error {
		rows, _ := s.pool.Query(ctx, q, args...)
		_, err := pgx.ForEachRow(rows, []any{&h.ID, &h.Score}, func() error {
			if keep == nil || keep(h.ID) {
				all = append(all, h)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("postgres: find reports: %w", err)
		}
		return nil
	}
	if m == nil {
		var a args
		phrase := a.add(wordsQuery(terms))
		long := and(termConds(terms, &a))
		filter := and(filterConds(f, &a, "w.report_id"))
		err := collect(`SELECT w.report_id, ts_rank(w.words, `+phrase+`::tsquery, 1) FROM report_words w WHERE w.words @@ `+phrase+`::tsquery AND `+filter+`
			UNION ALL SELECT r.id, 0 FROM reports r JOIN report_words w ON w.report_id = r.id WHERE w.words IS NULL AND `+long+` AND `+filter, a, nil)
		if err != nil {
			return nil, err
		}
		index.SortByScore(all)
		return all, nil
	}
	kept := m.SelectWords(queryTokens(terms))
	if len(kept) == 0 {
		return nil, nil
	}
	a := args{wordsQuery(terms), kept}
	long := and(termConds(terms, &a))
	if err := collect(`SELECT w.report_id, coalesce(ts_rank(w.words, $1::tsquery, 1), 0) FROM report_words w
		WHERE w.report_id = ANY($2) AND (w.words @@ $1::tsquery
			OR w.words IS NULL AND EXISTS (SELECT 1 FROM reports r WHERE r.id = w.report_id AND `+long+`))`, a, nil); err != nil {
		return nil, err
	}
	index.SortByScore(all)
	return all, nil
}

// findText answers a search with terms the word index does not hold (a
// single Hangul syllable, Hangul mixed with other letters, punctuation) by
// the trigram index and the text of each candidate, filters in SQL. One
// pass ranks the page and counts every match.
func (s *Store) findText(ctx context.Context, f casebook.ReportFilter, terms []string) ([]index.Hit, int, error) {
	var a args
	where := and(append(termConds(terms, &a), filterConds(f, &a, "r.id")...))
	countArgs := append(args(nil), a...)
	rank := rankExpr(terms, &a)
	limit, offset := index.PageLimit(f.Limit), max(f.Offset, 0)
	q := `SELECT r.id, ` + rank + ` AS score, count(*) OVER () FROM reports r WHERE ` + where +
		` ORDER BY score DESC, r.published DESC, r.id DESC LIMIT ` + a.add(limit) + ` OFFSET ` + a.add(offset)
	var page []index.Hit
	var h index.Hit
	total := 0
	rows, _ := s.pool.Query(ctx, q, a...)
	if _, err := pgx.ForEachRow(rows, []any{&h.ID, &h.Score, &total}, func() error { page = append(page, h); return nil }); err != nil {
		return nil, 0, fmt.Errorf("postgres: find reports: %w", err)
	}
	if len(page) == 0 && offset > 0 {
		// Past the last page: the window saw no rows, so count apart.
		if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM reports r WHERE `+where, countArgs...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("postgres: count reports: %w", err)
		}
	}
	if f.CountLimit > 0 {
		// The count comes with the page at no extra cost (a capped count in
		// a query of its own was slower at 100,000 reports); it is cut to
		// the cap all the same.
		total = min(total, f.CountLimit+1)
	}
	return page, total, nil
}

// countQuery counts the matches of where, stopping after n+1 of them when
// n > 0 (its limit is added to a).
func countQuery(where string, a *args, n int) string {
	if n <= 0 {
		return `SELECT count(*) FROM reports r WHERE ` + where
	}
	return `SELECT count(*) FROM (SELECT 1 FROM reports r WHERE ` + where + ` LIMIT ` + a.add(n+1) + `) m`
}
