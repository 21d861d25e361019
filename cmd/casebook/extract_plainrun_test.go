package main

import "testing"

// TestPlainRun checks the eight-bytes-at-a-time scan against a byte loop
// for every byte value at every offset of a run longer than two words.
func TestPlainRun(t *testing.T) {
	ref := func(b []byte, i int) int {
		for i < len(b) && b[i] != '"' && b[i] != '\\' && b[i] >= 0x20 {
			i++
		}
		return i
	}
	base := []byte("보위부 agents took 5,000 won — a report's text!")
	for c := 0; c < 256; c++ {
		for at := range len(base) {
			b := append([]byte(nil), base...)
			b[at] = byte(c)
			for from := range 3 {
				if got, want := plainRun(b, from), ref(b, from); got != want {
					t.Fatalf("plainRun(%q, %d) = %d, want %d", b, from, got, want)
				}
			}
		}
	}
}
