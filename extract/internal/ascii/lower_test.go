package ascii

import "testing"

// TestLower checks the eight-bytes-at-a-time lowering against a byte loop
// for every byte value at every offset of a word and its tail.
func TestLower(t *testing.T) {
	ref := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	base := []byte("Ministry Of State-Security ’MSS’ 보위부 Z@[`{")
	for c := 0; c < 256; c++ {
		for at := range 17 {
			b := append([]byte(nil), base...)
			b[at] = byte(c)
			for cut := 0; cut < 9; cut++ {
				s := string(b[cut:])
				if got, want := Lower(s), ref(s); got != want {
					t.Fatalf("Lower(%q) = %q, want %q", s, got, want)
				}
			}
		}
	}
	if Lower("") != "" {
		t.Fatal("Lower of empty text")
	}
}
