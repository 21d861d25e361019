package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkExtract measures extraction throughput (MB/s of report text) over
// the sample reports in testdata, and over ../shared/corpus/dev when present.
func BenchmarkExtract(b *testing.B) {
	var inputs []Input
	var size int64
	for _, dir := range []string{"testdata", filepath.Join("..", "..", "shared", "corpus", "dev")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			t, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			lang := "en"
			if strings.HasSuffix(f, "-ko.txt") {
				lang = "ko"
			}
			inputs = append(inputs, Input{Text: string(t), Published: time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC), Language: lang})
			size += int64(len(t))
		}
	}
	if len(inputs) == 0 {
		b.Skip("no sample reports")
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			Extract(in)
		}
	}
}
