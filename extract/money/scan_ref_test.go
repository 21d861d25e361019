package money

import (
	"reflect"
	"testing"

	"casebook/extract/internal/ascii"
	"casebook/extract/internal/devcorpus"
)

// scanByByte is scan written plainly, over every byte and without the
// shortcuts of the runs (trigram filter, words passed over whole, bytes
// above ASCII passed over but for the lead bytes of €, ¥, ₩, ￥): the
// reference scan is checked against.
func scanByByte(s string) []mention {
	var out []mention
	for i := 0; i < len(s); {
		c := s[i]
		try, next := false, i+1
		switch {
		case isDigit(c):
			try = i == 0 || !(isLetter(s[i-1]) || isDigit(s[i-1]) || s[i-1] == '.' || s[i-1] == ',')
			for next = i; next < len(s) && (isDigit(s[next]) || s[next] == ',' || s[next] == '.'); next++ {
			}
		case isLetter(c):
			next = wordEnd(s, i)
			try = (i == 0 || !(isDigit(s[i-1]) || s[i-1] == '\'')) && triggerWord(s, i, next)
		case c == '$', c == 0xE2, c == 0xC2, c == 0xEF:
			try = true
		}
		if try {
			if m, ok := parseMention(s, i, out); ok {
				out = append(out, m)
				i = m.end
				continue
			}
		}
		i = next
	}
	return out
}

// TestScanByByte checks scan against scanByByte on the development corpus
// (when present) and on texts that stress its shortcuts.
func TestScanByByte(t *testing.T) {
	texts := []string{
		"She paid 3,000 yuan (US $430). The agents wanted 3,000 yuan more, then 5,000 to 8,000 yuan.",
		"a hundred yuan, A thousand won and seventy thousand goes to the officer; twenty-five dollars",
		"€20, ¥500, ₩1000, ￥300 and “5,000 won” — 약 3만 원, 1만5000원, 5~10만 원, 100불",
		"Three hundred RMB or four thousand KPW; USD 20 and US$30, U.S. $40, nkw 50",
		"the won hit 9,000 per dollar; 1 yuan = 1,200 won; one dollar fetches 8,000 won",
		"\xe2\x82 \xe2 \xc2 \xef\xbf 500 yuan\xff\xfe 600 won \x80\x80\xe2\x82\xac70",
		"중국 돈 3천 원을 냈다. 북한돈 5000원, 한화 1만 원, 위안화 200위안, 달러 30달러",
		"abc123 yuan 12ab 'twenty yuan' 1.5.6 yuan ,7 yuan seventy-seven yuan",
	}
	for _, d := range devcorpusDocs(t) {
		texts = append(texts, d)
	}
	for _, s := range texts {
		if got, want := scan(s, ascii.Runs(s)), scanByByte(s); !reflect.DeepEqual(got, want) {
			t.Errorf("scan(%.60q…) = %v, scanByByte %v", s, got, want)
		}
	}
}

// devcorpusDocs returns the development corpus's texts, none when it is
// not present.
func devcorpusDocs(t *testing.T) []string {
	var texts []string
	t.Run("corpus", func(t *testing.T) {
		for _, d := range devcorpus.Load(t) {
			texts = append(texts, d.Text)
		}
	})
	return texts
}

// TestNextSignLead checks nextSignLead against a plain byte loop, with each
// lead byte and its neighbours at every offset of texts of Hangul.
func TestNextSignLead(t *testing.T) {
	plain := func(s string, i, end int) int {
		for ; i < end; i++ {
			if s[i] == 0xC2 || s[i] == 0xE2 || s[i] == 0xEF {
				return i
			}
		}
		return end
	}
	base := []byte("가격은 북한 돈 원이었다 가나다라마바사")
	for _, b := range []byte{0xC2, 0xE2, 0xEF, 0xC3, 0xE3, 0xEE, 0xCF, 0x82, 0xA2} {
		for at := 0; at < len(base); at++ {
			s := append([]byte{}, base...)
			s[at] = b
			for i := 0; i <= len(s); i++ {
				for _, end := range []int{i, len(s), min(len(s), i+9), min(len(s), at+1)} {
					if end < i {
						continue
					}
					if got, want := nextSignLead(string(s), i, end), plain(string(s), i, end); got != want {
						t.Fatalf("nextSignLead(% x, %d, %d) = %d, want %d", s, i, end, got, want)
					}
				}
			}
		}
	}
}
