package sqlite

import "testing"

func TestTrigramText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"An English report.\nAnother line.", ""},
		{"Hoeryŏng, Ch'ŏngjin", ""},
		{"English.\n보위부원들이 MSS라고 불렀다.\nEnglish again.", "보위부원들이 MSS라고 불렀다.\n"},
		{"回 the last line", "回 the last line"},
	} {
		if got := trigramText(tc.in); got != tc.want {
			t.Errorf("trigramText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
