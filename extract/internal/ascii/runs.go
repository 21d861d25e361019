package ascii

import (
	"encoding/binary"
	"math/bits"
)

// Run is a stretch of a text the finders read: a run of ASCII letters, a run
// of ASCII digits, a run of bytes above ASCII (Hangul, curly quotes …) or a
// dollar sign. The bytes between runs (spaces, other ASCII punctuation) start
// nothing, so a finder steps from run to run instead of over every byte.
type Run struct {
	Start, End int32
	Kind       RunKind
	// Tri numbers the first three letters of a run of three letters or
	// more, lower-cased: (a*26+b)*26+c for a–z as 0–25; NoTri for any other
	// run. A finder's set of the trigrams its words start with turns most
	// words away with one bit test.
	Tri uint16
}

// NoTri is the Tri of a run that is not three letters or more.
const NoTri = 0xFFFF

// RunKind is what a Run holds.
type RunKind uint8

// Kinds of Run.
const (
	Letters RunKind = 1 + iota
	Digits
	NonASCII
	Dollar
)

// runKind is the RunKind of each byte, 0 for the bytes between runs.
var runKind = func() (t [256]RunKind) {
	for c := range t {
		switch b := byte(c); {
		case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z':
			t[c] = Letters
		case '0' <= b && b <= '9':
			t[c] = Digits
		case b >= 0x80:
			t[c] = NonASCII
		case b == '$':
			t[c] = Dollar
		}
	}
	return t
}()

// Runs returns the runs of s in text order. Every '$' is a run of its own;
// runs of the other kinds are as long as they go.
func Runs(s string) []Run {
	// About one run per five bytes of English text.
	return AppendRuns(make([]Run, 0, len(s)/5+8), s)
}

// AppendRuns appends the runs of s to out, as Runs returns them, so a caller
// can reuse one slice for report after report.
func AppendRuns(out []Run, s string) []Run {
	for i := 0; i < len(s); {
		k := runKind[s[i]]
		if k == 0 {
			i++
			continue
		}
		j := i + 1
		switch k {
		case NonASCII:
			j = highEnd(s, j)
		case Letters, Digits:
			for j < len(s) && runKind[s[j]] == k {
				j++
			}
		}
		tri := uint16(NoTri)
		if k == Letters && j-i >= 3 {
			tri = (uint16(s[i]|0x20-'a')*26+uint16(s[i+1]|0x20-'a'))*26 + uint16(s[i+2]|0x20-'a')
		}
		out = append(out, Run{int32(i), int32(j), k, tri})
		i = j
	}
	return out
}

// highEnd returns the end of the run of bytes above ASCII that goes on at j,
// eight bytes at a time: Hangul runs are long.
func highEnd(s string, j int) int {
	const high = 0x8080808080808080
	for ; j+8 <= len(s); j += 8 {
		if ascii := ^binary.LittleEndian.Uint64([]byte(s[j:j+8])) & high; ascii != 0 {
			return j + bits.TrailingZeros64(ascii)/8
		}
	}
	for j < len(s) && s[j] >= 0x80 {
		j++
	}
	return j
}
