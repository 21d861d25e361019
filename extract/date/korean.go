package date

import (
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"casebook"
)

// kreader reads Korean date expressions from the raw text: they are compact
// ("지난달 24일", "10월 중순", "2019년 11월 24일"), so a hand-written reader over
// bytes is simpler than tokens.
type kreader struct {
	s   string
	pub time.Time
}

// findKorean returns the Korean date expressions of text.
func findKorean(text string, pub time.Time) ([]Expr, []pending) {
	r := kreader{s: text, pub: pub}
	var out []Expr
	var ps []pending
	for i := nextKoreanStart(text, 0); i < len(text); i = nextKoreanStart(text, i) {
		c := text[i]
		lead := isDigit(c) || koreanLead(text[i:])
		if (lead || followLead(text[i:])) && r.wordStart(i) {
			if sh, end, ok := r.followOn(i); ok {
				pd := pending{span: casebook.Span{i, end}, sh: sh}
				if e, _, ok := r.match(i); ok && sh.days < 0 {
					pd.fallback = &e
				}
				ps = append(ps, pd)
				i = end
				continue
			}
			// A word match reads starts with digits or begins like one of
			// its words.
			if lead && (isDigit(c) || matchStarts.holds(text[i:])) {
				if e, end, ok := r.match(i); ok {
					out = append(out, e)
					i = end
					continue
				}
			}
		}
		i = stepKorean(text, i)
	}
	return out, ps
}

// nextKoreanStart returns the first character start from i on where
// findKorean reads on: a digit, or a character koreanLead or followLead
// passes; len(text) if none. It steps over the rest as findKorean does,
// in a loop of its own that keeps its variables in registers.
func nextKoreanStart(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < 0x80 && !isDigit(c) {
			// ASCII other than digits starts nothing: skip it in one loop.
			for i++; i < len(text) && text[i] < 0x80 && !isDigit(text[i]); i++ {
			}
			continue
		}
		if isDigit(c) || koreanLead(text[i:]) || followLead(text[i:]) {
			return i
		}
		i = stepKorean(text, i)
	}
	return i
}

// stepKorean returns where findKorean reads on after the digit or
// character at i that starts nothing.
func stepKorean(text string, i int) int {
	if text[i] < 0x80 {
		for i < len(text) && isDigit(text[i]) {
			i++
		}
		return i
	}
	// Step to the next character start: a continuation byte starts
	// nothing above, so this skips what decoding would, cheaper.
	at := i
	i++
	for i < len(text) && text[i]&0xC0 == 0x80 {
		i++
	}
	// A syllable after a syllable starts no word (wordStart): the rest
	// of a Korean word is passed over.
	if i-at == 3 && syllableAt(text, at) {
		for syllableAt(text, i) {
			i += 3
		}
	}
	return i
}

// syllableAt reports whether a Hangul syllable is encoded in text[i:i+3].
func syllableAt(text string, i int) bool {
	if i+3 > len(text) || text[i]-0xEA >= 4 || text[i+1]&0xC0 != 0x80 || text[i+2]&0xC0 != 0x80 {
		return false
	}
	return isHangul(rune(text[i]&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F))
}

// wordStart reports whether a Korean word or a number starts at i.
func (r *kreader) wordStart(i int) bool {
	if i == 0 {
		return true
	}
	p := r.s[i-1]
	if isDigit(r.s[i]) {
		return !isDigit(p) && !isLetter(p) && p != '.' && p != ',' && p != '-' && p != ':'
	}
	if p < 0x80 {
		return !isLetter(p) && !isDigit(p)
	}
	pr, _ := utf8.DecodeLastRuneInString(r.s[:i])
	return !isHangul(pr)
}

func isHangul(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }

// has reports whether s[i:] starts with w.
// The last byte rules out most words before a full comparison: a Hangul
// syllable's last byte varies most.
func (r *kreader) has(i int, w string) bool {
	rest := r.s[i:]
	n := len(w)
	return n == 0 || n <= len(rest) && rest[n-1] == w[n-1] && rest[:n] == w
}

// sp skips one optional space.
func (r *kreader) sp(i int) int {
	if i < len(r.s) && r.s[i] == ' ' {
		return i + 1
	}
	return i
}

// num reads digits at i followed by the unit u (년, 월, 일); it returns the
// number and the end of the unit.
func (r *kreader) num(i int, u string) (int, int, bool) {
	j, v := i, 0
	for j < len(r.s) && isDigit(r.s[j]) && j-i < 5 {
		v = v*10 + int(r.s[j]-'0')
		j++
	}
	if j == i || (j < len(r.s) && isDigit(r.s[j])) || !r.has(j, u) {
		return 0, i, false
	}
	return v, j + len(u), true
}

// anyOf returns the first of ws that s[i:] starts with.
func (r *kreader) anyOf(i int, ws ...string) (string, bool) {
	rest := r.s[i:]
	for _, w := range ws {
		// The first and last bytes rule out most words before a full
		// comparison: a Hangul syllable's last byte varies most.
		if n := len(w); n == 0 || n <= len(rest) && rest[0] == w[0] && rest[n-1] == w[n-1] && rest[:n] == w {
			return w, true
		}
	}
	return "", false
}

// notDuration reports whether the day count ending at i is a date, not a
// length of time ("3일간", "5일 동안", "10일째", "3일 만에").
func (r *kreader) notDuration(i int) bool {
	_, dur := r.anyOf(i, "간", " 동안", "동안", "째", " 만에", "만에", "씩", "치", " 이상", "이상", " 이내", "이내", "분", "이나")
	return !dur
}

// part reads 초, 초순, 상순, 중순, 하순, 말, 말경 after a month or year.
func (r *kreader) part(i int) (int, int) {
	j := r.sp(i)
	for _, p := range []struct {
		w    string
		part int
	}{{"상반기", firstHalf}, {"하반기", secondHalf}, {"초순", early}, {"상순", early}, {"초", early}, {"중순", mid}, {"중반", mid}, {"하순", late}, {"말경", late}, {"말께", late}, {"말", late}} {
		if r.has(j, p.w) {
			k := j + len(p.w)
			// "초" and "말" stand alone, or with a particle: not 초대, 말했다
			if (p.w == "초" || p.w == "말") && k < len(r.s) {
				if _, ok := r.anyOf(k, "에", "부터", "까지", "께", "경", "쯤", "엔", "의", " ", ",", ".", ")", "\n", "이", "인", "였", "이었", "부", "무렵"); !ok {
					return whole, i
				}
				if r.has(k, "이") && !r.has(k, "이었") && !r.has(k, "이던") {
					return whole, i
				}
			}
			return p.part, k
		}
	}
	return whole, i
}

// since reads 부터, 이후, 이래 and "들어" after an expression.
func (r *kreader) since(i int) (bool, int) {
	j := r.sp(i)
	if w, ok := r.anyOf(i, "부터", "이후로", "이후", "이래"); ok {
		return true, i + len(w)
	}
	if w, ok := r.anyOf(j, "이후로", "이후", "이래"); ok {
		return true, j + len(w)
	}
	if r.has(j, "들어") {
		return true, j + len("들어")
	}
	return false, i
}

// match reads one Korean date expression at i.
func (r *kreader) match(i int) (Expr, int, bool) {
	pub := r.pub
	hasPub := !pub.IsZero()
	w := when{}
	j := i
	vague := false
	got := false // a year, month or day was read

	// "오는 10일", "다음 달": dates still to come are no times of past acts
	if b := strings.TrimRight(r.s[max(0, i-12):i], " "); strings.HasSuffix(b, "오는") || strings.HasSuffix(b, "다음") {
		return Expr{}, i, false
	}
	// year
	if y, k, ok := r.num(j, "년"); ok && y >= 1950 && y <= 2100 {
		if _, ago := r.anyOf(r.sp(k), "전", "동안", "간", "만에"); ago {
			return Expr{}, i, false
		}
		if r.has(k, "대") && y%10 == 0 {
			// 1990년대: the decade
			return r.expr(i, k+len("대"), day(y, 1, 1), day(y+9, 12, 31), false)
		}
		w.year, w.yearGiven, j, got = y, true, k, true
	} else if kw, ok := r.anyOf(j, yearWords...); ok && (kw != "올 " || r.olNext(j+len(kw))) {
		if !hasPub {
			return Expr{}, i, false
		}
		switch kw {
		case "올해", "금년", "올 ":
			w.year = pub.Year()
		case "지난해", "작년":
			w.year = pub.Year() - 1
		default:
			w.year = pub.Year() - 2
		}
		w.yearGiven, j, got = true, j+len(kw), true
	}
	// month
	k := r.sp(j)
	if got && k == j && j > i {
		k = j
	}
	if m, k2, ok := r.num(k, "월"); ok && m >= 1 && m <= 12 {
		w.month, j, got = m, k2, true
	} else if kw, ok := r.anyOf(k, monthWords...); ok && !(w.yearGiven && kw != "지난 ") {
		if !hasPub {
			return Expr{}, i, false
		}
		switch kw {
		case "지난달", "지난 달":
			p := day(pub.Year(), int(pub.Month())-1, 1)
			w.year, w.yearGiven, w.month = p.Year(), true, int(p.Month())
			j, got = k+len(kw), true
		case "지난 ":
			// 지난 10월: the last October before this month; 지난 24일: below
			if m, k2, ok := r.num(k+len(kw), "월"); ok && m >= 1 && m <= 12 {
				y := pub.Year()
				if m >= int(pub.Month()) {
					y--
				}
				w.year, w.yearGiven, w.month = y, true, m
				j, got = k2, true
			}
		default:
			w.year, w.yearGiven, w.month = pub.Year(), true, int(pub.Month())
			j, got = k+len(kw), true
		}
	}
	// day
	k = r.sp(j)
	dayAt := k
	if r.has(k, "지난 ") && w.month == 0 {
		dayAt = k + len("지난 ")
	}
	if dd, k2, ok := r.num(dayAt, "일"); ok && dd >= 1 && dd <= 31 {
		if ago, _ := r.anyOf(r.sp(k2), "전"); ago != "" && !got && r.agoEnd(r.sp(k2)+len("전")) {
			// "3일 전": days ago
			if !hasPub {
				return Expr{}, i, false
			}
			t := pub.AddDate(0, 0, -dd)
			end := r.sp(k2) + len("전")
			return r.expr(i, end, t, t, false)
		}
		if r.notDuration(k2) && (got || dayAt > k || r.plainDay(k2)) {
			w.day, j, got = dd, k2, true
			if w.month == 0 {
				// a day alone: this month, or the last if that day is still to come
				if !hasPub {
					return Expr{}, i, false
				}
				m := day(pub.Year(), int(pub.Month()), 1)
				if dd > pub.Day() {
					m = m.AddDate(0, -1, 0)
				}
				w.year, w.yearGiven, w.month = m.Year(), true, int(m.Month())
			}
		}
	}
	// a season after a year: "지난해 여름", "2019년 겨울"
	if got && w.month == 0 && w.yearGiven {
		k := r.sp(j)
		for name, first := range seasons {
			if name[0] >= 0x80 && r.has(k, name) {
				f, t := season(w.year, first)
				if hasPub && f.After(pub) {
					return Expr{}, i, false
				}
				return r.expr(i, k+len(name), f, t, false)
			}
		}
	}
	if got {
		if w.day == 0 {
			w.part, j = r.part(j)
		}
		if w.month == 0 && w.part == whole && w.yearGiven && !(w.year != 0 && r.s[i] >= '0' && r.s[i] <= '9') && hasPub && w.year == pub.Year() {
			vague = true // 올해 alone: this year so far
		}
		if w.month > 0 && w.year == 0 && !w.yearGiven {
			w.yearGiven = false
		}
		from, to, ok := resolve(w, pub)
		if !ok {
			return Expr{}, i, false
		}
		if s, e := r.since(j); s && hasPub {
			return r.expr(i, e, from, pub, true)
		}
		return r.expr(i, j, from, to, vague)
	}
	if !hasPub {
		return Expr{}, i, false
	}
	return r.keyword(i)
}

// olNext reports whether "올 " (this year, short) is followed by a month or
// a part of the year: "올 2월", "올 초", "올 상반기".
func (r *kreader) olNext(k int) bool {
	if _, _, ok := r.num(k, "월"); ok {
		return true
	}
	_, ok := r.anyOf(k, "초", "상반기", "하반기", "들어")
	return ok
}

// plainDay reports whether a day number alone ("24일") is a date: followed by
// a particle, a space or punctuation, as in "24일 통화", "20일 회령시에서".
func (r *kreader) plainDay(k int) bool {
	if k >= len(r.s) {
		return true
	}
	c := r.s[k]
	if c < 0x80 {
		return c == ' ' || c == ',' || c == '.' || c == ')' || c == '\n'
	}
	_, ok := r.anyOf(k, "에", "께", "경", "쯤", "밤", "새벽", "오전", "오후", "부터", "까지", "엔", "자")
	return ok
}

// keyword reads the Korean words that stand for a time by themselves.
func (r *kreader) keyword(i int) (Expr, int, bool) {
	if i >= len(r.s) || !isDigit(r.s[i]) && !keywordStarts.holds(r.s[i:]) {
		return Expr{}, i, false // no word readKeyword reads starts so
	}
	return r.readKeyword(i)
}

// readKeyword is keyword without its first test.
func (r *kreader) readKeyword(i int) (Expr, int, bool) {
	pub := r.pub
	for _, pre := range []string{"지난 ", "지난"} {
		if r.has(i, pre) {
			for name, first := range seasons {
				if name[0] >= 0x80 && r.has(i+len(pre), name) {
					f, t := lastSeason(pub, first)
					return r.expr(i, i+len(pre)+len(name), f, t, false)
				}
			}
		}
	}
	// 지난 주말: the last Saturday and Sunday before publication, not last week
	if w, ok := r.anyOf(i, weekendWords...); ok {
		sun := pub.AddDate(0, 0, -int(pub.Weekday()))
		if pub.Weekday() == time.Saturday {
			return r.expr(i, i+len(w), pub, pub, false)
		}
		return r.expr(i, i+len(w), sun.AddDate(0, 0, -1), sun, false)
	}
	kw, ok := r.anyOf(i, keywordWords...)
	if !ok {
		if e, end, ok := r.weekday(i); ok {
			return e, end, true
		}
		if e, end, ok := r.nativeAgo(i); ok {
			return e, end, true
		}
		return r.ago(i)
	}
	j := i + len(kw)
	if strings.HasSuffix(kw, "전") && !r.agoEnd(j) {
		return Expr{}, i, false // "전했다": reported, not "ago"
	}
	switch kw {
	case "지난주", "지난 주":
		m := monday(pub)
		return r.expr(i, j, m.AddDate(0, 0, -7), m.AddDate(0, 0, -1), false)
	case "이번 주", "이번주", "금주":
		return r.expr(i, j, monday(pub), pub, false)
	case "최근", "요즘", "요새", "근래":
		// not "최근 몇 년", "최근 3년": those are years
		k := r.sp(j)
		if _, long := r.anyOf(k, "몇 년", "몇년", "수년", "몇 해", "몇 달", "수개월"); long {
			return Expr{}, i, false
		}
		if y, _, ok := r.num(k, "년"); ok && y < 100 {
			return Expr{}, i, false
		}
		if r.has(k, "들어") {
			j = k + len("들어")
		}
		return r.expr(i, j, pub.AddDate(0, 0, -30), pub, true)
	case "연말", "연초":
		w := when{month: 12}
		if kw == "연초" {
			w = when{month: 1, part: whole}
		}
		from, to, ok := resolve(w, pub)
		if !ok {
			return Expr{}, i, false
		}
		return r.expr(i, j, from, to, false)
	case "며칠 전", "수일 전":
		return r.expr(i, j, pub.AddDate(0, 0, -7), pub, false)
	case "일주일 전":
		t := pub.AddDate(0, 0, -7)
		return r.expr(i, j, t.AddDate(0, 0, -1), t.AddDate(0, 0, 1), false)
	case "한 달 전", "한달 전":
		t := pub.AddDate(0, -1, 0)
		return r.expr(i, j, t.AddDate(0, 0, -7), t.AddDate(0, 0, 7), false)
	case "어제", "전날":
		t := pub.AddDate(0, 0, -1)
		return r.expr(i, j, t, t, false)
	case "그저께", "그제":
		t := pub.AddDate(0, 0, -2)
		return r.expr(i, j, t, t, false)
	case "오늘":
		return r.expr(i, j, pub, pub, false)
	}
	return Expr{}, i, false
}

// yearWords and monthWords are the words match reads for a year and a month.
var (
	yearWords  = []string{"올해", "금년", "지난해", "작년", "재작년", "올 "}
	monthWords = []string{"지난달", "지난 달", "이달", "이번 달", "이번달", "지난 "}
)

// matchStarts holds how every word match reads at its start begins: its
// year and month words, 지난 before a day, and keyword's words.
var matchStarts = func() *starts {
	t := *keywordStarts
	t.six, t.short = maps.Clone(t.six), maps.Clone(t.short)
	t.shorts = slices.Clone(t.shorts)
	for _, ws := range [][]string{yearWords, monthWords, {"지난 "}} {
		for _, w := range ws {
			t.add(w)
		}
	}
	return &t
}()

// weekendWords and keywordWords are the words keyword reads.
var (
	weekendWords = []string{"지난 주말", "지난주말", "이번 주말", "이번주말"}
	keywordWords = []string{"지난주", "지난 주", "이번 주", "이번주", "금주", "최근", "요즘", "요새", "근래",
		"연말", "연초", "며칠 전", "수일 전", "일주일 전", "한 달 전", "한달 전", "어제", "그저께", "그제", "오늘", "전날"}
)

// keywordStarts holds how every word keyword reads at its start (itself,
// through weekday and nativeAgo) begins; ago reads digits.
var keywordStarts = func() *starts {
	var t starts
	for _, ws := range [][]string{{"지난"}, weekendWords, keywordWords, koreanWeekdays} {
		for _, w := range ws {
			t.add(w)
		}
	}
	for _, x := range nativeDays {
		t.add(x.w)
	}
	for _, x := range nativeCounts {
		t.add(x.w)
	}
	return &t
}()

// starts is a set of words' beginnings: their first six bytes (two
// syllables), or the whole word when shorter.
type starts struct {
	six    map[string]bool
	short  map[string]bool // the words of fewer than six bytes
	shorts []int           // their lengths
}

func (t *starts) add(w string) {
	if t.six == nil {
		t.six, t.short = map[string]bool{}, map[string]bool{}
	}
	if len(w) >= 6 {
		t.six[w[:6]] = true
		return
	}
	t.short[w] = true
	if !slices.Contains(t.shorts, len(w)) {
		t.shorts = append(t.shorts, len(w))
	}
}

// holds reports whether s starts with a word of the set's beginning.
func (t *starts) holds(s string) bool {
	if len(s) >= 6 && t.six[s[:6]] {
		return true
	}
	for _, n := range t.shorts {
		if len(s) >= n && t.short[s[:n]] {
			return true
		}
	}
	return false
}

// ago reads "2주 전", "3개월 전", "2년 전".
func (r *kreader) ago(i int) (Expr, int, bool) {
	pub := r.pub
	j, n := i, 0
	for j < len(r.s) && isDigit(r.s[j]) && j-i < 3 {
		n = n*10 + int(r.s[j]-'0')
		j++
	}
	if j == i {
		return Expr{}, i, false
	}
	u, ok := r.anyOf(j, "주", "개월", "달", "년")
	if !ok {
		return Expr{}, i, false
	}
	k := r.sp(j + len(u))
	if !r.has(k, "전") || !r.agoEnd(k+len("전")) {
		return Expr{}, i, false
	}
	end := k + len("전")
	switch u {
	case "주":
		t := pub.AddDate(0, 0, -7*n)
		return r.expr(i, end, t.AddDate(0, 0, -1), t.AddDate(0, 0, 1), false)
	case "개월", "달":
		t := pub.AddDate(0, -n, 0)
		return r.expr(i, end, t.AddDate(0, 0, -7), t.AddDate(0, 0, 7), false)
	default:
		t := pub.AddDate(-n, 0, 0)
		return r.expr(i, end, t.AddDate(0, 0, -30), t.AddDate(0, 0, 30), false)
	}
}

// Native Korean day spans and counts.
var (
	nativeDays = []struct {
		w string
		n int
	}{{"이틀", 2}, {"사흘", 3}, {"나흘", 4}, {"닷새", 5}, {"엿새", 6}, {"이레", 7}, {"열흘", 10}, {"보름", 15}}
	nativeCounts = []struct {
		w string
		n int
	}{{"한 ", 1}, {"두 ", 2}, {"세 ", 3}, {"석 ", 3}, {"네 ", 4}, {"넉 ", 4}, {"다섯 ", 5}, {"여섯 ", 6}}
)

// nativeAgo reads spans counted in native Korean words: "이틀 전", "석 달 전",
// "두 주 전", "한 해 전".
func (r *kreader) nativeAgo(i int) (Expr, int, bool) {
	pub := r.pub
	for _, x := range nativeDays {
		w, n := x.w, x.n
		if r.has(i, w) {
			k := r.sp(i + len(w))
			if r.has(k, "전") && r.agoEnd(k+len("전")) {
				t := pub.AddDate(0, 0, -n)
				return r.expr(i, k+len("전"), t, t, false)
			}
			return Expr{}, i, false
		}
	}
	for _, x := range nativeCounts {
		w, n := x.w, x.n
		if !r.has(i, w) {
			continue
		}
		k := i + len(w)
		u, ok := r.anyOf(k, "달", "주", "해")
		if !ok {
			return Expr{}, i, false
		}
		e := r.sp(k + len(u))
		if !r.has(e, "전") || !r.agoEnd(e+len("전")) {
			return Expr{}, i, false
		}
		end := e + len("전")
		switch u {
		case "달":
			t := pub.AddDate(0, -n, 0)
			return r.expr(i, end, t.AddDate(0, 0, -7), t.AddDate(0, 0, 7), false)
		case "주":
			t := pub.AddDate(0, 0, -7*n)
			return r.expr(i, end, t.AddDate(0, 0, -1), t.AddDate(0, 0, 1), false)
		default:
			t := pub.AddDate(-n, 0, 0)
			return r.expr(i, end, t.AddDate(0, 0, -30), t.AddDate(0, 0, 30), false)
		}
	}
	return Expr{}, i, false
}

var koreanWeekdays = []string{"일요일", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일"}

// weekday reads "수요일" (the last Wednesday on or before publication) and
// "지난 수요일" (the last one before it).
func (r *kreader) weekday(i int) (Expr, int, bool) {
	pub := r.pub
	k, last := i, false
	if r.has(k, "지난 ") {
		k, last = k+len("지난 "), true
	} else if r.has(k, "지난") {
		k, last = k+len("지난"), true
	}
	for d, w := range koreanWeekdays {
		if r.has(k, w) {
			back := (int(pub.Weekday()) - d + 7) % 7
			if last && back == 0 {
				back = 7
			}
			t := pub.AddDate(0, 0, -back)
			return r.expr(i, k+len(w), t, t, false)
		}
	}
	return Expr{}, i, false
}

// ahead reports whether the words after j say the date is still to come:
// "보안절(11월 19일)을 앞두고".
func (r *kreader) ahead(j int) bool {
	k := j
	if k < len(r.s) && r.s[k] == ')' {
		k++
	}
	if w, ok := r.anyOf(k, "을", "를"); ok {
		k += len(w)
	}
	k = r.sp(k)
	_, ok := r.anyOf(k, "앞두", "앞둔", "맞아", "맞는", "맞이")
	return ok
}

// agoEnd reports whether "전" ending at k means "ago": not "전했다" (told),
// "전달" (handed on), "전화" (phone).
func (r *kreader) agoEnd(k int) bool {
	if k >= len(r.s) {
		return true
	}
	rn, _ := utf8.DecodeRuneInString(r.s[k:])
	if !isHangul(rn) {
		return true
	}
	_, ok := r.anyOf(k, "에", "부터", "까지", "쯤", "께", "의", "만", "엔", "이")
	return ok && !r.has(k, "이다")
}

// expr builds the Expr for s[i:j], cut at publication.
func (r *kreader) expr(i, j int, from, to time.Time, vague bool) (Expr, int, bool) {
	if r.ahead(j) && !r.pub.IsZero() && from.Year() < r.pub.Year() {
		return Expr{}, i, false // an anniversary ahead, pushed into last year by the rules
	}
	if !r.pub.IsZero() && to.After(r.pub) {
		to = r.pub
	}
	if to.Before(from) {
		return Expr{}, i, false
	}
	return Expr{
		Span:     casebook.Span{i, j},
		Interval: mkInterval(from, to),
		Vague:    vague,
		Days:     int(to.Sub(from).Hours()/24) + 1,
	}, j, true
}

// koreanLeads are the first syllables of the Korean words a date may start with.
var koreanLeads = []string{"월", "화", "수", "목", "금", "토", "일", "이", "사", "나", "닷", "엿", "열", "보", "두", "세", "석", "네", "넉", "다", "여", "올", "지", "금", "작", "재", "이", "최", "요", "근", "연", "며", "수", "일", "한", "어", "그", "오", "전"}

// leadSyllable marks koreanLeads by their offset in the Hangul syllables block.
var leadSyllable = func() (t [0xD7A4 - 0xAC00]bool) {
	for _, l := range koreanLeads {
		r, _ := utf8.DecodeRuneInString(l)
		t[r-0xAC00] = true
	}
	return t
}()

// koreanLead reports whether s starts with one of koreanLeads.
func koreanLead(s string) bool {
	if len(s) < 3 || s[0]&0xF0 != 0xE0 {
		return false
	}
	r := rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
	return r >= 0xAC00 && r <= 0xD7A3 && leadSyllable[r-0xAC00]
}
