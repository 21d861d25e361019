package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"casebook/extract/agency"
	"casebook/extract/date"
	"casebook/extract/internal/ascii"
	"casebook/extract/money"
	"casebook/extract/place"
)

// BenchmarkFinders measures each finder alone over BenchmarkExtract's inputs,
// the English text lower-cased beforehand as Extract does.
func BenchmarkFinders(b *testing.B) {
	type in struct {
		text, lower string
		pub         time.Time
	}
	var inputs []in
	var size int64
	for _, dir := range []string{"testdata", filepath.Join("..", "..", "shared", "corpus", "dev")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			t, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			x := in{text: string(t), pub: time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)}
			if !strings.HasSuffix(f, "-ko.txt") {
				x.lower = ascii.Lower(x.text)
			}
			inputs = append(inputs, x)
			size += int64(len(t))
		}
	}
	if len(inputs) == 0 {
		b.Skip("no sample reports")
	}
	finders := []struct {
		name string
		run  func(in)
	}{
		{"place", func(x in) { place.Find(x.text) }},
		{"agency", func(x in) { agency.FindLower(x.text, x.lower) }},
		{"date", func(x in) { date.Find(x.text, x.pub) }},
		{"money", func(x in) { money.Scan(x.text, x.pub) }},
	}
	for _, f := range finders {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, x := range inputs {
					f.run(x)
				}
			}
		})
	}
}
