package date

// Token kinds of the English reader.
const (
	tWord  = iota // ASCII letters
	tNum          // digits, with an ordinal suffix when written "24th"
	tPunct        // one ASCII punctuation byte or a line break
	tOther        // anything else (Hangul, other scripts): breaks every pattern
)

// token is a span of the text with its kind; a number carries its value.
type token struct {
	start, end int
	num        int
	kind       uint8
	ordinal    bool  // "24th", "1st"
	digits     uint8 // number of digits, at most 255
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 32
	}
	return c
}

// hasFold reports whether s[i:] starts with the lower-case ASCII w, case ignored.
func hasFold(s string, i int, w string) bool {
	if len(s)-i < len(w) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if lower(s[i+k]) != w[k] {
			return false
		}
	}
	return true
}

// Byte classes of the tokenizer.
const (
	cPunct  = iota // ASCII other than the below
	cLetter        // ASCII letters
	cDigit         // ASCII digits
	cSpace         // spaces, tabs and carriage returns: dropped
	cOther         // bytes above ASCII
)

// tokClass is the class of each byte.
var tokClass = func() (t [256]uint8) {
	for c := range t {
		switch b := byte(c); {
		case b == ' ' || b == '\t' || b == '\r':
			t[c] = cSpace
		case isLetter(b):
			t[c] = cLetter
		case isDigit(b):
			t[c] = cDigit
		case b >= 0x80:
			t[c] = cOther
		}
	}
	return t
}()

// tokenizeFrom appends to toks at most limit tokens of s from byte i on.
func tokenizeFrom(s string, i, limit int, toks []token) []token {
	for i < len(s) && len(toks) < limit {
		switch tokClass[s[i]] {
		case cSpace:
			i++
		case cLetter:
			j := i + 1
			for j < len(s) && tokClass[s[j]] == cLetter {
				j++
			}
			toks = append(toks, token{kind: tWord, start: (i), end: (j)})
			i = j
		case cDigit:
			j, v := i, 0
			for j < len(s) && isDigit(s[j]) {
				if v < 1e7 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			t := token{kind: tNum, start: (i), end: (j), num: (v), digits: uint8(min(j-i, 255))}
			if j+2 <= len(s) && (hasFold(s, j, "st") || hasFold(s, j, "nd") || hasFold(s, j, "rd") || hasFold(s, j, "th")) &&
				(j+2 == len(s) || !isLetter(s[j+2])) {
				t.ordinal = true
				t.end = (j + 2)
				j += 2
			}
			toks = append(toks, t)
			i = j
		case cPunct:
			toks = append(toks, token{kind: tPunct, start: (i), end: (i + 1)})
			i++
		default:
			j := i + 1
			for j < len(s) && s[j] >= 0x80 {
				j++
			}
			toks = append(toks, token{kind: tOther, start: (i), end: (j)})
			i = j
		}
	}
	return toks
}
