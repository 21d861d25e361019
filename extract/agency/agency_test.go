package agency

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"casebook/extract/internal/ascii"
)

func codes(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Code)
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"ministry", "The Ministry of State Security arrested him.", []string{"MSS"}},
		{"ssd with acronym", "State Security Department (SSD) agents came; the SSD left.", []string{"MSS", "MSS", "MSS"}},
		{"state security people", "state security agents and state security officials", []string{"MSS", "MSS"}},
		{"bowibu", "the county bowibu chief", []string{"MSS"}},
		{"nsa", "officers of the National Security Agency", []string{"MSS"}},
		{"security agents", "two security agents asked a broker for money", []string{"MSS"}},
		{"security alone", "for security reasons, and food security officials met", nil},
		{"lower-case acronym", "the mss file and nsa", nil},
		{"people's safety", "people's safety agents and the Ministry of People’s Safety", []string{"MPS", "MPS"}},
		{"social security", "the Ministry of Social Security fined traders", []string{"MPS"}},
		{"police", "police officers and the police station", []string{"MPS", "MPS"}},
		{"acronym bound to its name", "the Ministry of Social Security (MSS) arrested vendors. The MSS then fined them.", []string{"MPS", "MPS", "MPS"}},
		{"moss", "the Ministry of Social Security (MoSS) and moss on stones", []string{"MPS", "MPS"}},
		{"party", "the provincial Party committee and Party cadres", []string{"WPK", "WPK"}},
		{"ogd", "the Organization and Guidance Department of the Central Committee", []string{"WPK", "WPK"}},
		{"party members", "Party members attended", nil},
		{"army", "soldiers and border guards of the Korean People's Army", []string{"KPA", "KPA", "KPA"}},
		{"military security command", "the Military Security Command's office", []string{"KPA"}},
		{"military adjective", "military uniforms were sold", nil},
		{"prosecution", "prosecutors from the prosecutors' office and the court", []string{"PROSECUTION", "PROSECUTION", "PROSECUTION"}},
		{"court verb", "firms try to court investors", nil},
		{"taken to court", "he was taken to court", []string{"PROSECUTION"}},
		{"other", "Bureau 27 and Group 109 and the 109 Sangmu", []string{"OTHER", "OTHER", "OTHER"}},
		{"security forces", "North Korean security forces raided the village", []string{"MSS"}},
		{"military intelligence", "the Reconnaissance General Bureau and the Ministry of People's Armed Forces", []string{"KPA", "KPA"}},
		{"ko numbered organs", "27국이 나섰고 109상무도 왔다", []string{"OTHER", "OTHER"}},
		{"ko inspection team", "중앙검열단이 내려왔다", []string{"OTHER"}},
		{"chinese organs", "On the Chinese side, police and border guards patrol.", nil},
		{"chinese traders", "a man who sold goods to Chinese traders was caught by a border patrol", []string{"KPA"}},
		{"south korean police", "South Korean police questioned him", nil},
		// Korean
		{"ko mss", "시 보위부에 체포됐다. 보위원들이 덮쳤다. 국가보위성이 지시했다.", []string{"MSS", "MSS", "MSS"}},
		{"ko attached prefix", "도보위부와 시안전부", []string{"MSS", "MPS"}},
		{"ko mps", "안전원들이 기름을 실어 갔다. 보안서로 데려갔다. 사회안전성 지시", []string{"MPS", "MPS", "MPS"}},
		{"ko old mps", "인민보안성의 기념일, 보안원 단속", []string{"MPS", "MPS"}},
		{"ko party", "도당위원회 간부와 당 간부들", []string{"WPK", "WPK"}},
		{"ko party blocked", "시당국은 밝혔다. 그는 매도당했다.", nil},
		{"ko kpa", "국경경비대 군인들", []string{"KPA", "KPA"}},
		{"ko county people's committee", "군인민위원회가 나섰다", []string{"OTHER"}},
		{"ko prosecution", "검찰소와 재판소", []string{"PROSECUTION", "PROSECUTION"}},
		{"ko foreign", "중국 경찰이 단속했다", nil},
		{"ko safety word", "안전을 위해 보안을 강화했다", nil},
		{"ko words containing short names", "이판사판이다. 검사 결과. 경찰청 발표. 식당에서", nil},
		{"ko safety compounds", "안전원칙과 안전부문, 보안서류, 제품의 안전성", nil},
		{"navy", "The navy's coastal patrol stopped the boat; naval officers boarded it.", []string{"KPA", "KPA"}},
		{"ko navy", "해군 경비정이 어선을 세웠다", []string{"KPA"}},
		{"other state organs", "The Cabinet told the State Planning Commission and the Ministry of Foreign Trade; a filing cabinet fell.", []string{"OTHER", "OTHER", "OTHER"}},
		{"party military commission", "the Central Military Commission and the General Political Bureau", []string{"WPK", "KPA"}},
		{"ko other state organs", "내각과 국무위원회, 시장관리소가 나섰다. 무역성과는 별개다.", []string{"OTHER", "OTHER", "OTHER"}},
		{"ko army security bureau", "군 보위국이 대대를 검열했다. 보위부는 가만히 있었다.", []string{"KPA", "MSS"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := codes(Find(tt.text)); !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestMarks(t *testing.T) {
	tests := []struct {
		name                                 string
		text                                 string
		person, former, target, passing, gen bool
	}{
		{"person", "State security agents raided homes.", true, false, false, false, false},
		{"organ", "The Ministry of State Security raided homes.", false, false, false, false, false},
		{"former", "a former Ministry of State Security official who fled", false, true, false, false, false},
		{"served", "He once served in the State Security Department.", false, true, false, false, false},
		{"target passive", "A police officer was arrested on Monday.", true, false, true, false, false},
		{"active perfect", "Police officers have arrested ten smugglers.", true, false, false, false, false},
		{"relative clause acts", "a police officer who let calls go on was arrested", true, false, false, false, false},
		{"investigated list", "Inspectors went through the provincial party committee and the court.", false, false, true, false, false},
		{"causative", "Kim had the Ministry of State Security investigated.", false, false, true, false, false},
		{"agent of passive", "She was arrested by the Ministry of State Security.", false, false, false, false, false},
		{"passing", "It should not be confused with the Ministry of State Security.", false, false, false, true, false},
		{"idle", "The police are keeping their heads down this year.", false, false, false, true, false},
		{"generic", "Security officials demanded money.", true, false, false, false, true},
		{"ko former", "전직 보위원 출신 탈북민", true, true, false, false, false},
		{"ko target", "보안원이 체포됐다", true, false, true, false, false},
		{"ko target with people", "보위부 간부들이 처벌받았다", false, false, true, false, false},
		{"target noun", "The arrest of a police officer shocked residents.", true, false, true, false, false},
		{"negated passive after a modifier", "Soldiers building the new road were not affected by the order.", true, false, true, false, false},
		{"passive after a place phrase", "Police in the port city were questioned by inspectors.", false, false, true, false, false},
		{"modifier then active", "Police in the port city have arrested ten traders.", false, false, false, false, false},
		{"threatened handover", "They said he would be handed to the security department unless she paid.", false, false, false, true, true},
		{"handover done acts", "He was handed over to the state security department, which questioned him.", false, false, false, false, false},
		{"records of", "They checked the lists against the records of the Ministry of State Security.", false, false, false, true, false},
		{"former official of", "said a former official of the provincial people's committee", false, true, false, false, false},
		{"ko threatened handover", "\"돈을 내지 않으면 보위부에 넘기겠다\"고 위협했다", false, false, false, true, false},
		{"ko unconfirmed", "두 사람이 보위부에 넘겨졌다는 말도 있지만 확인되지 않았다.", false, false, false, true, false},
		{"ko confirmed handover", "두 사람은 보위부에 넘겨져 조사를 받고 있다.", false, false, false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Find(tt.text)
			if len(ms) == 0 {
				t.Fatalf("Find(%q) found nothing", tt.text)
			}
			m := ms[0]
			if m.Person != tt.person || m.Former != tt.former || m.Target != tt.target || m.Passing != tt.passing || m.Generic != tt.gen {
				t.Errorf("Find(%q)[0] = %+v; want person %v former %v target %v passing %v generic %v",
					tt.text, m, tt.person, tt.former, tt.target, tt.passing, tt.gen)
			}
		})
	}
}

func TestGenericFollowsText(t *testing.T) {
	text := "The Ministry of People's Security sent investigators. Security officials moved against the families."
	ms := Find(text)
	if got := codes(ms); !slices.Equal(got, []string{"MPS", "MPS"}) {
		t.Errorf("generic security officials in a police text: %v, want MPS MPS", got)
	}
	text = "Security officials demanded money from the broker."
	if got := codes(Find(text)); !slices.Equal(got, []string{"MSS"}) {
		t.Errorf("generic security officials alone: %v, want MSS", got)
	}
}

func TestActing(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"acting organs", "State security agents arrested a broker and police officers took his phone.", []string{"MSS", "MPS"}},
		{"only a target", "A police officer was arrested by state security agents.", []string{"MSS"}},
		{"former someone else", "The source, a former soldier, said border guards now demand 500 yuan.", []string{"KPA"}},
		{"order from above", "The party told police to ignore small traders, but soldiers searched homes.", []string{"KPA"}},
		{"ordered passive", "State security agents were ordered to watch the border; police took bribes.", []string{"MPS"}},
		{"ko order", "중앙당이 보위부에 지시했다.", []string{"WPK"}},
		{"relatives in the military", "People with relatives in the military are exempt, but police fined the rest.", []string{"MPS"}},
		{"police abroad", "Police in Seoul questioned the defector.", nil},
		{"former employer", "A former State Security Department official told reporters about prices.", nil},
		{"passing", "The police ministry is not to be confused with the Ministry of State Security.", []string{"MPS"}},
		{"habitual", "Police routinely squeeze traders at the market.", []string{"MPS"}},
		{"joint group with members", "A joint inspection group of police and prosecutors raided stalls.", []string{"MPS", "PROSECUTION"}},
		{"joint group alone", "A joint inspection group raided stalls.", []string{"OTHER"}},
		{"korean", "보위원들이 주민을 체포했고 안전원이 뇌물을 요구했다.", []string{"MSS", "MPS"}},
		{"none", "Prices of rice rose in the market.", nil},
		{"elections are not an organ acting", "Voters were registered for the Supreme People's Assembly elections.", nil},
		{"relatives and anniversaries", "A police officer's wife was caught selling rice before the KPA's founding anniversary; the son of a party cadre fled.", nil},
		{"retired", "His father, a retired army officer, paid the bribe.", nil},
		{"police day and night", "Police day and night search the riverbank.", []string{"MPS"}},
		{"ko relatives and buildings", "보위원의 아내가 적발됐다. 인민군 창건일에 보위부 앞을 지나갔다. 제대군인이 돌아왔다.", nil},
		{"ko acting after a building", "보위부 청사에서 나온 보위원들이 주민을 체포했다.", []string{"MSS"}},
		{"neither nor", "Neither the police nor the state security department answered, but soldiers fired.", []string{"KPA"}},
		{"army only negated", "Soldiers of the Korean People's Army building the hotels were not affected, but police cleared the stalls.", []string{"MPS"}},
		{"threat names where he would go", "Border guards told his wife he would be sent to the provincial MSS unless she paid.", []string{"KPA"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Acting(tt.text, Find(tt.text)); !slices.Equal(got, tt.want) {
				t.Errorf("Acting(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestActingBadSpans(t *testing.T) {
	ms := []Mention{{Span: [2]int{5, 90}, Code: "OTHER"}, {Span: [2]int{-1, 2}, Code: "MSS"}, {Span: [2]int{0, 3}, Code: "MPS"}}
	if got := Acting("short", ms); !slices.Equal(got, []string{"MPS"}) {
		t.Errorf("Acting with spans outside the text = %v, want [MPS]", got)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Ministry of Social Security (MSS)", "보위부에서", "state security agents were arrested",
		"\xffMSS", "Chinese police", "(", "시당국", "a former police officer",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		ms := Find(s)
		for _, m := range ms {
			a, b := m.Span[0], m.Span[1]
			if a < last || a >= b || b > len(s) {
				t.Fatalf("bad span %v (previous end %d) in %q", m.Span, last, s)
			}
			if !utf8.RuneStart(s[a]) || !utf8.ValidString(s[a:b]) {
				t.Fatalf("span %v splits a character in %q", m.Span, s)
			}
			if _, ok := validCodes[m.Code]; !ok {
				t.Fatalf("unknown code %q", m.Code)
			}
			last = b
		}
		_ = Acting(s, ms)
	})
}

var validCodes = map[string]bool{mss: true, mps: true, wpk: true, kpa: true, pros: true, other: true}

// benchText is a mixed English and Korean report written for the benchmark.
var benchText = strings.Repeat(`Ministry of State Security (MSS) agents in the border region have recently
stepped up their hunt for people who use Chinese mobile phones, a source said. A broker paid police
officers 5,000 yuan to be released, and traders say the market is quiet. The provincial Party
committee sent inspectors to the border. 함경북도 회령시에서 보위원들이 주민을 체포했고, 양강도
혜산시 안전원들도 단속에 나섰다고 소식통이 전했다. Border guards take bribes from smugglers. `, 50)

func BenchmarkFind(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Find(benchText)
	}
}

// checkMayStart fails when mayStart turns away a word start where a name
// is matched: the filter may only spare walks that find nothing.
func checkMayStart(t *testing.T, s string) {
	t.Helper()
	var buf [16]hit
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || !asciiAlnum[s[i]] || i > 0 && s[i-1] < 0x80 && asciiAlnum[s[i-1]] {
			continue
		}
		if _, _, ok := matchLatin(s, "", i, buf[:0]); ok && !m.mayStart(s, i) {
			t.Fatalf("mayStart(%q, %d) = false before a match", s, i)
		}

	}
	// And runMayStart at each run that starts a word.
	runs := ascii.Runs(s)
	for k, r := range runs {
		i := int(r.Start)
		if r.Kind != ascii.Letters && r.Kind != ascii.Digits || i > 0 && s[i-1] < 0x80 && asciiAlnum[s[i-1]] {
			continue
		}
		if _, _, ok := matchLatin(s, "", i, buf[:0]); ok && !m.runMayStart(s, runs, k) {
			t.Fatalf("runMayStart(%q, run %d at %d) = false before a match", s, k, i)
		}
	}
	// And koMayStart before the walk at a syllable.
	for i := 0; i+3 <= len(s); i++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isHangul(r) || size != 3 || m.koFirst[(r-0xAC00)>>6]&(1<<((r-0xAC00)&63)) == 0 {
			continue
		}
		if _, _, ok := matchKorean(s, i, buf[:0]); ok && !m.koMayStart(s, i, r) {
			t.Fatalf("koMayStart(%q, %d) = false before a match", s, i)
		}
	}
}

func TestMayStartSparesOnlyMisses(t *testing.T) {
	var all []string
	for _, n := range names {
		all = append(all, n.text)
	}
	for _, s := range stems {
		for _, p := range people {
			all = append(all, s.stem+" "+p)
		}
		for _, o := range organs {
			all = append(all, s.stem+"-"+o)
		}
	}
	text := strings.Join(all, ", ")
	checkMayStart(t, text)
	checkMayStart(t, strings.ToUpper(text))
	checkMayStart(t, strings.ReplaceAll(text, " ", "  "))
	checkMayStart(t, strings.ReplaceAll(text, ", ", "'s "))
	checkMayStart(t, strings.ReplaceAll(text, " ", "’ - "))
	checkMayStart(t, strings.ReplaceAll(text, " ", "\u00a0"))
}

func FuzzMayStart(f *testing.F) {
	for _, s := range []string{"the MSS's agents", "State  Security-Department.", "27국 109상무 KPA", "the\tmilitary, the Cabinet", "people's safety",
		"Bureau No. 27, 109-unit; police2 kpa.", "Police,army", "the  -'Military", "109 Sangmu$", "state security's agents"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkMayStart(t, s) })
}

// TestTargetCueShortcuts keeps targetCueBefore's shortcuts true to the
// tables they stand for.
func TestTargetCueShortcuts(t *testing.T) {
	for _, tt := range []struct {
		name   string
		words  map[string]bool
		shapes *wordShapes
	}{
		{"targetBefore", func() map[string]bool {
			m := map[string]bool{}
			for w := range targetBefore {
				m[w] = true
			}
			return m
		}(), targetShapes},
		{"auxWords", auxWords, auxShapes}, {"passiveAux", passiveAux, passiveShapes},
	} {
		for w := range tt.words {
			if !tt.shapes.may(w) {
				t.Errorf("%s word %q is skipped before the lookup", tt.name, w)
			}
		}
	}
	for _, c := range []byte(",:\"'") {
		if !isCueCut[c] {
			t.Errorf("isCueCut[%q] = false", c)
		}
	}
}

func FuzzTrimCue(f *testing.F) {
	f.Add(`"investigated,'`)
	f.Add(" \t was;\tarrested ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimCue(s), strings.Trim(s, ",:\"'"); got != want {
			t.Fatalf("trimCue(%q) = %q, want %q", s, got, want)
		}
		if got, want := trimPunct(s), strings.Trim(s, ",;:\"'"); got != want {
			t.Fatalf("trimPunct(%q) = %q, want %q", s, got, want)
		}
		// token as strings.TrimLeft and IndexAny would make it.
		trimmed := strings.TrimLeft(s, " \t")
		wantW, wantRest := trimmed, ""
		if i := strings.IndexAny(trimmed, " \t"); i >= 0 {
			wantW, wantRest = trimmed[:i], trimmed[i:]
		}
		if w, rest := token(s); w != wantW || rest != wantRest {
			t.Fatalf("token(%q) = %q, %q; want %q, %q", s, w, rest, wantW, wantRest)
		}
	})
}

// TestForeignMarkersApart checks what lastMarker's search relies on: no
// foreign marker starts another, and none overlaps itself.
func TestForeignMarkersApart(t *testing.T) {
	for _, f := range foreignMarkers {
		for _, g := range foreignMarkers {
			if f != g && strings.HasPrefix(g, f) {
				t.Errorf("marker %q starts marker %q", f, g)
			}
		}
		for n := 1; n < len(f); n++ {
			if f[:n] == f[len(f)-n:] {
				t.Errorf("marker %q overlaps itself by %q", f, f[:n])
			}
		}
	}
}

// TestLastMarker replays the search lastMarker spares: every marker of the
// whole text, the last one starting before the mention and not before the
// sentence.
func TestLastMarker(t *testing.T) {
	text := "U.S.U.S. Chinese China's, South Korean South Korea's Russian Russia's " +
		"American U.S. Japanese Beijing's Seoul's ChineseChinese IndoChinese x"
	var all []marker
	for _, f := range foreignMarkers {
		for i := 0; ; {
			j := strings.Index(text[i:], f)
			if j < 0 {
				break
			}
			all = append(all, marker{i + j, len(f)})
			i += j + len(f)
		}
	}
	var shared markerScan // asked across sentences, back and forth
	for from := 0; from <= len(text); from++ {
		var sentence markerScan // asked for each mention of a sentence in turn
		for start := from; start <= len(text); start++ {
			want, wantOK := marker{at: -1}, false
			for _, mk := range all {
				if mk.at >= from && mk.at < start && mk.at > want.at {
					want, wantOK = mk, true
				}
			}
			var fresh markerScan
			if got, ok := fresh.lastMarker(text, from, start); got != want && wantOK || ok != wantOK {
				t.Fatalf("lastMarker(text, %d, %d) = %v, %v; want %v, %v", from, start, got, ok, want, wantOK)
			}
			if got, ok := sentence.lastMarker(text, from, start); got != want && wantOK || ok != wantOK {
				t.Fatalf("lastMarker(text, %d, %d) after %d = %v, %v; want %v, %v", from, start, start-1, got, ok, want, wantOK)
			}
			if got, ok := shared.lastMarker(text, from, start); got != want && wantOK || ok != wantOK {
				t.Fatalf("shared lastMarker(text, %d, %d) = %v, %v; want %v, %v", from, start, got, ok, want, wantOK)
			}
		}
	}
}

// TestPrefixSet checks startsAny against a plain HasPrefix over the
// phrases, at every offset of a text built from them.
func TestPrefixSet(t *testing.T) {
	sets := []struct {
		name string
		set  *prefixSet
	}{
		{"koFormerAfter", &koFormerAfter}, {"koTargetNouns", &koTargetNouns}, {"koPassingAfter", &koPassingAfter},
	}
	for _, tt := range sets {
		t.Run(tt.name, func(t *testing.T) {
			phrases := slices.Concat(tt.set.groups...)
			text := strings.Join(phrases, "x") + " 의아 에서 일 창 ab"
			for i := 0; i <= len(text); i++ {
				want := false
				for _, p := range phrases {
					want = want || strings.HasPrefix(text[i:], p)
				}
				if got := tt.set.startsAny(text[i:]); got != want {
					t.Errorf("startsAny(%q) = %v, want %v", text[i:], got, want)
				}
			}
		})
	}
}

func FuzzContainsAt(f *testing.F) {
	f.Add("they kept a low profile", "low", 2)
	f.Add("wwlow", "low", 0)
	f.Fuzz(func(t *testing.T, s, sub string, k int) {
		if sub == "" {
			return
		}
		k = (k%len(sub) + len(sub)) % len(sub)
		if got, want := containsAt(s, sub, k), strings.Contains(s, sub); got != want {
			t.Fatalf("containsAt(%q, %q, %d) = %v, want %v", s, sub, k, got, want)
		}
	})
}

func FuzzPairSet(f *testing.F) {
	f.Add("a former police officer said", "former ")
	f.Add("ex-soldier", "ex-")
	f.Fuzz(func(t *testing.T, s, phrase string) {
		in := pairSetOf(s)
		if strings.Contains(s, phrase) && !in.holdsAll(pairsOf(phrase)) {
			t.Fatalf("pairSetOf(%q) lacks a pair of %q, which it holds", s, phrase)
		}
	})
}

// TestPlainFold checks the walk's shortcut against the folder.
func TestPlainFold(t *testing.T) {
	for c := 0; c < 256; c++ {
		if plainFold[c] == 0 {
			continue
		}
		f := folder{s: string([]byte{byte(c)})}
		if b, end, ok := f.next(); !ok || b != plainFold[c] || end != 1 || f.last != b {
			t.Errorf("folder on %q = %q, %d, %v; plainFold has %q", byte(c), b, end, ok, plainFold[c])
		}
	}
}

func FuzzDayAfter(f *testing.F) {
	f.Add("'s founding anniversary day")
	f.Add("yy foundation day of its")
	f.Add("dow lowdown wn")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := dayAfter(s), containsAny(s, dayPhrases...); got != want {
			t.Fatalf("dayAfter(%q) = %v, want %v", s, got, want)
		}
		if got, want := lowOrDown(s), strings.Contains(s, "low") || strings.Contains(s, "down"); got != want {
			t.Fatalf("lowOrDown(%q) = %v, want %v", s, got, want)
		}
		if got, want := hasModifierBreak(s), strings.ContainsAny(s, ",;:\"()"); got != want {
			t.Fatalf("hasModifierBreak(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestHasCapital checks the eight-byte test against every byte value at
// every place among lower-case, space and high bytes.
func TestHasCapital(t *testing.T) {
	for _, fill := range []byte{'a', ' ', 0x80, 0xff, 'z', '@', '['} {
		for c := 0; c < 256; c++ {
			for at := 0; at < 8; at++ {
				b := []byte(strings.Repeat(string([]byte{fill}), 8))
				b[at] = byte(c)
				want := false
				for _, x := range b {
					want = want || 'A' <= x && x <= 'Z'
				}
				if got := hasCapital(load64(string(b))); got != want {
					t.Fatalf("hasCapital(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}

func FuzzLastSpace(f *testing.F) {
	f.Add("investigators went through the provincial")
	f.Add("\x00 !\xa0\x20\x21\x01 xxxxxxxx")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lastSpace(s), strings.LastIndexByte(s, ' '); got != want {
			t.Fatalf("lastSpace(%q) = %d, want %d", s, got, want)
		}
	})
}

// TestSentenceMarksSearch checks the walking search against a binary
// search, asked forward, backward and back and forth.
func TestSentenceMarksSearch(t *testing.T) {
	text := "One. Two! Three? Four\nFive. U.S. six.. seven"
	n := len(text) + 2
	var orders [][]int
	var up, down, zigzag []int
	for x := 0; x < n; x++ {
		up = append(up, x)
		down = append(down, n-1-x)
		zigzag = append(zigzag, x, n-1-x, x/2)
	}
	orders = append(orders, up, down, zigzag)
	for _, xs := range orders {
		sm := findSentenceMarks(text, 0, len(text))
		for _, x := range xs {
			want, _ := slices.BinarySearch(sm.at, int32(x))
			if got := sm.search(x); got != want {
				t.Fatalf("search(%d) = %d, want %d (marks %v)", x, got, want, sm.at)
			}
		}
	}
}

// TestSyllableAt checks koMayStart's shortcut against utf8's decoding of
// every three-byte sequence near the Hangul block.
func TestSyllableAt(t *testing.T) {
	for c0 := 0xE0; c0 <= 0xEF; c0++ {
		for c1 := 0x7F; c1 <= 0xC0; c1++ {
			for c2 := 0x7F; c2 <= 0xC0; c2++ {
				s := string([]byte{byte(c0), byte(c1), byte(c2)})
				r, size := utf8.DecodeRuneInString(s)
				if got, want := syllableAt(s, 0), isHangul(r) && size == 3; got != want {
					t.Fatalf("syllableAt(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
	if syllableAt("보", 1) || syllableAt("보위", 3) != true {
		t.Error("syllableAt misreads the end of a text")
	}
}
