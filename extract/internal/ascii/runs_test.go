package ascii

import "testing"

func TestRuns(t *testing.T) {
	s := "On 3 May, $5 ($$) AB12 보위부’s x"
	want := []string{"On", "3", "May", "$", "5", "$", "$", "AB", "12", "보위부’", "s", "x"}
	kinds := []RunKind{Letters, Digits, Letters, Dollar, Digits, Dollar, Dollar, Letters, Digits, NonASCII, Letters, Letters}
	rs := Runs(s)
	if len(rs) != len(want) {
		t.Fatalf("Runs(%q) = %v, want %d runs", s, rs, len(want))
	}
	for k, r := range rs {
		if got := s[r.Start:r.End]; got != want[k] || r.Kind != kinds[k] {
			t.Errorf("run %d = %q kind %d, want %q kind %d", k, got, r.Kind, want[k], kinds[k])
		}
	}
	if rs := Runs(""); len(rs) != 0 {
		t.Errorf("Runs(\"\") = %v", rs)
	}
}
