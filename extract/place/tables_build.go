package place

import (
	"bytes"
	"fmt"
	"go/format"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"casebook/extract/internal/gosrc"
)

// English unit suffixes per kind. City and county go both ways: reports
// call a county a city and back, and units change status.
var enSuffixes = map[string][]string{
	"city":             {"city", "si", "shi", "county", "gun", "kun"},
	"county":           {"county", "gun", "kun", "city", "si"},
	"district":         {"district", "guyok", "kuyok", "gu", "ku", "ward", "jigu", "chigu"},
	"workers_district": {"workers district", "workers' district", "district", "rodongjagu", "nodongjagu"},
	"town":             {"town"},
	"province":         {"province", "do"},
	"special_city":     {"city", "special city", "si", "directly governed city"},
}

// Korean unit suffixes per kind.
var koSuffixes = map[string][]string{
	"city":             {"시"},
	"county":           {"군"},
	"district":         {"구역", "구", "지구"},
	"workers_district": {"로동자구", "노동자구", "구"},
	"town":             {"읍"},
	"province":         {"도"},
	"special_city":     {"시", "특별시", "직할시"},
}

// statusChanged are units that became a city from a county (or back)
// recently enough for reports to use either suffix: 삼지연군/삼지연시.
var statusChanged = setOf("samjiyon")

// koStrip lists the suffixes stripped from Korean names to get their base,
// longest first.
var koStrip = []string{"로동자구", "노동자구", "특별시", "직할시", "구역", "지구", "시", "군", "구", "도"}

// nkSuffixes are spellings of unit suffixes that only North Korean usage has.
var nkSuffixes = []string{"guyok", "kuyok", "kun", "rodongjagu", "nodongjagu", "구역", "로동자구"}

// koBare are Korean bases distinctive enough to be accepted without their
// unit suffix (회령에서, 혜산의). Every other base is a common word, a person's
// name or a South Korean place too (위원, 구성, 대안, 김책, 개성, 순천) and needs
// its suffix: 위원군, 구성시.
var koBare = setOf(
	"평양", "라선", "나선", "남포", "함북", "함남", "평북", "평남", "황북", "황남", "량강", "양강",
	"회령", "혜산", "청진", "신의주", "함흥", "무산", "온성", "삼지연", "단천", "북청", "갑산", "보천",
	"대홍단", "백암", "운흥", "삼수", "풍서", "사리원", "해주", "원산", "강계", "만포", "희천", "길주",
	"명천", "경원", "경흥", "부령", "어랑", "종성", "아오지", "고무산", "고건원", "라진", "나진", "흥남",
	"신포", "함주", "홍원", "요덕", "장진", "화대", "연사", "금야", "허천", "정평", "평성", "곡산",
	"황주", "봉산", "재령", "안악", "장연", "태탄", "은률", "벽성", "안변", "회양", "창성", "삭주",
	"의주", "녕변", "영변", "룡천", "용천", "철산", "박천", "피현", "벽동", "중강", "전천", "랑림",
	"숙천", "문덕", "양덕", "맹산", "회창", "녕원", "북창", "은산", "운산", "새별", "은덕", "명간",
	"신파", "후창", "학송", "동흥산", "청암", "송평", "라남", "나남", "흥덕", "회상", "삼봉", "남양",
	"평천", "형제산", "룡성", "용성", "삼석", "력포", "역포", "락랑", "낙랑", "순안", "웅기", "룡강", "용강",
	"개풍", "판문", "장풍", "고풍", "낭림", "랑림", "룡림", "용림", "성간", "신암", "부윤", "영흥", "오로",
	"겸이포", "신계", "서흥", "승호", "은파", "청단", "배천", "룡연", "은율", "은천", "문천", "천내", "법동",
	"통천", "향산", "곽산", "태천", "동림", "덕천", "득장", "청남", "성천", "신양", "강선",
)

func isHangulString(s string) bool {
	for _, r := range s {
		if r >= 0xAC00 && r <= 0xD7A3 {
			return true
		}
	}
	return false
}

// buildTables works the tables out from the gazetteer; go generate writes
// them to tables_gen.go (see TestTablesGenerated).
func buildTables() *gazTables {
	t := &gazTables{byID: map[string]int{}}
	keyed := map[string]int32{} // folded key → spells index
	add := func(i int, s string, sp spelling) {
		key, ok := fold(s)
		if !ok || key == "" {
			return
		}
		sp.ids = []int16{int16(i)}
		if k, seen := keyed[key]; seen {
			old := &t.spells[k]
			if !slices.Contains(old.ids, int16(i)) {
				old.ids = append(old.ids, int16(i))
			}
			old.suffixed = old.suffixed || sp.suffixed
			old.nkForm = old.nkForm || sp.nkForm
			old.needSuffix = old.needSuffix && sp.needSuffix
			return
		}
		keyed[key] = int32(len(t.spells))
		t.spells = append(t.spells, sp)
	}
	for i, r := range gazetteer {
		t.byID[r.id] = i
		names := []string{r.name, r.nameKo}
		for _, v := range strings.Split(r.variants, "|") {
			// "Gangwon (North Korea)": the bracket is a note, not text.
			if j := strings.Index(v, " ("); j > 0 {
				v = v[:j]
			}
			names = append(names, strings.TrimSpace(v))
		}
		// Older spellings of 경: Hamkyung, Kyungsung.
		for _, n := range names {
			if strings.Contains(n, "gyong") || strings.Contains(n, "kyong") {
				names = append(names, kyungReplacer().Replace(n))
			}
		}
		// Kimchaek, Kimjongsuk… are also written as the person's name
		// they come from: Kim Chaek City. (The bare form is a person.)
		if strings.HasPrefix(r.name, "Kim") && len(r.name) > 4 {
			names = append(names, "Kim "+r.name[3:])
		}
		for _, n := range names {
			if n == "" {
				continue
			}
			if isHangulString(n) {
				addKorean(add, i, r, n)
				if v := initialSoundRule(n); v != n {
					addKorean(add, i, r, v)
				}
			} else {
				addLatin(add, i, r, n)
			}
		}
	}
	// Older English writing gives ŏ as u (Onsung, Pyungyang, Hamkyung):
	// add those forms where they spell no other place.
	for i, r := range gazetteer {
		for _, v := range strings.Split(r.variants, "|") {
			if !strings.ContainsAny(v, "ŏŎ") {
				continue
			}
			u := oToUReplacer().Replace(v)
			if key, ok := fold(u); ok {
				if k, seen := keyed[key]; seen && !slices.Contains(t.spells[k].ids, int16(i)) {
					continue
				}
			}
			addLatin(add, i, r, u)
		}
	}
	keys := make([]string, 0, len(keyed))
	vals := make([]int32, 0, len(keyed))
	for k, v := range keyed {
		keys = append(keys, k)
		vals = append(vals, v)
		if x, ok := prefixCode(k, 3); ok && len(k) >= 3 {
			t.tri[x>>6] |= 1 << (x & 63)
		}
		if x, ok := prefixCode(k, len(k)); ok && len(k) <= 2 {
			t.short[x>>6] |= 1 << (x & 63)
		}
		if x, ok := prefixCode(k, 3); ok && len(k) >= 3 {
			h := uint32(fnvOffset)
			for n := 0; n < min(len(k), 5); n++ {
				c, ok := foldCode(k[n])
				if !ok {
					t.loose[x>>6] |= 1 << (x & 63)
					break
				}
				h = (h ^ uint32(c)) * fnvPrime
			}
			switch {
			case t.loose[x>>6]&(1<<(x&63)) != 0:
			case len(k) >= 5:
				t.first5.add(hashEnd(h))
			default:
				t.short45.add(hashEnd(h))
			}
		}
		if r, _ := utf8.DecodeRuneInString(k); isHangul(r) {
			t.koFirst[(r-0xAC00)>>6] |= 1 << ((r - 0xAC00) & 63)
		}
	}
	t.trie = newTrie(keys, vals)
	t.buildWordFilters()
	return t
}

// buildWordFilters works out the word filters from mayStart itself. What
// mayStart says of a string of bytes followed by 0x80 holds for the same
// bytes followed by anything: it passes as soon as it reads a byte above
// ASCII, whether as a letter or to see whether an e is dropped before it.
func (t *gazTables) buildWordFilters() {
	pass := func(word string) bool { return t.mayStart(word+"\x80", 0) }
	for x := range 26 * 26 * 26 {
		tri := string([]byte{byte('a' + x/676), byte('a' + x/26%26), byte('a' + x%26)})
		bit := uint64(1) << (x & 63)
		if pass(tri) {
			t.wordTri[x>>6] |= bit
		}
		for c := byte('a'); c <= 'z'; c++ {
			if pass(tri + string(c)) {
				t.wordTri4[x>>6] |= bit
				break
			}
		}
		for class, follow := range followSample {
			if pass(tri + string(follow)) {
				t.wordTri3[class][x>>6] |= bit
			}
		}
	}
	for x := range 26 + 26*26 {
		word := string(rune('a' + x))
		if x >= 26 {
			word = string([]byte{byte('a' + (x-26)/26), byte('a' + (x-26)%26)})
		}
		for class, follow := range followSample {
			if pass(word + string(follow)) {
				t.wordShort[class][x>>6] |= 1 << (x & 63)
			}
		}
	}
}

// Replacers built once per build (building one per name was slow), and not
// at start-up: only go generate builds the tables.
var (
	plainReplacer = sync.OnceValue(func() *strings.Replacer {
		return strings.NewReplacer("ŏ", "o", "Ŏ", "o", "ŭ", "u", "Ŭ", "u", "'", "", "’", "")
	})
	kyungReplacer = sync.OnceValue(func() *strings.Replacer { return strings.NewReplacer("gyong", "gyung", "kyong", "kyung") })
	oToUReplacer  = sync.OnceValue(func() *strings.Replacer { return strings.NewReplacer("ŏ", "u", "Ŏ", "U") })
)

func addLatin(add func(int, string, spelling), i int, r row, n string) {
	folded, _ := fold(n)
	plain := strings.ToLower(plainReplacer().Replace(n))
	// Ends in " "+s or "-"+s (without building those strings: this runs
	// for every suffix of every name at start-up).
	hasSuffix := func(s string) bool {
		k := len(plain) - len(s) - 1
		return k >= 0 && (plain[k] == ' ' || plain[k] == '-') && plain[k+1:] == s
	}
	suffixed := false
	for _, sufs := range enSuffixes {
		for _, s := range sufs {
			if hasSuffix(strings.ReplaceAll(s, "'", "")) {
				suffixed = true
			}
		}
	}
	// Provinces' own forms (Hamgyongbuk-do, Pyongan-bukto) end in do/to.
	if r.kind == "province" && (strings.HasSuffix(folded, "to") || strings.HasSuffix(folded, "province")) {
		suffixed = true
	}
	nk := false
	for _, s := range nkSuffixes {
		if hasSuffix(s) {
			nk = true
		}
	}
	// "Kim Jong Suk" is first a person; the county needs its suffix.
	person := strings.HasPrefix(n, "Kim ")
	add(i, n, spelling{suffixed: suffixed, nkForm: nk, needSuffix: person && !suffixed})
	if strings.Contains(n, "-") {
		// Hamgyong-bukto is also written Hamgyong bukto.
		add(i, strings.ReplaceAll(n, "-", " "), spelling{suffixed: suffixed, nkForm: nk, needSuffix: person && !suffixed})
	}
	if suffixed {
		return
	}
	for _, s := range enSuffixes[r.kind] {
		nk := slices.Contains(nkSuffixes, s)
		add(i, n+" "+s, spelling{suffixed: true, nkForm: nk})
		add(i, n+"-"+s, spelling{suffixed: true, nkForm: nk})
	}
}

func addKorean(add func(int, string, spelling), i int, r row, n string) {
	base, hasSuffix := n, false
	for _, s := range koStrip {
		if strings.HasSuffix(n, s) {
			if utf8.RuneCountInString(n)-utf8.RuneCountInString(s) >= 2 {
				base, hasSuffix = strings.TrimSuffix(n, s), true
			} else {
				// 중구역 is whole as the official name; 항구 (a harbour) is
				// a bare word that only ends like a suffix.
				hasSuffix = n == r.nameKo
			}
			break
		}
	}
	if hasSuffix {
		add(i, n, spelling{korean: true, suffixed: true, nkForm: containsAny(n, "구역", "로동자구")})
	}
	if base == n && hasSuffix {
		return
	}
	add(i, base, spelling{korean: true, needSuffix: !koBare[base]})
	sufs := koSuffixes[r.kind]
	if statusChanged[r.id] {
		sufs = []string{"시", "군"}
	}
	for _, s := range sufs {
		add(i, base+s, spelling{korean: true, suffixed: true, nkForm: s == "구역" || s == "로동자구"})
	}
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// foldCode numbers the folded bytes mayStart reads: a-z, space, '.'.
func foldCode(c byte) (int, bool) {
	switch {
	case 'a' <= c && c <= 'z':
		return int(c - 'a'), true
	case c == ' ':
		return 26, true
	case c == '.':
		return 27, true
	}
	return 0, false
}

// prefixCode is the base-28 number of k's first n bytes (n from 1 to 3).
func prefixCode(k string, n int) (int, bool) {
	if n < 1 || n > 3 || len(k) < n {
		return 0, false
	}
	x := 0
	for i := 0; i < n; i++ {
		c, ok := foldCode(k[i])
		if !ok {
			return 0, false
		}
		x = x*28 + c
	}
	return x, true
}

// initialSoundRule returns the South Korean spelling of a North Korean name
// whose first syllable starts with ㄹ or with ㄴ before i/y (룡천 → 용천,
// 락원 → 낙원, 녕변 → 영변), or the name unchanged.
func initialSoundRule(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r < 0xAC00 || r > 0xD7A3 {
		return s
	}
	x := int(r - 0xAC00)
	cho, jung, jong := x/(21*28), x/28%21, x%28
	const (
		choN, choR, choO = 2, 5, 11
	)
	// Medials ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ (indices 2, 6, 7, 12, 17, 20).
	iy := jung == 2 || jung == 6 || jung == 7 || jung == 12 || jung == 17 || jung == 20
	switch {
	case cho == choR && iy, cho == choN && iy:
		cho = choO
	case cho == choR:
		cho = choN
	default:
		return s
	}
	return string(rune(0xAC00+(cho*21+jung)*28+jong)) + s[size:]
}

// tablesSource returns the Go source of tables_gen.go, which holds t.
func tablesSource(t *gazTables) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by go test -run TestTablesGenerated -update (go generate); DO NOT EDIT.\n\n")
	b.WriteString("// The tables buildTables works out from the gazetteer, held here so that\n// start-up does not build them.\n\npackage place\n\n")
	b.WriteString("var tables = &gazTables{\n\tbyID: map[string]int{\n")
	ids := make([]string, len(gazetteer))
	for id, i := range t.byID {
		ids[i] = id
	}
	for i, id := range ids {
		fmt.Fprintf(&b, "%q: %d,\n", id, i)
	}
	b.WriteString("},\n\tspells: []spelling{\n")
	for _, sp := range t.spells {
		b.WriteString("{ids: []int16{")
		for k, id := range sp.ids {
			if k > 0 {
				b.WriteString(", ")
			}
			fmt.Fprint(&b, id)
		}
		b.WriteString("}")
		for _, f := range []struct {
			name string
			set  bool
		}{{"suffixed", sp.suffixed}, {"korean", sp.korean}, {"nkForm", sp.nkForm}, {"needSuffix", sp.needSuffix}} {
			if f.set {
				fmt.Fprintf(&b, ", %s: true", f.name)
			}
		}
		b.WriteString("},\n")
	}
	b.WriteString("},\n\ttrie: &trie{\n")
	gosrc.Ints(&b, "root", "[256]int32", t.trie.root[:])
	gosrc.Ints(&b, "first", "[]int32", t.trie.first)
	gosrc.Ints(&b, "count", "[]uint16", t.trie.count)
	gosrc.Ints(&b, "eb", "[]byte", t.trie.eb)
	gosrc.Ints(&b, "et", "[]int32", t.trie.et)
	gosrc.Ints(&b, "term", "[]int32", t.trie.term)
	b.WriteString("},\n")
	gosrc.Bits(&b, "tri", t.tri[:])
	gosrc.Bits(&b, "short", t.short[:])
	gosrc.Bits(&b, "first5", t.first5[:])
	gosrc.Bits(&b, "short45", t.short45[:])
	gosrc.Bits(&b, "loose", t.loose[:])
	gosrc.Bits(&b, "koFirst", t.koFirst[:])
	gosrc.Bits(&b, "wordTri", t.wordTri[:])
	gosrc.Bits(&b, "wordTri4", t.wordTri4[:])
	b.WriteString("wordTri3: [followClasses][26*26*26/64 + 1]uint64{\n")
	for _, bits := range t.wordTri3 {
		gosrc.Bits(&b, "", bits[:])
	}
	b.WriteString("},\nwordShort: [followClasses][(26+26*26)/64 + 1]uint64{\n")
	for _, bits := range t.wordShort {
		gosrc.Bits(&b, "", bits[:])
	}
	b.WriteString("},\n")
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
