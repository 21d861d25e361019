package event

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

// BenchmarkAssemble measures Assemble alone over the reports
// BenchmarkExtract reads, their mentions found beforehand.
func BenchmarkAssemble(b *testing.B) {
	pub := time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	samples, size := devcorpus.Samples(b)
	var docs []*Doc
	for _, x := range samples {
		text, lower := x.Text, ""
		if x.Language != "ko" {
			lower = ascii.Lower(text)
		}
		d := &Doc{Text: text, Lower: lower, Language: x.Language, Published: pub,
			Places: place.Find(text), Agencies: agency.FindLower(text, lower), Dates: date.Find(text, pub)}
		d.Money, d.MoneyMentions = money.Scan(text, pub)
		docs = append(docs, d)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			Assemble(d)
		}
	}
}
