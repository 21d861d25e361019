package extract

import "unicode"

// DetectLanguage returns "ko" when Hangul makes up a fair share of the
// letters, else "en". Korean reports quote English names and English reports
// rarely contain Hangul, so a share of one in five is a clear threshold.
func DetectLanguage(text string) string {
	var hangul, letters int
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Hangul, r):
			hangul++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters > 0 && hangul*5 >= letters {
		return "ko"
	}
	return "en"
}
