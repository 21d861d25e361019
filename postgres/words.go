package postgres

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"casebook/internal/facets"
	"casebook/internal/index"
)

// The word index (migration 6) keeps, per report, a tsvector built here
// rather than by PostgreSQL's parser, so it holds exactly the tokens the
// search matches: the words of index.Words (what SQLite's word index holds)
// and the pairs of adjacent Hangul syllables, each with its positions. A
// Latin-script term is then its words in a row, and a Korean term of n
// syllables its n-1 pairs in a row, both answered by the GIN index without
// reading any text. Words and pairs number their positions apart, with a
// gap wherever a run ends, so no phrase spans two runs or mixes the two.

// tsvector limits (PostgreSQL's MAXENTRYPOS, MAXNUMPOS, MAXSTRLEN and
// MAXSTRPOS): a text beyond them would be indexed with positions lost, so
// it is stored without a tsvector and searched by reading it instead.
const (
	maxPosition  = 1<<14 - 1
	maxPositions = 256
	maxLexeme    = 1<<11 - 2
	maxLexemes   = 1<<20 - 1
)

// wordsDoc returns the tsvector of a report's word index as PostgreSQL's
// input syntax, title tokens weighted A (a title match ranks higher), or ok
// false when the report is too long for a tsvector to keep every position.
func wordsDoc(title, text string) (doc string, ok bool) {
	type lexeme struct {
		positions []int
		title     int // how many of positions are the title's
	}
	lexemes := map[string]*lexeme{}
	pos := 0
	add := func(tok string, title bool) bool {
		pos++
		if pos > maxPosition || len(tok) > maxLexeme {
			return false
		}
		l := lexemes[tok]
		if l == nil {
			l = &lexeme{}
			lexemes[tok] = l
		}
		if len(l.positions) == maxPositions {
			return false
		}
		l.positions = append(l.positions, pos)
		if title {
			l.title++
		}
		return true
	}
	for i, part := range []string{title, text} {
		for _, w := range index.Words(part) {
			if !add(w, i == 0) {
				return "", false
			}
		}
		pos++ // no phrase spans the title and the text
	}
	for i, part := range []string{title, text} {
		var prev rune
		for _, r := range part {
			if !index.IsHangul(r) {
				if prev != 0 {
					pos++ // a run ends
				}
				prev = 0
				continue
			}
			if prev != 0 && !add(string([]rune{prev, r}), i == 0) {
				return "", false
			}
			prev = r
		}
		pos++
	}
	var b strings.Builder
	size := 0
	for tok, l := range lexemes {
		size += len(tok)
		if size > maxLexemes {
			return "", false
		}
		b.WriteString(quoteLexeme(tok))
		for i, p := range l.positions {
			if i == 0 {
				b.WriteByte(':')
			} else {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
			if i < l.title {
				b.WriteByte('A')
			}
		}
		b.WriteByte(' ')
	}
	return b.String(), true
}

// quoteLexeme quotes a token for tsvector and tsquery input.
func quoteLexeme(tok string) string { return "'" + lexemeEscaper.Replace(tok) + "'" }

var lexemeEscaper = strings.NewReplacer(`\`, `\\`, `'`, `''`)

// wordTerm reports whether the word index answers a query term: a
// Latin-script term (index.WordTerm) or Hangul of two syllables or more.
func wordTerm(t string) bool {
	return index.WordTerm(t) || hangulTerm(t)
}

func hangulTerm(t string) bool {
	if utf8.RuneCountInString(t) < 2 {
		return false
	}
	for _, r := range t {
		if !index.IsHangul(r) {
			return false
		}
	}
	return true
}

// wordsQuery returns the tsquery of terms (each a wordTerm), as tsquery
// input: each term's tokens in a row. GIN cannot tell "in a row" without
// reading each candidate's tsvector, so the filter index first narrows the
// reports to those holding every token (queryTokens).
func wordsQuery(terms []string) string {
	var parts []string
	for _, t := range terms {
		var toks []string
		for _, tok := range queryTokens([]string{t}) {
			q := quoteLexeme(tok.Text)
			if tok.Prefix {
				q += ":*"
			}
			toks = append(toks, q)
		}
		parts = append(parts, "("+strings.Join(toks, " <-> ")+")")
	}
	return strings.Join(parts, " & ")
}

// queryTokens returns the tokens a report must hold to match terms (each
// a wordTerm), for the filter index (facets.Matcher.SelectWords).
func queryTokens(terms []string) []facets.Token {
	var toks []facets.Token
	for _, t := range terms {
		if index.WordTerm(t) {
			words := index.Words(t)
			for i, w := range words {
				toks = append(toks, facets.Token{Text: w, Prefix: i == len(words)-1 && index.WordPrefix(words)})
			}
			continue
		}
		rs := []rune(t)
		for i := 1; i < len(rs); i++ {
			toks = append(toks, facets.Token{Text: string(rs[i-1 : i+1])})
		}
	}
	return toks
}

// insertWords stores a report's row of the word index.
func insertWords(ctx context.Context, tx pgx.Tx, reportID int64, title, text string) error {
	var words any
	if doc, ok := wordsDoc(title, text); ok {
		words = doc
	}
	if _, err := tx.Exec(ctx, `INSERT INTO report_words (report_id, words) VALUES ($1, $2::tsvector) ON CONFLICT (report_id) DO NOTHING`, reportID, words); err != nil {
		return fmt.Errorf("index words: %w", err)
	}
	return nil
}

// fillWords indexes the reports stored before the word index existed
// (migration 6), a batch per transaction, so an interrupted fill goes on
// where it stopped at the next start; a task row marks it undone, so other
// starts cost one lookup. Processes opening the store together may fill
// the same reports; the first row stays.
func (s *Store) fillWords(ctx context.Context) error {
	const task = "fill report_words"
	var pending bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM store_tasks WHERE name = $1)`, task).Scan(&pending); err != nil {
		return fmt.Errorf("postgres: index words: %w", err)
	}
	if !pending {
		return nil
	}
	const batch = 500
	done := 0
	for {
		type report struct {
			id          int64
			title, text string
		}
		var rs []report
		var r report
		rows, _ := s.pool.Query(ctx, `SELECT r.id, r.title, r.text FROM reports r
			WHERE NOT EXISTS (SELECT 1 FROM report_words w WHERE w.report_id = r.id) ORDER BY r.id LIMIT $1`, batch)
		if _, err := pgx.ForEachRow(rows, []any{&r.id, &r.title, &r.text}, func() error { rs = append(rs, r); return nil }); err != nil {
			return fmt.Errorf("postgres: index words: %w", err)
		}
		if len(rs) == 0 {
			if done > 0 {
				slog.Info("postgres: word index filled", "reports", done)
			}
			if _, err := s.pool.Exec(ctx, `DELETE FROM store_tasks WHERE name = $1`, task); err != nil {
				return fmt.Errorf("postgres: index words: %w", err)
			}
			return nil
		}
		err := s.tx(ctx, func(tx pgx.Tx) error {
			for _, r := range rs {
				if err := insertWords(ctx, tx, r.id, r.title, r.text); err != nil {
					return fmt.Errorf("report %d: %w", r.id, err)
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("postgres: %w", err)
		}
		done += len(rs)
		if done%(20*batch) == 0 {
			slog.Info("postgres: filling the word index of reports stored before it", "done", done)
		}
	}
}
