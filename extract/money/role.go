package money

import (
	"strings"
	"unicode/utf8"

	"casebook"
)

// cue is a word that tells what a nearby sum is for. English cues match at
// the start of a word (case ignored; "demand" also finds "demanded"), or as a
// whole word when whole is set; Korean cues match anywhere.
type cue struct {
	text    string
	role    string
	whole   bool
	penalty int  // added to the distance: a weak cue loses to a clear one nearby
	weak    bool // only "other", and only when no role cue is in the sentence
	cond    bool // only after a conditional word ("unless his brother brought"), as a demand
}

const (
	demand  = casebook.RoleBribeDemand
	payment = casebook.RoleBribePayment
	fine    = casebook.RoleFine
	price   = casebook.RolePrice
	income  = casebook.RoleIncome
	rate    = casebook.RoleRate
	other   = casebook.RoleOther
)

var cues = []cue{
	// demands
	{text: "demand", role: demand}, {text: "asked for", role: demand}, {text: "asking for", role: demand},
	{text: "asks for", role: demand}, {text: "ask for", role: demand}, {text: "asked", role: demand, whole: true, penalty: 10},
	{text: "extort", role: demand}, {text: "extract", role: demand}, {text: "fleec", role: demand}, {text: "shake down", role: demand}, {text: "shook down", role: demand},
	{text: "shakedown", role: demand}, {text: "squeez", role: demand}, {text: "expect", role: demand},
	{text: "want", role: demand}, {text: "requir", role: demand}, {text: "insist", role: demand},
	{text: "would take", role: demand}, {text: "solicit", role: demand},
	// what officials settle for is their asking price
	{text: "settle for", role: demand}, {text: "settled for", role: demand}, {text: "settles for", role: demand}, {text: "settling for", role: demand},
	// payments
	{text: "paid", role: payment, whole: true}, {text: "pay", role: payment, whole: true},
	{text: "pays", role: payment, whole: true}, {text: "paying", role: payment, whole: true},
	{text: "payment", role: payment}, {text: "handed", role: payment}, {text: "hand over", role: payment},
	{text: "hands over", role: payment}, {text: "handing over", role: payment}, {text: "gave", role: payment, whole: true},
	{text: "give", role: payment, whole: true}, {text: "gives", role: payment, whole: true},
	{text: "giving", role: payment, whole: true}, {text: "slipped", role: payment}, {text: "bribed", role: payment},
	{text: "way out", role: payment}, {text: "release costs", role: payment}, {text: "release cost", role: payment},
	{text: "cost of release", role: payment}, {text: "release price", role: payment}, {text: "price for release", role: payment}, {text: "price of release", role: payment}, {text: "to get back", role: payment}, {text: "get him out", role: payment}, {text: "get her out", role: payment},
	{text: "get them out", role: payment}, {text: "getting him out", role: payment}, {text: "getting her out", role: payment},
	{text: "to free", role: payment}, {text: "let go", role: payment}, {text: "let her go", role: payment},
	{text: "let him go", role: payment}, {text: "let them go", role: payment}, {text: "let out", role: payment},
	{text: "freed", role: payment}, {text: "released", role: payment}, {text: "goes to the", role: payment},
	{text: "went to the", role: payment}, {text: "go to the", role: payment}, {text: "offered", role: payment},
	// an official taking money: a condition before it ("if you're caught taking") does not make it a demand (penalty ≠ 0)
	{text: "accept", role: payment, penalty: 1}, {text: "caught taking", role: payment, penalty: 1}, {text: "of taking", role: payment, penalty: 1},
	{text: "for taking", role: payment, penalty: 1}, {text: "with taking", role: payment, penalty: 1},
	{text: "brought", role: payment, whole: true, cond: true}, {text: "bring", role: payment, whole: true, cond: true},
	{text: "bringing", role: payment, whole: true, cond: true}, {text: "brings", role: payment, whole: true, cond: true},
	{text: "in bribes", role: payment}, {text: "in exchange for", role: payment}, {text: "in return for", role: payment}, {text: "bribe worth", role: payment}, {text: "bribes worth", role: payment}, {text: "bribe", role: payment, penalty: 40},
	// fines
	{text: "fine", role: fine, whole: true, penalty: -15}, {text: "fined", role: fine, whole: true, penalty: -15},
	{text: "fines", role: fine, whole: true, penalty: -15}, {text: "penalt", role: fine, penalty: -15}, {text: "forfeit", role: fine},
	// prices
	{text: "cost", role: price}, {text: "price", role: price}, {text: "priced", role: price},
	{text: "sold for", role: price}, {text: "sell for", role: price}, {text: "sells for", role: price},
	{text: "selling for", role: price}, {text: "sold at", role: price}, {text: "sells at", role: price},
	{text: "bought for", role: price}, {text: "buy for", role: price}, {text: "buys for", role: price},
	{text: "went for", role: price}, {text: "goes for", role: price}, {text: "going for", role: price}, {text: "go for", role: price},
	{text: "worth", role: price}, {text: "sold", role: price, whole: true, penalty: 5}, {text: "sell", role: price, whole: true, penalty: 5},
	{text: "sells", role: price, whole: true, penalty: 5}, {text: "selling", role: price, whole: true, penalty: 5},
	{text: "bought", role: price, whole: true, penalty: 5}, {text: "buy", role: price, whole: true, penalty: 5},
	{text: "buys", role: price, whole: true, penalty: 5}, {text: "buying", role: price, whole: true, penalty: 5},
	{text: "buy his way", role: payment}, {text: "buy her way", role: payment}, {text: "buy their way", role: payment},
	{text: "bought his way", role: payment}, {text: "bought her way", role: payment}, {text: "bought their way", role: payment},
	{text: "buying their way", role: payment}, {text: "buying his way", role: payment}, {text: "buying her way", role: payment}, {text: "charge", role: price, whole: true}, {text: "charged", role: price, whole: true},
	{text: "charges", role: price, whole: true}, {text: "charging", role: price, whole: true}, {text: "fee", role: price, whole: true},
	{text: "fees", role: price, whole: true}, {text: "fare", role: price, whole: true}, {text: "rent", role: price, whole: true},
	// income
	{text: "earn", role: income}, {text: "make", role: income, whole: true}, {text: "makes", role: income, whole: true},
	{text: "made", role: income, whole: true}, {text: "making", role: income, whole: true}, {text: "salary", role: income},
	{text: "salaries", role: income}, {text: "wage", role: income}, {text: "income", role: income},
	{text: "profit", role: income}, {text: "revenue", role: income}, {text: "pocket", role: payment},
	// plain sums: money found, sent, seized; a sum lost is no price, whatever was sold
	{text: "lost", role: other, whole: true, penalty: 3}, {text: "lose", role: other, whole: true, penalty: 3},
	{text: "losing", role: other, whole: true, penalty: 3},
	{text: "found", role: other, weak: true}, {text: "seized", role: other, weak: true},
	{text: "confiscat", role: other, weak: true}, {text: "carrying", role: other, weak: true},
	{text: "remittance", role: other, weak: true}, {text: "sent", role: other, weak: true, whole: true},
	{text: "savings", role: other, weak: true}, {text: "loan", role: other, weak: true},

	// Korean
	{text: "요구", role: demand}, {text: "내라", role: demand}, {text: "내놓으", role: demand},
	{text: "가져오라", role: demand}, {text: "가져와라", role: demand}, {text: "오라", role: demand},
	{text: "달라", role: demand}, {text: "바치라", role: demand}, {text: "뜯어", role: demand},
	{text: "갈취", role: demand}, {text: "요청", role: demand},
	// "5천 위안을 내지 않으면", "돈 안 내면": a condition on paying is a demand
	{text: "내지 않", role: demand}, {text: "주지 않", role: demand}, {text: "바치지 않", role: demand},
	{text: "가져오지 않", role: demand}, {text: "안 내", role: demand}, {text: "안 주면", role: demand},
	{text: "뇌물", role: payment, penalty: 30}, {text: "바쳤", role: payment}, {text: "바치", role: payment},
	{text: "고였", role: payment}, {text: "고여", role: payment}, {text: "고이", role: payment},
	{text: "찔러", role: payment}, {text: "건넸", role: payment}, {text: "건네", role: payment},
	{text: "주고", role: payment}, {text: "줬", role: payment}, {text: "주었", role: payment},
	{text: "줘", role: payment}, {text: "주면", role: payment}, {text: "뒷돈", role: payment},
	{text: "내고", role: payment}, {text: "냈", role: payment}, {text: "풀려", role: payment},
	{text: "풀어", role: payment}, {text: "석방", role: payment}, {text: "무마", role: payment},
	{text: "받고서", role: payment}, {text: "내면", role: payment}, {text: "눈감", role: payment}, {text: "봐주", role: payment}, {text: "받아냈", role: payment}, {text: "뜯어냈", role: payment},
	{text: "뜯겼", role: payment}, {text: "챙겼", role: payment}, {text: "상납", role: payment},
	{text: "벌금", role: fine, penalty: -15}, {text: "과태료", role: fine, penalty: -15}, {text: "벌과금", role: fine, penalty: -15},
	{text: "가격", role: price}, {text: "값", role: price}, {text: "판매", role: price},
	{text: "시세", role: price}, {text: "에 팔", role: price}, {text: "팔린", role: price}, {text: "팔았", role: price},
	{text: "에 사", role: price}, {text: "에 샀", role: price}, {text: "에 구입", role: price}, {text: "에 거래", role: price}, {text: "비용", role: price}, {text: "요금", role: price}, {text: "운임", role: price},
	{text: "수입", role: income}, {text: "벌이", role: income}, {text: "월급", role: income},
	{text: "벌었", role: income}, {text: "벌어", role: income}, {text: "번다", role: income},
	{text: "소득", role: income}, {text: "이익", role: income}, {text: "이윤", role: income},
	{text: "임금", role: income}, {text: "노임", role: income},
	{text: "건네받", role: other, weak: true}, {text: "받았", role: other, weak: true},
	{text: "송금", role: other, weak: true}, {text: "보낸", role: other, weak: true},
	{text: "부친", role: other, weak: true}, {text: "빼앗", role: other, weak: true},
	{text: "압수", role: other, weak: true}, {text: "몰수", role: other, weak: true},
}

// maxCue is the length in bytes of the longest cue.
var maxCue int

// cueASCII indexes the English cues by their first two letters, cueKorean
// the Korean ones by their first rune, so a sentence is read once.
var (
	cueASCII  [26 * 26][]int
	cueKorean = map[rune][]int{}
)

func init() {
	for i, c := range cues {
		maxCue = max(maxCue, len(c.text))
		if c.text[0] < 0x80 {
			k := int(c.text[0]-'a')*26 + int(c.text[1]-'a')
			cueASCII[k] = append(cueASCII[k], i)
			continue
		}
		r, _ := utf8.DecodeRuneInString(c.text)
		cueKorean[r] = append(cueKorean[r], i)
	}
}

// conditional words before a payment verb make it a demand: "until they pay",
// "told him to pay".
var conditional = []string{"until ", "unless ", "told ", "ordered ", "asked ", "wanted ", "expect", "if "}

// rateAfter are per-unit phrases right after a sum.
var rateAfter = []string{
	"per ", "a day", "a month", "a week", "a year", "an hour", "a head", "a person", "a kilogram",
	"a kilo", "a kg", "a minute", "a quarter", "a piece", "a call", "a time", "a load", "a trip",
	"a ton", "a tonne", "a bag", "a sack", "a box", "a litre", "a liter", "a household", "a family",
	"each", "apiece", "for every", "for each", "from each", "from every", "to the dollar", "to the us dollar", "to the u.s. dollar",
	"to the yuan", "to one dollar", "to one yuan", "against the dollar", "against the yuan", "/kg", "/dollar", "/usd", "/$", "/yuan", "/head", "/person", "/ton",
	"/month", "/day", "every month", "every day", "every week", "monthly", "daily", "weekly",
	"an ounce", "a gram", "a meter", "a metre", "for one dollar", "for one yuan", "for a dollar",
}

// rateBefore are exchange-rate phrases right before a sum.
var rateBefore = []string{
	"trades at", "traded at", "trading at", "traded for", "trades for", "trading for", "exchanged for", "exchange rate", "exchanged at", "exchanging at",
	"fetches", "fetched", "dollar stood at", "yuan stood at", "dollar is worth", "yuan is worth",
	"dollar was worth", "yuan was worth", "dollar at", "yuan at", "환율", "=", "equals", "is worth",
}

// rateAfterBy holds rateAfter by first byte, rateBeforeBy rateBefore by
// last byte: only those can match at a place.
var rateAfterBy, rateBeforeBy = func() (after, before [256][]string) {
	for _, r := range rateAfter {
		after[r[0]] = append(after[r[0]], r)
	}
	for _, r := range rateBefore {
		before[r[len(r)-1]] = append(before[r[len(r)-1]], r)
	}
	return
}()

// koreanRateBefore are the words before a Korean sum that make it per unit.
var koreanRateBefore = []string{"하루", "하루에", "한 달", "한 달에", "한달에", "한달", "매달", "매월", "매일", "일당", "월", "달에", "주에", "1년에", "연간"}

// assignRoles gives each mention its role from its context.
func assignRoles(s string, ms []mention) {
	// Sums listed together ("5천·1만 위안 벌금") form a group: a cue beyond
	// one of them still reaches the others.
	first := make([]int, len(ms))
	last := make([]int, len(ms))
	for i := range ms {
		first[i] = i
		if i > 0 && listed(s, ms[i-1], ms[i]) {
			first[i] = first[i-1]
		}
	}
	for i := len(ms) - 1; i >= 0; i-- {
		last[i] = i
		if i+1 < len(ms) && first[i+1] == first[i] {
			last[i] = last[i+1]
		}
	}
	var cc sentenceCues
	for i := range ms {
		m := &ms[i]
		sa, sb := sentence(s, m.start, m.end)
		// lo: the start of this sum's clause, after the sum before it
		lo := sa
		if i > 0 && ms[i-1].end > lo && ms[i-1].end <= m.start {
			lo = ms[i-1].end
		}
		// a per-unit phrase after a list covers all of it: "5,000 or 6,000 yuan a day"
		listRate := last[i] != i && perUnitAfter(s, &ms[last[i]])
		if listRate || isRate(s, m) || exchangeBefore(s, max(lo, m.start-48), m.start) || eachBefore(s, lo, m.start) {
			m.role, m.cued = rate, true
			continue
		}
		role, ok := nearestCue(s, ms, i, sa, sb, first[i], last[i], &cc)
		switch {
		case i > 0 && ms[i-1].start >= sa && comparedFrom(s, lo, m.start):
			// "rose to 1,150 won per yuan, from 1,080 won": the old value of the same thing
			m.role, m.cued = ms[i-1].role, ms[i-1].cued
			continue
		case ok:
			m.role, m.cued = role, role != other
		case i > 0 && ms[i-1].cued && ms[i-1].role != rate && prevSentence(s, ms[i-1].end, sa):
			// "Now the going rate is 5000 yuan" after a sentence about buying release
			m.role = ms[i-1].role
		default:
			m.role = other
		}
		// frames that outweigh a nearby cue word
		switch m.role {
		case price, other, income:
			switch {
			case perUnitBefore(s, max(lo, m.start-120), m.start):
				// "a kilogram of rice costs 4,700 won": per unit of measure
				m.role, m.cued = rate, true
			case purposeAfter(s, m.coreEnd) || purposeAfter(s, m.end):
				// "500 yuan to avoid being sent to the MSS": bought leniency
				m.role, m.cued = payment, true
			case itemBefore(s, max(lo, m.start-40), m.start):
				// "손전화 한 대는 120만 원": the price of one item
				m.role, m.cued = price, true
			case m.role == other && receivedFrom(s, sa, sb, *m):
				// "밀수꾼들로부터 … 돈을 받은": an official took it from people
				m.role, m.cued = payment, true
			}
		}
	}
}

// prevSentence reports whether position p lies in the sentence just before
// the one starting at sa, within the same paragraph.
func prevSentence(s string, p, sa int) bool {
	if p > sa {
		return true
	}
	if strings.Contains(s[p:sa], "\n\n") {
		return false
	}
	gap := s[p:sa]
	return strings.Count(gap, ". ")+strings.Count(gap, "\n") <= 1 && len(gap) < 200
}

// isRate reports whether m is a sum per unit or an exchange rate.
func isRate(s string, m *mention) bool {
	if perUnitAfter(s, m) {
		return true
	}
	// "KPW 4 buys roughly one minute": a price per unit
	k := skipSpace(s, m.end)
	tail := s[k:min(len(s), k+60)]
	if i := strings.Index(tail, "buys "); i >= 0 && !strings.ContainsAny(tail[:i], ".,;") {
		rest := tail[i+5:]
		for _, h := range []string{"roughly ", "about ", "around ", "approximately ", "just "} {
			rest = strings.TrimPrefix(rest, h)
		}
		if strings.HasPrefix(rest, "one ") || strings.HasPrefix(rest, "a ") || strings.HasPrefix(rest, "1 ") || strings.HasPrefix(rest, "an ") {
			return true
		}
	}
	// before: "the yuan trades at roughly KPW 500", "1인당 500위안", "kg당 5800원"
	j := backSpace(s, m.start)
	lo := max(0, j-40)
	var buf [48]byte
	n := 0
	for k := lo; k < j; k++ {
		buf[n] = lower(s[k])
		n++
	}
	win := string(buf[:n])
	for _, h := range []string{"roughly", "about", "around", "approximately", "some", "nearly", "약"} {
		if strings.HasSuffix(win, h) {
			win = strings.TrimRight(win[:len(win)-len(h)], " ")
			break
		}
	}
	if win != "" {
		for _, r := range rateBeforeBy[win[len(win)-1]] {
			if strings.HasSuffix(win, r) {
				return true
			}
		}
	}
	// the Korean word before the number
	w := win
	if i := strings.LastIndexAny(w, " \n\t(\"“'"); i >= 0 {
		w = w[i+1:]
	}
	if len(w) > len("당") && strings.HasSuffix(w, "당") || (w != "" && isDigit(w[0]) && strings.HasSuffix(w, "에")) {
		return true
	}
	for _, k := range koreanRateBefore {
		if strings.HasSuffix(win, k) && (len(win) == len(k) || strings.ContainsAny(win[len(win)-len(k)-1:len(win)-len(k)], " \n\t")) {
			return true
		}
	}
	return false
}

// perUnitAfter reports whether a per-unit phrase follows m: "a day", "per
// head", "from each family", "5000원씩".
func perUnitAfter(s string, m *mention) bool {
	for _, p := range []int{m.coreEnd, m.end} {
		k := skipSpace(s, p)
		if k < len(s) && s[k] == ',' {
			continue
		}
		if k >= len(s) {
			continue // no word of rateAfter fits
		}
		for _, r := range rateAfterBy[lower(s[k])] {
			if hasFold(s, k, r) && (isLetter(r[len(r)-1]) == false || k+len(r) >= len(s) || !isLetter(s[k+len(r)])) {
				rest := skipSpace(s, k+len(r))
				if wordAt(s, rest, "ago") || wordAt(s, rest, "earlier") || wordAt(s, rest, "later") || wordAt(s, rest, "before") {
					continue
				}
				return true
			}
		}
	}
	// "5000원씩": so much each
	return strings.HasPrefix(s[m.coreEnd:], "씩")
}

// sentence returns the bounds of the sentence around [i, j), at most a few
// hundred bytes either way.
func sentence(s string, i, j int) (int, int) {
	a := i
	for a > 0 && i-a < 400 {
		if mayBound(s, a) && boundaryBefore(s, a) {
			break
		}
		a--
	}
	b := j
	for b < len(s) && b-j < 400 {
		if mayBound(s, b) && boundaryBefore(s, b) {
			break
		}
		b++
	}
	return a, b
}

// mayBound is boundaryBefore's first test, cheap enough for every byte: a
// sentence ends inside the text only after a line break, '.', '!' or '?'.
func mayBound(s string, p int) bool {
	if p <= 0 || p >= len(s) {
		return true
	}
	switch s[p-1] {
	case '\n', '.', '!', '?':
		return true
	}
	return false
}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = []string{"approx", "mr", "mrs", "ms", "dr", "st", "no", "vs", "jan", "feb", "mar", "apr",
	"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "e.g", "i.e", "ca", "etc", "gen", "col", "lt"}

// boundaryBefore reports whether a sentence starts at p.
func boundaryBefore(s string, p int) bool {
	if p <= 0 || p >= len(s) {
		return true
	}
	c := s[p-1]
	if c == '\n' {
		return true
	}
	if s[p] != ' ' && s[p] != '\n' && s[p] != '"' {
		return false
	}
	switch c {
	case '!', '?':
		return true
	case '.':
		w := p - 1
		for w > 0 && (isLetter(s[w-1]) || s[w-1] == '.') {
			w--
		}
		word := strings.ToLower(s[w : p-1])
		if len(word) == 1 {
			return false // initials, U.S.
		}
		for _, a := range abbreviations {
			if word == a {
				return false
			}
		}
		return true
	}
	return false
}

// nearestCue finds the role cue nearest to mention i in its sentence. A cue
// with another sum between it and this one belongs to that sum.
// cueHit is a cue found in a sentence, at s[p:q].
type cueHit struct {
	p, q int
	c    *cue
}

// sentenceCues holds the cues of the last sentence read: the sums of one
// sentence share them.
type sentenceCues struct {
	sa, sb int
	hits   []cueHit
	read   bool
}

// find returns the cues in s[sa:sb], in text order.
func (cc *sentenceCues) find(s string, sa, sb int) []cueHit {
	if cc.read && cc.sa == sa && cc.sb == sb {
		return cc.hits
	}
	hits := cc.hits[:0]
	for p := sa; p < sb; {
		c := s[p]
		if c < 0x80 {
			if !isLetter(c) || (p > 0 && isLetter(s[p-1])) || p+1 >= len(s) || !isLetter(s[p+1]) {
				p++
				continue
			}
			for _, ci := range cueASCII[int(lower(c)-'a')*26+int(lower(s[p+1])-'a')] {
				cu := &cues[ci]
				q := p + len(cu.text)
				if q > sb || !hasFold(s, p, cu.text) || (cu.whole && q < len(s) && isLetter(s[q])) {
					continue
				}
				hits = append(hits, cueHit{p, q, cu})
			}
			p++
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[p:])
		for _, ci := range cueKorean[r] {
			cu := &cues[ci]
			if strings.HasPrefix(s[p:sb], cu.text) {
				hits = append(hits, cueHit{p, p + len(cu.text), cu})
			}
		}
		p += sz
	}
	cc.sa, cc.sb, cc.hits, cc.read = sa, sb, hits, true
	return hits
}

func nearestCue(s string, ms []mention, i, sa, sb, first, last int, cc *sentenceCues) (string, bool) {
	m := ms[i]
	hits := cc.find(s, sa, sb)
	// longer cues hide shorter ones they cover ("건네받" over "건네", "release costs" over "cost")
	best, bestScore, bestWeak := "", 1<<30, ""
	var bestAt cueHit
	for hi, h := range hits {
		// hits are in text order, and cues are short: only neighbours can cover h
		covered := false
		for hj := hi - 1; hj >= 0 && hits[hj].p > h.p-maxCue; hj-- {
			if g := hits[hj]; g.p <= h.p && h.q <= g.q && g.q-g.p > h.q-h.p {
				covered = true
				break
			}
		}
		for hj := hi + 1; !covered && hj < len(hits) && hits[hj].p == h.p; hj++ {
			if g := hits[hj]; h.q <= g.q && g.q-g.p > h.q-h.p {
				covered = true
			}
		}
		if covered {
			continue
		}
		var d int
		switch {
		case h.q <= m.start:
			d = m.start - h.q
			if first > 0 && ms[first-1].start >= h.q {
				continue // another sum, not listed with this one, stands between
			}
		case h.p >= m.end:
			d = h.p - m.end
			if last+1 < len(ms) && ms[last+1].end <= h.p {
				continue
			}
			if h.c.text[0] < 0x80 && (d > 15 || strings.Contains(s[m.end:h.p+1], " to ")) {
				d += 20 // English governs its object from before; a cue well after belongs to the next clause
			}
		default:
			d = 0
		}
		if h.c.text == "worth" && h.p >= m.end && d <= 1 {
			continue // "$2 million worth of goods": the sum is the goods' value
		}
		if h.c.cond && !conditionalBefore(s, sa, h.p) {
			continue // "she brought 10,000 yuan back from China" is no payment
		}
		if h.c.weak {
			if bestWeak == "" {
				bestWeak = h.c.role
			}
			continue
		}
		if score := d + h.c.penalty; score < bestScore {
			best, bestScore, bestAt = h.c.role, score, h
		}
	}
	if best == payment && bestAt.c.penalty == 0 && conditionalBefore(s, sa, bestAt.p) {
		best = demand
	}
	if best != "" {
		return best, true
	}
	if bestWeak != "" {
		return bestWeak, true
	}
	return "", false
}

// conditionalBefore reports whether a conditional word stands in the 30
// bytes before p in its sentence: "until they pay", "told him to pay".
func conditionalBefore(s string, sa, p int) bool {
	pre := s[max(sa, p-30):p]
	for _, w := range conditional {
		if containsFold(pre, w) {
			return true
		}
	}
	return false
}

// listed reports whether sums a and b, one after the other, stand in one
// list: the gap between them is short and holds a list separator.
func listed(s string, a, b mention) bool {
	if b.listed && b.start >= a.end {
		return true // "500 yuan for the phone, 200 for the charger"
	}
	if b.start < a.end || b.start-a.end > 14 {
		return false
	}
	gap := s[a.end:b.start]
	return strings.Contains(gap, "·") || strings.Contains(gap, ",") || strings.Contains(gap, " or ") ||
		strings.Contains(gap, " and ") || strings.Contains(gap, "/") || strings.Contains(gap, "、")
}
