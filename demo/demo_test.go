package demo

import (
	"context"
	"crypto/sha256"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestReports(t *testing.T) {
	reps, err := Reports()
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) < 30 || len(reps) > 40 {
		t.Errorf("%d sample reports, want 30–40", len(reps))
	}
	langs, years := map[string]int{}, map[int]bool{}
	currencies := map[string]bool{}
	for _, r := range reps {
		if !utf8.ValidString(r.Text) || strings.TrimSpace(r.Text) == "" {
			t.Errorf("%s: empty or invalid text", r.Name)
		}
		langs[r.Language]++
		years[r.Published.Year()] = true
		for _, c := range []string{"yuan", "위안", "$", "달러", "dollars", " won", "만 원"} {
			if strings.Contains(r.Text, c) {
				currencies[c] = true
			}
		}
	}
	if langs["en"] < 10 || langs["ko"] < 8 {
		t.Errorf("languages %v: want both English and Korean", langs)
	}
	for y := 2015; y <= 2026; y++ {
		if !years[y] {
			t.Errorf("no sample report from %d", y)
		}
	}
	for _, c := range []string{"yuan", "위안", "$", " won", "달러"} {
		if !currencies[c] {
			t.Errorf("no sample mentions %q", c)
		}
	}
}

func TestLoadIsIdempotent(t *testing.T) {
	stored := map[[32]byte]bool{}
	ingest := func(ctx context.Context, r Report) (bool, error) {
		k := sha256.Sum256(r.Raw)
		if stored[k] {
			return false, nil
		}
		stored[k] = true
		return true, nil
	}
	calls := 0
	first, err := Load(context.Background(), ingest, func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	second, err := Load(context.Background(), ingest, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Added == 0 || first.Added != second.Existing || second.Added != 0 || calls != first.Added {
		t.Errorf("first %+v, second %+v, progress calls %d", first, second, calls)
	}
}
