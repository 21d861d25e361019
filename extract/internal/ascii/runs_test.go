package ascii

import (
	"strings"
	"testing"
)

func TestRuns(t *testing.T) {
	s := "On 3 May, $5 ($$) AB12 보위부’s x Zyx"
	want := []string{"On", "3", "May", "$", "5", "$", "$", "AB", "12", "보위부’", "s", "x", "Zyx"}
	kinds := []RunKind{Letters, Digits, Letters, Dollar, Digits, Dollar, Dollar, Letters, Digits, NonASCII, Letters, Letters, Letters}
	rs := Runs(s)
	if len(rs) != len(want) {
		t.Fatalf("Runs(%q) = %v, want %d runs", s, rs, len(want))
	}
	for k, r := range rs {
		if got := s[r.Start:r.End]; got != want[k] || r.Kind != kinds[k] {
			t.Errorf("run %d = %q kind %d, want %q kind %d", k, got, r.Kind, want[k], kinds[k])
		}
	}
	for k, r := range rs {
		want := uint16(NoTri)
		if w := strings.ToLower(s[r.Start:r.End]); r.Kind == Letters && len(w) >= 3 {
			want = (uint16(w[0]-'a')*26+uint16(w[1]-'a'))*26 + uint16(w[2]-'a')
		}
		if r.Tri != want {
			t.Errorf("run %d (%q) Tri = %d, want %d", k, s[r.Start:r.End], r.Tri, want)
		}
	}
	if rs := Runs(""); len(rs) != 0 {
		t.Errorf("Runs(\"\") = %v", rs)
	}
}
