package index

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// wordsRef is Words written plainly, rune by rune: the reference the fast
// version must agree with.
func wordsRef(s string) []string {
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		if r == 0 { // NUL separates (foldRune's 0 means a combining mark)
			flush()
			continue
		}
		if Apostrophe(r) {
			continue
		}
		r = foldRune(r)
		switch {
		case r == 0:
		case wordRune(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return words
}

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  ,. ", nil},
		{"Exchange-rate, 5,000 yuan!", []string{"exchange", "rate", "5", "000", "yuan"}},
		{"Hoeryŏng Ch'ŏngjin Chʼŏngjin P’yŏngyang's 'bribe'", []string{"hoeryong", "chongjin", "chongjin", "pyongyangs", "bribe"}},
		{"e\u0301te\u0301 İstanbul", []string{"ete", "istanbul"}},
		{"보위부 MSS단속 ①", []string{"mss", "①"}},
	} {
		if got := Words(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"Exchange-rate, 5,000 yuan!", "Hoeryŏng Ch'ŏngjin", "e\u0301te", "보위부 MSS단속", "\xff\xfe A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Words(s), wordsRef(s); !slices.Equal(got, want) {
			t.Fatalf("Words(%q) = %q, reference %q", s, got, want)
		}
	})
}

func BenchmarkWords(b *testing.B) {
	text := strings.Repeat("Sources in Chongjin said the labour training camp held more people this year, and that bribes of 5,000 yuan bought release. ", 25)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Words(text)
	}
}
