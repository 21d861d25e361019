// Package export writes events for other tools: CSV in the column habits of
// event datasets, GeoJSON for maps, and JSON; redacted for the public.
//
// What an export may reveal is decided here, once, for the command line and
// the web app alike: a redacted export (every viewer's) has only confirmed
// and corrected facts, no source, no analyst's note or name, and personal
// names in quoted text replaced by Redact; only an admin's full export
// carries source records.
package export

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"casebook"
	"casebook/audit"
	"casebook/auth"
	"casebook/extract/place"
)

// Formats.
const (
	FormatCSV     = "csv"
	FormatGeoJSON = "geojson"
	FormatJSON    = "json"
)

// Formats lists the export formats.
var Formats = []string{FormatCSV, FormatGeoJSON, FormatJSON}

// Options choose an export's format and what it may reveal.
type Options struct {
	Format string // csv, geojson, json
	// Redact drops sources, victims' personal names and unconfirmed facts.
	Redact bool
	// Full includes source records (admin only); needs Sealer. Redact wins
	// over Full.
	Full bool
	// Sealer opens source records for a Full export.
	Sealer *auth.Sealer
	// Actor is the user the export is recorded for in the audit log
	// ("system" when empty).
	Actor string
}

// OptionsFor returns the options a user with role may export with: a
// viewer's export is always redacted; a full export (with sources) is an
// admin's only and is refused to anyone else.
func OptionsFor(role, format string, redact, full bool) (Options, error) {
	if !slices.Contains(Formats, format) {
		return Options{}, casebook.Errorf(casebook.EINVALID, "export format %q: want csv, geojson or json", format)
	}
	if !auth.Can(role, auth.PermRead) {
		return Options{}, casebook.Errorf(casebook.EFORBIDDEN, "exports need an account")
	}
	if full && !auth.Can(role, auth.PermExportFull) {
		return Options{}, casebook.Errorf(casebook.EFORBIDDEN, "full exports with sources are for admins")
	}
	o := Options{Format: format, Redact: redact || !auth.Can(role, auth.PermReadMachine)}
	o.Full = full && !o.Redact
	return o, nil
}

// pageSize is how many facts one store call fetches.
const pageSize = 500

// publicStates are the review states a redacted export shows.
var publicStates = []string{casebook.StateConfirmed, casebook.StateCorrected}

// Events writes the events matching f to w, and records the export in the
// audit log first: an export that cannot be audited is not written.
func Events(ctx context.Context, st casebook.Store, f casebook.FactFilter, opts Options, w io.Writer) error {
	if !slices.Contains(Formats, opts.Format) {
		return casebook.Errorf(casebook.EINVALID, "export format %q: want csv, geojson or json", opts.Format)
	}
	if opts.Redact {
		opts.Full = false
	}
	if opts.Full && opts.Sealer == nil {
		return casebook.Errorf(casebook.EUNAVAILABLE, "a full export needs the source key")
	}
	f.Kind = casebook.KindEvent
	f.Offset, f.Limit = 0, 0
	f.States = allowedStates(f.States, opts.Redact)
	if err := audit.Record(ctx, st, opts.Actor, audit.ActionExport, "events", describe(f, opts)); err != nil {
		return err
	}
	x := &exporter{st: st, opts: opts, reports: map[int64]*casebook.Report{}, sources: map[int64]*casebook.Source{}}
	switch opts.Format {
	case FormatCSV:
		return x.csv(ctx, f, w)
	case FormatGeoJSON:
		return x.geojson(ctx, f, w)
	default:
		return x.json(ctx, f, w)
	}
}

// allowedStates narrows the requested states to what the export may show.
// A redacted export asking only for machine facts gets none, never all.
func allowedStates(want []string, redact bool) []string {
	if !redact {
		return want
	}
	if len(want) == 0 {
		return slices.Clone(publicStates)
	}
	var out []string
	for _, s := range want {
		if slices.Contains(publicStates, s) && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return []string{"none"} // matches no fact
	}
	return out
}

// describe summarizes an export for the audit log: format, mode and filter,
// never any text.
func describe(f casebook.FactFilter, o Options) string {
	parts := []string{"format=" + o.Format}
	switch {
	case o.Redact:
		parts = append(parts, "redacted")
	case o.Full:
		parts = append(parts, "full")
	}
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	add("type", f.EventType)
	add("place", f.PlaceID)
	add("agency", f.Agency)
	add("from", f.Date.From)
	add("to", f.Date.To)
	if f.ReportID != 0 {
		add("report", fmt.Sprint(f.ReportID))
	}
	if f.MinUSD != 0 {
		add("min_usd", fmt.Sprint(f.MinUSD))
	}
	if f.MaxUSD != 0 {
		add("max_usd", fmt.Sprint(f.MaxUSD))
	}
	add("states", strings.Join(f.States, ","))
	return strings.Join(parts, " ")
}

// exporter holds one export's caches: facts come ordered by report, so a
// small cache of reports and sources serves them all.
type exporter struct {
	st      casebook.Store
	opts    Options
	reports map[int64]*casebook.Report
	sources map[int64]*casebook.Source
}

// eachFact calls fn with every fact matching f, a page at a time.
func (x *exporter) eachFact(ctx context.Context, f casebook.FactFilter, fn func(*casebook.Fact) error) error {
	f.Limit = pageSize
	for f.Offset = 0; ; f.Offset += pageSize {
		if err := ctx.Err(); err != nil {
			return err
		}
		facts, err := x.st.FindFacts(ctx, f)
		if err != nil {
			return fmt.Errorf("export: find facts: %w", err)
		}
		for i := range facts {
			if !x.visible(&facts[i]) {
				continue
			}
			if err := fn(&facts[i]); err != nil {
				return err
			}
		}
		if len(facts) < pageSize {
			return nil
		}
	}
}

// visible rechecks a fact's state, so a store that ignored the filter still
// cannot leak an unreviewed fact into a redacted export.
func (x *exporter) visible(fact *casebook.Fact) bool {
	return !x.opts.Redact || slices.Contains(publicStates, fact.State)
}

func (x *exporter) report(ctx context.Context, id int64) (*casebook.Report, error) {
	if r, ok := x.reports[id]; ok {
		return r, nil
	}
	r, err := x.st.FindReportByID(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("export: report %d: %w", id, err)
	}
	r.Original = nil // not exported; do not hold it
	if len(x.reports) >= 64 {
		clear(x.reports)
	}
	x.reports[id] = r
	return r, nil
}

// source returns a report's source for a full export, nil otherwise.
func (x *exporter) source(ctx context.Context, r *casebook.Report) (*casebook.Source, error) {
	if !x.opts.Full || x.opts.Redact || r.SourceID == 0 {
		return nil, nil
	}
	if s, ok := x.sources[r.SourceID]; ok {
		return s, nil
	}
	ss, err := x.st.FindSourceByID(ctx, r.SourceID)
	if err != nil {
		return nil, fmt.Errorf("export: source of report %d: %w", r.ID, err)
	}
	src, err := x.opts.Sealer.OpenSource(*ss)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	x.sources[r.SourceID] = &src
	return &src, nil
}

// maxEvidence bounds a quoted clause.
const maxEvidence = 1000

// evidence returns the text a span points at, redacted when the export is.
func (x *exporter) evidence(r *casebook.Report, sp casebook.Span) string {
	s := quote(r.Text, sp, maxEvidence)
	if x.opts.Redact {
		s = Redact(s)
	}
	return s
}

// quote returns text[sp] as one line, cut to n bytes on a rune boundary; an
// out-of-range span gives "".
func quote(text string, sp casebook.Span, n int) string {
	a, b := sp[0], sp[1]
	if a < 0 || b > len(text) || a >= b {
		return ""
	}
	s := strings.ToValidUTF8(text[a:b], "")
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		cut := n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// text returns a free-text field as the export may show it.
func (x *exporter) text(s string) string {
	if x.opts.Redact {
		return Redact(s)
	}
	return s
}

// row is one event with everything the CSV and GeoJSON carry.
type row struct {
	fact     *casebook.Fact
	report   *casebook.Report
	source   *casebook.Source
	place    casebook.Place // zero when the event names no place
	province string         // English name of the first-level unit
	hasCoord bool
	evidence string
}

func (x *exporter) row(ctx context.Context, fact *casebook.Fact) (*row, error) {
	if fact.Event == nil {
		return nil, nil
	}
	r, err := x.report(ctx, fact.ReportID)
	if err != nil {
		return nil, err
	}
	src, err := x.source(ctx, r)
	if err != nil {
		return nil, err
	}
	out := &row{fact: fact, report: r, source: src, evidence: x.evidence(r, fact.Event.Span)}
	if ref := fact.Event.Place; ref != nil && ref.ID != "" {
		p, ok := place.ByID(ref.ID)
		if ok {
			out.place, out.hasCoord = p, p.Lat != 0 || p.Lon != 0
		} else {
			out.place = casebook.Place{ID: ref.ID, Name: ref.Name}
		}
		if out.place.Name == "" {
			out.place.Name = ref.Name
		}
		out.province = provinceName(out.place)
	}
	return out, nil
}

// provinceName names a place's first-level unit (itself for a province).
func provinceName(p casebook.Place) string {
	if p.Province == "" {
		if p.Kind == "province" || p.Kind == "special_city" {
			return p.Name
		}
		return ""
	}
	if pr, ok := place.ByID(p.Province); ok {
		return pr.Name
	}
	return p.Province
}
