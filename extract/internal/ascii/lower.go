// Package ascii holds the byte-level text helpers the extractors share, so a
// report's text is lower-cased once and not once per extractor.
package ascii

import (
	"encoding/binary"
	"unsafe"
)

// Lower returns s with ASCII capitals lower-cased and every other byte as it
// is, so byte offsets into it are offsets into s.
func Lower(s string) string {
	if s == "" {
		return ""
	}
	const ones, high = 0x0101010101010101, 0x8080808080808080
	b := make([]byte, len(s))
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		low7 := x &^ high
		// A byte's top bit ends up set where it is 'A'..'Z': at least 'A',
		// not above 'Z', and ASCII. Sums of 7-bit values do not carry over.
		upper := (low7 + (0x80-'A')*ones) &^ (low7 + (0x80-'Z'-1)*ones) &^ x & high
		binary.LittleEndian.PutUint64(b[i:], x|upper>>2)
	}
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	// b is never written again: the string may share its bytes (one
	// allocation per report instead of two).
	return unsafe.String(&b[0], len(b))
}
