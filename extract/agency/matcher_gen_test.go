package agency

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite matcher_gen.go from the names")

// TestMatcherGenerated checks that matcher_gen.go holds what build works out
// from the names; with -update (go generate) it rewrites the file.
func TestMatcherGenerated(t *testing.T) {
	built := build()
	src, err := matcherSource(built)
	if err != nil {
		t.Fatalf("format matcher: %v", err)
	}
	if *update {
		if err := os.WriteFile("matcher_gen.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile("matcher_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, src) {
		t.Error("matcher_gen.go is stale: run go generate ./extract/agency/...")
	}
	if !reflect.DeepEqual(built, m) {
		t.Error("m differs from what build works out: run go generate ./extract/agency/...")
	}
}
