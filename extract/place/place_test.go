package place

import (
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"casebook/extract/internal/ascii"
)

// ids returns the ids Find gives for text, government uses left out.
func ids(text string) []string {
	var out []string
	for _, m := range Find(text) {
		if !m.Government {
			out = append(out, m.ID)
		}
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "Agents in Hoeryong searched homes.", []string{"hoeryong"}},
		{"south's gangwon in korean", "강원도 춘천에 사는 탈북민이 회령의 가족에게 돈을 보냈다.", []string{"hoeryong"}},
		{"south marked in korean", "남한 강원도에 정착한 그는 함경북도 무산 출신이다.", []string{"north-hamgyong", "musan"}},
		{"south marked in english", "She settled in Kangwon Province, South Korea, after leaving Musan.", []string{"musan"}},
		{"north's kangwon with a south korean mention", "남한 강원도 춘천이 아니라 북한 강원도 원산이다.", []string{"kangwon", "wonsan"}},
		{"diacritics", "A broker from Hoeryŏng was held.", []string{"hoeryong"}},
		{"upper case", "HOERYONG MARKET PRICES", []string{"hoeryong"}},
		{"revised romanisation", "Residents of Hoeryeong and Cheongjin complained.", []string{"hoeryong", "chongjin"}},
		{"city suffix", "Hoeryong City officials and Hyesan-si traders", []string{"hoeryong", "hyesan"}},
		{"county suffixes", "Musan County, Musan-gun and Musan-kun are one place.", []string{"musan", "musan", "musan"}},
		{"apostrophe", "P'yŏngyang and Ch’ŏngjin", []string{"pyongyang", "chongjin"}},
		{"hybrid romanisation", "a family from Bukchong in Hamgyongnam-do", []string{"pukchong", "south-hamgyong"}},
		{"province forms", "Hamgyongbuk-do, North Hamgyong Province, N. Hamgyong", []string{"north-hamgyong", "north-hamgyong", "north-hamgyong"}},
		{"yanggang", "Yanggang Province and Ryanggang and Yangkang", []string{"ryanggang", "ryanggang", "ryanggang"}},
		{"old spelling", "a source in North Hamkyung Province", []string{"north-hamgyong"}},
		{"old u for ŏ", "Onsung County and Pyungyang", []string{"onsong", "pyongyang"}},
		{"hyphenated syllables", "Hoe-ryong and Hye-san", []string{"hoeryong", "hyesan"}},
		{"spaced province form", "Hamgyong bukto and Hamgyong-bukto", []string{"north-hamgyong", "north-hamgyong"}},
		{"named after a person", "Kim Chaek City, but not Kim Chaek University", []string{"kimchaek"}},
		{"alternative in brackets", "the Kimjongsuk (Sinpa) County office", []string{"kimjongsuk"}},
		{"former name", "smugglers in Sinpa and Huchang", []string{"kimjongsuk", "kimhyongjik"}},
		{"district of special city", "Pyongyang's Sosong District", []string{"pyongyang", "sosong"}},
		{"neighbourhood in a city", "a woman from Kangan-dong in Hyesan", []string{"hyesan"}},
		{"neighbourhood of a unit name", "Sinam-dong residents", nil},
		{"market named after ward", "vendors at Sunam Market in Chongjin", []string{"chongjin"}},
		{"outside North Korea", "traders in Dandong, Yanbian, Changbai and Seoul", nil},
		{"South Korean district", "a flat in Gangnam", nil},
		{"South Korean city", "a steel plant in Pohang", nil},
		{"south korean spelling with nk context", "a defector from Hyesan now lives in Gangwon Province", []string{"hyesan"}},
		{"south korean spelling in its nk province", "Hwaseong County in North Hamgyong", []string{"hwasong-north-hamgyong", "north-hamgyong"}},
		{"north korean spelling with nk context", "from Wonsan in Kangwon Province", []string{"wonsan", "kangwon"}},
		{"caution with province", "Hwasong County, North Hamgyong", []string{"hwasong-north-hamgyong", "north-hamgyong"}},
		{"caution picks by province", "Hwasong District of Pyongyang", []string{"hwasong-pyongyang", "pyongyang"}},
		{"caution with nk suffix", "a camp in Hwasong-kun", []string{"hwasong-north-hamgyong"}},
		{"two rows by province", "Unsan County in South Pyongan", []string{"unsan-south-pyongan", "south-pyongan"}},
		{"person named like a place", "Kim Jong Suk was born in 1917.", nil},
		{"person's given name", "the broker, Kim Songhwa, fled", nil},
		{"not a place", "the Samjiyon Orchestra sang near the Taedong River in South Pyongan", []string{"south-pyongan"}},
		{"within word", "Musankind and Hyesanese", nil},
		{"possessive", "Hyesan's market", []string{"hyesan"}},
		{"mixed script", "양강도 Hyesan", []string{"ryanggang", "hyesan"}},
		// Korean
		{"ko particle", "회령시에서 주민이 체포됐다.", []string{"hoeryong"}},
		{"ko genitive", "혜산의 장마당", []string{"hyesan"}},
		{"ko province and county", "함경북도 무산군 주민", []string{"north-hamgyong", "musan"}},
		{"ko person-named county", "양강도 김정숙군에서", []string{"ryanggang", "kimjongsuk"}},
		{"ko person alone", "김정숙 여사가 방문했다", nil},
		{"ko city suffix", "신의주시 세관", []string{"sinuiju"}},
		{"ko short particle", "회령서 만나기로 했다", []string{"hoeryong"}},
		{"ko south korean orthography", "양강도 혜산에서", []string{"ryanggang", "hyesan"}},
		{"ko initial sound rule", "평안북도 용천군과 낙원군", []string{"north-pyongan", "ryongchon", "rakwon"}},
		{"ko organ attached", "혜산시보위부가 나섰다", []string{"hyesan"}},
		{"ko common word", "위원이 말했다. 구성을 바꿨다. 대안을 찾았다.", nil},
		{"ko common words in nk context", "평안북도와 남포 소식. 항구를 보았다. 신도시 건설. 온천에 갔다. 세포 분열. 연탄을 땠다.", []string{"north-pyongan", "nampo"}},
		{"ko common word with bad tail", "무산계급", nil},
		{"ko market", "수남시장에서", nil},
		{"ko station", "혜산역에서 내렸다", []string{"hyesan"}},
		{"ko outside", "서울과 단둥, 장백에서", nil},
		{"ko caution without context", "화성에서 왔다", nil},
		{"ko caution with context", "평양시 화성구역", []string{"pyongyang", "hwasong-pyongyang"}},
		{"ko neighbourhood", "혜산시 강안동", []string{"hyesan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestFindSpans(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"In Hoeryŏng-si, agents", []string{"Hoeryŏng-si"}},
		{"the Kimjongsuk (Sinpa) County office", []string{"Kimjongsuk (Sinpa) County"}},
		{"회령시에서 체포", []string{"회령시"}},
		{"North  Hamgyong", []string{"North  Hamgyong"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range Find(tt.text) {
			got = append(got, tt.text[m.Span[0]:m.Span[1]])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q) spans %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestGovernment(t *testing.T) {
	tests := []struct {
		text string
		gov  bool
	}{
		{"Pyongyang decided to close the border.", true},
		{"Pyongyang's policy on phones has hardened.", true},
		{"an order from Pyongyang arrived", true},
		{"talks between Seoul and Pyongyang stalled", true},
		{"There are signs that Pyongyang is moving in step.", true},
		{"Pyongyang has ordered a crackdown.", true},
		{"the authorities in Pyongyang have ordered it", true},
		{"residents of Pyongyang queued for rice", false},
		{"Pyongyang's Sosong District", false},
		{"Pyongyang was flooded last year", false},
		{"평양 당국은 국경 봉쇄를 지시했다", true},
		{"평양에서 내려온 지시에 따라", true},
		{"평양의 장마당", false},
		{"If Pyongyang were to lift the ban, prices would fall.", true},
		{"Pyongyang will not allow private trade again.", true},
		{"Pyongyang won't say how many were sent.", true},
		{"Pyongyang does not publish such figures.", true},
		{"Pyongyang will be hit by the storm tonight.", false},
		{"Pyongyang was hit by the storm.", false},
		{"Pyongyang was to host the games.", true},
	}
	for _, tt := range tests {
		ms := Find(tt.text)
		if len(ms) == 0 || ms[0].ID != "pyongyang" {
			t.Fatalf("Find(%q) = %v, want Pyongyang first", tt.text, ms)
		}
		if ms[0].Government != tt.gov {
			t.Errorf("Find(%q) Government = %v, want %v", tt.text, ms[0].Government, tt.gov)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hoeryong", "hoeryong"},
		{"hoeryong", "hoeryong"},
		{"Hoeryŏng-si", "hoeryong"},
		{"회령시", "hoeryong"},
		{"회령", "hoeryong"},
		{"North Hamgyong", "north-hamgyong"},
		{"Hamgyongbuk-do", "north-hamgyong"},
		{"함경북도", "north-hamgyong"},
		{"Yanggang", "ryanggang"},
		{"양강도", "ryanggang"},
		{"Bukcheong", "pukchong"},
		{"Sinpa", "kimjongsuk"},
		{"Kimjongsuk (Sinpa) County", "kimjongsuk"},
		{"north-hamgyong", "north-hamgyong"},
		{"Hyesan City, Ryanggang", "hyesan"},
	}
	for _, tt := range tests {
		p, ok := Lookup(tt.in)
		if !ok || p.ID != tt.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.in, p.ID, ok, tt.want)
		}
	}
	for _, in := range []string{"Dandong", "Seoul", "", "서울"} {
		if p, ok := Lookup(in); ok {
			t.Errorf("Lookup(%q) = %q, want none", in, p.ID)
		}
	}
}

func TestByIDAndAll(t *testing.T) {
	p, ok := ByID("hoeryong")
	if !ok || p.Name != "Hoeryong" || p.Kind != "city" || p.Province != "north-hamgyong" || p.Lat < 42 || p.Lon < 129 {
		t.Errorf("ByID(hoeryong) = %+v, %v", p, ok)
	}
	if _, ok := ByID("dandong"); ok {
		t.Error("ByID(dandong) found")
	}
	all := All()
	if len(all) < 200 {
		t.Fatalf("All() has %d places, want the whole gazetteer", len(all))
	}
	seen := map[string]bool{}
	for _, p := range all {
		if seen[p.ID] {
			t.Errorf("duplicate id %s", p.ID)
		}
		seen[p.ID] = true
		if p.Province != "" {
			if _, ok := ByID(p.Province); !ok {
				t.Errorf("%s: province %q not in gazetteer", p.ID, p.Province)
			}
		}
	}
}

func TestWithinAndDescendants(t *testing.T) {
	tests := []struct {
		id, anc string
		want    bool
	}{
		{"hoeryong", "north-hamgyong", true},
		{"hoeryong", "hoeryong", true},
		{"sunam", "chongjin", true},
		{"sunam", "north-hamgyong", true},
		{"sosong", "pyongyang", true},
		{"hyesan", "north-hamgyong", false},
		{"north-hamgyong", "hoeryong", false},
		{"nowhere", "nowhere", false},
	}
	for _, tt := range tests {
		if got := Within(tt.id, tt.anc); got != tt.want {
			t.Errorf("Within(%s, %s) = %v, want %v", tt.id, tt.anc, got, tt.want)
		}
	}
	d := Descendants("ryanggang")
	if !slices.Contains(d, "hyesan") || !slices.Contains(d, "kimjongsuk") || slices.Contains(d, "hoeryong") || slices.Contains(d, "ryanggang") {
		t.Errorf("Descendants(ryanggang) = %v", d)
	}
	if d := Descendants("chongjin"); !slices.Contains(d, "sunam") || len(d) != 7 {
		t.Errorf("Descendants(chongjin) = %v, want its 7 wards", d)
	}
	if d := Descendants("pyongyang"); !slices.Contains(d, "sosong") {
		t.Errorf("Descendants(pyongyang) = %v", d)
	}
}

// TestEverySpellingFound checks that each gazetteer row is found by its own
// English name and Korean name in a sentence with its province named.
func TestEverySpellingFound(t *testing.T) {
	for _, r := range gazetteer {
		// Context: the province and a place of it that needs no context,
		// as a report would give.
		prov := r.province
		if prov == "" {
			prov = r.id
		}
		p := gazetteer[tables.byID[prov]]
		var sib row
		for _, s := range gazetteer {
			if s.province == prov && s.id != r.id && !caution[s.id] {
				sib = s
				break
			}
		}
		en := "Officials in " + r.name + " in " + p.name + ", near " + sib.name + ", said so."
		if ms := Find(en); !hasID(ms, r.id) {
			t.Errorf("%s: not found in %q: %v", r.id, en, ms)
		}
		base := r.nameKo
		if !strings.ContainsAny(base[len(base)-3:], "시군구도역") && !koBare[base] {
			continue // a suffixless common word (유선, 수성): needs 로동자구 in text
		}
		ko := p.nameKo + " " + r.nameKo + "에서 주민이 " + sib.nameKo + "에 갔다"
		if ms := Find(ko); !hasID(ms, r.id) {
			t.Errorf("%s: not found in %q: %v", r.id, ko, ms)
		}
	}
}

// TestEveryVariantFound checks every listed spelling in context: romanised
// ones all (but a bare person's name such as Kim Jong Suk), Hangul ones when
// they carry a unit suffix or are distinctive enough to stand alone.
func TestEveryVariantFound(t *testing.T) {
	for _, r := range gazetteer {
		prov := r.province
		if prov == "" {
			prov = r.id
		}
		p := gazetteer[tables.byID[prov]]
		var sib row
		for _, s := range gazetteer {
			if s.province == prov && s.id != r.id && !caution[s.id] {
				sib = s
				break
			}
		}
		for _, v := range append([]string{r.name, r.nameKo}, strings.Split(r.variants, "|")...) {
			if i := strings.Index(v, " ("); i > 0 {
				v = v[:i]
			}
			var text string
			if isHangulString(v) {
				last, _ := utf8.DecodeLastRuneInString(v)
				suffixed := strings.ContainsRune("시군구도역", last) && (utf8.RuneCountInString(v) >= 3 || v == r.nameKo)
				if !suffixed && !koBare[v] {
					continue
				}
				text = p.nameKo + " " + v + "에서 주민이 " + sib.nameKo + "에 갔다"
			} else {
				if strings.HasPrefix(v, "Kim ") && !strings.Contains(v, "County") {
					continue
				}
				text = "Officials in " + v + " in " + p.name + ", near " + sib.name + ", said so."
			}
			if !hasID(Find(text), r.id) {
				t.Errorf("%s: %q not found in %q", r.id, v, text)
			}
		}
	}
}

func hasID(ms []Mention, id string) bool {
	for _, m := range ms {
		if m.ID == id {
			return true
		}
	}
	return false
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Hoeryong, North Hamgyong", "회령시에서", "Kimjongsuk (Sinpa) County", "P'yŏngyang's policy",
		"Hwasong-kun", "\xff\xfeHyesan", "양강도 김정숙군", "Hoeryong-", "(", "Kim Jong Suk",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, m := range Find(s) {
			a, b := m.Span[0], m.Span[1]
			if a < last || a >= b || b > len(s) {
				t.Fatalf("bad span %v (previous end %d) in %q", m.Span, last, s)
			}
			if !utf8.RuneStart(s[a]) || !utf8.ValidString(s[a:b]) {
				t.Fatalf("span %v splits a character in %q", m.Span, s)
			}
			if _, ok := ByID(m.ID); !ok {
				t.Fatalf("unknown id %q", m.ID)
			}
			last = b
		}
		_, _ = Lookup(s)
	})
}

// benchText is a mixed English and Korean report written for the benchmark.
var benchText = strings.Repeat(`Security agents in Hoeryong, North Hamgyong Province, have recently
stepped up their hunt for people who use Chinese mobile phones, a source said. A broker from
Musan County paid 5,000 yuan to be released, and traders in Hyesan say the market is quiet.
Pyongyang decided last month to send inspectors to the border. 함경북도 회령시에서 보위원들이
주민을 체포했고, 양강도 혜산의 장마당도 조용하다고 소식통이 전했다. The residents of Sinuiju and
Dandong watch the river. `, 50)

func BenchmarkFind(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Find(benchText)
	}
}

// checkMayStart fails when mayStart turns away a word start where a
// spelling is matched: the filter may only spare walks that find nothing.
func checkMayStart(t *testing.T, s string) {
	t.Helper()
	var buf [16]hit
	for i := 0; i < len(s); i++ {
		if asciiClass[s[i]&0x7F] != 2 || s[i] >= 0x80 || i > 0 && s[i-1] < 0x80 && asciiClass[s[i-1]] != 0 {
			continue
		}
		if _, _, ok := tables.matchLatin(s, i, buf[:0]); ok && !tables.mayStart(s, i) {
			t.Fatalf("mayStart(%q, %d) = false before a match", s, i)
		}
		checkWordFilter(t, s[i:])
	}
}

// checkWordFilter fails when mayStart passes the word at the start of w (an
// ASCII letter) that wordMayStart turns away.
func checkWordFilter(t *testing.T, w string) {
	t.Helper()
	if len(w) == 0 || asciiClass[w[0]&0x7F] != 2 || w[0] >= 0x80 {
		return
	}
	runs := ascii.Runs(w)
	if tables.mayStart(w, 0) && !tables.wordMayStart(w, runs[0]) {
		t.Fatalf("wordMayStart turns away %q, which mayStart passes", w)
	}
}

// TestWordFilters checks every word of one to three letters followed by
// what may make mayStart read on: letters it drops, o and u after an e,
// spaces, periods, ends of words.
func TestWordFilters(t *testing.T) {
	tails := []string{"", "a", "o", "u", "O", "U", "h", "H", "hh", "hhe", "eo", "e", "j", " ", "  ", ".", "'", "-", "\t",
		"ŏ", "ŭ", "é", "’", "hong", "eun", "ong", " do", ". ", "1", "\n", "e ", "e.", "eu", "s", "sh", " h", ". h", " 1"}
	for n := 1; n <= 3; n++ {
		w := make([]byte, n)
		for x := range int(math.Pow(26, float64(n))) {
			for k, y := n-1, x; k >= 0; k, y = k-1, y/26 {
				w[k] = byte('a' + y%26)
			}
			for _, tail := range tails {
				checkWordFilter(t, string(w)+tail)
				checkWordFilter(t, strings.ToUpper(string(w))+tail)
			}
		}
	}
}

func TestMayStartSparesOnlyMisses(t *testing.T) {
	var names []string
	for _, r := range gazetteer {
		names = append(names, r.name, r.variants)
	}
	all := strings.Join(names, " | ")
	checkMayStart(t, all)
	checkMayStart(t, strings.ToUpper(all))
	checkMayStart(t, benchText)
}

func FuzzMayStart(f *testing.F) {
	for _, s := range []string{"Chongjin Jeongju Hyesan", "Hamhŭng Pyeongyang Chhongjin", "Shinuiju Kaeson Jeju", "Ssinuiju eo JHONG",
		"to  North\tHamgyong, in S. Hamgyong", "Do Ku. Si", "Hoe ryong a b c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkMayStart(t, s) })
}

// Every word of three letters, up to zzz, is looked up in wordTri without
// reading past it (FuzzExtract found "ZYX" reading one word past the end).
func TestWordTriCoversEveryTrigram(t *testing.T) {
	for _, w := range []string{"aaa", "zyx", "zzz", "ZZZ town"} {
		if got := Find(w); len(got) != 0 {
			t.Errorf("Find(%q) = %v", w, got)
		}
	}
}
