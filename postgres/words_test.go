package postgres

import (
	"slices"
	"strings"
	"testing"
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
		{[]string{"Ch'ŏngjin"}, "('ch' <-> 'ongjin':*)"},
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
