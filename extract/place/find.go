package place

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"casebook"
	"casebook/extract/internal/ascii"
)

// cand is a match before North Korean context is checked.
type cand struct {
	span   casebook.Span
	spell  int32
	gov    bool
	nkNear bool // "North Korea" / 북한 just before it
}

func isHangul(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func (t *gazTables) find(text string, runs []ascii.Run) []Mention {
	var cands []cand
	var buf [16]hit
	prevAlnum, prevHangul := false, false
	i := 0 // where reading goes on: a match may end inside or past a run
	for _, r := range runs {
		start, end := int(r.Start), int(r.End)
		if end <= i {
			continue
		}
		if start > i {
			// Only spaces and ASCII punctuation lie between runs.
			prevAlnum, prevHangul = false, false
			i = start
		}
		switch r.Kind {
		case ascii.Letters, ascii.Digits:
			// A spelling starts only at a word start; none starts inside a
			// word, so the rest of the run is skipped.
			if r.Kind == ascii.Letters && i == start && !prevAlnum && (r.Tri == ascii.NoTri || t.wordTri[r.Tri>>6]&(1<<(r.Tri&63)) != 0) && t.wordMayStart(text, r) && t.mayStart(text, i) {
				if cd, mend, ok := t.matchLatin(text, i, buf[:0]); ok {
					cands = append(cands, cd)
					i, prevAlnum, prevHangul = mend, true, false
					continue
				}
			}
			i, prevAlnum, prevHangul = end, true, false
		case ascii.NonASCII:
			for i < end {
				var r rune
				var size int
				// Hangul (U+A000–U+D7FF) decoded inline, the rest by utf8: same result.
				if c0 := text[i]; c0-0xEA < 4 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 && (c0 != 0xED || text[i+1] < 0xA0) {
					r, size = rune(c0&0x0F)<<12|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F), 3
				} else {
					r, size = utf8.DecodeRuneInString(text[i:])
				}
				switch {
				case isHangul(r):
					if !prevHangul && t.koFirst[(r-0xAC00)>>6]&(1<<((r-0xAC00)&63)) != 0 {
						if cd, mend, ok := t.matchKorean(text, i, buf[:0]); ok {
							cands = append(cands, cd)
							i, prevAlnum, prevHangul = mend, true, true
							continue
						}
					}
					prevAlnum, prevHangul = true, true
				case unicode.IsLetter(r) || unicode.IsDigit(r):
					if !prevAlnum && diacriticBase(r) != 0 {
						if cd, mend, ok := t.matchLatin(text, i, buf[:0]); ok {
							cands = append(cands, cd)
							i, prevAlnum, prevHangul = mend, true, false
							continue
						}
					}
					prevAlnum, prevHangul = true, false
				default:
					prevAlnum, prevHangul = false, false
				}
				i += size
			}
		default:
			prevAlnum, prevHangul = false, false
			i = end
		}
	}
	if len(cands) == 0 {
		return nil
	}
	return t.resolve(text, cands)
}

// asciiClass is 0 for ASCII characters that separate words, 1 for digits,
// 2 for letters.
var asciiClass = func() [128]uint8 {
	var a [128]uint8
	for c := 0; c < 128; c++ {
		switch {
		case '0' <= c && c <= '9':
			a[c] = 1
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			a[c] = 2
		}
	}
	return a
}()

// foldFirst is the folded first byte of a word starting with an ASCII
// letter, to skip words no spelling starts with without walking.
var foldFirst = func() [256]byte {
	var f [256]byte
	for c := 0; c < 256; c++ {
		b := byte(c)
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		switch b {
		case 'b':
			b = 'p'
		case 'g':
			b = 'k'
		case 'd':
			b = 't'
		case 'j':
			b = 'c'
		}
		f[c] = b
	}
	return f
}()

// mayStart is a cheap filter before a walk at word start i (an ASCII
// letter): some spelling must begin with the first three bytes the folder
// makes of the text there, or be the one or two bytes before a word's end;
// and then with its first five (hashed), or be the three or four before.
// Those bytes are folded here as the folder does for ASCII letters (b→p,
// g→k, d→t, j→ch, e before o/u dropped, h after s/h dropped), spaces and
// periods; anything else before three bytes (a hyphen, an apostrophe, a
// diacritic, the end of the text) passes. (A spelling matched short of
// three bytes with a letter after it is no match: a word must end there.)
func (t *gazTables) mayStart(text string, i int) bool {
	if t.trie.root[foldFirst[text[i]]] == 0 && text[i]|0x20 != 'e' {
		return false
	}
	var k, n int
	h := uint32(fnvOffset) // of every folded byte so far, for the fourth and fifth
	last := uint8(fcOther)
	pendingH := false // j folds to c then h
	for j := i; n < 5; {
		var c uint8
		if pendingH {
			c, pendingH = 'h'-'a', false
		} else {
			if j >= len(text) {
				return true
			}
			c = foldClass[text[j]]
			j++
			switch {
			case c < 26:
			case c == fcE:
				c = 'e' - 'a'
				if j < len(text) {
					if x := text[j]; x >= utf8.RuneSelf {
						return true // ŏ, ŭ: the folder drops this e
					} else if x|0x20 == 'o' || x|0x20 == 'u' {
						continue
					}
				}
			case c == fcH:
				if last == 's'-'a' || last == 'h'-'a' {
					continue
				}
				c = 'h' - 'a'
			case c == fcJ:
				c, pendingH = 'c'-'a', true
			case c == fcSpace || c == fcDot:
				if c == fcSpace {
					if last == 26 {
						continue // runs of spaces fold to one
					}
					c = 26
				} else {
					c = 27
				}
				// A spelling may end before this byte.
				if n < 3 && t.short[k>>6]&(1<<(k&63)) != 0 || n >= 3 && t.short45.holds(hashEnd(h)) {
					return true
				}
			default:
				return true
			}
		}
		last = c
		h = (h ^ uint32(c)) * fnvPrime
		n++
		if n <= 3 {
			k = k*28 + int(c)
		}
		if n == 3 {
			if t.tri[k>>6]&(1<<(k&63)) == 0 {
				return false
			}
			if t.loose[k>>6]&(1<<(k&63)) != 0 {
				return true // a spelling goes on with a byte mayStart does not fold
			}
		}
	}
	return t.first5.holds(hashEnd(h))
}

const fnvOffset, fnvPrime = 2166136261, 16777619

func hashEnd(h uint32) uint32 { return (h ^ h>>16) & 0xFFFF }

// hashBits is a set of 16-bit hashes.
type hashBits [1 << 16 / 64]uint64

func (b *hashBits) add(h uint32)        { b[h>>6] |= 1 << (h & 63) }
func (b *hashBits) holds(h uint32) bool { return b[h>>6]&(1<<(h&63)) != 0 }

// Classes of foldClass beside the folded letters 0–25.
const (
	fcE = 26 + iota
	fcH
	fcJ
	fcSpace
	fcDot
	fcOther
)

// foldClass is, per byte, the folded letter (0–25 for a–z after b→p, g→k,
// d→t) or the class mayStart treats apart.
var foldClass = func() (t [256]uint8) {
	for c := range t {
		b := byte(c)
		switch {
		case 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z':
			switch b | 0x20 {
			case 'e':
				t[c] = fcE
			case 'h':
				t[c] = fcH
			case 'j':
				t[c] = fcJ
			default:
				t[c] = foldFirst[b|0x20] - 'a'
			}
		case b == ' ' || b == '\t':
			t[c] = fcSpace
		case b == '.':
			t[c] = fcDot
		default:
			t[c] = fcOther
		}
	}
	return t
}()

// matchLatin matches a romanised spelling at word start i.
func (t *gazTables) matchLatin(text string, i int, hits []hit) (cand, int, bool) {
	hits = t.trie.walk(text, i, hits)
	for k := len(hits) - 1; k >= 0; k-- {
		h := hits[k]
		sp := &t.spells[h.spell]
		if sp.korean || !latinEnd(text, h.end) || sp.needSuffix {
			continue
		}
		if !sp.suffixed && !t.bareLatinOK(text, i, h.end, sp) {
			continue
		}
		end := t.extendAlt(text, h.end, sp)
		return cand{span: casebook.Span{i, end}, spell: h.spell, gov: government(text, i, end, sp),
			nkNear: nkNear(text, i)}, end, true
	}
	return cand{}, 0, false
}

// latinEnd reports whether a romanised name may end at i: no letter or digit follows.
func latinEnd(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	c := text[i]
	if c < utf8.RuneSelf {
		return !isASCIIAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// bareLatinOK checks a romanised name without a unit suffix against what
// follows and precedes it: a neighbourhood (Kangan-dong), a facility named
// after a ward (Sunam Market), a person (Kim Song Hwa).
func (t *gazTables) bareLatinOK(text string, start, end int, sp *spelling) bool {
	next := nextWord(text, end)
	switch strings.ToLower(next) {
	case "dong", "ri", "gil", "ro", "eup", "myeon", "myon":
		return false // a neighbourhood or street of that name, not the unit
	}
	lowKind := true
	for _, id := range sp.ids {
		switch gazetteer[id].kind {
		case "district", "workers_district", "town":
		default:
			lowKind = false
		}
	}
	if lowKind && facilities[strings.ToLower(next)] || notPlaces[strings.ToLower(next)] {
		return false
	}
	if prev := prevWord(text, start); surnames[prev] {
		return false
	}
	// A given name: "Kim Hye-san" hyphenates, but "Pak Sunam" needs the
	// check above; a lower-case hyphenated tail is a person's given name.
	if end < len(text) && text[end] == '-' && end+1 < len(text) && 'a' <= text[end+1] && text[end+1] <= 'z' {
		w := nextWord(text, end)
		if len(w) <= 4 && !strings.EqualFold(w, "si") && !strings.EqualFold(w, "gun") && !strings.EqualFold(w, "kun") && !strings.EqualFold(w, "do") && !strings.EqualFold(w, "gu") {
			return false
		}
	}
	return true
}

// facilities are nouns that make a ward's name the name of a facility.
var facilities = setOf("market", "mine", "station", "street", "hotel", "bridge", "school", "prison",
	"camp", "farm", "factory", "complex", "port", "harbor", "harbour", "river", "mountain", "stream",
	"band", "orchestra", "university", "hospital", "company", "corporation", "restaurant")

// notPlaces after any unit's name make it the name of something else:
// the Samjiyon Orchestra, Taedonggang beer, the Taedong River.
var notPlaces = setOf("orchestra", "band", "ensemble", "troupe", "brand", "beer", "cigarettes",
	"river", "bay", "lake", "mountain", "mountains", "island", "islands", "tractor", "tractors")

// surnames are Korean family names as romanised in English reports; a bare
// place name right after one is a person's given name.
var surnames = setOf("Kim", "Ri", "Rhee", "Lee", "Yi", "Pak", "Park", "Choe", "Choi", "Jang", "Chang",
	"Kang", "Han", "Jo", "Cho", "Yun", "Yoon", "Hwang", "Ryu", "Yu", "Yoo", "Jong", "Jeong", "Chung",
	"Chong", "An", "Ahn", "Song", "Hong", "Mun", "Moon", "Son", "Sin", "Shin", "Kwon", "Ko", "Nam",
	"Oh", "O", "Paek", "Baek", "Ryom", "Rim", "Im", "Lim", "Kye", "Ju", "Hyon", "Hyun", "Chae", "Yang",
	"Ra", "Na", "Ji", "Chon", "Jon", "Jeon", "Sim", "Um", "Tak", "Mr", "Mrs", "Ms", "Miss", "Dr")

// nextWord returns the letters of the word after end, skipping one space or
// hyphen.
func nextWord(text string, end int) string {
	i := end
	if i < len(text) && (text[i] == ' ' || text[i] == '-') {
		i++
	}
	j := i
	for j < len(text) && (isASCIIAlnum(text[j])) {
		j++
	}
	return text[i:j]
}

// prevWord returns the ASCII word before start, skipping one space or a
// "Mr. " style dot.
func prevWord(text string, start int) string {
	j := start
	if j > 0 && text[j-1] == ' ' {
		j--
	} else {
		return ""
	}
	if j > 0 && text[j-1] == '.' {
		j--
	}
	i := j
	for i > 0 && isASCIIAlnum(text[i-1]) {
		i--
	}
	return text[i:j]
}

// extendAlt widens a match over a bracketed other name and a suffix:
// "Kimjongsuk (Sinpa) County".
func (t *gazTables) extendAlt(text string, end int, sp *spelling) int {
	i := end
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) || text[i] != '(' {
		return end
	}
	var buf [8]hit
	hits := t.trie.walk(text, i+1, buf[:0])
	for k := len(hits) - 1; k >= 0; k-- {
		h := hits[k]
		if h.end >= len(text) || text[h.end] != ')' || !shareID(&t.spells[h.spell], sp) {
			continue
		}
		end = h.end + 1
		w := nextWord(text, end)
		switch strings.ToLower(w) {
		case "county", "city", "district", "province", "gun", "kun", "si":
			if text[end] == ' ' || text[end] == '-' {
				end += 1 + len(w)
			}
		}
		return end
	}
	return end
}

func shareID(a, b *spelling) bool {
	for _, x := range a.ids {
		for _, y := range b.ids {
			if x == y {
				return true
			}
		}
	}
	return false
}

// matchKorean matches a Hangul name at the start of a Hangul word; the rest
// of the word must be particles or a few nouns (회령시에서, 혜산시당).
func (t *gazTables) matchKorean(text string, i int, hits []hit) (cand, int, bool) {
	hits = t.trie.walk(text, i, hits)
	for k := len(hits) - 1; k >= 0; k-- {
		h := hits[k]
		sp := &t.spells[h.spell]
		if !sp.korean || sp.needSuffix {
			continue
		}
		wend := h.end
		for wend < len(text) {
			r, size := utf8.DecodeRuneInString(text[wend:])
			if !isHangul(r) {
				break
			}
			wend += size
		}
		if !koTailOK(text[h.end:wend], 0) {
			continue
		}
		return cand{span: casebook.Span{i, h.end}, spell: h.spell, nkNear: nkNear(text, i),
			gov: koGovernment(text, h.end, wend, sp)}, wend, true
	}
	return cand{}, 0, false
}

// koParticles are the particles and endings that may follow a place name
// inside one Hangul word.
var koParticles = []string{
	"에서부터", "으로부터", "에서는", "에서도", "에서의", "으로는", "으로의", "까지는", "부터는",
	"에서", "에게", "으로", "까지", "부터", "이나", "이라", "이며", "이고", "에선", "에는", "에도",
	"로는", "로의", "처럼", "보다", "과는", "와는", "이다", "이었다", "였다", "이란", "이라는", "라는",
	"은", "는", "이", "가", "을", "를", "의", "에", "서", "로", "와", "과", "도", "만", "나", "엔", "인", "란",
}

// koNouns may be written onto a place name: its organs, its area.
var koNouns = []string{
	"당위원회", "인민위원회", "보위부", "안전부", "보안서", "보안부", "보안소", "검찰소", "재판소",
	"당", "역", "세관", "일대", "지역", "시내", "읍", "인근", "근처", "주변", "소재", "출신", "쪽", "내", "주민", "주민들",
}

// koTailOK reports whether tail, the rest of the Hangul word after a name,
// is a noun from koNouns and/or a chain of particles.
func koTailOK(tail string, depth int) bool {
	if tail == "" {
		return true
	}
	if depth > 3 {
		return false
	}
	if depth == 0 {
		for _, n := range koNouns {
			if strings.HasPrefix(tail, n) && koTailOK(tail[len(n):], 1) {
				return true
			}
		}
	}
	for _, p := range koParticles {
		if strings.HasPrefix(tail, p) && koTailOK(tail[len(p):], depth+1) {
			return true
		}
	}
	return false
}

// koGovernment reports whether a Hangul mention of the capital stands for
// the state: 평양 당국, 평양의 지시, 평양에서 내려온 방침.
func koGovernment(text string, end, wend int, sp *spelling) bool {
	if len(sp.ids) != 1 || gazetteer[sp.ids[0]].id != "pyongyang" {
		return false
	}
	tail := text[end:wend]
	if tail != "" && tail != "의" && tail != "은" && tail != "는" && tail != "이" && tail != "에서" {
		return false
	}
	next := strings.TrimLeft(text[wend:min(len(text), wend+30)], " ")
	if tail == "에서" {
		next = strings.TrimPrefix(strings.TrimPrefix(next, "내려온 "), "내려보낸 ")
	}
	for _, w := range []string{"당국", "지시", "결정", "명령", "방침", "정책", "정권", "지도부"} {
		if strings.HasPrefix(next, w) {
			return true
		}
	}
	return false
}

// southNear reports whether a name is marked as South Korea's: 남한 강원도,
// 한국 강원도 춘천, "Kangwon Province, South Korea", "South Korea's Kangwon
// Province". A name both Koreas use (강원도, 고성, 철원) is then the South's,
// whatever North Korean places the text names elsewhere.
func southNear(text string, sp casebook.Span) bool {
	before := strings.TrimRight(text[max(0, sp[0]-20):sp[0]], " ")
	for _, w := range []string{"남한", "한국", "남측", "대한민국", "South Korea's", "South Korean"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	after := text[sp[1]:min(len(text), sp[1]+40)]
	for _, sfx := range []string{"도", "군", "시", " Province", " province", " County", " county", " City", " city"} {
		if strings.HasPrefix(after, sfx) {
			after = after[len(sfx):]
			break
		}
	}
	if strings.HasPrefix(after, ", South Korea") || strings.HasPrefix(after, " in South Korea") {
		return true
	}
	// 강원도 춘천: a South Korean city right after the province.
	after = strings.TrimLeft(after, " ")
	for _, c := range southCities {
		if strings.HasPrefix(after, c) {
			return true
		}
	}
	return false
}

// southCities are cities and counties of South Korea's Gangwon, the one
// province both Koreas name alike: one of them right after it marks it.
var southCities = []string{"춘천", "원주", "강릉", "속초", "동해", "삼척", "태백", "홍천", "횡성", "평창",
	"정선", "영월", "인제", "양구", "화천", "양양", "Chuncheon", "Wonju", "Gangneung", "Sokcho",
	"Donghae", "Samcheok", "Taebaek", "Hongcheon", "Pyeongchang", "Yanggu", "Hwacheon", "Yangyang"}

// nkNear reports whether "North Korea" or 북한 comes just before i, as in
// "North Korea's Kangwon Province".
func nkNear(text string, i int) bool {
	lo := max(0, i-24)
	w := text[lo:i]
	return strings.Contains(w, "North Korea") || strings.Contains(w, "북한") || strings.Contains(w, "DPRK")
}

// government reports whether a mention of the capital stands for the state:
// "Pyongyang decided", "Pyongyang's policy", "orders from Pyongyang",
// "talks between Seoul and Pyongyang".
func government(text string, start, end int, sp *spelling) bool {
	if sp.suffixed || len(sp.ids) != 1 || gazetteer[sp.ids[0]].id != "pyongyang" {
		return false
	}
	rest := text[end:min(len(text), end+80)]
	poss := false
	for _, ap := range []string{"'s ", "’s ", "' "} {
		if strings.HasPrefix(rest, ap) {
			rest, poss = rest[len(ap):], true
			break
		}
	}
	if !poss {
		rest = strings.TrimPrefix(rest, " ")
	}
	w := strings.ToLower(firstWord(rest))
	if poss && govNouns[w] {
		return true
	}
	if !poss && (govVerbs[w] || govNouns[w] && w != "nuclear") {
		return true
	}
	// "if Pyongyang were to reopen the border", "Pyongyang will not allow",
	// "Pyongyang does not want": a modal or do-support makes the capital a
	// will that acts; "Pyongyang will be flooded" stays a place.
	if !poss && (w == "won" || w == "wouldn" || w == "doesn" || w == "didn") {
		after := rest[len(w):]
		return strings.HasPrefix(after, "'t") || strings.HasPrefix(after, "’t")
	}
	if !poss && modals[w] {
		ws := strings.Fields(rest)
		next := ""
		if len(ws) > 1 {
			next = strings.ToLower(strings.Trim(ws[1], ",.;:\"'"))
		}
		if w == "were" || w == "was" {
			return next == "to"
		}
		return next != "be" && next != ""
	}
	// "Pyongyang is moving in step", "Pyongyang has ordered": the capital as
	// the doer of an act; "Pyongyang was flooded" stays a place.
	if !poss {
		ws := strings.Fields(rest)
		aux := ""
		for k := 0; k < len(ws) && k < 4; k++ {
			x := strings.ToLower(strings.Trim(ws[k], ",.;:\"'"))
			switch x {
			case "is", "was", "are", "has", "had", "have", "been", "also", "now", "reportedly", "apparently", "already", "still", "recently":
				if aux == "" || x == "is" || x == "was" || x == "has" || x == "had" {
					aux = x
				}
				continue
			}
			switch aux {
			case "is", "was", "been":
				return strings.HasSuffix(x, "ing") && len(x) > 5
			case "has", "had", "have":
				return strings.HasSuffix(x, "ed") || govVerbs[x]
			}
			break
		}
	}
	// "between Seoul and Pyongyang", "Pyongyang and Beijing"
	before := text[max(0, start-40):start]
	if strings.HasSuffix(before, " and ") || strings.HasSuffix(before, ", ") {
		for _, c := range capitals {
			if strings.Contains(before, c) {
				return true
			}
		}
	}
	if w == "and" {
		after := strings.TrimPrefix(rest, "and ")
		for _, c := range capitals {
			if strings.HasPrefix(after, c) {
				return true
			}
		}
	}
	// "authorities in Pyongyang", "the regime in Pyongyang"
	for _, p := range []string{"authorities in ", "leadership in ", "regime in ", "government in ", "leaders in "} {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	// "orders from Pyongyang", "instructions handed down by Pyongyang"
	if strings.HasSuffix(before, "from ") || strings.HasSuffix(before, "by ") {
		lb := strings.ToLower(before)
		for _, o := range []string{"order", "directive", "instruction", "decree", "command", "pressure", "approval"} {
			if strings.Contains(lb, o) {
				return true
			}
		}
	}
	return false
}

func firstWord(s string) string {
	i := 0
	for i < len(s) && (isASCIIAlnum(s[i])) {
		i++
	}
	return s[:i]
}

var capitals = []string{"Seoul", "Beijing", "Washington", "Tokyo", "Moscow"}

// modals before a verb make the capital the state that wills or does it;
// "were"/"was" count only in "were to".
var modals = setOf("will", "would", "could", "can", "cannot", "may", "might", "should", "must",
	"does", "did", "do", "were", "was")

var govVerbs = setOf("decided", "ordered", "announced", "issued", "claims", "claimed", "warned",
	"banned", "insists", "insisted", "refused", "denied", "vowed", "threatened", "responded",
	"sent", "dispatched", "launched", "imposed", "introduced", "declared", "instructed", "demanded",
	"tightened", "stepped", "wants", "wanted", "decides", "orders", "has decided", "appears",
	"regards", "considers", "sees", "views", "fears", "hopes", "seeks", "sought", "rejected",
	"accused", "condemned", "criticized", "criticised", "agreed", "pledged", "promised", "allowed",
	"authorities", "regime", "government", "leadership", "officials")

var govNouns = setOf("policy", "policies", "decision", "decisions", "regime", "government",
	"leadership", "order", "orders", "directive", "directives", "instructions", "stance", "position",
	"response", "approach", "attempt", "attempts", "efforts", "move", "moves", "plan", "plans",
	"intention", "intentions", "demands", "authorities", "rulers", "ban", "rules", "propaganda",
	"nuclear", "missile", "sanctions", "diplomacy", "refusal", "failure", "crackdown", "campaign",
	"strategy", "line", "message", "warning", "threats", "claims", "officials", "leaders", "leader")

// resolve applies North Korean context: a caution place needs its province
// (or another place of it) named elsewhere in the text, a North Korean form
// (-kuyok, 구역) or "North Korea" just before it; a name two places share
// takes the one whose province the text names.
func (t *gazTables) resolve(text string, cands []cand) []Mention {
	anchors := map[string]bool{}
	for _, c := range cands {
		sp := &t.spells[c.spell]
		if c.gov || len(sp.ids) != 1 {
			continue
		}
		r := gazetteer[sp.ids[0]]
		if caution[r.id] {
			continue
		}
		anchors[provinceOf(r)] = true
	}
	// Strong anchors come only from unambiguous names.
	strong := make(map[string]bool, len(anchors))
	for k := range anchors {
		strong[k] = true
	}
	// Kangwon is a province of both Koreas: in a text that names other North
	// Korean places it is the North's (when spelt the North's way), and it
	// then anchors its counties.
	if len(anchors) > 0 {
		for _, c := range cands {
			sp := &t.spells[c.spell]
			r := gazetteer[sp.ids[0]]
			if len(sp.ids) == 1 && r.province == "" && caution[r.id] && !c.gov && !revisedSpelling(text[c.span[0]:c.span[1]]) {
				anchors[r.id] = true
			}
		}
	}
	out := make([]Mention, 0, len(cands))
	for _, c := range cands {
		sp := &t.spells[c.spell]
		// Only a name both Koreas use can be marked as the South's.
		if caution[gazetteer[sp.ids[0]].id] && southNear(text, c.span) {
			continue
		}
		pick := -1
		for _, id := range sp.ids {
			if anchors[provinceOf(gazetteer[id])] {
				pick = int(id)
				break
			}
		}
		first := gazetteer[sp.ids[0]]
		if caution[first.id] && !sp.nkForm && !c.nkNear && revisedSpelling(text[c.span[0]:c.span[1]]) {
			// Gangwon, Gangnam, Hwaseong: the South Korean spelling of a
			// name both Koreas use means the South's, unless the text names
			// the North Korean province around it by unambiguous names.
			pick = -1
			for _, id := range sp.ids {
				if r := gazetteer[id]; r.province != "" && strong[r.province] {
					pick = int(id)
					break
				}
			}
			if pick < 0 {
				continue
			}
		}
		if pick < 0 {
			if caution[first.id] && !sp.nkForm && !c.nkNear {
				continue
			}
			pick = int(sp.ids[0])
		}
		out = append(out, Mention{Span: c.span, ID: gazetteer[pick].id, Government: c.gov})
	}
	return out
}

// provinceOf returns the first-level unit of a row (itself for one).
func provinceOf(r row) string {
	if r.province == "" {
		return r.id
	}
	return r.province
}

// revisedSpelling reports whether a romanised name is in South Korea's
// Revised Romanisation rather than McCune–Reischauer: it starts with g, d,
// b or j, or has eo or eu (Gangwon, Daedong, Hwaseong).
func revisedSpelling(s string) bool {
	if s == "" || s[0] >= utf8.RuneSelf {
		return false
	}
	switch s[0] | 0x20 {
	case 'g', 'd', 'b', 'j':
		return true
	}
	l := strings.ToLower(s)
	return strings.Contains(l, "eo") || strings.Contains(l, "eu")
}

// Classes of the byte after a word of one to three letters, for the word
// filters: mayStart treats every ASCII byte but a letter, a space or tab and
// a period alike.
const (
	followSpace = iota
	followDot
	followOther
	followClasses
)

// followSample is a byte of each class.
var followSample = [followClasses]byte{' ', '.', '0'}

// followClass is the class of an ASCII byte that is not a letter.
var followClass = func() (t [128]uint8) {
	for c := range t {
		t[c] = followOther
	}
	t[' '], t['\t'], t['.'] = followSpace, followSpace, followDot
	return t
}()

// shortIndex numbers a word of one or two ASCII letters for wordShort.
func shortIndex(w string) int {
	if len(w) == 1 {
		return int(w[0] | 0x20 - 'a')
	}
	return 26 + int(w[0]|0x20-'a')*26 + int(w[1]|0x20-'a')
}

// wordMayStart tells from its shape whether mayStart may pass the word of
// run r (ASCII letters) at all: one bit, where mayStart costs a fold. It
// refines wordTri, which the caller tests first (inline) and which holds
// every trigram the other filters hold.
func (t *gazTables) wordMayStart(text string, r ascii.Run) bool {
	n := r.End - r.Start
	if n >= 4 {
		return t.wordTri4[r.Tri>>6]&(1<<(r.Tri&63)) != 0
	}
	if int(r.End) >= len(text) || text[r.End] >= 0x80 {
		// What follows may be read as a letter: only the first three
		// letters tell.
		return n < 3 || t.wordTri[r.Tri>>6]&(1<<(r.Tri&63)) != 0
	}
	class := followClass[text[r.End]]
	if n == 3 {
		return t.wordTri3[class][r.Tri>>6]&(1<<(r.Tri&63)) != 0
	}
	x := shortIndex(text[r.Start:r.End])
	return t.wordShort[class][x>>6]&(1<<(x&63)) != 0
}
