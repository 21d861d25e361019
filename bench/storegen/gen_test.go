package storegen

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestGenerate(t *testing.T) {
	seen := map[string]bool{}
	langs := map[string]int{}
	for i := range 500 {
		r := Generate(1, i)
		if seen[r.Text] {
			t.Fatalf("report %d repeats an earlier text", i)
		}
		seen[r.Text] = true
		langs[r.Language]++
		if !utf8.ValidString(r.Text) || r.Title == "" || len(r.Published) != 10 || len(r.Text) < 300 {
			t.Fatalf("report %d: %+v", i, r)
		}
		if Generate(1, i).Text != r.Text {
			t.Fatalf("report %d is not deterministic", i)
		}
	}
	if langs["ko"] < 100 || langs["en"] < 250 {
		t.Errorf("languages %v: want a mix of English and Korean", langs)
	}
	var b bytes.Buffer
	if err := WriteJSONL(&b, 1, 0, 10); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n != 10 {
		t.Errorf("%d lines, want 10", n)
	}
}
