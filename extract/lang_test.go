package extract

import (
	"testing"
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
