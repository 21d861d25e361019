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
// the English text lower-cased and the runs found beforehand as Extract does
// (runs measures finding them).
func BenchmarkFinders(b *testing.B) {
	type in struct {
		text, lower string
		pub         time.Time
		runs        []ascii.Run
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
			x.runs = ascii.Runs(x.text)
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
		{"runs", func(x in) { ascii.Runs(x.text) }},
		{"place", func(x in) { place.FindRuns(x.text, x.runs) }},
		{"agency", func(x in) { agency.FindRuns(x.text, x.lower, x.runs) }},
		{"date", func(x in) { date.FindRuns(x.text, x.pub, x.runs) }},
		{"money", func(x in) { money.ScanRuns(x.text, x.pub, x.runs) }},
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
