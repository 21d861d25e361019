package place

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite tables_gen.go from the gazetteer")

// TestTablesGenerated checks that tables_gen.go holds what buildTables works
// out from the gazetteer; with -update (go generate) it rewrites the file.
func TestTablesGenerated(t *testing.T) {
	built := buildTables()
	src, err := tablesSource(built)
	if err != nil {
		t.Fatalf("format tables: %v", err)
	}
	if *update {
		if err := os.WriteFile("tables_gen.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile("tables_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, src) {
		t.Error("tables_gen.go is stale: run go generate ./extract/place/...")
	}
	if !reflect.DeepEqual(built, tables) {
		t.Error("tables differ from what buildTables works out: run go generate ./extract/place/...")
	}
}
