package agency

import (
	"bytes"
	"fmt"
	"go/format"
	"strings"
	"unicode"
	"unicode/utf8"

	"casebook"
	"casebook/extract/internal/ascii"
	"casebook/extract/internal/bytetrie"
	"casebook/extract/internal/gosrc"
)

// entry is what a trie key names.
type entry struct {
	code   string
	person bool
	korean bool
	stem   string // for stem+noun keys: the stem, to check exclusions
	noun   string
}

type matcher struct {
	koFirst [(0xD7A4-0xAC00)/64 + 1]uint64 // first syllables of Korean names
	// For koMayStart, hashed: how every key starting with a syllable goes
	// on, that syllable and the next folded character (a syllable, or a
	// byte); koWhole marks the syllables that are keys by themselves.
	koPairs hashBits
	koWhole [(0xD7A4-0xAC00)/64 + 1]uint64
	tri     [26*26*26/64 + 1]uint64 // first three letters of every key, for mayStart
	// For mayStart, hashed: the first prefixLen bytes of every longer key,
	// and every shorter key whole.
	prefixes, shorts hashBits
	// For runMayStart, hashed: every key's first word, its letters and
	// digits before anything else; open those words a key goes on from in
	// a way a trigram does not tell (or not at all); follows each other
	// first word with the trigram of the word after it (followHash).
	words, open, follows hashBits
	root                 [256]int32
	first                []int32
	count                []uint16
	eb                   []byte
	et                   []int32
	term                 []int32
	entries              []entry
}

// m is what build works out from the names, held in matcher_gen.go (go
// generate writes it, see TestMatcherGenerated) so that start-up does not
// build it.

// foldKey folds a name the way the text is folded while walking.
func foldKey(s string) string {
	var b []byte
	f := folder{s: s}
	for {
		c, _, ok := f.next()
		if !ok {
			break
		}
		b = append(b, c)
	}
	return strings.TrimRight(string(b), " ")
}

// stemSkips are stem+noun pairs that do not name an organ's people.
var stemSkips = map[string]bool{
	"party member": true, "party members": true, "party men": true, "party worker": true, "party workers": true,
	"party head": true, "party staff": true, "party guard": true, "party guards": true,
	"security guard": true, "security guards": true, "security member": true, "security members": true,
	"security worker": true, "security workers": true, "security head": true, "security staff": true,
	"security body": true, "security bodies": true, "security unit": true, "security units": true,
	"security station": true, "security stations": true, "security division": true, "security office": true,
	"safety head": true, "safety member": true, "safety members": true, "safety worker": true,
	"safety workers": true, "safety men": true, "safety staff": true, "safety office": true,
	"safety unit": true, "safety units": true, "safety division": true, "safety guard": true, "safety guards": true,
	"safety organ": true, "safety organs": true, "safety services": true, "safety apparatus": true,
	"military member": true, "military members": true, "military worker": true, "military workers": true,
	"military head": true, "military staff": true, "military body": true, "military bodies": true,
	"military station": true, "military stations": true, "military services": true, "military office": true,
	"military offices": true, "military men": true, "military employee": true, "military employees": true,
	"army member": true, "army members": true, "army worker": true, "army workers": true, "army body": true,
	"court member": true, "court members": true, "court worker": true, "court workers": true, "court men": true,
	"court guard": true, "court guards": true, "court head": true, "court body": true, "court station": true,
	"court unit": true, "court division": true, "court services": true, "court headquarters": true,
	"customs member": true, "customs members": true, "customs men": true, "customs guard": true,
	"national security member": true, "national security members": true,
}

// build works the matcher out from names, stems, people and organs.
func build() *matcher {
	type kv struct {
		key string
		e   entry
	}
	var all []kv
	for _, n := range names {
		k := foldKey(n.text)
		all = append(all, kv{k, entry{code: n.code, person: n.person, korean: hasHangul(n.text)}})
	}
	for _, s := range stems {
		for _, p := range people {
			if stemSkips[s.stem+" "+p] {
				continue
			}
			all = append(all, kv{foldKey(s.stem + " " + p), entry{code: s.code, person: true, stem: s.stem, noun: p}})
		}
		for _, o := range organs {
			if stemSkips[s.stem+" "+o] {
				continue
			}
			all = append(all, kv{foldKey(s.stem + " " + o), entry{code: s.code, stem: s.stem, noun: o}})
		}
	}
	// Whole names win over stem+noun keys of the same spelling: they come first.
	seen := make(map[string]bool, len(all))
	mt := &matcher{}
	keys := make([]string, 0, len(all))
	vals := make([]int32, 0, len(all))
	for _, x := range all {
		if seen[x.key] || x.key == "" {
			continue
		}
		if k := x.key; len(k) >= 3 && isLower(k[0]) && isLower(k[1]) && isLower(k[2]) {
			t := (int(k[0]-'a')*26+int(k[1]-'a'))*26 + int(k[2]-'a')
			mt.tri[t>>6] |= 1 << (t & 63)
		}
		if w := keyWord(x.key); w != "" {
			h := fnvBytes(fnvOffset, w)
			mt.words.add(hashEnd(h))
			next := "" // the key's second word
			if rest := x.key[len(w):]; strings.HasPrefix(rest, " ") {
				next = keyWord(rest[1:])
			}
			if len(next) < 3 || !isLower(next[0]) || !isLower(next[1]) || !isLower(next[2]) {
				mt.open.add(hashEnd(h))
			} else {
				mt.follows.add(followHash(h, (uint16(next[0]-'a')*26+uint16(next[1]-'a'))*26+uint16(next[2]-'a')))
			}
		}
		if k := x.key; len(k) >= prefixLen {
			mt.prefixes.add(prefixHash([]byte(k[:prefixLen])))
		} else {
			mt.shorts.add(prefixHash([]byte(k)))
		}
		if r, _ := utf8.DecodeRuneInString(x.key); isHangul(r) {
			mt.koFirst[(r-0xAC00)>>6] |= 1 << ((r - 0xAC00) & 63)
			switch k := x.key; {
			case len(k) == 3:
				mt.koWhole[(r-0xAC00)>>6] |= 1 << ((r - 0xAC00) & 63)
			case k[3] >= utf8.RuneSelf:
				mt.koPairs.add(pairHash(k[:6]))
			default:
				mt.koPairs.add(pairHash(k[:4]))
			}
		}
		seen[x.key] = true
		keys = append(keys, x.key)
		vals = append(vals, int32(len(mt.entries)))
		mt.entries = append(mt.entries, x.e)
	}
	t := bytetrie.Build(keys, vals)
	mt.root, mt.first, mt.count, mt.eb, mt.et, mt.term = t.Root, t.First, t.Count, t.EB, t.ET, t.Term
	return mt
}

// matcherSource returns the Go source of matcher_gen.go, which holds mt.
func matcherSource(mt *matcher) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by go test -run TestMatcherGenerated -update (go generate); DO NOT EDIT.\n\npackage agency\n\n")
	b.WriteString("var m = &matcher{\n")
	gosrc.Bits(&b, "koFirst", mt.koFirst[:])
	gosrc.Bits(&b, "koPairs", mt.koPairs[:])
	gosrc.Bits(&b, "koWhole", mt.koWhole[:])
	gosrc.Bits(&b, "tri", mt.tri[:])
	gosrc.Bits(&b, "prefixes", mt.prefixes[:])
	gosrc.Bits(&b, "shorts", mt.shorts[:])
	gosrc.Bits(&b, "words", mt.words[:])
	gosrc.Bits(&b, "open", mt.open[:])
	gosrc.Bits(&b, "follows", mt.follows[:])
	gosrc.Ints(&b, "root", "[256]int32", mt.root[:])
	gosrc.Ints(&b, "first", "[]int32", mt.first)
	gosrc.Ints(&b, "count", "[]uint16", mt.count)
	gosrc.Ints(&b, "eb", "[]byte", mt.eb)
	gosrc.Ints(&b, "et", "[]int32", mt.et)
	gosrc.Ints(&b, "term", "[]int32", mt.term)
	b.WriteString("entries: []entry{\n")
	for _, e := range mt.entries {
		fmt.Fprintf(&b, "{code: %q", e.code)
		if e.person {
			b.WriteString(", person: true")
		}
		if e.korean {
			b.WriteString(", korean: true")
		}
		if e.stem != "" {
			fmt.Fprintf(&b, ", stem: %q", e.stem)
		}
		if e.noun != "" {
			fmt.Fprintf(&b, ", noun: %q", e.noun)
		}
		b.WriteString("},\n")
	}
	b.WriteString("},\n}\n")
	return format.Source(b.Bytes())
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

func hasHangul(s string) bool {
	for _, r := range s {
		if isHangul(r) {
			return true
		}
	}
	return false
}

func isHangul(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }

// prefixLen is how many folded bytes mayStart looks at.
const prefixLen = 8

const fnvOffset, fnvPrime = 2166136261, 16777619

// prefixHash hashes up to prefixLen folded bytes into 16 bits (FNV-1a,
// folded): mayStart computes the same byte by byte.
func prefixHash(s []byte) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return hashEnd(h)
}

func hashEnd(h uint32) uint32 { return (h ^ h>>16) & 0xFFFF }

// hashBits is a set of 16-bit hashes.
type hashBits [1 << 16 / 64]uint64

func (b *hashBits) add(h uint32)        { b[h>>6] |= 1 << (h & 63) }
func (b *hashBits) holds(h uint32) bool { return b[h>>6]&(1<<(h&63)) != 0 }

// mayStart is a cheap filter before a walk at word start i: it folds the
// text from i as the folder does for ASCII, and passes when the first
// prefixLen bytes begin some key, or when the bytes before a character that
// is no letter or digit (where a Latin match may end) are a key. Any other
// character (Hangul, a curly apostrophe) passes. The word's first three
// letters are find's to test, by its run's trigram.
func (mt *matcher) mayStart(text string, i int) bool {
	if mt.root[lower(text[i])] == 0 {
		return false
	}
	// The hash of the folded bytes so far, as prefixHash makes it: first
	// the word's letters and digits, then byte by byte.
	h, n := uint32(fnvOffset), 0
	var last byte
	j := i
	for ; n < prefixLen && j < len(text); j++ {
		c := plainFold[text[j]]
		if c == 0 || c == '.' {
			break
		}
		h = (h ^ uint32(c)) * fnvPrime
		last = c
		n++
	}
	for ; n < prefixLen; j++ {
		if j >= len(text) {
			return n > 0 && mt.shorts.holds(hashEnd(h))
		}
		c := text[j]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c >= utf8.RuneSelf:
			return true
		default:
			// A match may end before this character.
			if n > 0 && mt.shorts.holds(hashEnd(h)) {
				return true
			}
			switch c {
			case '.':
			case ' ', '-', '\t':
				if n == 0 || last == ' ' {
					continue
				}
				c = ' '
			case '\'':
				continue
			default:
				return false // the walk stops here
			}
		}
		h = (h ^ uint32(c)) * fnvPrime
		last = c
		n++
	}
	return mt.prefixes.holds(hashEnd(h))
}

// keyWord returns a folded key's first word: its letters and digits up to
// anything else.
func keyWord(k string) string {
	i := 0
	for i < len(k) && k[i] < utf8.RuneSelf && asciiAlnum[k[i]] {
		i++
	}
	return k[:i]
}

// runMayStart is find's filter before a walk at runs[k], a run of letters
// or of digits at a word start, whose trigram find has tested; mayStart
// ends it. When the character after the run ends a folded word (a space,
// hyphen, full stop or other punctuation, or the end of the text), a name
// can start there only if its first word is the whole run; and unless that
// word is a name by itself or goes on in a way a trigram does not tell,
// only if the next run is a word whose trigram goes on from it, with only
// spaces, hyphens and apostrophes between (they fold to one space).
func (mt *matcher) runMayStart(text string, runs []ascii.Run, k int) bool {
	i, end := int(runs[k].Start), int(runs[k].End)
	if end < len(text) {
		if c := text[end]; c == '\'' || c >= utf8.RuneSelf || asciiAlnum[c] {
			return mt.mayStart(text, i)
		}
	}
	// The run lower-cased, hashed as prefixHash does: digits have the 0x20
	// bit already.
	h := uint32(fnvOffset)
	for j := i; j < end; j++ {
		h = (h ^ uint32(text[j]|0x20)) * fnvPrime
	}
	if !mt.words.holds(hashEnd(h)) {
		return false
	}
	if !mt.open.holds(hashEnd(h)) {
		if k+1 == len(runs) {
			return false // no word follows
		}
		next := runs[k+1]
		for j := end; j < int(next.Start); j++ {
			if c := text[j]; c != ' ' && c != '-' && c != '\t' && c != '\'' {
				return mt.mayStart(text, i)
			}
		}
		if next.Tri != ascii.NoTri && !mt.follows.holds(followHash(h, next.Tri)) {
			return false
		}
	}
	return mt.mayStart(text, i)
}

// followHash hashes a first word (its hash before hashEnd) with the
// trigram of the word after it.
func followHash(h uint32, tri uint16) uint32 { return hashEnd((h ^ uint32(tri)) * fnvPrime) }

// pairHash hashes a syllable and the character after it, as koMayStart
// reads them.
func pairHash(s string) uint32 { return hashEnd(fnvBytes(fnvOffset, s)) }

func fnvBytes(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// koMayStart is a cheap filter before a walk at the syllable r at i (one
// koFirst holds): it reads the next character as the folder would and
// passes when some key goes on from r with it, or when r is a key.
func (mt *matcher) koMayStart(text string, i int, r rune) bool {
	if mt.koWhole[(r-0xAC00)>>6]&(1<<((r-0xAC00)&63)) != 0 {
		return true
	}
	h := fnvBytes(fnvOffset, text[i:i+3])
	// Mostly another syllable follows, which the folder would hand out whole.
	if syllableAt(text, i+3) {
		return mt.koPairs.holds(hashEnd(fnvBytes(h, text[i+3:i+6])))
	}
	f := folder{s: text, i: i + 3, last: text[i+2]}
	b, _, ok := f.next()
	if !ok {
		return false
	}
	if b < utf8.RuneSelf {
		return mt.koPairs.holds(hashEnd((h ^ uint32(b)) * fnvPrime))
	}
	// A syllable: the folder hands out its three bytes one by one.
	return mt.koPairs.holds(hashEnd(fnvBytes(h, text[f.i-3:f.i])))
}

// syllableAt reports whether a Hangul syllable starts at i, as the
// folder's inline decoding reads it.
func syllableAt(s string, i int) bool {
	if i+2 >= len(s) {
		return false
	}
	c0, c1, c2 := s[i], s[i+1], s[i+2]
	if c0-0xEA >= 4 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 || c0 == 0xED && c1 >= 0xA0 {
		return false
	}
	return isHangul(rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F))
}

func (mt *matcher) step(n int32, b byte) int32 {
	if n == 0 {
		return mt.root[b]
	}
	lo := mt.first[n]
	hi := lo + int32(mt.count[n])
	for i := lo; i < hi; i++ {
		if e := mt.eb[i]; e == b {
			return mt.et[i]
		} else if e > b {
			return 0
		}
	}
	return 0
}

type hit struct {
	entry int32
	end   int
}

func (mt *matcher) walk(text string, at int, hits []hit) []hit {
	f := folder{s: text, i: at}
	var n int32
	for {
		var b byte
		var end int
		// A letter, digit or full stop folds to one byte, here without a
		// call; the folder does the rest.
		if f.pi >= f.pn && f.i < len(text) && plainFold[text[f.i]] != 0 {
			b = plainFold[text[f.i]]
			f.i++
			f.last, end = b, f.i
		} else if f.pi < f.pn {
			// The rest of a syllable, as the folder hands it out.
			b = f.pend[f.pi]
			f.pi++
			f.last, end = b, f.pEnd
		} else {
			var ok bool
			if b, end, ok = f.next(); !ok {
				return hits
			}
		}
		if n = mt.step(n, b); n == 0 {
			return hits
		}
		if e := mt.term[n]; e >= 0 {
			hits = append(hits, hit{e, end})
		}
	}
}

// plainFold is what the folder makes of an ASCII letter, digit or full
// stop (the byte itself, lower-cased), 0 for any other byte.
var plainFold = func() (t [256]byte) {
	for c := 0; c < 128; c++ {
		if isASCIIAlnum(byte(c)) || c == '.' {
			t[c] = lower(byte(c))
		}
	}
	return t
}()

// asciiAlnum marks ASCII letters and digits.
var asciiAlnum = func() (a [128]bool) {
	for c := 0; c < 128; c++ {
		a[c] = isASCIIAlnum(byte(c))
	}
	return a
}()

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func find(text, lower string, runs []ascii.Run) []Mention {
	out := make([]Mention, 0, 8) // most texts name a few organs
	var buf [16]hit
	prevAlnum := false
	i := 0 // where reading goes on: a match may end inside or past a run
	for k, r := range runs {
		start, end := int(r.Start), int(r.End)
		// Most words are three letters or more that start no name: the
		// rest of the loop would only step over them.
		if r.Tri != ascii.NoTri && m.tri[r.Tri>>6]&(1<<(r.Tri&63)) == 0 {
			if end > i {
				i, prevAlnum = end, true
			}
			continue
		}
		if end <= i {
			continue
		}
		if start > i {
			// Only spaces and ASCII punctuation lie between runs.
			prevAlnum = false
			i = start
		}
		switch r.Kind {
		case ascii.Letters, ascii.Digits:
			// A name starts only at a word start; no name starts inside a
			// word, so the rest of the run is skipped.
			// The run's first three letters, when it has them, passed
			// the trigram test above.
			if i == start && !prevAlnum && m.runMayStart(text, runs, k) {
				if mn, mend, ok := matchLatin(text, lower, i, buf[:0]); ok {
					out = append(out, mn)
					i, prevAlnum = mend, true
					continue
				}
			}
			i, prevAlnum = end, true
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
				if isHangul(r) {
					if m.koFirst[(r-0xAC00)>>6]&(1<<((r-0xAC00)&63)) != 0 && m.koMayStart(text, i, r) {
						if mn, mend, ok := matchKorean(text, i, buf[:0]); ok {
							out = append(out, mn)
							i, prevAlnum = mend, true
							continue
						}
					}
					prevAlnum = true
				} else {
					prevAlnum = unicode.IsLetter(r) || unicode.IsDigit(r)
				}
				i += size
			}
		default:
			prevAlnum = false
			i = end
		}
	}
	return post(text, lower, out)
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func latinEnd(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	if c := text[i]; c < utf8.RuneSelf {
		return !isASCIIAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// lowerSpan is text[a:b] lower-cased: a slice of lower when the caller made
// it (a match holds only characters ASCII lowering and strings.ToLower
// treat alike), else a fresh copy.
func lowerSpan(text, lower string, a, b int) string {
	if lower != "" {
		return lower[a:b]
	}
	return strings.ToLower(text[a:b])
}

func matchLatin(text, lower string, i int, hits []hit) (Mention, int, bool) {
	hits = m.walk(text, i, hits)
	for k := len(hits) - 1; k >= 0; k-- {
		h := hits[k]
		e := &m.entries[h.entry]
		if e.korean {
			// 27국, 109상무: digits then Hangul, particles may follow.
			return Mention{Span: casebook.Span{i, h.end}, Code: e.code, Person: e.person}, h.end, true
		}
		if !latinEnd(text, h.end) || !latinOK(text, lower, i, h.end, e) {
			continue
		}
		lw := lowerSpan(text, lower, i, h.end)
		generic := strings.HasSuffix(e.stem, "security") && !strings.HasPrefix(e.stem, "state") &&
			!strings.HasPrefix(e.stem, "national") || lw == "security agents" || lw == "security agent"
		return Mention{Span: casebook.Span{i, h.end}, Code: e.code, Person: e.person, Generic: generic}, h.end, true
	}
	return Mention{}, 0, false
}

// latinOK checks the words that name an organ only in some uses.
func latinOK(text, lower string, start, end int, e *entry) bool {
	word := text[start:end]
	lw := lowerSpan(text, lower, start, end)
	switch {
	case lw == "nsa" || lw == "mss" || lw == "ssd" || lw == "mps" || lw == "kpa" || lw == "wpk" || lw == "kwp" || lw == "ogd":
		// Acronyms only in capitals: "mss" could be anything in lower case.
		return word == strings.ToUpper(word)
	case lw == "moss" || lw == "msos" || lw == "mopss":
		return word == "MoSS" || word == "MOSS" || word == "MSoS" || word == "MoPSS"
	case lw == "court" || lw == "courts":
		// "to court investors", "basketball court", "court of public opinion"
		prev := strings.ToLower(prevWord(text, start))
		switch prev {
		case "basketball", "tennis", "food", "royal":
			return false
		case "to":
			// "to court investors", but "taken to court"
			switch strings.ToLower(prevWord(text, start-len(prev)-1)) {
			case "taken", "brought", "sent", "went", "go", "goes", "dragged", "hauled", "referred", "handed", "came", "going":
			default:
				return false
			}
		}
		if strings.HasPrefix(text[end:], " of public") {
			return false
		}
	case lw == "cabinet":
		return word == "Cabinet"
	case lw == "army":
		if strings.EqualFold(text[end:min(len(text), end+4)], " of ") {
			return false // "an army of informants"
		}
	case lw == "the military":
		// The noun, not the adjective of "the Military Security Command".
		switch strings.ToLower(nextWord(text, end)) {
		case "", "or", "and", "has", "have", "had", "is", "was", "were", "are", "will", "would", "to", "in",
			"on", "at", "of", "for", "who", "which", "that", "itself", "also", "then", "now":
			return true
		}
		return false
	}
	if e.stem == "security" || e.stem == "safety" || lw == "security agents" || lw == "security agent" {
		// "food security officials", "job safety inspectors" are not organs.
		switch strings.ToLower(prevWord(text, start)) {
		case "food", "energy", "job", "cyber", "airport", "hotel", "private", "school", "chinese",
			"occupational", "workplace", "nuclear", "fire", "road", "internet", "information", "data":
			return false
		}
	}
	return true
}

// nextWord returns the ASCII word after end, across one space.
func nextWord(text string, end int) string {
	i := end
	if i >= len(text) || text[i] != ' ' {
		return ""
	}
	i++
	j := i
	for j < len(text) && isASCIIAlnum(text[j]) {
		j++
	}
	return text[i:j]
}

// prevWord returns the ASCII word just before start, across one space.
func prevWord(text string, start int) string {
	j := start
	if j == 0 || text[j-1] != ' ' {
		return ""
	}
	j--
	i := j
	for i > 0 && (isASCIIAlnum(text[i-1]) || text[i-1] == '\'') {
		i--
	}
	return text[i:j]
}

// koBlocked lists the syllable that may not follow a short Korean name, as
// in 군인민위원회 (county people's committee, not 군인 soldier) or 시당국
// (city authorities, not 시당 city party).
var koBlocked = map[string][]string{
	"군인": {"민"},
	// 안전원칙 (safety rule), 안전부문 (safety sector), 보안서류 (security
	// papers), 보안부서 (any security section).
	"안전원": {"칙"},
	"보안원": {"칙"},
	"안전부": {"문"},
	"보안서": {"류"},
	"보안부": {"서", "문"},
	// 경찰청, 검찰청 are South Korea's.
	"경찰": {"청"},
	"검찰": {"청"},
	// 무역성과 is trade results, not the trade ministry.
	"무역성": {"과"},
	"시당":  {"국", "하", "했", "한", "할", "해"},
	"도당":  {"국", "하", "했", "한", "할", "해"},
	"군당":  {"국", "하", "했", "한", "할", "해"},
}

func matchKorean(text string, i int, hits []hit) (Mention, int, bool) {
	hits = m.walk(text, i, hits)
	for k := len(hits) - 1; k >= 0; k-- {
		h := hits[k]
		e := &m.entries[h.entry]
		if !e.korean {
			continue
		}
		key := text[i:h.end]
		if block, ok := koBlocked[key]; ok {
			bad := false
			for _, b := range block {
				if strings.HasPrefix(text[h.end:], b) {
					bad = true
				}
			}
			if bad {
				continue
			}
		}
		if (key == "시당" || key == "도당" || key == "군당") && i > 0 {
			// Mid-word 도당 is mostly a verb (매도당하다) unless a place precedes.
			if r, _ := utf8.DecodeLastRuneInString(text[:i]); isHangul(r) && !placeSuffixBefore(text, i) {
				continue
			}
		} else if len(key) <= 6 && i > 0 {
			// A two-syllable name inside a word (이판사판, 인민군대) is another
			// word, unless a unit prefix is written onto it (도경찰, 시세관).
			if r, _ := utf8.DecodeLastRuneInString(text[:i]); isHangul(r) && !strings.ContainsRune("시도군국앙방", r) {
				continue
			}
		}
		return Mention{Span: casebook.Span{i, h.end}, Code: e.code, Person: e.person}, h.end, true
	}
	return Mention{}, 0, false
}

// placeSuffixBefore reports whether the Hangul word before i ends a place
// name (혜산시당: 혜산 + 시당) — here simply: two or more syllables before.
func placeSuffixBefore(text string, i int) bool {
	n := 0
	for j := i; j > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if !isHangul(r) {
			break
		}
		n++
		j -= size
	}
	return n >= 2
}
