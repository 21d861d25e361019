package web

import (
	"strings"
	"testing"

	"casebook"
)

func TestMaskHits(t *testing.T) {
	text := "Security agents arrested a trader named Pak Yong-nam in Hyesan last week."
	tests := []struct {
		name     string
		query    string
		wantHits int
	}{
		{"query in visible text", "Hyesan", 1},
		{"no query", "", 1},
		{"query only inside a masked name", "Yong-nam", 0},
		{"one visible and one masked term", "Hyesan Yong-nam", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &casebook.Report{ID: 1, Title: "Arrest in Hyesan", Text: text, SourceID: 7, CreatedBy: "ana"}
			hits, total := maskHits([]casebook.ReportHit{{Report: r, Snippet: text}}, 1, tt.query)
			if len(hits) != tt.wantHits || total != tt.wantHits {
				t.Fatalf("maskHits(%q) = %d hits, total %d; want %d", tt.query, len(hits), total, tt.wantHits)
			}
			for _, h := range hits {
				if strings.Contains(h.Report.Text, "Yong-nam") || strings.Contains(h.Snippet, "Yong-nam") {
					t.Errorf("name not masked: %q / %q", h.Report.Text, h.Snippet)
				}
				if h.Report.SourceID != 0 || h.Report.CreatedBy != "" {
					t.Errorf("source or author left on a masked hit: %+v", h.Report)
				}
			}
			if r.Text != text {
				t.Errorf("the caller's report was changed: %q", r.Text)
			}
		})
	}
}
