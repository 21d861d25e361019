package ascii_test

import (
	"testing"

	"casebook/extract/internal/ascii"
	"casebook/extract/internal/devcorpus"
)

// BenchmarkRuns reads the sample reports' runs, as Extract does for every
// report.
func BenchmarkRuns(b *testing.B) {
	samples, size := devcorpus.Samples(b)
	b.SetBytes(size)
	var runs []ascii.Run
	for b.Loop() {
		for _, s := range samples {
			runs = ascii.AppendRuns(runs[:0], s.Text)
		}
	}
}
