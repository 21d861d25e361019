package sqlite_test

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"casebook"
	"casebook/sqlite"
)

// FuzzSearchQuery feeds arbitrary query text to both search paths (SQL and
// the filter index): whatever an analyst types, FTS5 must never see a
// syntax error, and a report must find itself by any word of its title.
func FuzzSearchQuery(f *testing.F) {
	for _, s := range []string{"bribe", `"exchange rate"`, "보위부가", "회령 broker", "AND OR NOT", `NEAR("a" "b")`, "*", `"`, "a-b:c^d", "Hoeryŏng", "500$", "col:text", "\x00"} {
		f.Add(s)
	}
	ctx := f.Context()
	dir := f.TempDir()
	plain, err := sqlite.Open(ctx, filepath.Join(dir, "casebook.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer plain.Close()
	indexed, err := sqlite.Open(ctx, filepath.Join(dir, "casebook.db"), sqlite.WithFilterIndex())
	if err != nil {
		f.Fatal(err)
	}
	defer indexed.Close()
	if err := indexed.WaitFilterIndex(ctx); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, st := range []casebook.Store{plain, indexed} {
			for _, filter := range []casebook.ReportFilter{{Query: q}, {Query: q, Language: "en"}} {
				if _, _, err := st.FindReports(ctx, filter); err != nil {
					t.Fatalf("FindReports(%q): %v", q, err)
				}
			}
		}
		// The round trip is checked for the text reports are written in,
		// printable ASCII and Hangul: a query's control characters separate
		// terms while a title keeps them, and for rarer letters and marks
		// SQLite's tokenizer (its own Unicode tables) and index.Words may
		// draw word boundaries differently.
		if !utf8.ValidString(q) || strings.TrimSpace(q) == "" || len(q) > 200 ||
			strings.IndexFunc(q, func(r rune) bool { return (r < ' ' || r > '~') && !unicode.Is(unicode.Hangul, r) }) >= 0 {
			return
		}
		title := strings.Join(strings.Fields(strings.ReplaceAll(q, `"`, " ")), " ")
		if title == "" {
			return
		}
		r := &casebook.Report{Original: []byte("fuzz " + q), Title: title, Language: "en", Text: "body"}
		if _, err := plain.CreateReport(ctx, r, nil); err != nil {
			t.Fatal(err)
		}
		for _, st := range []casebook.Store{plain, indexed} {
			hits, _, err := st.FindReports(ctx, casebook.ReportFilter{Query: `"` + title + `"`, Language: "en", Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, h := range hits {
				found = found || h.Report.ID == r.ID
			}
			if !found {
				t.Errorf("a report titled %q is not found by its title as a phrase", title)
			}
		}
	})
}
