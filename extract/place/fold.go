package place

import "unicode/utf8"

// Spellings and text are compared after one folding, applied on the fly while
// walking the trie so that no copy of the text is made and match ends are
// byte offsets into the original text:
//
//   - ASCII letters lower-cased; ŏ ŭ é … lose their diacritics;
//   - apostrophes (' ’ ‘ ʼ) dropped: P'yŏngyang = Pyongyang;
//   - spaces and tabs become one space; hyphens are dropped, so syllables
//     and suffixes join: Hoe-ryong = Hoeryong, Hoeryong-si = Hoeryongsi;
//   - romanisation systems folded as the scorer does (McCune–Reischauer vs
//     Revised): eo→o, eu→u, b→p, g→k, d→t, j→ch, sh→s, chh→ch;
//   - Hangul syllables pass unchanged; anything else stops a walk.
//
// The same folder turns gazetteer spellings into trie keys, so both sides
// always fold alike.

// folder yields the folded bytes of s from a start offset.
type folder struct {
	s       string
	i       int     // next input offset
	pend    [2]byte // bytes still to emit (rest of a Hangul syllable, h of j→ch)
	pi, pn  uint8   // next pending byte, number of pending bytes
	pendEnd int     // input offset after the source of the pending bytes
	last    byte    // last byte emitted, 0 at the start
}

func newFolder(s string, at int) folder { return folder{s: s, i: at} }

// next returns the next folded byte and the input offset just after the
// character it came from; ok is false at a character that stops matching.
func (f *folder) next() (b byte, end int, ok bool) {
	if f.pi < f.pn {
		b = f.pend[f.pi]
		f.pi++
		f.last = b
		return b, f.pendEnd, true
	}
	for f.i < len(f.s) {
		c := f.s[f.i]
		if c < utf8.RuneSelf {
			f.i++
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '-':
				continue // Hoe-ryong, Hamgyong-bukto, Hoeryong-si: syllables and suffixes join
			case c == ' ' || c == '\t':
				if f.last == ' ' || f.last == 0 {
					continue
				}
				f.last = ' '
				return ' ', f.i, true
			case c == '\'' || c == '`':
				continue
			case c == '.':
				f.last = '.'
				return '.', f.i, true
			case 'a' <= c && c <= 'z':
			default:
				f.i--
				return 0, 0, false
			}
			return f.letter(c)
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
		case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllable
			f.i += size
			f.pend[0], f.pend[1] = f.s[f.i-2], f.s[f.i-1]
			f.pi, f.pn = 0, 2
			f.pendEnd = f.i
			f.last = f.s[f.i-3]
			return f.last, f.i, true
		case r == '’' || r == '‘' || r == 'ʼ' || r == '´':
			f.i += size
			continue
		case r == '\u2010' || r == '\u2011':
			f.i += size
			continue
		case r == '\u00a0':
			f.i += size
			if f.last == ' ' || f.last == 0 {
				continue
			}
			f.last = ' '
			return ' ', f.i, true
		}
		if l := diacriticBase(r); l != 0 {
			f.i += size
			return f.letter(l)
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// letter folds one lower-case Latin letter whose source ends at f.i.
func (f *folder) letter(c byte) (byte, int, bool) {
	switch c {
	case 'b':
		c = 'p'
	case 'g':
		c = 'k'
	case 'd':
		c = 't'
	case 'j':
		f.pend[0] = 'h'
		f.pi, f.pn = 0, 1
		f.pendEnd = f.i
		f.last = 'c'
		return 'c', f.i, true
	case 'e':
		if n := peekLetter(f.s, f.i); n == 'o' || n == 'u' {
			return f.next()
		}
	case 'h':
		if f.last == 's' || f.last == 'h' {
			return f.next()
		}
	}
	f.last = c
	return c, f.i, true
}

// peekLetter returns the lower-case base letter at s[i], or 0.
func peekLetter(s string, i int) byte {
	if i >= len(s) {
		return 0
	}
	c := s[i]
	if c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return diacriticBase(r)
}

// diacriticBase maps the accented letters of romanised Korean to their base.
func diacriticBase(r rune) byte {
	switch r {
	case 'ŏ', 'Ŏ', 'ō', 'Ō', 'ó', 'ò', 'ô', 'ö', 'Ö':
		return 'o'
	case 'ŭ', 'Ŭ', 'ū', 'Ū', 'ú', 'ù', 'ü', 'Ü':
		return 'u'
	case 'é', 'è', 'ê', 'ë', 'É', 'ĕ':
		return 'e'
	case 'á', 'à', 'â', 'ä', 'ă':
		return 'a'
	case 'í', 'ì', 'î', 'ï':
		return 'i'
	}
	return 0
}

// fold returns the whole folded form of s, and whether every character of s
// could be folded.
func fold(s string) (string, bool) {
	f := newFolder(s, 0)
	out := make([]byte, 0, len(s))
	for {
		b, _, ok := f.next()
		if !ok {
			break
		}
		out = append(out, b)
	}
	for len(out) > 0 && out[len(out)-1] == ' ' {
		out = out[:len(out)-1]
	}
	return string(out), f.i >= len(s)
}
