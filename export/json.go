package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"time"

	"casebook"
)

// jsonReport is a report as a JSON export shows it. Redacted exports leave
// out the text (names in it cannot all be found), the file name and who
// ingested it; only a full export has the source.
type jsonReport struct {
	ID        int64            `json:"id"`
	SHA256    string           `json:"sha256"`
	Title     string           `json:"title"`
	Outlet    string           `json:"outlet,omitempty"`
	URL       string           `json:"url,omitempty"`
	Author    string           `json:"author,omitempty"`
	Published string           `json:"published,omitempty"`
	Language  string           `json:"language"`
	MediaType string           `json:"media_type"`
	FileName  string           `json:"file_name,omitempty"`
	CreatedAt time.Time        `json:"created_at,omitzero"`
	CreatedBy string           `json:"created_by,omitempty"`
	Text      string           `json:"text,omitempty"`
	Source    *casebook.Source `json:"source,omitempty"`
	Facts     []jsonFact       `json:"facts"`
}

// jsonFact is a fact with the words it stands on.
type jsonFact struct {
	casebook.Fact
	Evidence string `json:"evidence,omitempty"`
}

// json writes {"redacted":…,"reports":[…]}: every report with at least one
// event matching f, with all its facts the export may show.
func (x *exporter) json(ctx context.Context, f casebook.FactFilter, w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `{"casebook_version":%q,"redacted":%t,"reports":[`, casebook.Version, x.opts.Redact)
	n := 0
	seen := map[int64]bool{} // stores return facts by report, but a report must never repeat
	err := x.eachFact(ctx, f, func(fact *casebook.Fact) error {
		if seen[fact.ReportID] {
			return nil
		}
		seen[fact.ReportID] = true
		jr, err := x.jsonReport(ctx, fact.ReportID, f.States)
		if err != nil {
			return err
		}
		if n > 0 {
			bw.WriteByte(',')
		}
		n++
		bw.WriteByte('\n')
		return encode(bw, jr)
	})
	if err != nil {
		return err
	}
	bw.WriteString("\n]}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export json: %w", err)
	}
	return nil
}

func (x *exporter) jsonReport(ctx context.Context, id int64, states []string) (*jsonReport, error) {
	r, err := x.report(ctx, id)
	if err != nil {
		return nil, err
	}
	src, err := x.source(ctx, r)
	if err != nil {
		return nil, err
	}
	jr := &jsonReport{
		ID: r.ID, SHA256: r.SHA256, Title: x.text(r.Title), Outlet: r.Outlet, URL: r.URL,
		Author: r.Author, Published: r.Published, Language: r.Language, MediaType: r.MediaType,
		CreatedAt: r.CreatedAt, Source: src, Facts: []jsonFact{},
	}
	if !x.opts.Redact {
		jr.FileName, jr.CreatedBy, jr.Text = r.FileName, r.CreatedBy, r.Text
	}
	facts, err := x.st.FindFacts(ctx, casebook.FactFilter{ReportID: id, States: states})
	if err != nil {
		return nil, fmt.Errorf("export: facts of report %d: %w", id, err)
	}
	for _, fact := range facts {
		if !x.visible(&fact) {
			continue
		}
		jf := jsonFact{Fact: fact}
		switch {
		case fact.Event != nil:
			jf.Evidence = x.evidence(r, fact.Event.Span)
		case fact.Money != nil:
			jf.Evidence = x.evidence(r, fact.Money.Span)
		}
		if x.opts.Redact {
			jf.Note, jf.ReviewedBy, jf.Machine, jf.ReviewedAt = "", "", nil, time.Time{}
			if fact.Event != nil && fact.Event.Target != "" {
				ev := *fact.Event
				ev.Target = Redact(ev.Target)
				jf.Event = &ev
			}
		}
		jr.Facts = append(jr.Facts, jf)
	}
	return jr, nil
}
