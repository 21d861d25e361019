package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"casebook"
)

// csvColumns are the columns every export has, in the habits of event
// datasets (one row per event; dates as an interval; place with its
// province and coordinates; the report it came from).
var csvColumns = []string{
	"event_id", "date_from", "date_to", "type", "place", "place_id", "province", "lat", "lon",
	"agency", "target", "amount", "amount_max", "currency", "usd", "review_state",
	"report_id", "report_sha256", "url", "evidence",
}

// reviewColumns follow for an unredacted export: who reviewed what, and notes.
var reviewColumns = []string{"extractor_version", "reviewed_by", "reviewed_at", "note"}

// sourceColumns follow for a full export.
var sourceColumns = []string{
	"source_id", "source_pseudonym", "source_region", "source_channel",
	"source_reliability", "source_credibility", "source_notes", "source_contact",
}

func (x *exporter) columns() []string {
	cols := append([]string(nil), csvColumns...)
	if !x.opts.Redact {
		cols = append(cols, reviewColumns...)
	}
	if x.opts.Full {
		cols = append(cols, sourceColumns...)
	}
	return cols
}

func (x *exporter) csv(ctx context.Context, f casebook.FactFilter, w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(x.columns()); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	err := x.eachFact(ctx, f, func(fact *casebook.Fact) error {
		r, err := x.row(ctx, fact)
		if err != nil || r == nil {
			return err
		}
		return cw.Write(x.record(r))
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	return nil
}

// record returns a row's cells in x.columns() order. Text cells are
// defused so a spreadsheet does not run them as formulas.
func (x *exporter) record(r *row) []string {
	props := x.properties(r)
	cols := x.columns()
	out := make([]string, len(cols))
	for i, c := range cols {
		switch v := props[c].(type) {
		case nil:
		case string:
			out[i] = cell(v)
		case float64:
			out[i] = strconv.FormatFloat(v, 'f', -1, 64)
		case int64:
			out[i] = strconv.FormatInt(v, 10)
		case int:
			out[i] = strconv.Itoa(v)
		default:
			out[i] = cell(fmt.Sprint(v))
		}
	}
	return out
}

// cell defuses CSV formula injection: a text cell starting with = + - @ or
// a control character gets a leading apostrophe, as OWASP advises.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r\n", rune(s[0])) {
		return "'" + s
	}
	return s
}

// properties returns a row's fields by column name; absent values are nil,
// so CSV cells stay empty and GeoJSON properties are null.
func (x *exporter) properties(r *row) map[string]any {
	e := r.fact.Event
	p := map[string]any{
		"event_id":      r.fact.ID,
		"type":          e.Type,
		"review_state":  r.fact.State,
		"report_id":     r.report.ID,
		"report_sha256": r.report.SHA256,
		"evidence":      r.evidence,
	}
	if r.report.URL != "" {
		p["url"] = r.report.URL
	}
	if e.Date != nil {
		p["date_from"], p["date_to"] = e.Date.From, e.Date.To
	}
	if r.place.ID != "" {
		p["place"], p["place_id"] = r.place.Name, r.place.ID
		if r.province != "" {
			p["province"] = r.province
		}
		if r.hasCoord {
			p["lat"], p["lon"] = r.place.Lat, r.place.Lon
		}
	}
	if e.Agency != "" {
		p["agency"] = e.Agency
	}
	if e.Target != "" {
		p["target"] = x.text(e.Target)
	}
	if a := e.Amount; a != nil {
		p["amount"], p["currency"] = a.Amount, a.Currency
		if a.Max > a.Amount {
			p["amount_max"] = a.Max
		}
		if a.USD > 0 {
			p["usd"] = a.USD
		}
	}
	if !x.opts.Redact {
		if r.fact.ExtractorVersion != "" {
			p["extractor_version"] = r.fact.ExtractorVersion
		}
		if r.fact.ReviewedBy != "" {
			p["reviewed_by"] = r.fact.ReviewedBy
		}
		if !r.fact.ReviewedAt.IsZero() {
			p["reviewed_at"] = r.fact.ReviewedAt.UTC().Format(time.RFC3339)
		}
		if r.fact.Note != "" {
			p["note"] = r.fact.Note
		}
	}
	if s := r.source; s != nil && x.opts.Full {
		p["source_id"] = s.ID
		p["source_pseudonym"] = s.Pseudonym
		p["source_region"] = s.Region
		p["source_channel"] = s.Channel
		p["source_reliability"] = s.Reliability
		if s.Credibility != 0 {
			p["source_credibility"] = s.Credibility
		}
		p["source_notes"] = s.Notes
		p["source_contact"] = s.Contact
	}
	return p
}
