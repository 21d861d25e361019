package sqlite

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"unicode"

	"modernc.org/sqlite"
)

// The trigram index answers only terms the word index cannot: Korean and
// other scripts written without spaces between stems and particles
// (category Lo), and their mixes with digits or Latin letters. Fed only the
// lines of a text that hold such a letter, it skips English text entirely,
// which made up most of its postings and of an ingest's commit (ingest
// 460 -> 770 reports/s without it). casebook_trigram_text(s) returns those
// lines (migration 11).
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("casebook_trigram_text", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		switch s := args[0].(type) {
		case string:
			return trigramText(s), nil
		case nil:
			return "", nil
		default:
			return nil, fmt.Errorf("casebook_trigram_text: want text, got %T", s)
		}
	})
}

// trigramText returns the lines of s that hold a letter of category Lo.
func trigramText(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return ""
	}
	var b strings.Builder
	for line := range strings.Lines(s) {
		if holdsLo(line) {
			b.WriteString(line)
		}
	}
	return b.String()
}

// holdsLo reports whether s holds a letter of category Lo (Hangul, Han…):
// the trigram index holds only such lines.
func holdsLo(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Lo, r) }) >= 0
}
