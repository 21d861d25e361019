package extract

import (
	"testing"

	"casebook/extract/internal/ascii"
	"time"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"english", "Police in Hyesan arrested a trader.", "en"},
		{"english quoting hangul", "The Ministry of State Security (국가보위성) arrested a broker in Hoeryong last week.", "en"},
		{"korean", "보위부가 회령시에서 주민을 체포했다.", "ko"},
		{"korean quoting english", "보위부(MSS)가 Hoeryong 시장에서 상인 3명을 체포했다고 Daily NK가 전했다.", "ko"},
		{"empty", "", "en"},
		{"digits only", "2019-12-06 10,000", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLanguage(tt.text); got != tt.want {
				t.Errorf("DetectLanguage = %s, want %s", got, tt.want)
			}
		})
	}
}

// A report whose language is missing or wrong ("en" on Korean text) is read
// in the language its text is written in.
func TestExtractDetectsLanguage(t *testing.T) {
	text := "제목\n\n보위부가 지난달 회령시에서 주민 2명을 체포했다."
	pub := time.Date(2022, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, lang := range []string{"", "xx", "en"} {
		f := Extract(Input{Text: text, Published: pub, Language: lang})
		if len(f.Events) != 1 || f.Events[0].Type != "detention" {
			t.Errorf("language %q: events %+v, want one detention", lang, f.Events)
		}
	}
}

// hangulShareBytewise reads every byte of text: the reference hangulShare,
// which reads only the runs above ASCII byte by byte, must agree with.
func hangulShareBytewise(text string) float64 {
	var hangul, latin int
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			latin++
		case c >= 0xEA && c <= 0xED && i+2 < len(text):
			r := rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			if r >= 0xAC00 && r <= 0xD7A3 && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
				hangul++
				i += 2
			}
		}
	}
	if hangul+latin == 0 {
		return 0
	}
	return float64(hangul) / float64(hangul+latin)
}

func FuzzHangulShare(f *testing.F) {
	f.Add("Hello 혜산 world, abc@[`{ XYZ 12345678 회령에서 zz")
	f.Add(string([]byte{0xEA, 0xB0, 0x80, 'a', 0x7F, 0x40, 0x5B, 0x60, 0x7B, 'A', 'Z', 'z', 0xED, 0x9F}))
	f.Fuzz(func(t *testing.T, s string) {
		for k := 0; k < 9 && k <= len(s); k++ {
			if got, want := hangulShare(s[k:], ascii.Runs(s[k:])), hangulShareBytewise(s[k:]); got != want {
				t.Fatalf("hangulShare(%q) = %v, want %v", s[k:], got, want)
			}
		}
	})
}
