package postgres

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"casebook/internal/index"
)

func TestWordsDoc(t *testing.T) {
	lexemes := func(doc string) []string {
		f := strings.Fields(doc)
		slices.Sort(f)
		return f
	}
	tests := []struct {
		title, text string
		want        []string // sorted lexemes with positions
	}{
		// An empty title takes one position: the gap after it.
		{"", "Exchange-rate, exchange!", []string{"'exchange':2,4", "'rate':3"}},
		// The title's positions are weighted A; a gap keeps a phrase from
		// running from the title into the text.
		{"Hoeryŏng arrest", "Hoeryong", []string{"'arrest':2A", "'hoeryong':1A,4"}},
		// Hangul: pairs of syllables, numbered after the words, a gap at
		// each run's end; Hangul separates Latin words as in SQLite.
		{"", "보위부가 MSS단속", []string{"'mss':2", "'단속':9", "'보위':5", "'부가':7", "'위부':6"}},
	}
	for _, tc := range tests {
		doc, ok := wordsDoc(tc.title, tc.text)
		if !ok {
			t.Fatalf("wordsDoc(%q, %q) not ok", tc.title, tc.text)
		}
		if got := lexemes(doc); !slices.Equal(got, tc.want) {
			t.Errorf("wordsDoc(%q, %q) = %v, want %v", tc.title, tc.text, got, tc.want)
		}
	}
}

func TestWordsDocTooLong(t *testing.T) {
	for name, text := range map[string]string{
		"positions":      strings.Repeat("a b c d e f g h i j k l m n o p q ", 1000),
		"one word often": strings.Repeat("market ", 257),
		"a long word":    strings.Repeat("x", maxLexeme+1),
	} {
		if _, ok := wordsDoc("", text); ok {
			t.Errorf("%s: a text the tsvector cannot keep whole is indexed", name)
		}
	}
	if _, ok := wordsDoc("", strings.Repeat("market ", 256)); !ok {
		t.Error("256 occurrences of a word are within the limit")
	}
}

func TestWordsQuery(t *testing.T) {
	tests := []struct {
		terms []string
		want  string
	}{
		{[]string{"bribe"}, "('bribe':*)"},
		{[]string{"exchange rate", "500"}, "('exchange' <-> 'rate':*) & ('500')"},
		{[]string{"국경경비대"}, "('국경' <-> '경경' <-> '경비' <-> '비대')"},
		{[]string{"Ch'ŏngjin"}, "('chongjin':*)"}, // apostrophes dropped, as in the text
	}
	for _, tc := range tests {
		if got := wordsQuery(tc.terms); got != tc.want {
			t.Errorf("wordsQuery(%q) = %q, want %q", tc.terms, got, tc.want)
		}
	}
	for _, bad := range []string{"회", "10만원", "-"} {
		if wordTerm(bad) {
			t.Errorf("%q is not a term the word index holds", bad)
		}
	}
}

// parseTSVector reads the tsvector input wordsDoc writes: 'lexeme' (a quote
// doubled, a backslash escaped) then :positions, each with an optional A.
func parseTSVector(doc string) (map[string][]int, error) {
	out := map[string][]int{}
	for i := 0; i < len(doc); {
		if doc[i] == ' ' {
			i++
			continue
		}
		if doc[i] != '\'' {
			return nil, fmt.Errorf("at %d: %q is not a quote", i, doc[i])
		}
		var lex strings.Builder
		for i++; ; i++ {
			if i >= len(doc) {
				return nil, fmt.Errorf("unterminated lexeme")
			}
			c := doc[i]
			if c == '\\' && i+1 < len(doc) {
				i++
				lex.WriteByte(doc[i])
				continue
			}
			if c == '\'' {
				if i+1 < len(doc) && doc[i+1] == '\'' {
					lex.WriteByte('\'')
					i++
					continue
				}
				i++
				break
			}
			lex.WriteByte(c)
		}
		if i >= len(doc) || doc[i] != ':' {
			return nil, fmt.Errorf("lexeme %q has no positions", lex.String())
		}
		var ps []int
		for i++; i < len(doc) && doc[i] != ' '; {
			j := i
			for j < len(doc) && doc[j] >= '0' && doc[j] <= '9' {
				j++
			}
			p, err := strconv.Atoi(doc[i:j])
			if err != nil {
				return nil, fmt.Errorf("position %q: %v", doc[i:j], err)
			}
			ps = append(ps, p)
			if j < len(doc) && doc[j] == 'A' {
				j++
			}
			if j < len(doc) && doc[j] == ',' {
				j++
			}
			i = j
		}
		if _, dup := out[lex.String()]; dup {
			return nil, fmt.Errorf("lexeme %q twice", lex.String())
		}
		out[lex.String()] = ps
	}
	return out, nil
}

// FuzzWordsDoc: whatever the text, the word index's input is well formed
// tsvector syntax within PostgreSQL's limits, and holds every word of the
// text (or the text is marked too long).
func FuzzWordsDoc(f *testing.F) {
	f.Add("Title", "Ch'ŏngjin's 'bribe' \\ back\\slash 보위부가 단속")
	f.Add("", strings.Repeat("market ", 300))
	f.Add("'", "''\\''")
	f.Fuzz(func(t *testing.T, title, text string) {
		if !utf8.ValidString(title) || !utf8.ValidString(text) || strings.ContainsRune(title+text, 0) {
			return // a report's text is valid UTF-8 without NUL (Report.Check)
		}
		doc, ok := wordsDoc(title, text)
		if !ok {
			return
		}
		lexemes, err := parseTSVector(doc)
		if err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		for lex, ps := range lexemes {
			if len(lex) == 0 || len(lex) > maxLexeme || len(ps) == 0 || len(ps) > maxPositions {
				t.Fatalf("lexeme %q with %d positions is out of bounds", lex, len(ps))
			}
			for _, p := range ps {
				if p < 1 || p > maxPosition {
					t.Fatalf("lexeme %q at position %d", lex, p)
				}
			}
		}
		for _, w := range append(index.Words(title), index.Words(text)...) {
			if _, ok := lexemes[w]; !ok {
				t.Fatalf("word %q of the text is not indexed", w)
			}
		}
	})
}
