package export

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRedact(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		// English: titles.
		{"mr surname", "Mr. Kim was taken by the MSS.", "Mr. [name] was taken by the MSS."},
		{"ms full name", "Ms Ri Myong-hui paid 3,000 yuan.", "Ms [name] paid 3,000 yuan."},
		{"mrs western", "Mrs. Hanson said nothing.", "Mrs. [name] said nothing."},
		{"initial", "Mr. K, a trader, was detained.", "Mr. [name], a trader, was detained."},
		// English: naming cues.
		{"a man named", "a man named Chol was arrested in Hyesan", "a man named [name] was arrested in Hyesan"},
		{"surnamed", "a woman in her 40s surnamed Pak paid a bribe", "a woman in her 40s surnamed [name] paid a bribe"},
		{"known as quoted", `a broker known as "Crane" fled`, `a broker known as "[name]" fled`},
		{"identified as", "the smuggler, identified as Tae-sik, was fined", "the smuggler, identified as [name], was fined"},
		// English: romanized Korean names.
		{"full name hyphen", "Kim Chol-su was sent to a labor camp.", "[name] was sent to a labor camp."},
		{"full name spaced", "police beat Ri Myong Hui in Musan", "police beat [name] in Musan"},
		{"bare surname", "Pak told the reporter the MSS took 5,000 yuan.", "[name] told the reporter the MSS took 5,000 yuan."},
		{"bare given name", "Chol-su was released after his wife paid.", "[name] was released after his wife paid."},
		{"name with age", "Sun-ok, 34, was detained", "[name], 34, was detained"},
		{"name with age parens", "Yong (52) was fined", "[name] (52) was fined"},
		{"quoted name", "the agent called him ‘Kang’ and took the phone", "the agent called him ‘[name]’ and took the phone"},
		{"two names", "Kim and Ri Chol-man were held", "[name] and [name] were held"},
		{"capitals", "KIM CHOL-SU DETAINED IN HYESAN", "[name] DETAINED IN HYESAN"},
		{"capital surname", "Police held PAK for a week", "Police held [name] for a week"},
		// English: kept.
		{"leader", "under Kim Jong Un the MSS grew", "under Kim Jong Un the MSS grew"},
		{"leader hyphen", "Kim Jong-un ordered a crackdown", "Kim Jong-un ordered a crackdown"},
		{"leader capitals", "KIM JONG UN ORDERS CRACKDOWN", "KIM JONG UN ORDERS CRACKDOWN"},
		{"acronyms", "The MSS, MPS and KPA took USD and CNY", "The MSS, MPS and KPA took USD and CNY"},
		{"university", "a Kim Il Sung University student", "a Kim Il Sung University student"},
		{"city", "in Kim Chaek the police fined traders", "in Kim Chaek the police fined traders"},
		{"county suffix", "a resident of Musan-gun was detained", "a resident of Musan-gun was detained"},
		{"anti-state", "charged with anti-state acts", "charged with anti-state acts"},
		{"no names", "Border guards demanded 2,000 yuan from a smuggler in Hoeryong.", "Border guards demanded 2,000 yuan from a smuggler in Hoeryong."},
		{"agencies", "The MPS and the MSS raided the market.", "The MPS and the MSS raided the market."},
		// Korean.
		{"ko name ssi", "보위부가 김철수 씨를 체포했다.", "보위부가 [name] 씨를 체포했다."},
		{"ko name ssi joined", "김철수씨는 벌금을 냈다", "[name]씨는 벌금을 냈다"},
		{"ko surname ssi", "회령의 김 씨는 3000위안을 바쳤다", "회령의 [name] 씨는 3000위안을 바쳤다"},
		{"ko mo ssi", "이모 씨(45)가 구류됐다", "[name] 씨(45)가 구류됐다"},
		{"ko circles", "박○○ 씨가 단속됐다", "[name] 씨가 단속됐다"},
		{"ko age", "최영남(52)이 끌려갔다", "[name](52)이 끌려갔다"},
		{"ko yeosa", "정 여사는 뇌물을 요구받았다", "[name] 여사는 뇌물을 요구받았다"},
		{"ko person noun", "주민 김철수가 보위부에 잡혔다", "주민 [name]가 보위부에 잡혔다"},
		{"ko raneun", "철수라는 남성이 체포됐다", "[name]라는 남성이 체포됐다"},
		{"ko quoted raneun", "‘학’이라는 브로커가 도주했다", "‘[name]’이라는 브로커가 도주했다"},
		{"ko name is", "그의 이름은 박영호였다", "그의 이름은 [name]였다"},
		{"ko alias", "가명 '두루미'로 불리는 송금 브로커", "가명 '[name]'로 불리는 송금 브로커"},
		// Korean: kept.
		{"ko weather", "날씨가 추워 밀수가 줄었다", "날씨가 추워 밀수가 줄었다"},
		{"ko seed", "씨앗 장사꾼이 단속됐다", "씨앗 장사꾼이 단속됐다"},
		{"ko lady", "아가씨 한 명이 잡혔다", "아가씨 한 명이 잡혔다"},
		{"ko no names", "보위부는 회령에서 전화 사용자를 단속했다", "보위부는 회령에서 전화 사용자를 단속했다"},
		{"ko reason", "반동이라는 이유로 처벌됐다", "반동이라는 이유로 처벌됐다"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Redact(tt.in); got != tt.want {
				t.Errorf("Redact(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestRedactIdempotent: redacting twice changes nothing more, so layers that
// each redact (export, web) do not mangle text.
func TestRedactIdempotent(t *testing.T) {
	for _, s := range []string{
		"Mr. Kim Chol-su, 45, paid Ms. Ri 300 dollars.",
		"김철수 씨와 이모 씨가 주민 박영호와 함께 잡혔다",
		"a man named Chol and a woman called “Sun-hui”",
	} {
		once := Redact(s)
		if twice := Redact(once); twice != once {
			t.Errorf("Redact twice:\n%q\n%q", once, twice)
		}
		for _, name := range []string{"Chol", "Kim", "Ri ", "철수", "이모", "영호", "Sun-hui"} {
			if strings.Contains(once, name) {
				t.Errorf("Redact(%q) = %q still has %q", s, once, name)
			}
		}
	}
}

func TestIsGivenName(t *testing.T) {
	for w, want := range map[string]bool{
		"Chol-su": true, "Myong-hui": true, "Young-ho": true, "Sun-ok": true, "Kwang-chol": true,
		"Musan-gun": false, "Anti-state": false, "Well-known": false, "Self-criticism": false,
		"Hyesan-si": false, "Non-stop": false,
	} {
		if got := isGivenName(w); got != want {
			t.Errorf("isGivenName(%q) = %v, want %v", w, got, want)
		}
	}
}

func FuzzRedact(f *testing.F) {
	f.Add("Mr. Kim Chol-su (45) paid 김철수 씨")
	f.Add("‘학’이라는 브로커")
	f.Fuzz(func(t *testing.T, s string) {
		out := Redact(s)
		if s != "" && out == "" {
			t.Fatalf("Redact(%q) is empty", s)
		}
		if Redact(out) != Redact(Redact(out)) {
			t.Fatalf("Redact does not settle on %q", s)
		}
		last := 0
		for _, sp := range NameSpans(s) {
			if sp[0] < last || sp[0] >= sp[1] || sp[1] > len(s) {
				t.Fatalf("bad spans %v in %q", NameSpans(s), s)
			}
			last = sp[1]
		}
		if m := MaskNames(s); len(m) != len(s) || (utf8.ValidString(s) && !utf8.ValidString(m)) {
			t.Fatalf("MaskNames(%q) = %q", s, m)
		}
	})
}

func TestNameSpans(t *testing.T) {
	s := "Mr. Kim Chol-su met 김철수 씨 and Ri in Hoeryong."
	spans := NameSpans(s)
	var names []string
	for i, sp := range spans {
		if sp[0] >= sp[1] || (i > 0 && sp[0] < spans[i-1][1]) {
			t.Fatalf("spans overlap or are empty: %v", spans)
		}
		names = append(names, s[sp[0]:sp[1]])
	}
	if want := []string{"Kim Chol-su", "김철수", "Ri"}; strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("NameSpans = %q, want %q", names, want)
	}
	if NameSpans("The MSS fined traders in Hyesan.") != nil {
		t.Error("spans in a text without names")
	}
}

func TestMaskNames(t *testing.T) {
	for _, s := range []string{
		"Mr. Kim Chol-su met Ri in Hoeryong.",
		"보위부가 김철수 씨를 체포했다. 주민 박영호가 신고했다.",
		"No names here at all.",
	} {
		m := MaskNames(s)
		if len(m) != len(s) {
			t.Errorf("MaskNames(%q) changed the length: %d → %d", s, len(s), len(m))
		}
		if !utf8.ValidString(m) {
			t.Errorf("MaskNames(%q) is not valid UTF-8", s)
		}
		for _, sp := range NameSpans(s) {
			if strings.Contains(m, s[sp[0]:sp[1]]) {
				t.Errorf("MaskNames(%q) = %q keeps %q", s, m, s[sp[0]:sp[1]])
			}
		}
		// Outside the names nothing moved.
		if NameSpans(s) == nil && m != s {
			t.Errorf("MaskNames changed a text without names: %q", m)
		}
	}
	if got := MaskNames("Mr. Kim Chol-su left."); got != "Mr. [name]      left." {
		t.Errorf("MaskNames = %q", got)
	}
	if got := MaskNames("Mr. Ri left."); got != "Mr. ** left." {
		t.Errorf("MaskNames = %q", got)
	}
}

func BenchmarkRedact(b *testing.B) {
	s := strings.Repeat("Agents of the Ministry of State Security in Hoeryong detained Mr. Kim Chol-su, 45, for a phone call. "+
		"보위부가 주민 김철수 씨를 체포했다. ", 20)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Redact(s)
	}
}
