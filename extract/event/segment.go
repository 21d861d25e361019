package event

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"casebook"
)

// sentence is one sentence of a report with its clauses. Spans are byte
// offsets into the report's text.
type sentence struct {
	span    casebook.Span
	para    int  // index of the paragraph (a non-empty line) it belongs to
	heading bool // a title or section heading, not a sentence of the body
	quoted  bool // starts inside quotation marks
	clauses []casebook.Span
	toks    [2]int // its English words are the report's toks[0]:toks[1]
}

// markTokens sets each sentence's range of toks, the report's words: what
// tokRange returns for its span, found in one walk over the words (the
// words before a sentence's last end before the next sentence starts).
func markTokens(sents []sentence, toks []token) {
	k := 0
	for i := range sents {
		s := &sents[i]
		for k < len(toks) && toks[k].lo < s.span[0] {
			k++
		}
		// The first word ending past the sentence: doubling steps from k,
		// then halving (words are sorted by their ends too).
		lo, hi := k, min(len(toks), k+1) // the words before lo end inside
		for hi < len(toks) && toks[hi-1].hi <= s.span[1] {
			lo, hi = hi, min(len(toks), hi+2*(hi-k))
		}
		for lo < hi {
			if m := int(uint(lo+hi) >> 1); toks[m].hi <= s.span[1] {
				lo = m + 1
			} else {
				hi = m
			}
		}
		s.toks = [2]int{k, lo}
		k = lo
	}
}

// segment splits text into paragraphs (non-empty lines) and sentences;
// clauses come later, on demand (ensureClauses). A line that reads as a
// title (no closing punctuation, few words) is kept as one heading
// sentence, so events never come from headlines.
func segment(text, lower string, ko bool) []sentence {
	return segmentInto(text, lower, ko, nil)
}

// lineEnd returns the index of the first '\n' from i, or len(text).
func lineEnd(text string, i int) int {
	if k := strings.IndexByte(text[i:], '\n'); k >= 0 {
		return i + k
	}
	return len(text)
}

// segmentInto is segment appending to out[:0], to reuse its storage.
func segmentInto(text, lower string, ko bool, out []sentence) []sentence {
	out = out[:0]
	para := 0
	for start := 0; start < len(text); {
		end := lineEnd(text, start)
		// A hard-wrapped paragraph (text from a PDF or an e-mail) runs on
		// over its line breaks.
		for para > 0 && end < len(text) && wrapsOn(text, start, end) {
			end = lineEnd(text, end+1)
		}
		lo, hi := trimSpan(text, start, end)
		if lo < hi {
			if isHeading(text[lo:hi], ko) || para == 0 && quotedTitle(text[lo:hi], ko) {
				out = append(out, sentence{span: casebook.Span{lo, hi}, para: para, heading: true})
			} else {
				out = splitSentences(text, lo, hi, para, ko, out)
			}
			para++
		}
		start = end + 1
	}
	return out
}

// ensureClauses splits a body sentence into clauses the first time they are
// needed: most sentences hold no trigger and are never split.
// They are appended to *arena, the report's clauses end to end.
func (s *sentence) ensureClauses(text, lower string, ko bool, toks []token, arena *[]casebook.Span) {
	if s.clauses == nil && !s.heading {
		start := len(*arena)
		*arena = splitClauses(text, lower, s.span, ko, toks, *arena)
		s.clauses = (*arena)[start:len(*arena):len(*arena)]
	}
}

// clauseBytes mark the bytes splitClauses looks at (Korean also spaces).
var clauseBytes, clauseBytesKO = func() (en, ko [256]bool) {
	for _, c := range []byte{';', ':', 0xE2, '"', ','} {
		en[c], ko[c] = true, true
	}
	ko[' '], ko['\n'] = true, true
	return en, ko
}()

func trimSpan(text string, lo, hi int) (int, int) {
	for lo < hi {
		if c := text[lo]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			lo++
			continue
		}
		r, n := firstRune(text[lo:hi])
		if !unicode.IsSpace(r) && r != '\uFEFF' {
			break
		}
		lo += n
	}
	for hi > lo {
		if c := text[hi-1]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			hi--
			continue
		}
		r, n := lastRune(text[lo:hi])
		if !unicode.IsSpace(r) {
			break
		}
		hi -= n
	}
	return lo, hi
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isHeading tells a title or section heading from a sentence: headings do not
// end in sentence punctuation (Korean: in a final verb ending) and are short.
func isHeading(line string, ko bool) bool {
	last, _ := lastRune(line)
	switch last {
	case '.', '!', '?', '"', '”', '’', '\'', ')', '」', '』', '…':
		return false
	}
	if ko {
		// Korean body sentences end in 다/요 before the period; a line without a
		// period is a title, a list item or a label.
		return true
	}
	words := 0
	inWord := false
	for i := 0; i < len(line); {
		var space bool
		if c := line[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, n := utf8.DecodeRuneInString(line[i:])
			space = unicode.IsSpace(r)
			i += n
		}
		if space {
			inWord = false
		} else if !inWord {
			inWord = true
			if words++; words > 25 {
				return false // the count only grows
			}
		}
	}
	return true
}

// quotedTitle reports a first line that ends in a quoted phrase with no
// sentence ending before its closing mark (평성 보안원들, 시장서 외화
// 단속…"1천 달러 주고 풀려나"; Police raid market: "They took everything"):
// outlets end titles so, and a title tells no act of the body.
func quotedTitle(line string, ko bool) bool {
	t := strings.TrimRight(line, " ")
	last, n := lastRune(t)
	if last != '"' && last != '”' && last != '’' && last != '\'' {
		return false
	}
	t = strings.TrimRight(t[:len(t)-n], " ")
	end, _ := lastRune(t)
	switch end {
	case '.', '!', '?', '。':
		return false
	}
	if ko {
		// A Korean body sentence closes with a period; a title has none,
		// whether its quote ends a clipped verb (풀려나, 주머니로) or a
		// full one (…"추방하겠다").
		return !strings.ContainsAny(line, ".?!")
	}
	words := strings.Count(t, " ") + 1
	return words <= 25
}

// englishAbbrev lists words that end in a period without ending a sentence.
var englishAbbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "no": true, "nos": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "gen": true, "lt": true,
	"col": true, "sgt": true, "gov": true, "jr": true, "sr": true, "vs": true, "approx": true,
	"est": true, "inc": true, "co": true, "corp": true, "ltd": true, "etc": true, "prov": true,
	"dept": true, "vol": true, "fig": true, "ca": true, "cf": true, "ie": true, "eg": true,
	"a.m": true, "p.m": true, "u.s": true, "u.k": true, "u.n": true, "d.p.r.k": true, "r.o.k": true,
}

// splitSentences appends the sentences of text[lo:hi] (one line) to out.
func splitSentences(text string, lo, hi, para int, ko bool, out []sentence) []sentence {
	start := lo
	emit := func(end int) {
		a, b := trimSpan(text, start, end)
		if a < b {
			s := sentence{span: casebook.Span{a, b}, para: para}
			r, _ := firstRune(text[a:b])
			s.quoted = r == '"' || r == '“'
			out = append(out, s)
		}
	}
	marks := markFinder{text: text, hi: hi, bytes: sentenceEnds, next: [4]int{-1, -1, -1, -1}}
	for i := lo; i < hi; {
		if i = marks.from(i); i >= hi {
			break
		}
		var r rune
		n := 1
		switch c := text[i]; {
		case c == '.' || c == '!' || c == '?':
			r = rune(c)
		case c == 0xE2 && i+2 < hi && text[i+1] == 0x80 && text[i+2] == 0xA6:
			r, n = '…', 3
		default:
			i++
			continue
		}
		end := i + n
		// Closing quotes and brackets belong to the sentence they close.
		for end < hi {
			c, m := firstRune(text[end:hi])
			if c == '"' || c == '”' || c == '’' || c == '\'' || c == ')' || c == ']' || c == '.' {
				end += m
				continue
			}
			break
		}
		if end >= hi {
			break
		}
		c, _ := firstRune(text[end:hi])
		if !unicode.IsSpace(c) {
			i = end
			continue
		}
		// The next word must look like a sentence start.
		j := end
		for j < hi {
			c, m := firstRune(text[j:hi])
			if !unicode.IsSpace(c) {
				break
			}
			j += m
		}
		next, _ := firstRune(text[j:hi])
		if r == '.' && !ko && !sentenceStart(next) {
			i = end
			continue
		}
		if r == '.' && !ko && isAbbrev(text, lo, i) {
			i = end
			continue
		}
		if ko && r == '.' {
			// A period after a digit or Latin letter (2.5, U.S.) is no boundary.
			p, _ := lastRune(text[lo:i])
			if p < 0x80 && (unicode.IsDigit(p) || unicode.IsUpper(p)) {
				i = end
				continue
			}
		}
		emit(end)
		start = end
		i = end
	}
	emit(hi)
	return out
}

func sentenceStart(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '‘' || r == '\'' || r == '(' || r == '[' || r == '-' || r == '–' || unicode.Is(unicode.Hangul, r)
}

// isAbbrev reports whether the word ending at the period text[i] is an
// abbreviation or an initial ("N. Hamgyong", "U.S.", "Nov. 24").
func isAbbrev(text string, lo, i int) bool {
	j := i
	for j > lo {
		c := text[j-1]
		if c == ' ' || c == '(' || c == '"' || c == '\n' || c == '\t' {
			break
		}
		j--
	}
	w := text[j:i]
	if w == "" {
		return false
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true // an initial
	}
	if len(w) <= 8 {
		var b [8]byte
		for k := 0; k < len(w); k++ {
			c := w[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[k] = c
		}
		return englishAbbrev[string(b[:len(w)])]
	}
	return false
}

// englishClauseStarts are words that open a new clause after a comma.
var englishClauseStarts = wordSet(
	"and", "but", "while", "whereas", "although", "though", "even", "when", "after", "before", "as",
	"which", "who", "where", "since", "because", "so", "adding", "according", "until", "whom",
	"whose", "then", "yet", "only", "or", "saying", "with", "if", "unless", "once",
)

// splitClauses splits a sentence at clause boundaries: semicolons, colons,
// dashes, quotation marks, commas before a conjunction, relative pronouns and
// "that" after a verb of saying.
// The clauses are appended to out.
func splitClauses(text, lower string, s casebook.Span, ko bool, toks []token, out []casebook.Span) []casebook.Span {
	first := len(out)
	var buf [32]int
	cuts := buf[:0]
	lo, hi := s[0], s[1]
	table, marks := &clauseBytes, clauseMarks
	if ko {
		table, marks = &clauseBytesKO, nil // spaces are marked: no long runs to skip
	}
	for i := lo; i < hi; i++ {
		if i = nextMarked(text, i, hi, table, marks); i >= hi {
			break
		}
		switch text[i] {
		case ';':
			cuts = append(cuts, i+1)
		case ':':
			if i+1 < hi && text[i+1] == ' ' {
				cuts = append(cuts, i+1)
			}
		case 0xE2:
			if i+2 >= hi || text[i+1] != 0x80 {
				continue
			}
			switch text[i+2] {
			case 0x93, 0x94: // – —
				cuts = append(cuts, i, i+3)
			case 0x9C: // “
				if k := quotedTerm(text, i+3, hi, "”"); k > 0 {
					i = k - 1
					continue
				}
				cuts = append(cuts, i)
			case 0x9D: // ”
				if !(ko && quoteParticle(text, i+3, hi)) {
					cuts = append(cuts, i+3)
				}
			}
		case '"':
			// Straight quotes: opening after a space, closing otherwise.
			if i == lo || text[i-1] == ' ' || text[i-1] == '\n' || text[i-1] == '(' {
				if k := quotedTerm(text, i+1, hi, "\""); k > 0 {
					i = k - 1
					continue
				}
				cuts = append(cuts, i)
			} else if !(ko && quoteParticle(text, i+1, hi)) {
				cuts = append(cuts, i+1)
			}
		case ',':
			if i+1 >= hi || text[i+1] != ' ' && text[i+1] != '\n' {
				continue
			}
			if ko || englishClauseStarts.has(nextWord(lower, i+2, hi)) || attribution(lower[i+2:hi]) || introduction(lower, lo, i, cuts) {
				cuts = append(cuts, i+1)
			}
		case ' ', '\n': // Korean only
			if koClauseEnd(text, lo, i) {
				cuts = append(cuts, i)
			}
		}
	}
	// English words that open a clause without a comma: relative pronouns,
	// subordinators, and "that" after a verb of saying.
	start := 0 // first token of the current clause, for the "and" check
	for k := range toks {
		t := &toks[k]
		if !clauseOpeners.mayHaveTok(t) || t.lo <= lo || t.lo >= hi || text[t.lo-1] != ' ' && text[t.lo-1] != '\n' {
			continue // most words are none of the cases below
		}
		switch t.w {
		case "who", "which", "whose", "whom", "because", "whereas", "although", "after", "before":
			cuts = append(cuts, t.lo)
		case "that":
			if saidBefore(lower, lo, t.lo-1) {
				cuts = append(cuts, t.hi)
			}
		case "and":
			// "… paid 8,000 yuan and the woman was released": a new subject
			// after "and" opens a clause of its own, once a verb came
			// before it ("X and the police arrested" is one subject).
			if w := nextWord(lower, t.hi+1, hi); andSubject.has(w) && narrates(toks[start:k]) {
				cuts = append(cuts, t.lo)
				start = k
			}
		}
	}
	slices.Sort(cuts)
	prev := lo
	for _, c := range append(cuts, hi) {
		if c <= prev || c > hi {
			continue
		}
		a, b := trimClause(text, prev, c)
		if a < b {
			out = append(out, casebook.Span{a, b})
		}
		prev = c
	}
	if len(out) == first {
		out = append(out, s)
	}
	return out
}

// nextMarked returns the first index from i below hi whose byte table
// marks, or hi: a tight loop, as most of a sentence is plain words. With
// marks (the bytes table marks, at most five) it first skips eight bytes
// at a time that hold none of them.
func nextMarked(text string, i, hi int, table *[256]bool, marks *byteMarks) int {
	if marks != nil {
		for ; i+8 <= hi; i += 8 {
			if marks.any(load64(text, i)) {
				break
			}
		}
	}
	for ; i < hi; i++ {
		if table[text[i]] {
			return i
		}
	}
	return hi
}

// sentenceEnds are the bytes that may end a sentence: . ! ? and the lead
// byte of …
var sentenceEnds = [4]byte{'.', '!', '?', 0xE2}

// markFinder finds, for positions in increasing order, the next of four
// bytes in text[:hi]: each byte's next place is found by IndexByte (fast
// over long runs without it) and kept until a position passes it. It
// returns what nextMarked returns for a table marking the four.
type markFinder struct {
	text  string
	hi    int
	bytes [4]byte
	next  [4]int // where bytes[k] is next, hi when nowhere; -1 before the first call
}

func (f *markFinder) from(i int) int {
	best := f.hi
	for k := range f.next {
		if f.next[k] < i {
			f.next[k] = f.hi
			if j := strings.IndexByte(f.text[i:f.hi], f.bytes[k]); j >= 0 {
				f.next[k] = i + j
			}
		}
		best = min(best, f.next[k])
	}
	return best
}

// byteMarks tests eight bytes at once for any of up to five byte values.
type byteMarks [5]uint64

func marksOf(bs ...byte) *byteMarks {
	var m byteMarks
	for k := range m {
		m[k] = uint64(bs[min(k, len(bs)-1)]) * 0x0101010101010101
	}
	return &m
}

// any reports whether some byte of x is one of the marks: a byte of x^m is
// zero exactly where x holds m, and the test below is exact about whether
// a zero byte exists.
func (m *byteMarks) any(x uint64) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	v0, v1, v2, v3, v4 := x^m[0], x^m[1], x^m[2], x^m[3], x^m[4]
	return ((v0-ones)&^v0|(v1-ones)&^v1|(v2-ones)&^v2|(v3-ones)&^v3|(v4-ones)&^v4)&high != 0
}

func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

var (
	clauseMarks = marksOf(';', ':', 0xE2, '"', ',')
	quoteMarks  = marksOf('"', 0xE2)
)

// quoteBytes mark the bytes a quotation mark starts with.
var quoteBytes = func() (t [256]bool) {
	t['"'], t[0xE2] = true, true
	return t
}()

// quotedTerm returns the end of a short quotation starting at i (after its
// opening mark) — a quoted term such as "mop-up operation", which stays
// inside its clause — or -1 for a quoted sentence.
func quotedTerm(text string, i, hi int, closer string) int {
	hi = min(hi, i+120) // a term is short
	k := strings.Index(text[i:hi], closer)
	if k < 0 || strings.Count(text[i:i+k], " ") >= 4 {
		return -1
	}
	return i + k + len(closer)
}

// trimClause drops spaces and punctuation at a clause's ends.
func trimClause(text string, lo, hi int) (int, int) {
	for lo < hi {
		if c := text[lo]; c < utf8.RuneSelf {
			if !asciiSpace[c] && c != ',' && c != ';' && c != ':' {
				break
			}
			lo++
			continue
		}
		r, n := firstRune(text[lo:hi])
		if !unicode.IsSpace(r) && r != ',' && r != ';' && r != ':' && r != '–' && r != '—' {
			break
		}
		lo += n
	}
	for hi > lo {
		if c := text[hi-1]; c < utf8.RuneSelf {
			if !asciiSpace[c] && c != ',' && c != ';' && c != ':' && c != '.' {
				break
			}
			hi--
			continue
		}
		r, n := lastRune(text[lo:hi])
		if !unicode.IsSpace(r) && r != ',' && r != ';' && r != ':' && r != '–' && r != '—' && r != '.' {
			break
		}
		hi -= n
	}
	return lo, hi
}

// nextWord returns the ASCII word starting at i in lower, the lower-cased
// text.
func nextWord(lower string, i, hi int) string {
	j := i
	for j < hi && j-i < 12 && lower[j] >= 'a' && lower[j] <= 'z' {
		j++
	}
	return lower[i:j]
}

// saidBefore reports whether a verb of saying comes within a few words before
// position i ("told Daily NK on Friday that"): one of sayingVerbs as a whole
// ASCII word (a run of letters, case-sensitive), read in one pass.
func saidBefore(text string, lo, i int) bool {
	win := text[max(lo, i-40):i]
	for k := 0; k < len(win); {
		if !isASCIILetter(win[k]) {
			k++
			continue
		}
		j := k + 1
		for j < len(win) && isASCIILetter(win[j]) {
			j++
		}
		if sayingVerbs.has(win[k:j]) {
			return true
		}
		k = j
	}
	return false
}

var sayingVerbs = wordSet("said", "told", "says", "reported", "learned", "added", "explained", "claimed", "believes", "noted", "revealed", "confirmed", "say")

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// koClauseEnd reports whether the Korean word ending at i closes a clause:
// a connective ending (며, 면서, 지만, 는데, a past 고) after a verb.
func koClauseEnd(text string, lo, i int) bool {
	if i-lo < 6 {
		return false
	}
	// The last byte of each ending below (며 만 데 서 고 " ”): most words
	// end in none, and are passed without decoding.
	switch text[i-1] {
	case 0xB0, 0x8C, 0x9C, 0xA0, '"', 0x9D:
	default:
		return false
	}
	last, n := lastRune(text[lo:i])
	prev, _ := lastRune(text[lo : i-n])
	switch last {
	case '며':
		return true
	case '만':
		return prev == '지'
	case '데':
		return prev == '는' || prev == '은' || prev == '인'
	case '서':
		return prev == '면'
	case '고':
		// 체포했고, 빼앗겼고: a finished act; not 하고 있다 or 벌이고 있는.
		if isKoPastSyllable(prev) {
			return true
		}
		// 3명은 총살되고 2명은 교화소로 보내졌다: a new subject after
		// 되고/하고 opens a clause of its own.
		if prev == '되' || prev == '하' || prev == '당' {
			next := text[i+1 : min(len(text), i+40)]
			if j := indexBlank(next); j > 0 {
				r, _ := lastRune(next[:j])
				return r == '은' || r == '는' || r == '이' || r == '가'
			}
		}
		return false
	case '"', '”':
		return true
	}
	return false
}

// isKoPastSyllable reports whether r carries the past-tense final ㅆ
// (했, 됐, 었, 았, 겼 …).
func isKoPastSyllable(r rune) bool {
	if r < 0xAC00 || r > 0xD7A3 {
		return false
	}
	return (r-0xAC00)%28 == 20 // final consonant ㅆ
}

// quoteParticle reports a Korean quotative right after a closing quote
// ("…넘기겠다"고 위협했다): the quote belongs to the verb that follows.
func quoteParticle(text string, i, hi int) bool {
	rest := text[i:hi]
	for _, p := range [...]string{"고 ", "며 ", "라고", "라며", "이라고", "이라며", "면서"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// attribution reports a reporting tail after a comma (", a source in the
// province told Daily NK", ", Daily NK has learned"): not part of the act.
func attribution(rest string) bool {
	for _, p := range [...]string{"a source", "the source", "sources", "two sources", "a daily nk source", "daily nk", "a resident", "an informant", "the informant", "a local source", "he said", "she said", "they said", "the source said", "a north korean source", "an official"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// wrapsOn reports whether the line text[start:end] (ending at a line break)
// continues on the next line: it does not end a sentence, and the next line
// starts in lower case, or the line is long and the next is neither blank,
// a list item nor a "Label:" line.
func wrapsOn(text string, start, end int) bool {
	lo, hi := trimSpan(text, start, end)
	if lo >= hi {
		return false
	}
	last, _ := lastRune(text[lo:hi])
	switch last {
	case '.', '!', '?', '"', '”', '’', ')', '…', ':', ';':
		return false
	}
	next := end + 1
	nend := lineEnd(text, next)
	nlo, nhi := trimSpan(text, next, nend)
	if nlo >= nhi {
		return false
	}
	r, _ := firstRune(text[nlo:nhi])
	if unicode.IsLower(r) {
		return true
	}
	if hi-lo < 60 {
		return false
	}
	switch r {
	case '-', '•', '*', '■', '□', '▲', '△', '○', '●', '◆', '※', '[', '(', '<', '#':
		return false
	}
	if unicode.IsDigit(r) {
		return false // "1. …": a numbered item
	}
	// "Subject: …", "Q: …", "소식통: …": a label line.
	if k := strings.IndexByte(text[nlo:min(nhi, nlo+24)], ':'); k > 0 && !strings.Contains(text[nlo:nlo+k], " ") {
		return false
	}
	return true
}

// introduction reports a short opening phrase before a comma ("According to
// the source,", "In June,", "In fact,"): the clause starts after it.
func introduction(lower string, lo, i int, cuts []int) bool {
	if len(cuts) > 0 {
		return false // only at the start of the sentence
	}
	intro := strings.TrimLeft(lower[lo:i], "\"“‘'( ")
	words := strings.Count(intro, " ") + 1
	if words > 6 {
		return false
	}
	switch w := nextWord(intro, 0, len(intro)); w {
	case "according", "in", "on", "however", "meanwhile", "since", "last", "earlier", "later", "at", "during", "also", "then", "still", "instead", "indeed", "moreover", "recently", "yesterday", "today", "now", "afterwards", "eventually", "finally", "first", "second", "third":
		return true
	}
	return false
}

// clauseOpeners are the words splitClauses's word cases read.
var clauseOpeners = wordSet("who", "which", "whose", "whom", "because", "whereas", "although", "after", "before", "that", "and")

var andSubject = wordSet(
	"the", "a", "an", "his", "her", "their", "they", "he", "she", "police", "agents", "officials",
	"officers", "security", "state", "two", "three", "several", "some",
)

// firstRune is utf8.DecodeRuneInString with ASCII and Hangul (U+A000–
// U+DFFF, three bytes) decoded inline: Korean text is mostly the latter,
// which the standard function decodes out of line.
func firstRune(s string) (rune, int) {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	if len(s) >= 3 {
		if c0, c1, c2 := s[0], s[1], s[2]; c0-0xEA < 4 && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && (c0 != 0xED || c1 < 0xA0) {
			return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s)
}

// lastRune is utf8.DecodeLastRuneInString as firstRune is DecodeRuneInString.
func lastRune(s string) (rune, int) {
	n := len(s)
	if n > 0 && s[n-1] < utf8.RuneSelf {
		return rune(s[n-1]), 1
	}
	if n >= 3 {
		if c0, c1, c2 := s[n-3], s[n-2], s[n-1]; c0-0xEA < 4 && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && (c0 != 0xED || c1 < 0xA0) {
			return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return utf8.DecodeLastRuneInString(s)
}

// indexBlank is strings.IndexAny(s, " \n") on bytes.
func indexBlank(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\n' {
			return i
		}
	}
	return -1
}

// lastIndexBlank is strings.LastIndexAny(s, " \n") on bytes.
func lastIndexBlank(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' || s[i] == '\n' {
			return i
		}
	}
	return -1
}
