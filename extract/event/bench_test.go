package event

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

// BenchmarkAssemble measures Assemble alone over the reports
// BenchmarkExtract reads, their mentions found beforehand.
func BenchmarkAssemble(b *testing.B) {
	pub := time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	var docs []*Doc
	var size int64
	for _, dir := range []string{filepath.Join("..", "testdata"), filepath.Join("..", "..", "..", "shared", "corpus", "dev")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			t, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			text, lang, lower := string(t), "en", ""
			if strings.HasSuffix(f, "-ko.txt") {
				lang = "ko"
			} else {
				lower = ascii.Lower(text)
			}
			d := &Doc{Text: text, Lower: lower, Language: lang, Published: pub,
				Places: place.Find(text), Agencies: agency.FindLower(text, lower), Dates: date.Find(text, pub)}
			d.Money, d.MoneyMentions = money.Scan(text, pub)
			docs = append(docs, d)
			size += int64(len(t))
		}
	}
	if len(docs) == 0 {
		b.Skip("no sample reports")
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			Assemble(d)
		}
	}
}
