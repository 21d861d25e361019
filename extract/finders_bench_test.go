package extract

import (
	"testing"
	"time"

	"casebook/extract/agency"
	"casebook/extract/date"
	"casebook/extract/internal/ascii"
	"casebook/extract/internal/devcorpus"
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
	samples, size := devcorpus.Samples(b)
	var inputs []in
	for _, sm := range samples {
		x := in{text: sm.Text, pub: time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)}
		if sm.Language != "ko" {
			x.lower = ascii.Lower(x.text)
		}
		x.runs = ascii.Runs(x.text)
		inputs = append(inputs, x)
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
