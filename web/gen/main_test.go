package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedIsCurrent regenerates the province outlines and compares
// them with the committed file, so a changed generator or data file cannot
// go unnoticed.
func TestGeneratedIsCurrent(t *testing.T) {
	in := "../../../shared/data/nk-provinces.geojson"
	if _, err := os.Stat(in); err != nil {
		t.Skipf("shared data not here (%v): nothing to compare", err)
	}
	out := filepath.Join(t.TempDir(), "provinces_gen.go")
	if err := run(in, out); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	want, err := os.ReadFile("../provinces_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("web/provinces_gen.go is stale: run go generate ./web")
	}
	for _, id := range []string{"north-hamgyong", "ryanggang", "kangwon", "pyongyang"} {
		if !bytes.Contains(got, []byte(`ID: "`+id+`"`)) {
			t.Errorf("no outline for %s", id)
		}
	}
}

func TestPathDataClosesRings(t *testing.T) {
	ring := [][2]float64{{125, 40}, {126, 40}, {126, 41}, {125, 40}}
	d := pathData([][][][2]float64{{ring}})
	if d[0] != 'M' || d[len(d)-1] != 'Z' || bytes.Count([]byte(d), []byte("L")) != 3 {
		t.Errorf("path %q", d)
	}
}
