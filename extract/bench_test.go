package extract

import (
	"testing"
	"time"

	"casebook/extract/internal/devcorpus"
)

// BenchmarkExtract measures extraction throughput (MB/s of report text) over
// the sample reports in testdata, and over ../shared/corpus/dev when present.
func BenchmarkExtract(b *testing.B) {
	samples, size := devcorpus.Samples(b)
	var inputs []Input
	for _, x := range samples {
		inputs = append(inputs, Input{Text: x.Text, Published: time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC), Language: x.Language})
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			Extract(in)
		}
	}
}
