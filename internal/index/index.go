// Package index computes what both casebook stores index, so the SQLite and
// PostgreSQL stores search alike: the filter columns of a fact, the terms of
// a query, Hangul bigrams for two-syllable words, and snippets.
package index

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"casebook"
	"casebook/extract/place"
)

// Row is a fact as a store keeps it: its value as JSON plus the columns the
// filters use. Empty strings and HasUSD=false are stored as NULL.
type Row struct {
	Kind       string
	Data       []byte // JSON of the Place, Agency, Money or Event
	EventType  string
	PlaceID    string
	ProvinceID string
	Agency     string
	DateFrom   string
	DateTo     string
	USD        float64
	HasUSD     bool
}

// ProvinceFunc returns the province id of a place id, "" when unknown.
type ProvinceFunc func(placeID string) string

// Provinces returns a ProvinceFunc that knows the places among facts, then
// asks the gazetteer; events name a place by id only, so their province
// comes from the report's own place facts.
func Provinces(facts []casebook.Fact, more ProvinceFunc) ProvinceFunc {
	m := map[string]string{}
	for _, f := range facts {
		if f.Kind == casebook.KindPlace && f.Place != nil {
			m[f.Place.ID] = provinceOf(f.Place)
		}
	}
	return func(id string) string {
		if p, ok := m[id]; ok && p != "" {
			return p
		}
		if more != nil {
			if p := more(id); p != "" {
				return p
			}
		}
		if p, ok := place.ByID(id); ok {
			return provinceOf(&p)
		}
		return ""
	}
}

// provinceOf returns the first-level unit a place lies in; a first-level unit
// is its own province, so filtering on a province finds the province itself.
func provinceOf(p *casebook.Place) string {
	if p.Province != "" {
		return p.Province
	}
	return p.ID
}

// FactRow validates f and computes its row. A fact must carry exactly the
// value its Kind names.
func FactRow(f *casebook.Fact, province ProvinceFunc) (Row, error) {
	n := 0
	for _, set := range []bool{f.Place != nil, f.Agency != nil, f.Money != nil, f.Event != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		return Row{}, casebook.Errorf(casebook.EINVALID, "a fact needs exactly one value, has %d", n)
	}
	r := Row{Kind: f.Kind}
	var v any
	switch f.Kind {
	case casebook.KindPlace:
		if f.Place == nil {
			return Row{}, casebook.Errorf(casebook.EINVALID, "place fact without a place")
		}
		v = f.Place
		r.PlaceID, r.ProvinceID = f.Place.ID, provinceOf(f.Place)
	case casebook.KindAgency:
		if f.Agency == nil {
			return Row{}, casebook.Errorf(casebook.EINVALID, "agency fact without an agency")
		}
		v = f.Agency
		r.Agency = f.Agency.ID
	case casebook.KindMoney:
		if f.Money == nil {
			return Row{}, casebook.Errorf(casebook.EINVALID, "money fact without a sum")
		}
		v = f.Money
		r.USD, r.HasUSD = usdOf(f.Money.Amount, f.Money.Currency, f.Money.USD)
	case casebook.KindEvent:
		e := f.Event
		if e == nil {
			return Row{}, casebook.Errorf(casebook.EINVALID, "event fact without an event")
		}
		if e.Type == "" {
			return Row{}, casebook.Errorf(casebook.EINVALID, "event without a type")
		}
		v = e
		r.EventType, r.Agency = e.Type, e.Agency
		if e.Place != nil && e.Place.ID != "" {
			r.PlaceID = e.Place.ID
			if province != nil {
				r.ProvinceID = province(e.Place.ID)
			}
		}
		if e.Date != nil {
			r.DateFrom, r.DateTo = e.Date.From, e.Date.To
			if r.DateTo == "" {
				r.DateTo = r.DateFrom
			}
			if r.DateFrom == "" {
				r.DateFrom = r.DateTo
			}
		}
		if e.Amount != nil {
			r.USD, r.HasUSD = usdOf(e.Amount.Amount, e.Amount.Currency, e.Amount.USD)
		}
	default:
		return Row{}, casebook.Errorf(casebook.EINVALID, "unknown fact kind %q", f.Kind)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return Row{}, fmt.Errorf("encode %s fact: %w", f.Kind, err)
	}
	r.Data = b
	return r, nil
}

// usdOf returns a sum's dollar value: the stated conversion, or the amount
// itself for dollars.
func usdOf(amount float64, currency string, usd float64) (float64, bool) {
	switch {
	case usd > 0:
		return usd, true
	case currency == "USD":
		return amount, true
	}
	return 0, false
}

// Value decodes a stored value JSON into f's field of kind.
func Value(f *casebook.Fact, kind string, data []byte) error {
	f.Kind = kind
	var err error
	switch kind {
	case casebook.KindPlace:
		f.Place = new(casebook.Place)
		err = json.Unmarshal(data, f.Place)
	case casebook.KindAgency:
		f.Agency = new(casebook.Agency)
		err = json.Unmarshal(data, f.Agency)
	case casebook.KindMoney:
		f.Money = new(casebook.Money)
		err = json.Unmarshal(data, f.Money)
	case casebook.KindEvent:
		f.Event = new(casebook.Event)
		err = json.Unmarshal(data, f.Event)
	default:
		return fmt.Errorf("unknown fact kind %q", kind)
	}
	if err != nil {
		return fmt.Errorf("decode %s fact: %w", kind, err)
	}
	return nil
}

// Correct applies a correction's new value to a copy of f, checking it has
// f's kind.
func Correct(f casebook.Fact, u casebook.FactUpdate) (casebook.Fact, error) {
	f.Place, f.Agency, f.Money, f.Event = nil, nil, nil, nil
	switch {
	case u.Place != nil && f.Kind == casebook.KindPlace:
		f.Place = u.Place
	case u.Agency != nil && f.Kind == casebook.KindAgency:
		f.Agency = u.Agency
	case u.Money != nil && f.Kind == casebook.KindMoney:
		f.Money = u.Money
	case u.Event != nil && f.Kind == casebook.KindEvent:
		f.Event = u.Event
	default:
		return f, casebook.Errorf(casebook.EINVALID, "a correction of a %s fact needs a new %s value", f.Kind, f.Kind)
	}
	return f, nil
}

// ValidState reports whether s is a review decision an analyst can record.
func ValidState(s string) bool {
	switch s {
	case casebook.StateConfirmed, casebook.StateCorrected, casebook.StateRejected:
		return true
	}
	return false
}

// Terms splits a query into terms: words separated by spaces, or "quoted
// phrases". Every term must occur in a report, in any case: as words for
// Latin-script terms (WordTerm), as a substring for Korean and the rest.
func Terms(q string) []string {
	// Control characters and broken UTF-8 separate terms: no report holds
	// a NUL (Report.Check), and the full-text engines refuse it.
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(q, " "))
	var terms []string
	for q = strings.TrimSpace(q); q != ""; q = strings.TrimSpace(q) {
		if q[0] == '"' {
			end := strings.IndexByte(q[1:], '"')
			if end < 0 {
				q = q[1:]
				continue
			}
			if t := strings.Join(strings.Fields(q[1:1+end]), " "); t != "" {
				terms = append(terms, t)
			}
			q = q[2+end:]
			continue
		}
		end := strings.IndexFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(q)
		}
		terms = append(terms, q[:end])
		q = q[end:]
	}
	return terms
}

// IsHangul reports whether r is a Hangul syllable or jamo.
func IsHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }

// BigramTerm reports whether term is two Hangul syllables: too short for a
// trigram index, so the stores look it up among the bigrams of Bigrams.
func BigramTerm(term string) bool {
	if utf8.RuneCountInString(term) != 2 {
		return false
	}
	for _, r := range term {
		if !IsHangul(r) {
			return false
		}
	}
	return true
}

// Bigrams returns every distinct pair of adjacent Hangul syllables in texts,
// space separated: the index that finds two-syllable words such as place
// names inside words with particles attached.
func Bigrams(texts ...string) string {
	seen := map[string]bool{}
	var b strings.Builder
	for _, text := range texts {
		var prev rune
		for _, r := range text {
			if !IsHangul(r) {
				prev = 0
				continue
			}
			if prev != 0 {
				g := string([]rune{prev, r})
				if !seen[g] {
					seen[g] = true
					if b.Len() > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(g)
				}
			}
			prev = r
		}
	}
	return b.String()
}

// RuneLen returns the number of characters of s.
func RuneLen(s string) int { return utf8.RuneCountInString(s) }

// Snippet returns about width characters of text around the first match of
// any term, on one line, with "…" where it was cut. Without a match it
// returns the start of the text.
func Snippet(text string, terms []string, width int) string {
	lower := strings.ToLower(text)
	at := -1
	for _, t := range terms {
		// ToLower keeps byte offsets for the text casebook stores (Latin and
		// Hangul); a rare script that changes length only moves the window.
		if i := strings.Index(lower, strings.ToLower(t)); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 || at > len(text) {
		at = 0
	}
	for at > 0 && !utf8.RuneStart(text[at]) {
		at--
	}
	// Start width/3 characters before the match.
	start := at
	for n := 0; start > 0 && n < width/3; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	end := start
	for n := 0; end < len(text) && n < width; n++ {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	s := strings.Join(strings.Fields(text[start:end]), " ")
	if start > 0 {
		s = "…" + s
	}
	if end < len(text) {
		s += "…"
	}
	return s
}

// EscapeLike escapes % _ and \ for a LIKE pattern with ESCAPE '\'.
func EscapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// Fact assembles a stored fact from its columns. machine is nil unless an
// analyst corrected the fact.
func Fact(id, reportID int64, kind string, data, machine []byte, version, state, by string, at time.Time, note string) (casebook.Fact, error) {
	f := casebook.Fact{ID: id, ReportID: reportID, ExtractorVersion: version, State: state, ReviewedBy: by, ReviewedAt: at, Note: note}
	if err := Value(&f, kind, data); err != nil {
		return f, err
	}
	if len(machine) > 0 {
		m := &casebook.Fact{ID: id, ReportID: reportID, ExtractorVersion: version, State: casebook.StateMachine}
		if err := Value(m, kind, machine); err != nil {
			return f, err
		}
		f.Machine = m
	}
	return f, nil
}

// Key identifies a fact's value for comparison: kind and value JSON.
func Key(kind string, data []byte) string { return kind + "\x00" + string(data) }

// ValidFactState reports whether s is any review state.
func ValidFactState(s string) bool { return s == casebook.StateMachine || ValidState(s) }

// DefaultLimit is the page size of a search that names none; MaxLimit caps
// any page so one request cannot pull the whole store.
const (
	DefaultLimit = 20
	MaxLimit     = 1000
)

// PageLimit returns the page size for a requested limit.
func PageLimit(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}

// PlaceIDs returns id and every gazetteer place inside it: a filter on a
// place matches facts at any of them (and, for places the gazetteer lacks,
// facts whose province is id).
func PlaceIDs(id string) []string {
	return append([]string{id}, place.Descendants(id)...)
}

// OneEvent reports whether a search's fact filters must all hold for one
// fact: they include an event filter (type, date or amount), so the question
// is about an event ("bribe demands in North Hamgyong in 2019 above $1,000"),
// not about a report that mentions each thing somewhere.
func OneEvent(f casebook.ReportFilter) bool {
	return f.EventType != "" || f.Date.From != "" || f.Date.To != "" || f.MinUSD > 0 || f.MaxUSD > 0
}

// Rank reports whether title or text contains every query term (any case;
// a word term as words, see WordTerm; any other as a substring) and scores
// the match: how often the terms occur, the title counting twice, for the
// length of the text.
func Rank(title, text string, terms []string) (float64, bool) {
	var lt, body string // lower-cased, for substring terms
	var titleWords, bodyWords []string
	n := 0
	for _, t := range terms {
		var c, ct int
		if WordTerm(t) {
			if bodyWords == nil {
				titleWords = Words(title)
				bodyWords = append(append([]string(nil), titleWords...), Words(text)...)
			}
			w := Words(t)
			c, ct = CountWords(bodyWords, w, WordPrefix(w)), CountWords(titleWords, w, WordPrefix(w))
		} else {
			if body == "" {
				lt = strings.ToLower(title)
				body = lt + " " + strings.ToLower(text)
			}
			lower := strings.ToLower(t)
			c, ct = strings.Count(body, lower), strings.Count(lt, lower)
		}
		if c == 0 {
			return 0, false
		}
		n += c + ct
	}
	return float64(n) / math.Log(float64(utf8.RuneCountInString(text))+3), true
}

// WordTerm reports whether a query term is searched as words rather than as
// a substring: it has a letter or digit and no letter of a script written
// without spaces between stems and particles (Hangul, Chinese: category
// Lo), which the trigram and bigram indexes serve. Its words must occur in
// a row, the last one as a prefix unless it is a number ("bribe" finds
// bribery, "exchange rate" exchange rates, "500" $500 but not 5,000).
func WordTerm(t string) bool {
	has := false
	for _, r := range t {
		if unicode.Is(unicode.Lo, r) {
			return false
		}
		has = has || wordRune(r)
	}
	return has
}

// wordRune reports whether r belongs to a word: the token characters of the
// SQLite word index (unicode61 with categories 'Lu Ll Lt Lm N* Co').
func wordRune(r rune) bool {
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Lm, unicode.N, unicode.Co)
}

// Words returns the words of s, lower-cased with diacritics and apostrophes
// removed (Hoeryŏng is hoeryong, Ch'ŏngjin and Chʼŏngjin are chongjin), as
// the word indexes store them. The words are
// slices of one folded copy of s: a report's words cost two allocations,
// not one per word.
func Words(s string) []string {
	folded := make([]byte, 0, len(s)+1)
	n := 0 // words
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'':
				continue
			default:
				if in {
					folded = append(folded, ' ')
					in = false
				}
				continue
			}
			if !in {
				n++
				in = true
			}
			folded = append(folded, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r = foldRune(r); {
		case r == 0 || Apostrophe(r):
			// A combining mark, removed as the index removes diacritics, or
			// an apostrophe.
		case wordRune(r):
			if !in {
				n++
				in = true
			}
			folded = utf8.AppendRune(folded, unicode.ToLower(r))
		case in:
			folded = append(folded, ' ')
			in = false
		}
	}
	if n == 0 {
		return nil
	}
	words := make([]string, 0, n)
	all := string(folded)
	for all != "" {
		end := strings.IndexByte(all, ' ')
		if end < 0 {
			end = len(all)
		}
		words = append(words, all[:end])
		all = all[min(end+1, len(all)):]
	}
	return words
}

// Apostrophe reports whether r is one of the apostrophes that romanised
// Korean writes inside words (McCune-Reischauer's Ch'ŏngjin, P’yŏngyang,
// Chʼŏngjin): the word indexes drop them, so Chongjin finds every spelling.
// SQLite's word index drops the same ones (migration 10).
func Apostrophe(r rune) bool {
	switch r {
	case '\'', '\u2018', '\u2019', '\u02bb', '\u02bc':
		return true
	}
	return false
}

// WordPrefix reports whether the last word of a word term matches as a
// prefix: it does unless it is a number.
func WordPrefix(words []string) bool {
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	r, _ := utf8.DecodeLastRuneInString(last)
	return !unicode.IsDigit(r)
}

// CountWords returns how often the words occur in a row among textWords,
// the last as a prefix when prefix is set.
func CountWords(textWords, words []string, prefix bool) int {
	n := 0
	for i := 0; i+len(words) <= len(textWords); i++ {
		ok := true
		for j, w := range words {
			t := textWords[i+j]
			if t != w && !(prefix && j == len(words)-1 && strings.HasPrefix(t, w)) {
				ok = false
				break
			}
		}
		if ok {
			n++
		}
	}
	return n
}

// foldRune removes the diacritic of a precomposed Latin letter (ŏ -> o) and
// returns 0 for a combining mark, as SQLite's remove_diacritics does.
func foldRune(r rune) rune {
	if r < 0xC0 {
		return r
	}
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	if !unicode.Is(unicode.Latin, r) {
		return r
	}
	d := norm.NFD.String(string(r))
	base, _ := utf8.DecodeRuneInString(d)
	return base
}

// Hit is a matching report and its rank, before the report is read.
type Hit struct {
	ID    int64
	Score float64
}

// PageOf returns the page f asks for among every match, and the count of
// matches, cut to f.CountLimit+1 ("more than") when f caps it.
func PageOf(all []Hit, f casebook.ReportFilter) ([]Hit, int) {
	limit, offset := PageLimit(f.Limit), max(f.Offset, 0)
	total := len(all)
	if f.CountLimit > 0 {
		total = min(total, f.CountLimit+1)
	}
	return all[min(offset, len(all)):min(offset+limit, len(all))], total
}

// SortByScore orders hits best first, newest id first among equals.
func SortByScore(all []Hit) {
	slices.SortFunc(all, func(a, b Hit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
}
