package agency

import "unicode/utf8"

// folder yields the folded bytes of a text from an offset: ASCII lower-cased,
// apostrophes dropped, runs of spaces and hyphens as one space, Hangul
// unchanged; any other character stops the walk. Names are folded the same
// way, so "People's Safety", "peoples safety" and "People’s-Safety" meet.
type folder struct {
	s      string
	i      int
	pend   [2]byte // rest of a Hangul syllable still to emit
	pi, pn uint8
	pEnd   int
	last   byte
}

// next returns the next folded byte and the offset after its source character.
func (f *folder) next() (byte, int, bool) {
	if f.pi < f.pn {
		b := f.pend[f.pi]
		f.pi++
		f.last = b
		return b, f.pEnd, true
	}
	for f.i < len(f.s) {
		c := f.s[f.i]
		if c < utf8.RuneSelf {
			f.i++
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '.':
			case c == ' ' || c == '-' || c == '\t':
				if f.last == ' ' || f.last == 0 {
					continue
				}
				c = ' '
			case c == '\'':
				continue
			default:
				f.i--
				return 0, 0, false
			}
			f.last = c
			return c, f.i, true
		}
		var r rune
		var size int
		// Hangul (U+A000–U+D7FF) decoded inline, the rest by utf8: same result.
		if c0 := f.s[f.i]; c0-0xEA < 4 && f.i+2 < len(f.s) && f.s[f.i+1]&0xC0 == 0x80 && f.s[f.i+2]&0xC0 == 0x80 && (c0 != 0xED || f.s[f.i+1] < 0xA0) {
			r, size = rune(c0&0x0F)<<12|rune(f.s[f.i+1]&0x3F)<<6|rune(f.s[f.i+2]&0x3F), 3
		} else {
			r, size = utf8.DecodeRuneInString(f.s[f.i:])
		}
		switch {
		case isHangul(r):
			f.i += size
			f.pend[0], f.pend[1] = f.s[f.i-2], f.s[f.i-1]
			f.pi, f.pn = 0, 2
			f.pEnd = f.i
			f.last = f.s[f.i-3]
			return f.last, f.i, true
		case r == '’' || r == '‘' || r == 'ʼ':
			f.i += size
			continue
		case r == '\u00a0' || r == '\u2010' || r == '\u2011':
			f.i += size
			if f.last == ' ' || f.last == 0 {
				continue
			}
			f.last = ' '
			return ' ', f.i, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}
