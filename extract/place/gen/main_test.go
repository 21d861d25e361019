package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestGeneratedUpToDate checks that ../gazetteer_gen.go is what the shared
// CSV generates, so an edited gazetteer is not forgotten (skips without it).
func TestGeneratedUpToDate(t *testing.T) {
	f, err := os.Open("../../../../shared/data/nk-places.csv")
	if err != nil {
		t.Skipf("shared gazetteer not present (%v); skipping", err)
	}
	defer f.Close()
	want, err := generate(f)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../gazetteer_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("gazetteer_gen.go is stale: run go generate ./extract/place/...")
	}
}

func TestGenerateRejectsBadInput(t *testing.T) {
	tests := []struct{ name, csv string }{
		{"empty", ""},
		{"missing column", "id,name\nx,X\n"},
		{"bad lat", "id,name,kind,province,name_ko,variants,lat,lon\nx,X,city,,엑스,,north,1\n"},
		{"duplicate id", "id,name,kind,province,name_ko,variants,lat,lon\nx,X,city,,엑스,,1,1\nx,X,city,,엑스,,1,1\n"},
	}
	for _, tt := range tests {
		if _, err := generate(strings.NewReader(tt.csv)); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

func TestGenerate(t *testing.T) {
	src, err := generate(strings.NewReader("id,name,kind,province,name_ko,variants,lat,lon\nhoeryong,Hoeryong,city,north-hamgyong,회령시,Hoeryŏng|회령,42.44626,129.75688\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"GeoNames", "NGII", "Natural Earth", "Open Admin Data", `"hoeryong"`, `"Hoeryŏng|회령"`, "42.44626"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("generated source lacks %q", want)
		}
	}
}
