package extract

import (
	"encoding/binary"
	"math/bits"
)

// DetectLanguage returns "ko" when Hangul makes up a fair share of the
// letters, else "en". Korean reports quote English names and English reports
// rarely contain Hangul, so a share of one in five is a clear threshold.
func DetectLanguage(text string) string {
	if hangulShare(text) >= 0.2 {
		return "ko"
	}
	return "en"
}

// hangulShare is the share of Hangul syllables among the letters of text,
// counted on bytes: a Latin letter is one ASCII byte, a Hangul syllable
// (U+AC00–U+D7A3) three bytes led by 0xEA–0xED. Other scripts are rare in
// these reports and count as neither.
func hangulShare(text string) float64 {
	var hangul, latin int
	for i := 0; i < len(text); {
		if i+8 <= len(text) {
			// Eight ASCII bytes at once: the letters are the bytes that
			// fall in 'a'..'z' once 0x20 is set (as below), counted with
			// carries that cannot cross bytes below 0x80.
			x := binary.LittleEndian.Uint64([]byte(text[i : i+8]))
			if x&0x8080808080808080 == 0 {
				y := x | 0x2020202020202020
				ge := y + 0x1F1F1F1F1F1F1F1F // high bit: byte >= 'a'
				gt := y + 0x0505050505050505 // high bit: byte > 'z'
				latin += bits.OnesCount64(ge &^ gt & 0x8080808080808080)
				i += 8
				continue
			}
		}
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
		i++
	}
	if hangul+latin == 0 {
		return 0
	}
	return float64(hangul) / float64(hangul+latin)
}

// language decides the language to read a report in: the text's own when it
// is plainly one language (a label "en" on Korean text is wrong), else the
// label, else the text's.
func language(label, text string) string {
	share := hangulShare(text)
	switch {
	case share >= 0.5:
		return "ko"
	case share <= 0.05:
		return "en"
	case label == "en" || label == "ko":
		return label
	case share >= 0.2:
		return "ko"
	}
	return "en"
}
