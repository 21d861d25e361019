package ascii

import "encoding/binary"

// MayHoldHangul reports whether s holds a byte that may lead a Hangul
// syllable (U+AC00–U+D7A3 is encoded from 0xEA to 0xED): false means s holds
// no Hangul syllable, so a reader of Korean words has nothing to do.
func MayHoldHangul(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		// Eight ASCII bytes at once: most of an English text.
		if binary.LittleEndian.Uint64([]byte(s[i:i+8]))&0x8080808080808080 == 0 {
			continue
		}
		for _, c := range []byte(s[i : i+8]) {
			if c-0xEA < 4 {
				return true
			}
		}
	}
	for ; i < len(s); i++ {
		if s[i]-0xEA < 4 {
			return true
		}
	}
	return false
}
