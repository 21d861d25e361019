package extract

import "casebook/extract/internal/ascii"

// DetectLanguage returns "ko" when Hangul makes up a fair share of the
// letters, else "en". Korean reports quote English names and English reports
// rarely contain Hangul, so a share of one in five is a clear threshold.
func DetectLanguage(text string) string {
	if hangulShare(text, ascii.Runs(text)) >= 0.2 {
		return "ko"
	}
	return "en"
}

// hangulShare is the share of Hangul syllables among the letters of text,
// counted on bytes: a Latin letter is one ASCII byte, a Hangul syllable
// (U+AC00–U+D7A3) three bytes led by 0xEA–0xED. Other scripts are rare in
// these reports and count as neither. It reads text through its runs: the
// letters are the runs of letters, and only runs above ASCII are read
// byte by byte.
func hangulShare(text string, runs []ascii.Run) float64 {
	var hangul, latin int
	for _, r := range runs {
		switch r.Kind {
		case ascii.Letters:
			latin += int(r.End - r.Start)
		case ascii.NonASCII:
			// A syllable's continuation bytes are above ASCII too, so a
			// syllable never reaches past its run.
			for i := int(r.Start); i < int(r.End); i++ {
				c := text[i]
				if c < 0xEA || c > 0xED || i+2 >= len(text) {
					continue
				}
				x := rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
				if x >= 0xAC00 && x <= 0xD7A3 && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
					hangul++
					i += 2
				}
			}
		}
	}
	if hangul+latin == 0 {
		return 0
	}
	return float64(hangul) / float64(hangul+latin)
}

// language decides the language to read a report in: the text's own when it
// is plainly one language (a label "en" on Korean text is wrong), else the
// label, else the text's.
func language(label, text string, runs []ascii.Run) string {
	share := hangulShare(text, runs)
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
