package agency

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"casebook/extract/internal/ascii"
)

// post applies what needs the whole text: acronyms bound by their
// definition ("Ministry of Social Security (MSS)"), organs of other states
// dropped ("Chinese border guards"), generic "security officials" given the
// text's own security organ, and each mention's Former/Target/Passing marks.
func post(text, low string, ms []Mention) []Mention {
	if len(ms) == 0 {
		return nil
	}
	bindAcronyms(text, ms)
	out := ms[:0]
	// The sentences are read at most 300 bytes around a mention: only the
	// marks from 300 bytes before the first to 300 after the last matter.
	sm := findSentenceMarks(text, max(0, ms[0].Span[0]-300), min(len(text), ms[len(ms)-1].Span[1]+300))
	var markers markerScan
	for _, mn := range ms {
		if !foreign(text, &sm, &markers, mn) {
			out = append(out, mn)
		}
	}
	ms = out
	// Whether the text names state security, and the police, specifically.
	var namesMSS, namesMPS bool
	for _, mn := range ms {
		if !mn.Generic {
			namesMSS = namesMSS || mn.Code == mss
			namesMPS = namesMPS || mn.Code == mps
		}
	}
	for k := range ms {
		if ms[k].Generic && !namesMSS && namesMPS {
			ms[k].Code = mps
		}
		// The lower-cased text, made at the first English mention unless
		// the caller had it.
		if low == "" && !koreanAt(text, ms[k].Span[0]) {
			low = ascii.Lower(text)
		}
		mark(text, low, &sm, &ms[k])
	}
	// An acronym in brackets after its full name shares the name's marks.
	for k := 1; k < len(ms); k++ {
		p, a := ms[k-1], &ms[k]
		if isAcronym(text, *a) && strings.TrimSpace(text[p.Span[1]:a.Span[0]]) == "(" {
			a.Former, a.Target, a.Passing = p.Former, p.Target, p.Passing
		}
	}
	return ms
}

// bindAcronyms gives each acronym the code of the full name it follows in
// brackets nearest before it (or, for a headline before any definition, the
// first one after): outlets write MSS for both ministries.
func bindAcronyms(text string, ms []Mention) {
	type def struct {
		at   int
		code string
	}
	defs := map[string][]def{}
	for k, mn := range ms {
		if k+1 >= len(ms) || isAcronym(text, mn) {
			continue
		}
		nx := ms[k+1]
		if isAcronym(text, nx) && strings.TrimSpace(text[mn.Span[1]:nx.Span[0]]) == "(" && strings.HasPrefix(text[nx.Span[1]:], ")") {
			a := text[nx.Span[0]:nx.Span[1]]
			defs[a] = append(defs[a], def{nx.Span[0], mn.Code})
		}
	}
	if len(defs) == 0 {
		return
	}
	for k := range ms {
		if !isAcronym(text, ms[k]) {
			continue
		}
		ds := defs[text[ms[k].Span[0]:ms[k].Span[1]]]
		if len(ds) == 0 {
			continue
		}
		code := ds[0].code
		for _, d := range ds {
			if d.at <= ms[k].Span[0] {
				code = d.code
			}
		}
		ms[k].Code = code
	}
}

func isAcronym(text string, mn Mention) bool {
	s := text[mn.Span[0]:mn.Span[1]]
	if len(s) < 2 || len(s) > 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// foreign reports whether a mention names another state's organ: "Chinese
// border guards", "on the Chinese bank, police …", 중국 공안.
func foreign(text string, sm *sentenceMarks, markers *markerScan, mn Mention) bool {
	start := mn.Span[0]
	if r, _ := utf8.DecodeRuneInString(text[start:]); isHangul(r) {
		before := strings.TrimRight(text[max(0, start-16):start], " ")
		for _, f := range koForeignBefore {
			if strings.HasSuffix(before, f) {
				return true
			}
		}
		return false
	}
	// "police in Seoul", "border guards of China"
	rest := text[mn.Span[1]:min(len(text), mn.Span[1]+40)]
	for _, p := range placePrepositions {
		if strings.HasPrefix(rest, p) {
			w := strings.TrimPrefix(rest[len(p):], "the ")
			for _, f := range foreignPlaces {
				if strings.HasPrefix(w, f) {
					return true
				}
			}
		}
	}
	// The last foreign marker of the sentence before the mention, unless a
	// North Korean one follows it or it qualifies private people ("Chinese
	// traders").
	from := start - len(sm.before(text, start))
	mk, ok := markers.lastMarker(text, from, start)
	if !ok {
		return false
	}
	after := text[mk.at+mk.n : start]
	if strings.Contains(after, "North Korea") || strings.Contains(after, "DPRK") {
		return false
	}
	next := strings.ToLower(firstWord(strings.TrimLeft(after, " ")))
	return !privateNouns[next]
}

// marker is where a foreign marker word occurs in a text, and its length.
type marker struct{ at, n int }

// markerScan finds the last foreign marker before each mention in its
// sentence, read back from the mention: only that stretch is searched, and
// no marker starts another (TestForeignMarkersApart), so the first found is
// the one a search of the whole text would put last. Mentions of one
// sentence share its start: each searches only past the one before.
type markerScan struct {
	from, to int // text[from:to] was searched last
	last     marker
	found    bool
}

// lastMarker returns the last foreign marker that starts in text[from:start].
func (c *markerScan) lastMarker(text string, from, start int) (marker, bool) {
	lo := from
	if c.from == from && c.to <= start {
		lo = c.to
	} else {
		c.found = false
	}
	c.from, c.to = from, start
	for i := start - 1; i >= lo; i-- {
		// Eight bytes at a time while they hold no capital: every marker
		// starts with one.
		for i-7 >= lo && !hasCapital(load64(text[i-7:])) {
			i -= 8
		}
		if i < lo {
			break
		}
		if !markerFirst[text[i]] {
			continue
		}
		for _, f := range markersByFirst[text[i]] {
			if strings.HasPrefix(text[i:], f) {
				c.last, c.found = marker{i, len(f)}, true
				return c.last, true
			}
		}
	}
	return c.last, c.found
}

// lastSpace is strings.LastIndexByte(s, ' '), eight bytes at a time.
func lastSpace(s string) int {
	const low7, spaces = 0x7f7f7f7f7f7f7f7f, 0x2020202020202020
	i := len(s)
	for ; i >= 8; i -= 8 {
		v := load64(s[i-8:]) ^ spaces // a zero byte for each space
		// The high bit of each zero byte, exactly (no carry between bytes).
		if z := ^((v&low7 + low7) | v | low7); z != 0 {
			return i - 8 + (63-bits.LeadingZeros64(z))/8
		}
	}
	for i > 0 {
		i--
		if s[i] == ' ' {
			return i
		}
	}
	return -1
}

// load64 reads the first eight bytes of s, the first lowest.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// hasCapital reports whether any byte of x is an ASCII capital letter
// (Bit Twiddling Hacks' hasbetween: no byte's sum carries into the next).
func hasCapital(x uint64) bool {
	const ones, low7, highs = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	const below, above = 'A' - 1, 'Z' + 1 // strictly between
	return (ones*(127+above)-(x&low7))&^x&((x&low7)+ones*(127-below))&highs != 0
}

// markersByFirst holds the foreign markers by their first byte;
// markerFirst marks those bytes.
var markersByFirst, markerFirst = func() (t [256][]string, first [256]bool) {
	for _, f := range foreignMarkers {
		t[f[0]] = append(t[f[0]], f)
		first[f[0]] = true
	}
	return t, first
}()

var koForeignBefore = []string{"중국", "중국의", "한국", "한국의", "남한", "남한의", "러시아", "미국", "일본"}

var placePrepositions = []string{" in ", " of ", " from "}

var foreignPlaces = []string{"Seoul", "China", "South Korea", "Beijing", "Dandong", "Yanbian", "Shenyang",
	"Liaoning", "Jilin", "Changbai", "Tumen", "Yanji", "Russia", "Japan", "United States", "US ", "U.S.",
	"Thailand", "Laos", "Vietnam", "Mongolia", "Chinese"}

var foreignMarkers = []string{"Chinese", "China's", "South Korean", "South Korea's", "Russian", "Russia's",
	"American", "U.S.", "Japanese", "Beijing's", "Seoul's"}

// privateNouns after a foreign marker make it describe people or things,
// not the organ that follows: "Chinese traders was caught by a border patrol".
var privateNouns = map[string]bool{"trader": true, "traders": true, "smuggler": true, "smugglers": true,
	"merchant": true, "merchants": true, "businessman": true, "businessmen": true, "broker": true,
	"brokers": true, "buyer": true, "buyers": true, "partner": true, "partners": true, "relatives": true,
	"relative": true, "phone": true, "phones": true, "goods": true, "yuan": true, "currency": true,
	"products": true, "mobile": true, "cell": true, "sim": true, "made": true, "company": true,
	"companies": true, "man": true, "woman": true, "citizens": true, "national": true, "nationals": true,
	"dramas": true, "films": true, "tv": true, "media": true, "money": true, "cash": true, "network": true,
	"networks": true, "counterpart": true, "counterparts": true, "drama": true, "songs": true}

func firstWord(s string) string {
	i := 0
	for i < len(s) && (isASCIIAlnum(s[i]) || s[i] == '\'') {
		i++
	}
	return s[:i]
}

// sentenceMarks are the offsets of a text's full stops, question and
// exclamation marks and line breaks, in order: found once per text (by
// IndexByte, which reads many bytes at a time), so finding the sentence
// around a mention is a search, not a scan of up to 300 bytes. Mentions
// come in text order, so the search walks on from its last answer (k) and
// searches afresh only when asked behind it.
type sentenceMarks struct {
	at []int32
	k  int
}

// findSentenceMarks finds the marks in text[lo:hi].
func findSentenceMarks(text string, lo, hi int) sentenceMarks {
	const marks = ".!?\n"
	var next [len(marks)]int // the next offset of each mark, hi when none
	find := func(k, from int) {
		next[k] = hi
		if j := strings.IndexByte(text[from:hi], marks[k]); j >= 0 {
			next[k] = from + j
		}
	}
	for k := range next {
		find(k, lo)
	}
	sm := make([]int32, 0, (hi-lo)/64+8) // about one mark in a hundred bytes
	for {
		at := min(next[0], next[1], next[2], next[3])
		if at == hi {
			return sentenceMarks{at: sm}
		}
		sm = append(sm, int32(at))
		for k := range next {
			if next[k] == at {
				find(k, at+1)
			}
		}
	}
}

// search returns the index of the first mark at or after x.
func (sm *sentenceMarks) search(x int) int {
	k := sm.k
	if k > 0 && int(sm.at[k-1]) >= x {
		k, _ = slices.BinarySearch(sm.at, int32(x))
	} else {
		for k < len(sm.at) && int(sm.at[k]) < x {
			k++
		}
	}
	sm.k = k
	return k
}

// last returns the offset of the last mark in [lo, hi), or -1.
func (sm *sentenceMarks) last(lo, hi int) int {
	k := sm.search(hi)
	if k > 0 && int(sm.at[k-1]) >= lo {
		return int(sm.at[k-1])
	}
	return -1
}

// first returns the offset of the first mark in [lo, hi), or -1.
func (sm *sentenceMarks) first(lo, hi int) int {
	k := sm.search(lo)
	if k < len(sm.at) && int(sm.at[k]) < hi {
		return int(sm.at[k])
	}
	return -1
}

// before returns the text from the start of the sentence holding i up to i
// (at most 300 bytes); text is the text the marks were found in or its
// lower-cased copy.
func (sm *sentenceMarks) before(text string, i int) string {
	lo := max(0, i-300)
	s := text[lo:i]
	if j := sm.last(lo, i); j >= 0 {
		j -= lo
		// "U.S." and "Mr." are not sentence ends; good enough to step over them.
		if !(j >= 2 && s[j-2:j+1] == "U.S" || j >= 1 && strings.HasSuffix(s[:j+1], "U.S.")) {
			s = s[j+1:]
		}
	}
	return s
}

// after returns the text from i to the end of its sentence, at most n bytes.
func (sm *sentenceMarks) after(text string, i, n int) string {
	s := text[i:min(len(text), i+n)]
	if j := sm.first(i, i+len(s)); j >= 0 {
		s = s[:j-i]
	}
	return s
}

// koreanAt reports whether a Hangul syllable starts at i.
func koreanAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isHangul(r)
}

// mark sets a mention's Former, Target and Passing marks from its sentence.
func mark(text, low string, sm *sentenceMarks, mn *Mention) {
	start, end := mn.Span[0], mn.Span[1]
	if koreanAt(text, start) {
		markKorean(text, sm, mn)
		return
	}
	before := sm.before(low, start)
	after := sm.after(low, end, 300)
	tb := strings.TrimRight(before, " ")
	// The agent of a passive is acting whatever else the sentence says.
	if strings.HasSuffix(tb, " by") || strings.HasSuffix(tb, " by the") || strings.HasSuffix(tb, " by a") ||
		strings.HasSuffix(tb, " by an") {
		return
	}
	tbt := strings.TrimSuffix(tb, " the")
	// A former-employer cue must lead into the mention: "a former Ministry
	// of State Security official", "used to work as a police officer"; not
	// "a former soldier, said border guards …".
	near := before[max(0, len(before)-60):]
	inNear := pairSetOf(near)
	for k, x := range formerCueRarest {
		// The cue's rarest pair first, without a call: most cues stop here.
		if inNear[x.a]&(1<<x.b) == 0 {
			continue
		}
		f := formerCues[k]
		if !inNear.holdsAll(formerCuePairs[k][1:]) || !strings.Contains(near, f) {
			continue
		}
		i := strings.LastIndex(near, f)
		between := strings.Fields(near[i+len(f):])
		// "a former official of the Pyongyang city people's committee": the
		// person noun and "of" lead on to the organ.
		if len(between) >= 2 && formerPeople[between[0]] && between[1] == "of" {
			between = between[2:]
			if len(between) > 0 && between[0] == "the" {
				between = between[1:]
			}
		}
		if len(between) > 3 || strings.ContainsAny(near[i+len(f):], ",;:()\"") {
			continue
		}
		lead := true
		for _, w := range between {
			if notLeading[w] {
				lead = false
			}
		}
		if lead {
			mn.Former = true
		}
	}
	// The organ as the subject of an order from above: "ordered the police
	// to …", "told state security agents to …".
	if strings.HasPrefix(after, " to ") {
		for _, o := range orderCues {
			if strings.HasSuffix(tbt, o) {
				mn.Passing = true
			}
		}
	}
	if strings.HasPrefix(strings.TrimLeft(after, " "), "who used to") || containsAt(after[:min(len(after), 20)], "in the past", 7) {
		mn.Former = true
	}
	if tbt != "" {
		for _, p := range passingBeforeByLast[tbt[len(tbt)-1]] {
			if strings.HasSuffix(tbt, p) {
				mn.Passing = true
			}
		}
	}
	// "a police officer's wife", "the KPA's founding anniversary": the organ's
	// relatives or its day, not its people acting.
	// The walk may have taken the "'s" into the name ("police officer's").
	poss := strings.HasPrefix(after, "'s ") || strings.HasPrefix(after, "’s ")
	if w := text[start:end]; strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		poss = true
	}
	if poss {
		if w, _ := token(strings.TrimPrefix(strings.TrimPrefix(after, "'s"), "’s")); relativeNouns[w] {
			mn.Passing = true
		}
	}
	if strings.HasPrefix(after, " day") && !strings.HasPrefix(after, " day and") && !strings.HasPrefix(after, " days") || dayAfter(after[:min(len(after), 24)]) {
		mn.Passing = true
	}
	if tof := strings.TrimSuffix(strings.TrimSuffix(tbt, " a"), " an"); strings.HasSuffix(tof, " of") {
		if i := strings.LastIndexByte(tof[:len(tof)-3], ' '); relativeNouns[tof[i+1:len(tof)-3]] {
			mn.Passing = true // "the son of a party cadre", "the wife of a police officer"
		}
	}
	// "neither the police nor the MSS responded": named to say it did nothing.
	if strings.HasSuffix(tbt, "neither") || strings.HasSuffix(tbt, " nor") {
		mn.Passing = true
	}
	if hypotheticalHandover(before, tbt) {
		mn.Passing = true
	}
	// Every passingAfter phrase holds "down", "low" or "refrain": two
	// scans for their 'w' and 'f' rule most sentences out before the eleven.
	if w := after[:min(len(after), 120)]; lowOrDown(w) || containsAt(w, "refrain", 2) {
		for _, p := range passingAfter {
			if strings.Contains(w, p) {
				mn.Passing = true
			}
		}
	}
	// "X (MSS) was arrested", "officials … have already been sacked"; but
	// "an officer who let calls go on was arrested" acts in his clause.
	a := strings.TrimLeft(after, " ")
	if strings.HasPrefix(a, "(") {
		if j := strings.IndexByte(a, ')'); j >= 0 {
			a = strings.TrimLeft(a[j+1:], " ")
		}
	}
	if !strings.HasPrefix(a, "who ") && !strings.HasPrefix(a, "that ") {
		rest := skipModifier(a[:min(len(a), 120)])
		passive := false
		for k := 0; k < 5; k++ {
			var w string
			if w, rest = token(rest); w == "" {
				break
			}
			w = trimPunct(w)
			if auxShapes.may(w) && auxWords[w] {
				passive = passive || passiveShapes.may(w) && passiveAux[w]
				continue
			}
			if passive && targetVerbs[w] {
				mn.Target = true
			}
			if passive && (w == "ordered" || w == "told" || w == "instructed" || w == "directed" || w == "tasked" || w == "urged") {
				mn.Passing = true // "the MSS was ordered to …": an order from above
			}
			break
		}
	}
	// "investigators went through the provincial party committee, …",
	// "had the Ministry of State Security investigated".
	if targetCueBefore(before[max(0, len(before)-160):]) {
		mn.Target = true
	}
	if strings.HasSuffix(tb, " had") || strings.HasSuffix(tb, " had the") || strings.HasSuffix(tb, " have the") {
		if targetVerbs[firstWord(strings.TrimLeft(after, " "))] {
			mn.Target = true
		}
	}
}

// skipModifier steps over a phrase between an organ and its verb — "soldiers
// of the army building the hotels were not affected", "police in the city
// were ordered" — when an auxiliary follows it within a few words; else it
// returns s unchanged.
func skipModifier(s string) string {
	w, r := token(s)
	if !(w == "of" || w == "in" || w == "from" || w == "at" || len(w) > 4 && strings.HasSuffix(w, "ing")) {
		return s
	}
	for k := 0; k < 8; k++ {
		x, next := token(r)
		if x == "" || hasModifierBreak(x) || isClauseBreak(x) || x == "and" || x == "or" {
			return s
		}
		if passiveShapes.may(x) && passiveAux[x] {
			return r
		}
		r = next
	}
	return s
}

// hypotheticalHandover reports whether the organ is only where someone
// would be handed in a threat or a condition: "he would be handed to the
// security department unless she paid", "threatened to send him to the MSS".
// The organ does nothing in such a sentence.
func hypotheticalHandover(before, tbt string) bool {
	// Each adjective, " the" and " to" ends in one of these: else nothing
	// is trimmed and no cue ends t.
	if tbt == "" || !handoverLast[tbt[len(tbt)-1]] {
		return false
	}
	t := tbt
	for _, adj := range handoverAdjectives {
		t = strings.TrimSuffix(t, adj)
	}
	t = strings.TrimSuffix(t, " the")
	if !strings.HasSuffix(t, " to") { // every cue ends so
		return false
	}
	ok := false
	for _, h := range handoverCues {
		if strings.HasSuffix(t, h) {
			ok = true
			break
		}
	}
	if !ok {
		return false
	}
	return containsAny(before, "would ", "will ", "unless", "threaten", " if ", "could ", "might ")
}

// handoverAdjectives are trimmed in this order from the words before a mention.
var handoverAdjectives = []string{" provincial", " county", " city", " local", " district", " central"}

// handoverLast marks the last bytes of the handoverAdjectives, " the" and " to".
var handoverLast = func() (t [256]bool) {
	for _, w := range append(handoverAdjectives, " the", " to") {
		t[w[len(w)-1]] = true
	}
	return t
}()

var handoverCues = []string{"handed to", "handed over to", "hand him over to", "hand her over to",
	"hand them over to", "hand him to", "hand her to", "hand them to", "sent to", "send him to",
	"send her to", "send them to", "turned over to", "turn him over to", "transferred to", "reported to",
	"report him to", "report her to", "report them to"}

// relativeNouns after "X's" name someone's family, not the organ's people.
var relativeNouns = map[string]bool{"wife": true, "husband": true, "son": true, "sons": true, "daughter": true,
	"daughters": true, "family": true, "families": true, "relative": true, "relatives": true, "children": true,
	"child": true, "mother": true, "father": true, "brother": true, "sister": true, "parents": true, "widow": true,
	"founding": true, "anniversary": true, "birthday": true}

// formerPeople are the person nouns of "a former official of X".
var formerPeople = map[string]bool{"official": true, "officials": true, "officer": true, "officers": true,
	"member": true, "members": true, "employee": true, "employees": true, "agent": true, "agents": true,
	"cadre": true, "cadres": true, "staffer": true, "worker": true, "head": true, "director": true}

// token returns the first space-separated word of s and the rest after it.
func token(s string) (string, string) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	s = s[i:]
	for i = 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\t' {
			return s[:i], s[i:]
		}
	}
	return s, ""
}

// dayAfter reports whether s names the organ's day: "founding
// anniversary", "foundation day" … Each phrase holds a 'y': the phrases are
// tried only around the window's 'y's, found by IndexByte.
func dayAfter(s string) bool {
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], 'y')
		if j < 0 {
			return false
		}
		y := i + j
		for k, d := range dayPhrases {
			if at := y - dayPhraseY[k]; at >= 0 && strings.HasPrefix(s[at:], d) {
				return true
			}
		}
		i = y + 1
	}
	return false
}

var dayPhrases = []string{"founding anniversary", "foundation day", "founding day", "anniversary of its"}

// dayPhraseY are the offsets of the dayPhrases' 'y'.
var dayPhraseY = func() []int {
	ys := make([]int, len(dayPhrases))
	for k, d := range dayPhrases {
		ys[k] = strings.IndexByte(d, 'y')
	}
	return ys
}()

// lowOrDown reports whether s holds "low" or "down", both sought at their 'w'.
func lowOrDown(s string) bool {
	for i := 2; i < len(s); {
		j := strings.IndexByte(s[i:], 'w')
		if j < 0 {
			return false
		}
		w := i + j
		if s[w-2:w] == "lo" || s[w-2:w] == "do" && w+1 < len(s) && s[w+1] == 'n' {
			return true
		}
		i = w + 1
	}
	return false
}

// containsAt is strings.Contains(s, sub), led by sub's byte at k: a rare
// byte ('w', 'f' …) stops IndexByte far less often than a common one.
func containsAt(s, sub string, k int) bool {
	c := sub[k]
	for i := k; i < len(s); {
		j := strings.IndexByte(s[i:], c)
		if j < 0 {
			return false
		}
		if p := i + j - k; p+len(sub) <= len(s) && s[p:p+len(sub)] == sub {
			return true
		}
		i += j + 1
	}
	return false
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

var formerCues = []string{"former ", "ex-", "formerly", "retired ", "demobilized ", "demobilised ", "discharged ", "used to work", "worked for", "worked at", "worked as",
	"worked in", "served as", "served in", "served with", "defected from", "retired from", "a defector who",
	"once worked", "removed as", "dismissed as", "fired as"}

// notLeading words end the phrase a former-employer cue begins: "a former
// police officer said state security agents …".
var notLeading = map[string]bool{"said": true, "says": true, "told": true, "claimed": true, "reported": true,
	"that": true, "and": true, "but": true, "who": true, "while": true, "when": true, "saying": true,
	"explained": true, "added": true, "noted": true, "recalled": true, "believes": true, "thinks": true,
	"is": true, "was": true, "were": true, "are": true, "has": true, "had": true}

var orderCues = []string{"ordered", "told", "instructed", "directed", "urged", "called on", "commanded",
	"tasked", "ordering", "instructing", "telling", "orders", "instructs"}

// pairSet is the set of the byte pairs of a text, each byte taken by its
// low five bits (a letter whatever its case, space as 0). A phrase can only
// occur in a text that holds all its pairs: one pass over a short window
// rules out most of a list of phrases before any search.
type pairSet [32]uint32

func pairSetOf(s string) pairSet {
	var p pairSet
	for i := 1; i < len(s); i++ {
		p[s[i-1]&31] |= 1 << (s[i] & 31)
	}
	return p
}

// bytePair is a pair of bytes, each by its low five bits.
type bytePair struct{ a, b uint8 }

// holdsAll reports whether every pair of a phrase (pairsOf) is in p.
func (p *pairSet) holdsAll(pairs []bytePair) bool {
	for _, x := range pairs {
		if p[x.a]&(1<<x.b) == 0 {
			return false
		}
	}
	return true
}

// pairsOf returns the byte pairs of a phrase, those of rare letters first
// so that holdsAll mostly stops at the first.
func pairsOf(phrase string) []bytePair {
	const byFrequency = " etaoinshrdlcumwfgypbvkjxqz"
	rank := func(c byte) int { return strings.IndexByte(byFrequency, c) }
	var pairs []bytePair
	for i := 1; i < len(phrase); i++ {
		pairs = append(pairs, bytePair{phrase[i-1] & 31, phrase[i] & 31})
	}
	score := func(i int) int { return rank(phrase[i]) + rank(phrase[i+1]) }
	order := make([]int, len(pairs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return score(y) - score(x) })
	sorted := make([]bytePair, len(pairs))
	for k, i := range order {
		sorted[k] = pairs[i]
	}
	return sorted
}

// formerCuePairs are the pairs of each former cue, formerCueRarest the
// first of them.
var formerCuePairs, formerCueRarest = func() ([][]bytePair, []bytePair) {
	ps := make([][]bytePair, len(formerCues))
	rarest := make([]bytePair, len(formerCues))
	for k, f := range formerCues {
		ps[k] = pairsOf(f)
		rarest[k] = ps[k][0]
	}
	return ps, rarest
}()

var passingBefore = []string{"confused with", "distinguished from", "known as", "also called", "referred to as",
	"renamed", "successor to", "predecessor of", "formerly called", "abbreviated", "posts in", "join",
	"joined", "joining", "enlist in", "enlisted in", "apply to", "applied to", "relatives in", "relative in",
	"records of", "files of", "archives of", "database of", "register of",
	"family in", "jobs in", "job in", "career in", "careers in", "unlike", "compared with", "compared to"}

// passingBeforeByLast holds passingBefore by last byte: only those can end
// the words before a mention.
var passingBeforeByLast = func() (t [256][]string) {
	for _, p := range passingBefore {
		t[p[len(p)-1]] = append(t[p[len(p)-1]], p)
	}
	return t
}()

var passingAfter = []string{"keeping their heads down", "keep their heads down", "kept their heads down",
	"keeping a low profile", "keep a low profile", "kept a low profile", "lying low", "refrained",
	"refraining", "are refrain", "have refrained"}

var auxWords = map[string]bool{"was": true, "were": true, "has": true, "have": true, "had": true, "been": true,
	"be": true, "being": true, "is": true, "are": true, "also": true, "already": true, "reportedly": true,
	"recently": true, "later": true, "then": true, "since": true, "got": true, "get": true, "all": true,
	"now": true, "both": true, "themselves": true, "not": true, "never": true}

// passiveAux make the participle after them passive: "was arrested", not "have arrested".
var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "being": true, "got": true, "get": true,
	"is": true, "are": true, "be": true}

var targetVerbs = map[string]bool{"arrested": true, "detained": true, "purged": true, "dismissed": true,
	"executed": true, "fired": true, "removed": true, "sacked": true, "punished": true, "investigated": true,
	"replaced": true, "demoted": true, "expelled": true, "sentenced": true, "jailed": true, "imprisoned": true,
	"taken": true, "caught": true, "questioned": true, "interrogated": true, "inspected": true,
	"audited": true, "disciplined": true, "reprimanded": true, "shot": true, "banished": true, "exiled": true,
	"affected": true, "targeted": true, "spared": true, "touched": true, "searched": true, "summoned": true}

// targetBefore are the words before a list of organs that make them its
// object, keyed by their first word.
var targetBefore = map[string][]string{
	"went": {"went through"}, "investigated": {""}, "investigation": {"investigation of", "investigation into"},
	"examined": {""}, "inspected": {""}, "inspection": {"inspection of"}, "probe": {"probe into", "probe of"},
	"purge": {"purge of"}, "purged": {""}, "audited": {""}, "sacked": {""}, "sack": {""}, "dismissed": {""},
	"fired": {""}, "punished": {""}, "crackdown": {"crackdown on", "crackdown within"},
	"arrest": {"arrest of"}, "detention": {"detention of"}, "dismissal": {"dismissal of"},
	"execution": {"execution of"}, "punishment": {"punishment of"},
}

// isClauseBreak reports whether w ends the reach of a target cue.
func isClauseBreak(w string) bool {
	switch w {
	case "who", "which", "that", "while", "but", "said", "says":
		return true
	}
	return false
}

// trimCue is strings.Trim(w, ",:\"'") for the ASCII cut set, without
// building the set on every call.
func trimCue(w string) string {
	cut := func(c byte) bool { return c == ',' || c == ':' || c == '"' || c == '\'' }
	for len(w) > 0 && cut(w[0]) {
		w = w[1:]
	}
	for len(w) > 0 && cut(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	return w
}

// trimPunct is strings.Trim(w, ",;:\"'"), as trimCue.
func trimPunct(w string) string {
	cut := func(c byte) bool { return c == ',' || c == ';' || c == ':' || c == '"' || c == '\'' }
	for len(w) > 0 && cut(w[0]) {
		w = w[1:]
	}
	for len(w) > 0 && cut(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	return w
}

// wordShapes are the length, first and last byte of each word of a map
// (words of under 16 bytes): most words of a text fail them without the
// hashing of a map lookup.
type wordShapes [16][32]uint32

func shapesOf[V any](words map[string]V) *wordShapes {
	var s wordShapes
	for w := range words {
		s[len(w)][w[0]&31] |= 1 << (w[len(w)-1] & 31)
	}
	return &s
}

// may reports whether w may be one of the words.
func (s *wordShapes) may(w string) bool {
	return len(w) > 0 && len(w) < 16 && s[len(w)][w[0]&31]&(1<<(w[len(w)-1]&31)) != 0
}

var targetShapes, auxShapes, passiveShapes = shapesOf(targetBefore), shapesOf(auxWords), shapesOf(passiveAux)

// hasModifierBreak is strings.ContainsAny(w, ",;:\"()"), the punctuation
// that ends a modifier, without building the set on every call.
func hasModifierBreak(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case ',', ';', ':', '"', '(', ')':
			return true
		}
	}
	return false
}

// isCueCut marks the bytes trimCue cuts.
var isCueCut = [256]bool{',': true, ':': true, '"': true, '\'': true}

// targetCueBefore reports whether s (lower case, ending just before an
// organ) holds a target cue with no clause break after it.
func targetCueBefore(s string) bool {
	end := len(s)
	for end > 0 {
		i := lastSpace(s[:end]) + 1
		w := s[i:end]
		if w == "" {
			end = i - 1
			continue
		}
		if w[len(w)-1] == ';' {
			return false
		}
		if isCueCut[w[0]] || isCueCut[w[len(w)-1]] {
			w = trimCue(w)
		}
		if isClauseBreak(w) {
			return false
		}
		if targetShapes.may(w) {
			phrases := targetBefore[w]
			for _, p := range phrases {
				if p == "" || strings.HasPrefix(s[i:], p) {
					return true
				}
			}
		}
		end = i - 1
	}
	return false
}

// markKorean marks 전직 보위원, 보위부 출신 (Former) and 보위원이 체포됐다 (Target).
func markKorean(text string, sm *sentenceMarks, mn *Mention) {
	start, end := mn.Span[0], mn.Span[1]
	before := text[max(0, start-12):start]
	tb := strings.TrimRight(before, " ")
	if strings.HasSuffix(tb, "전직") || strings.HasSuffix(before, "전 ") {
		mn.Former = true
	}
	// 제대군인, 퇴직한 보위원: a discharged or retired member.
	for _, f := range koFormerBefore {
		if strings.HasSuffix(tb, f) {
			mn.Former = true
		}
	}
	after := text[end:min(len(text), end+60)]
	a := strings.TrimLeft(after, " ")
	if koFormerAfter.startsAny(a) || koFormerAfter.startsAny(strings.TrimPrefix(a, "들")) {
		mn.Former = true
	}
	// Subject particle then a passive or target noun: 보위원이 체포됐다, 보안서장이 해임됐다.
	// 보위부 간부들이 처벌받았다: the organ's people before the particle.
	rest := a
	for _, n := range koPeopleAfter {
		rest = strings.TrimPrefix(rest, n)
	}
	for _, p := range koSubjectParticles {
		if strings.HasPrefix(rest, p) && koTargetNouns.startsAny(rest[len(p):min(len(rest), len(p)+24)]) {
			mn.Target = true
		}
	}
	// Both phrases end in " 검열": one search rules out most windows.
	if w := after[:min(len(after), 40)]; strings.Contains(w, " 검열") && (strings.Contains(w, "을 검열") || strings.Contains(w, "를 검열")) {
		mn.Target = true
	}
	// 보위원의 아내, 인민군 창건일, 보위부 앞: a relative of its people, its
	// anniversary or its building; 보위부에 넘기겠다고 위협했다: only where a
	// threat would send someone; 중앙당이 보위부에 단속을 지시했다: it receives
	// an order from above. The organ does nothing there.
	if koPassingAfter.startsAny(rest) {
		mn.Passing = true
	}
	// 보위부에 넘겨졌다는 말도 있지만 확인되지 않았다: an unconfirmed rumour.
	// Led by 인's last byte, rarer than any syllable's first.
	if containsAt(sm.after(text, end, 200), "확인되지 않", 5) {
		mn.Passing = true
	}
}

var koFormerBefore = []string{"제대", "퇴직한", "전역한", "은퇴한", "퇴직"}

var koFormerAfter = newPrefixSet("출신", "에서 일했", "에서 근무했", "에서 복무했", "에 근무했", "에 복무했", "였던", "이었던")

// koPeopleAfter are stripped in this order before a particle.
var koPeopleAfter = []string{" 간부", "간부", " 일꾼", "일꾼", "부장", "소장", "서장", " 책임자", "책임자", "들"}

var koSubjectParticles = []string{"이 ", "가 ", "은 ", "는 ", "도 "}

var koTargetNouns = newPrefixSet("체포", "해임", "철직", "처형", "처벌", "숙청", "구속", "검열을 받", "조사를 받", "구류", "단속되", "적발되")

var koPassingAfter = newPrefixSet(
	"의 아내", "의 남편", "의 부인", "의 아들", "의 딸", "의 가족", "의 친척", "의 부모",
	"의 자녀", " 가족", "가족", " 창건", "창건일", " 창립", "의 날", " 앞", "앞을", "앞에서", " 건물", " 청사", "청사",
	"에 넘기겠", "에 넘길", "로 넘기겠", "로 넘길", "에 보내겠", "로 보내겠", "에 보낼", "로 보낼",
	"에 지시", "에게 지시", "에 명령", "에게 명령", "에 하달", "에게 하달")

// prefixSet tells whether a text starts with one of a list of phrases of
// three bytes or more (a syllable), comparing only the phrases that share
// the text's first three bytes.
type prefixSet struct {
	heads  []uint32   // the first three bytes of each group's phrases
	groups [][]string // the phrases, grouped by their first three bytes
}

func newPrefixSet(phrases ...string) prefixSet {
	var p prefixSet
	for _, ph := range phrases {
		if len(ph) < 3 {
			panic("agency: prefixSet phrase shorter than three bytes: " + ph)
		}
		h := head3(ph)
		k := slices.Index(p.heads, h)
		if k < 0 {
			k = len(p.heads)
			p.heads = append(p.heads, h)
			p.groups = append(p.groups, nil)
		}
		p.groups[k] = append(p.groups[k], ph)
	}
	return p
}

func head3(s string) uint32 { return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 }

// startsAny reports whether s starts with one of the set's phrases.
func (p *prefixSet) startsAny(s string) bool {
	if len(s) < 3 {
		return false
	}
	h := head3(s)
	for k, x := range p.heads {
		if x == h {
			for _, ph := range p.groups[k] {
				if strings.HasPrefix(s, ph) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// Acting returns the codes of the organs whose people act in text — in
// its incidents or habitually — in order of first acting mention. A mention
// counts unless it is Former, Target or Passing; a joint inspection group
// adds OTHER only when none of its member organs is named acting.
func Acting(text string, ms []Mention) []string {
	var out []string // also the codes seen: a handful at most
	composite := false
	for _, mn := range ms {
		if mn.Former || mn.Target || mn.Passing || mn.Span[0] < 0 || mn.Span[0] > mn.Span[1] || mn.Span[1] > len(text) {
			continue
		}
		if mn.Code == other && isComposite(text[mn.Span[0]:mn.Span[1]]) {
			composite = true
			continue
		}
		if !slices.Contains(out, mn.Code) {
			out = append(out, mn.Code)
		}
	}
	if composite && len(out) == 0 {
		out = append(out, other)
	}
	return out
}

func isComposite(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "inspection") || strings.Contains(s, "합동") || strings.Contains(s, "검열")
}
