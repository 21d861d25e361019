// Package money finds sums of money in text, their currency, role and value in
// US dollars.
//
// The scanner walks the text once, stopping only at digits, English number
// words and currency signs or codes; everything else costs a byte comparison.
// Each stop is parsed by hand (no regular expressions): a number in digits,
// words or Korean units, a currency before or after it, a range, and a
// conversion in brackets that folds into the same item.
package money

import (
	"encoding/binary"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"casebook"
	"casebook/extract/internal/ascii"
)

// Find returns every distinct sum of money the text states, in text order,
// each with its role from context and its USD value (the text's own
// conversion, else the monthly rate for published's month; a zero published
// uses the latest month). A sum stated twice is one item, at its first
// mention, as the annotation guide counts them; FindAll keeps every mention.
func Find(text string, published time.Time) []casebook.Money {
	ms := scan(text, ascii.Runs(text))
	if len(ms) == 0 {
		return nil
	}
	assignRoles(text, ms)
	return convert(distinct(text, ms), published)
}

// FindAll returns every mention of a sum of money in text order, repeats
// included, so callers can tie each mention to the clause it stands in.
func FindAll(text string, published time.Time) []casebook.Money {
	ms := scan(text, ascii.Runs(text))
	if len(ms) == 0 {
		return nil
	}
	assignRoles(text, ms)
	return convert(ms, published)
}

// Scan returns what Find and FindAll return, reading the text once.
func Scan(text string, published time.Time) (sums, mentions []casebook.Money) {
	return ScanRuns(text, published, nil)
}

// ScanRuns is Scan given the text's runs (ascii.Runs), when the caller has
// them; nil means not made yet.
func ScanRuns(text string, published time.Time, runs []ascii.Run) (sums, mentions []casebook.Money) {
	if runs == nil {
		runs = ascii.Runs(text)
	}
	ms := scan(text, runs)
	if len(ms) == 0 {
		return nil, nil
	}
	assignRoles(text, ms)
	return convert(distinct(text, ms), published), convert(ms, published)
}

func convert(ms []mention, published time.Time) []casebook.Money {
	out := make([]casebook.Money, len(ms))
	for i, x := range ms {
		m := casebook.Money{
			Amount:   x.lo,
			Currency: x.cur,
			Role:     x.role,
			Span:     casebook.Span{x.start, x.end},
		}
		if x.hi > x.lo {
			m.Max = x.hi
		}
		switch {
		case x.cur == "USD":
			m.USD = x.lo
		case x.usd > 0:
			m.USD = x.usd
		default:
			if u, ok := ToUSD(x.lo, x.cur, published); ok {
				m.USD = math.Round(u*100) / 100
			}
		}
		out[i] = m
	}
	return out
}

// mention is one sum as parsed, before it becomes a casebook.Money.
type mention struct {
	lo, hi     float64
	cur        string
	usd        float64 // the text's own conversion into dollars
	start, end int     // the whole expression, conversion included
	coreEnd    int     // end of number and currency, before any conversion
	role       string
	cued       bool // role came from a cue in its own sentence
	listed     bool // a bare number that takes its currency from the sum before it
}

// expr is a parsed number-and-currency expression.
type expr struct {
	lo, hi     float64
	cur        string
	start, end int
}

// scan finds every money expression of s in text order. Only runs start
// sums (the bytes between them are spaces and punctuation other than '$'),
// but a sum may end inside a run, and reading goes on from there.
func scan(s string, runs []ascii.Run) []mention {
	var out []mention
	n := len(s)
	i := 0
	for k := nextSumRun(s, runs, 0, i); k < len(runs); k = nextSumRun(s, runs, k+1, i) {
		r := runs[k]
		i = max(i, int(r.Start))
		if r.Kind == ascii.NonASCII {
			// Of the bytes above ASCII only the lead bytes of €, ¥, ₩ and ￥
			// start sums (the default case below); the rest are passed over.
			for i < int(r.End) {
				if i = nextSignLead(s, i, int(r.End)); i == int(r.End) {
					break
				}
				if signAt(s, i) {
					if m, ok := parseMention(s, i, out); ok {
						out = append(out, m)
						i = m.end
						continue
					}
				}
				i++
			}
			continue
		}
		for i < int(r.End) {
			c := s[i]
			switch {
			case isDigit(c):
				if i > 0 && (isLetter(s[i-1]) || isDigit(s[i-1]) || s[i-1] == '.' || s[i-1] == ',') {
					for i < n && (isDigit(s[i]) || s[i] == ',' || s[i] == '.') {
						i++
					}
					continue
				}
				if m, ok := parseMention(s, i, out); ok {
					out = append(out, m)
					i = m.end
					continue
				}
				for i < n && (isDigit(s[i]) || s[i] == ',' || s[i] == '.') {
					i++
				}
			case isLetter(c):
				e := int(r.End) // the word's end: a run of letters ends there
				if i > 0 && (isDigit(s[i-1]) || s[i-1] == '\'') {
					i = e
					continue
				}
				// "a" starts a sum only before a scale word ("a hundred
				// yuan", as parseWords reads it; no currency sign starts
				// with a), and it is most of the words that reach here.
				if e-i == 1 && s[i]|0x20 == 'a' && !scaleAfter(s, e) {
					i = e
					continue
				}
				// A word of three letters or more at its run's start is a
				// trigger only as a number word or a currency code.
				if (i != int(r.Start) || e-i < 3 || triggerTri[r.Tri]) && triggerWord(s, i, e) {
					if m, ok := parseMention(s, i, out); ok {
						out = append(out, m)
						i = m.end
						continue
					}
				}
				i = e
			case c == '$':
				if m, ok := parseMention(s, i, out); ok {
					out = append(out, m)
					i = m.end
					continue
				}
				i++
			default:
				// €, ¥, ₩, ￥ start sums; other runes are skipped whole.
				if c == 0xE2 || c == 0xC2 || c == 0xEF {
					if m, ok := parseMention(s, i, out); ok {
						out = append(out, m)
						i = m.end
						continue
					}
				}
				// Step to the next character start: a continuation byte starts
				// nothing above, so this skips what decoding would, cheaper.
				i++
				for i < n && s[i]&0xC0 == 0x80 {
					i++
				}
			}
		}
	}
	return out
}

// nextSignLead returns the first index from i on, below end, of a byte
// that leads €, ¥, ₩ or ￥ (0xC2, 0xE2 or 0xEF), or end if none does. It
// tests eight bytes at a time: most text above ASCII is Hangul.
func nextSignLead(s string, i, end int) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= end; i += 8 {
		x := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		// A byte of c2e2 is zero where x holds 0xC2 or 0xE2 (they differ
		// in bit 5 only), of ef where it holds 0xEF; v-ones&^v&high is
		// nonzero just when v has a zero byte.
		c2e2 := (x | 0x20*ones) ^ 0xE2*ones
		ef := x ^ 0xEF*ones
		if (c2e2-ones)&^c2e2&high|(ef-ones)&^ef&high != 0 {
			break
		}
	}
	for ; i < end; i++ {
		if c := s[i]; c == 0xE2 || c == 0xC2 || c == 0xEF {
			return i
		}
	}
	return end
}

// nextSumRun returns the index of the first run from k on that a sum may
// start in, reading on from i: one not read already, and if a word read
// from its start, one mayTrigger passes, and if above ASCII, one holding a
// currency sign (signAt); len(runs) if none is. Most runs are passed over
// here, in a loop of their own that keeps its variables in registers.
func nextSumRun(s string, runs []ascii.Run, k, i int) int {
	for ; k < len(runs); k++ {
		r := &runs[k]
		if r.Tri != ascii.NoTri && i <= int(r.Start) { // a word of three letters or more
			if triggerTri[r.Tri] {
				return k
			}
			continue
		}
		if int(r.End) <= i {
			continue
		}
		switch r.Kind {
		case ascii.Letters:
			if i > int(r.Start) || mayTrigger(s, *r) {
				return k
			}
		case ascii.NonASCII:
			for p, end := max(i, int(r.Start)), int(r.End); p < end; p++ {
				if p = nextSignLead(s, p, end); p < end && signAt(s, p) {
					return k
				}
			}
		default:
			return k
		}
	}
	return k
}

// signAt reports whether a currency sign above ASCII (€, ¥, ₩, ￥, as
// currencyBefore reads them) stands at i: at any other byte above ASCII
// parseMention finds no sum, as no number starts there.
func signAt(s string, i int) bool {
	for _, p := range prefixes {
		if p.word[0] >= 0x80 && strings.HasPrefix(s[i:], p.word) {
			return true
		}
	}
	return false
}

// mayTrigger reports cheaply whether the word of run r may start a sum
// when read from its start, as the letter case of scan reads it: "a" (if
// a scale word follows), "an", "us", or a word of three letters or more
// whose trigram a number word or currency code starts with.
func mayTrigger(s string, r ascii.Run) bool {
	if r.Tri != ascii.NoTri {
		return triggerTri[r.Tri]
	}
	a := int(r.Start)
	if r.End-r.Start == 1 {
		return s[a]|0x20 == 'a'
	}
	w := uint16(s[a]|0x20)<<8 | uint16(s[a+1]|0x20)
	return w == 'a'<<8|'n' || w == 'u'<<8|'s'
}

// scaleAfter reports whether the word after i, across spaces, is a number
// word of a hundred or more.
func scaleAfter(s string, i int) bool {
	k := skipSpace(s, i)
	v, ok := numberWord(s, k, wordEnd(s, k))
	return ok && v >= 100
}

// triggerWord reports whether the ASCII word s[i:e] may start a sum: a number
// word, "a"/"an" (a hundred yuan) or a currency code.
func triggerWord(s string, i, e int) bool {
	switch e - i {
	case 1:
		return s[i]|0x20 == 'a'
	case 2:
		return hasFold(s, i, "an") || hasFold(s, i, "us")
	case 3:
		// rmb, usd, cny, kpw, krw, jpy, eur, nkw, by their first letter:
		// every three-letter word comes here.
		b, c := lower(s[i+1]), lower(s[i+2])
		var cur bool
		switch lower(s[i]) {
		case 'r':
			cur = b == 'm' && c == 'b'
		case 'u':
			cur = b == 's' && c == 'd'
		case 'c':
			cur = b == 'n' && c == 'y'
		case 'k':
			cur = (b == 'p' || b == 'r') && c == 'w'
		case 'j':
			cur = b == 'p' && c == 'y'
		case 'e':
			cur = b == 'u' && c == 'r'
		case 'n':
			cur = b == 'k' && c == 'w'
		}
		if cur {
			return true
		}
	}
	if e-i == 1 && (s[i] == 'U' || s[i] == 'u') {
		return true // U.S.$
	}
	_, ok := numberWord(s, i, e)
	return ok
}

// parseMention parses the sum starting at i, with its range and its
// conversion, or reports false. prev holds the sums found so far (a sum whose
// currency is left out after one that states it takes that currency).
func parseMention(s string, i int, prev []mention) (mention, bool) {
	x, ok := parseExpr(s, i)
	if !ok {
		if m, ok := bareRate(s, i); ok {
			return m, true
		}
		return elided(s, i, prev)
	}
	m := mention{lo: x.lo, hi: x.hi, cur: x.cur, start: x.start, end: x.end, coreEnd: x.end}
	if m.lo == 1 && m.hi == 0 && (exchangeUnit(s, m.end) || koreanRateUnit(s, m.end, m.cur)) {
		// "1 yuan = 1,200 won", "one dollar fetches 8,000 won": the unit of a
		// rate, not a sum; the rate is the sum after it.
		return mention{}, false
	}
	foldConversion(s, &m)
	return m, true
}

// bareRate reads an exchange rate whose currency is named before it: "the won
// hit 9,000 per dollar", "the yuan stood at 1,250 to the dollar".
func bareRate(s string, i int) (mention, bool) {
	if i >= len(s) || !isDigit(s[i]) {
		return mention{}, false // a number in words (a.words below)
	}
	a, ok := parseNumber(s, i)
	if !ok || a.words || a.v < 2 {
		return mention{}, false
	}
	k := skipSpace(s, a.end)
	if c := lower(at(s, k)); c != 'p' && c != 't' && c != 'a' {
		return mention{}, false // none of the words below
	}
	per := false
	for _, w := range []string{"per dollar", "per us dollar", "per u.s. dollar", "to the dollar", "to the us dollar",
		"to one dollar", "against the dollar", "against the us dollar", "per yuan", "to the yuan", "to one yuan"} {
		if wordAt(s, k, w) {
			per = true
			break
		}
	}
	if !per {
		return mention{}, false
	}
	// the currency quoted: the last one named in the 80 bytes before
	cur := "KPW"
	lo := max(0, i-80)
	before := s[lo:i]
	best := -1
	for _, x := range []suffix{{"won", "KPW"}, {"yuan", "CNY"}, {"원화", "KPW"}, {"위안화", "CNY"}} {
		if j := strings.LastIndex(strings.ToLower(before), x.word); j > best {
			best, cur = j, x.cur
		}
	}
	if cur == "CNY" && wordAt(s, k, "per yuan") || cur == "CNY" && wordAt(s, k, "to the yuan") {
		cur = "KPW"
	}
	return mention{lo: a.v, cur: cur, start: a.start, end: a.end, coreEnd: a.end}, true
}

// exchangeUnit reports whether an exchange verb follows i.
func exchangeUnit(s string, i int) bool {
	k := skipSpace(s, i)
	if at(s, k) == '=' || strings.HasPrefix(s[k:], "당") || strings.HasPrefix(s[k:], "에 ") {
		return true
	}
	if e := wordEnd(s, k); e > k && e-k <= 12 && (hasSuffixFold(s[k:e], "ly") || wordAt(s, k, "now") || wordAt(s, k, "still")) {
		k = skipSpace(s, e) // "one dollar now fetches", "1 yuan currently buys"
	}
	for _, w := range []string{"fetches", "fetched", "buys", "bought", "is worth", "was worth", "equals", "trades for", "traded for", "is exchanged", "was exchanged", "gets", "got"} {
		if wordAt(s, k, w) {
			return true
		}
	}
	return false
}

// elided reads "seventy thousand goes to the officer" after "a hundred
// thousand won" in the same sentence: a bare round number that is the subject
// of a verb, right after a sum that names its currency.
func elided(s string, i int, prev []mention) (mention, bool) {
	if len(prev) == 0 {
		return mention{}, false
	}
	p := prev[len(prev)-1]
	if i-p.end > 80 || i < p.end {
		return mention{}, false
	}
	gap := s[p.end:i]
	if strings.ContainsAny(gap, ".!?\n") || !(strings.Contains(gap, ",") || strings.Contains(gap, ";") || strings.Contains(gap, " and ")) {
		return mention{}, false
	}
	a, ok := parseNumber(s, i)
	if !ok || a.v < 10 || yearLike(s, a) {
		return mention{}, false
	}
	k := skipSpace(s, a.end)
	e := wordEnd(s, k)
	m := mention{lo: a.v, cur: p.cur, start: a.start, end: a.end, coreEnd: a.end, listed: true}
	if a.v >= 100 && (a.scale >= 1000 || a.words) && len(gap) <= 40 {
		switch strings.ToLower(s[k:e]) {
		case "goes", "go", "went", "is", "was", "are", "were", "stays", "remains":
			return m, true
		}
	}
	if at(s, a.end) == '%' || a.v < 100 && !a.words {
		return mention{}, false
	}
	// A bare number listed after sums that name their currency takes it:
	// "500 yuan, 1,000 yuan and 3,000", or stands in a parallel phrase:
	// "500 yuan to avoid …, 3,000 to get out of …". After it comes the end
	// of the list or the same word as after the sum before; a noun there
	// ("and 3,000 people") makes it a count.
	next := strings.ToLower(s[k:e])
	if e == k {
		c := at(s, k)
		if (c == '.' || c == ',' || c == ';' || c == ')' || c == '"' || c == 0 || c == '\n') && len(gap) <= 8 {
			return m, true
		}
		return mention{}, false
	}
	pk := skipSpace(s, p.end)
	if pe := wordEnd(s, pk); pe > pk && strings.EqualFold(s[pk:pe], next) {
		switch next {
		case "to", "for", "in", "on", "at", "per", "each", "a", "an", "from":
			return m, true
		}
	}
	return mention{}, false
}

// parseExpr parses a number with its currency at i: "RMB 20,000", "$1,500",
// "US$300", "10,000 yuan", "a 20,000-yuan", "1만 위안", "중국 돈 3천 원",
// "500 to 1000 yuan", "between 5,000 and 10,000 yuan", "500~1000위안".
func parseExpr(s string, i int) (expr, bool) {
	if cur, k, ok := currencyBefore(s, i); ok {
		a, ok := parseNumber(s, k)
		if !ok {
			return expr{}, false
		}
		x := expr{lo: a.v, cur: cur, start: i, end: a.end}
		if s[i] == '$' {
			// "US $1,500", "U.S. $1,500"
			j := backSpace(s, i)
			for _, w := range []string{"US", "U.S."} {
				if strings.HasSuffix(s[:j], w) && (j-len(w) == 0 || !isLetter(s[j-len(w)-1])) {
					x.start = j - len(w)
					break
				}
			}
		}
		// a redundant currency word after the number: "KPW 3,000 won"
		if b, end, ok := rangeTail(s, a, true, cur); ok {
			x.hi, x.end = b.v, end
			if a.scale == 1 && b.scale > 1 && a.v*b.scale < b.v {
				x.lo = a.v * b.scale
			}
		}
		return x, true
	}
	a, ok := parseNumber(s, i)
	if !ok {
		return expr{}, false
	}
	x := expr{lo: a.v, start: a.start, end: a.end}
	if cur, end, ok := currencyAfter(s, a.end); ok {
		x.cur, x.end = cur, end
		// "5,000 yuan to 10,000 yuan"
		if b, end2, ok := rangeTail(s, amount{v: a.v, start: a.start, end: end, scale: a.scale}, false, ""); ok {
			if c2, end3, ok := currencyAfter(s, end2); ok && c2 == cur {
				x.hi, x.end = b.v, end3
			}
		}
	} else if b, end, ok := rangeTail(s, a, false, ""); ok {
		cur, end2, ok := currencyAfter(s, end)
		if !ok {
			return expr{}, false
		}
		lo := a.v
		if a.scale == 1 && b.scale > 1 && a.v*b.scale < b.v && lo < b.v/b.scale*1.0001 {
			lo = a.v * b.scale // "5 to 10 million won", "5~10만 원"
		}
		x.lo, x.hi, x.cur, x.end = lo, b.v, cur, end2
	} else if cur, ok := sharedCurrency(s, a.end); ok && !yearLike(s, a) {
		// "5,000 or 6,000 yuan", "중국 5천·한국 1만 위안": each its own sum
		x.cur = cur
	} else {
		return expr{}, false
	}
	if x.cur == "KPW" && x.end > 0 && strings.HasSuffix(s[:x.end], "원") {
		if cur, start, ok := wonOwner(s, x.start); ok {
			x.cur = cur
			if cur != "USD" {
				x.start = start
			}
		}
	}
	if x.hi > 0 && x.hi <= x.lo {
		x.hi = 0
	}
	return x, true
}

// rangeTail reads the upper end of a range after a: "to 1000", "- 1,000",
// "~1000", "and 10,000" after "between". withPrefix allows a repeated
// currency sign ("$100 to $200").
func rangeTail(s string, a amount, withPrefix bool, cur string) (amount, int, bool) {
	j := a.end
	k := skipSpace(s, j)
	switch {
	case k < len(s) && (s[k] == '-' || s[k] == '~'):
		k++
	case strings.HasPrefix(s[k:], "–"), strings.HasPrefix(s[k:], "—"), strings.HasPrefix(s[k:], "～"), strings.HasPrefix(s[k:], "∼"):
		_, sz := utf8.DecodeRuneInString(s[k:])
		k += sz
	case wordAt(s, k, "to"):
		k += 2
	case wordAt(s, k, "and") && between(s, a.start):
		k += 3
	case strings.HasPrefix(s[k:], "에서"):
		k += len("에서")
	default:
		return amount{}, 0, false
	}
	k = skipSpace(s, k)
	if withPrefix {
		if c2, k2, ok := currencyBefore(s, k); ok && c2 == cur {
			k = k2
		}
	}
	if k >= len(s) || (!isDigit(s[k]) && a.words == false) {
		return amount{}, 0, false
	}
	b, ok := parseNumber(s, k)
	if !ok {
		return amount{}, 0, false
	}
	lo := a.v
	if a.scale == 1 && b.scale > 1 && a.v*b.scale < b.v {
		lo = a.v * b.scale
	}
	if b.v <= lo {
		return amount{}, 0, false
	}
	return b, b.end, true
}

// between reports whether "between" stands right before i.
func between(s string, i int) bool {
	j := backSpace(s, i)
	for _, h := range []string{"about", "around", "roughly"} {
		if hasSuffixFold(s[:j], h) {
			j = backSpace(s, j-len(h))
		}
	}
	return hasSuffixFold(s[:j], "between")
}

// yearLike reports whether a is written like a year (2019), which a list of
// sums does not start with: "In 2019, 5,000 yuan …".
func yearLike(s string, a amount) bool {
	return !a.words && a.end-a.start == 4 && a.v >= 1900 && a.v <= 2100 && isDigit(s[a.start+1])
}

// sharedCurrency reads ", 6,000 yuan" / "or 6,000 yuan" / "·한국 1만 위안"
// after a bare number and returns that currency.
func sharedCurrency(s string, i int) (string, bool) {
	k := skipSpace(s, i)
	switch {
	case wordAt(s, k, "or"):
		k += 2
	case wordAt(s, k, "and"):
		k += 3
	case strings.HasPrefix(s[k:], "·"):
		k += len("·")
	case at(s, k) == ',' || at(s, k) == '/':
		k++
	default:
		return "", false
	}
	k = skipSpace(s, k)
	// "·한국 1만 위안": one Hangul word may name whose money it is
	if k < len(s) && s[k] >= 0x80 {
		e := k
		for e < len(s) && s[e] >= 0x80 && e-k < 12 {
			e++
		}
		if at(s, e) == ' ' {
			k = e + 1
		}
	}
	if k >= len(s) || !isDigit(s[k]) {
		return "", false
	}
	b, ok := parseNumber(s, k)
	if !ok {
		return "", false
	}
	cur, _, ok := currencyAfter(s, b.end)
	return cur, ok
}

// hedges may open a conversion: "(about US$1,500)", "(한화 약 85만 원)".
var hedges = []string{
	"about", "around", "approximately", "approx.", "approx", "roughly", "some", "nearly",
	"almost", "over", "more than", "less than", "under", "equivalent to", "equal to",
	"worth", "or", "ca.", "c.", "i.e.", "~", "약", "대략", "한화", "미화", "=",
}

// foldConversion extends m over a conversion that follows it: "(US $1,500)",
// "[around USD 1,412]", "(한화 약 85만 원)", ", or about $1,500". A dollar
// conversion becomes m's usd; another currency is folded without one.
func foldConversion(s string, m *mention) {
	j := skipSpace(s, m.end)
	// one noun may stand between the sum and its bracket: "a 10,000 RMB fine [roughly …]"
	if j < len(s) && 'a' <= s[j] && s[j] <= 'z' {
		e := wordEnd(s, j)
		k := skipSpace(s, e)
		if e-j <= 12 && k > e && (at(s, k) == '(' || at(s, k) == '[') {
			j = k
		}
	}
	open := at(s, j) == '(' || at(s, j) == '['
	var k int
	switch {
	case open:
		k = j + 1
	case strings.HasPrefix(s[j:], "（"):
		open = true
		k = j + len("（")
	case farComma(s, m.end) > 0:
		// "3 million won from each family, about $375": a dollar conversion after a short phrase
		k = farComma(s, m.end)
		if c, e, ok := dollarsAfterHedge(s, k); ok {
			m.usd, m.end = c, e
		}
		return
	case at(s, m.end) == ',' || strings.HasPrefix(s[j:], "–") || strings.HasPrefix(s[j:], "—"):
		// ", or about $1,500": a hedge is required
		k = m.end
		if s[k] == ',' {
			k++
		} else {
			_, sz := utf8.DecodeRuneInString(s[j:])
			k = j + sz
		}
	default:
		return
	}
	hedged := false
	for range 4 {
		k = skipSpace(s, k)
		found := false
		for _, h := range hedges {
			if strings.HasPrefix(h, "약") || h[0] >= 0x80 || h == "~" || h == "=" {
				if strings.HasPrefix(s[k:], h) {
					k += len(h)
					found = true
					break
				}
				continue
			}
			if wordAt(s, k, h) {
				k += len(h)
				found, hedged = true, h != "or"
				break
			}
		}
		if !found {
			break
		}
	}
	if !open && !hedged {
		return
	}
	x, ok := parseExpr(s, k)
	if !ok || x.cur == m.cur {
		return
	}
	end := x.end
	if open {
		c := skipSpace(s, end)
		limit := min(len(s), c+30)
		closeAt := -1
		for p := c; p < limit; p++ {
			if s[p] == ')' || s[p] == ']' {
				closeAt = p + 1
				break
			}
			if strings.HasPrefix(s[p:], "）") {
				closeAt = p + len("）")
				break
			}
			if s[p] == '(' || s[p] == '[' || s[p] == '\n' {
				break
			}
		}
		if closeAt < 0 {
			return
		}
		end = closeAt
	}
	if x.cur == "USD" && m.cur != "USD" {
		m.usd = x.lo
	}
	m.end = end
}

// farComma returns the index after a comma that follows i after a short
// phrase of words (no digits, no sentence end), or 0.
func farComma(s string, i int) int {
	if at(s, i) == ',' {
		return 0 // right after the sum: the ordinary case
	}
	for k := i; k < len(s) && k-i <= 30; k++ {
		c := s[k]
		switch {
		case c == ',':
			return k + 1
		case isDigit(c) || c == '.' || c == '\n' || c == '(' || c == ';' || c == '"' || c >= 0x80:
			return 0
		}
	}
	return 0
}

// dollarsAfterHedge reads "about $375" at k: a hedge, then a sum in dollars.
func dollarsAfterHedge(s string, k int) (float64, int, bool) {
	k = skipSpace(s, k)
	found := false
	for _, h := range []string{"about", "around", "roughly", "approximately", "approx.", "some", "nearly", "or about", "or roughly", "or around", "equivalent to", "worth"} {
		if wordAt(s, k, h) {
			k, found = k+len(h), true
			break
		}
	}
	if !found {
		return 0, 0, false
	}
	x, ok := parseExpr(s, skipSpace(s, k))
	if !ok || x.cur != "USD" || x.hi > 0 {
		return 0, 0, false
	}
	return x.lo, x.end, true
}

// distinct keeps the first mention of each sum, as the guide counts them: a
// range whose ends were both stated before is dropped, one with one end
// stated before is cut to its other end. Later mentions of a sum lend the
// first one the text's own dollar conversion when it lacks one, and their
// role when the first has only "other" or stands in the headline.
func distinct(s string, ms []mention) []mention {
	type key struct {
		v   float64
		cur string
	}
	titleEnd := headline(s)
	seen := map[key]int{}
	var out []mention
	merge := func(into int, m mention, v float64) {
		o := &out[into]
		if o.usd == 0 && m.usd > 0 && o.hi == 0 && m.lo > 0 {
			o.usd = m.usd * v / m.lo
		}
		if m.cued && m.start >= titleEnd && (!o.cued || o.start < titleEnd) {
			o.role, o.cued = m.role, true
		}
	}
	for _, m := range ms {
		il, okLo := seen[key{m.lo, m.cur}]
		ih, okHi := seen[key{m.hi, m.cur}]
		if m.hi == 0 {
			okHi = true
		}
		switch {
		case okLo && okHi:
			merge(il, m, m.lo)
			if m.hi > 0 {
				merge(ih, m, m.hi)
			}
			continue
		case okLo:
			merge(il, m, m.lo)
			if m.usd > 0 {
				m.usd = m.usd * m.hi / m.lo
			}
			m.lo, m.hi = m.hi, 0
		case okHi && m.hi > 0:
			merge(ih, m, m.hi)
			m.hi = 0
		}
		seen[key{m.lo, m.cur}] = len(out)
		if m.hi > 0 {
			seen[key{m.hi, m.cur}] = len(out)
		}
		out = append(out, m)
	}
	return out
}

// headline returns the end of the first line when it is a title (no full
// stop at its end and more text after it), else 0.
func headline(s string) int {
	i := strings.IndexByte(s, '\n')
	if i < 0 {
		return 0
	}
	line := strings.TrimRight(s[:i], " \r")
	if line == "" || strings.HasSuffix(line, ".") || strings.HasSuffix(line, "다.") {
		return 0
	}
	return i
}
