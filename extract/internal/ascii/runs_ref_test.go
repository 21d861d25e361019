package ascii

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// runsByByte is Runs written plainly: the reference Runs is checked against.
func runsByByte(s string) []Run {
	kindOf := func(c byte) RunKind {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			return Letters
		case '0' <= c && c <= '9':
			return Digits
		case c >= 0x80:
			return NonASCII
		case c == '$':
			return Dollar
		}
		return 0
	}
	var out []Run
	for i := 0; i < len(s); {
		k := kindOf(s[i])
		if k == 0 {
			i++
			continue
		}
		j := i + 1
		for k != Dollar && j < len(s) && kindOf(s[j]) == k {
			j++
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

func checkRuns(t *testing.T, s string) {
	t.Helper()
	if got, want := Runs(s), runsByByte(s); !slices.Equal(got, want) {
		t.Fatalf("Runs(%q) = %v, want %v", s, got, want)
	}
}

// TestRunsByByte checks Runs against the plain loop on every byte value at
// every offset of a line, and on random bytes from a small alphabet.
func TestRunsByByte(t *testing.T) {
	base := []byte("On 3 May, $5 ($$) AB12 보위부’s x Zyx@[`{/:")
	for c := 0; c < 256; c++ {
		for at := range base {
			b := append([]byte(nil), base...)
			b[at] = byte(c)
			checkRuns(t, string(b))
			checkRuns(t, string(b[at:]))
			checkRuns(t, string(b[:at+1]))
		}
	}
	alphabet := []byte("aZ09$ .\x80\xea\x7f@[`{/:")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		checkRuns(t, string(b))
	}
}

func FuzzRuns(f *testing.F) {
	f.Add("On 3 May, $5 ($$) AB12 보위부’s x")
	f.Fuzz(checkRuns)
}
