package export

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"casebook"
	"casebook/auth"
	"casebook/extract/place"
)

// fakeStore serves reports, facts and sources from memory and keeps the
// audit log; filters on report, kind and states only, as exports use them.
type fakeStore struct {
	casebook.Store
	reports map[int64]*casebook.Report
	facts   []casebook.Fact
	sources map[int64]casebook.SealedSource
	audit   []casebook.AuditEntry
}

func (s *fakeStore) FindFacts(ctx context.Context, f casebook.FactFilter) ([]casebook.Fact, error) {
	var out []casebook.Fact
	for _, x := range s.facts {
		if (f.ReportID == 0 || x.ReportID == f.ReportID) && (f.Kind == "" || x.Kind == f.Kind) &&
			(len(f.States) == 0 || slices.Contains(f.States, x.State)) {
			out = append(out, x)
		}
	}
	if f.Offset >= len(out) {
		return nil, nil
	}
	out = out[f.Offset:]
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

func (s *fakeStore) FindReportByID(ctx context.Context, id int64) (*casebook.Report, error) {
	r, ok := s.reports[id]
	if !ok {
		return nil, casebook.Errorf(casebook.ENOTFOUND, "report %d", id)
	}
	c := *r
	return &c, nil
}

func (s *fakeStore) FindSourceByID(ctx context.Context, id int64) (*casebook.SealedSource, error) {
	ss, ok := s.sources[id]
	if !ok {
		return nil, casebook.Errorf(casebook.ENOTFOUND, "source %d", id)
	}
	return &ss, nil
}

func (s *fakeStore) AppendAudit(ctx context.Context, e *casebook.AuditEntry) error {
	e.Seq = int64(len(s.audit) + 1)
	s.audit = append(s.audit, *e)
	return nil
}

const (
	enText = "Hoeryong, Dec. 3 — Agents of the Ministry of State Security arrested Mr. Kim Chol-su for a phone call. " +
		"His wife paid 5,000 yuan to get him out. =HYPERLINK(\"http://evil\") was written on a wall. " +
		"Police beat a trader named Ri Sun-hui."
	koText = "양강도 혜산시 보안서가 밀수꾼 박모 씨에게 3000위안을 요구했다."
	// What no redacted export may contain.
	secretNote    = "analyst note: call back Thursday"
	pseudonym     = "Heron-12"
	contact       = "+86 139 1234 5678"
	reviewerName  = "reviewer-lee"
	rejectedWords = "phone call"
)

func span(text, sub string) casebook.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic("no " + sub)
	}
	return casebook.Span{i, i + len(sub)}
}

func setup(t *testing.T) (*fakeStore, *auth.Sealer) {
	t.Helper()
	key := make([]byte, auth.KeySize)
	rand.Read(key)
	sealer, err := auth.NewSealer(key)
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := sealer.Seal(casebook.Source{Pseudonym: pseudonym, Contact: contact, Reliability: "B", Credibility: 2})
	if err != nil {
		t.Fatal(err)
	}
	hoeryong, ok := place.Lookup("Hoeryong")
	if !ok {
		t.Fatal("gazetteer has no Hoeryong")
	}
	hyesan, ok := place.Lookup("Hyesan")
	if !ok {
		t.Fatal("gazetteer has no Hyesan")
	}
	at := time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)
	st := &fakeStore{
		reports: map[int64]*casebook.Report{
			1: {ID: 1, SHA256: strings.Repeat("a", 64), Title: "Mr. Kim arrested in Hoeryong", URL: "https://example.org/1",
				Language: "en", MediaType: "text/plain", FileName: "kim-chol-su.txt", Text: enText, SourceID: 7, CreatedBy: "analyst-park"},
			2: {ID: 2, SHA256: strings.Repeat("b", 64), Title: "혜산 보안서", Language: "ko", MediaType: "text/plain", Text: koText},
		},
		sources: map[int64]casebook.SealedSource{7: {ID: 7, Sealed: sealed}},
	}
	ev := func(id, report int64, state string, e casebook.Event) casebook.Fact {
		f := casebook.Fact{ID: id, ReportID: report, Kind: casebook.KindEvent, Event: &e, State: state, ExtractorVersion: "x1"}
		if state != casebook.StateMachine {
			f.ReviewedBy, f.ReviewedAt, f.Note = reviewerName, at, secretNote
		}
		return f
	}
	st.facts = []casebook.Fact{
		ev(1, 1, casebook.StateConfirmed, casebook.Event{Type: casebook.EventDetention, Span: span(enText, "Agents of the Ministry of State Security arrested Mr. Kim Chol-su"),
			Place: &casebook.PlaceRef{ID: hoeryong.ID, Name: hoeryong.Name}, Agency: casebook.AgencyMSS, Target: "phone user",
			Date: &casebook.Interval{From: "2019-12-03", To: "2019-12-03"}}),
		ev(2, 1, casebook.StateMachine, casebook.Event{Type: casebook.EventBribePayment, Span: span(enText, "His wife paid 5,000 yuan"),
			Amount: &casebook.Amount{Amount: 5000, Currency: "CNY", USD: 710}}),
		ev(3, 1, casebook.StateRejected, casebook.Event{Type: casebook.EventThreat, Span: span(enText, rejectedWords)}),
		ev(4, 1, casebook.StateCorrected, casebook.Event{Type: casebook.EventPunishment, Span: span(enText, `=HYPERLINK("http://evil") was written`)}),
		ev(5, 1, casebook.StateConfirmed, casebook.Event{Type: casebook.EventPunishment, Span: span(enText, "Police beat a trader named Ri Sun-hui"),
			Agency: casebook.AgencyMPS}),
		{ID: 6, ReportID: 1, Kind: casebook.KindMoney, Money: &casebook.Money{Amount: 5000, Currency: "CNY", Span: span(enText, "5,000 yuan")}, State: casebook.StateConfirmed},
		ev(7, 2, casebook.StateCorrected, casebook.Event{Type: casebook.EventBribeDemand, Span: span(koText, "보안서가 밀수꾼 박모 씨에게 3000위안을 요구했다"),
			Place: &casebook.PlaceRef{ID: hyesan.ID, Name: hyesan.Name}, Agency: casebook.AgencyMPS,
			Amount: &casebook.Amount{Amount: 3000, Currency: "CNY", USD: 430}}),
	}
	return st, sealer
}

func run(t *testing.T, st *fakeStore, opts Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Events(context.Background(), st, casebook.FactFilter{}, opts, &b); err != nil {
		t.Fatalf("Events(%+v): %v", opts, err)
	}
	return b.String()
}

func readCSV(t *testing.T, s string) (header []string, rows []map[string]string) {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatalf("bad CSV: %v\n%s", err, s)
	}
	header = recs[0]
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range header {
			m[h] = r[i]
		}
		rows = append(rows, m)
	}
	return header, rows
}

// mustNotContain fails for every secret found in out.
func mustNotContain(t *testing.T, what, out string, secrets ...string) {
	t.Helper()
	for _, s := range secrets {
		if strings.Contains(out, s) {
			t.Errorf("%s contains %q", what, s)
		}
	}
}

func TestCSVRedacted(t *testing.T) {
	st, sealer := setup(t)
	// Even asked for a full export with a key, redaction wins.
	out := run(t, st, Options{Format: FormatCSV, Redact: true, Full: true, Sealer: sealer, Actor: "viewer-a"})
	header, rows := readCSV(t, out)
	if !slices.Equal(header, csvColumns) {
		t.Errorf("header = %v, want %v", header, csvColumns)
	}
	var ids []string
	for _, r := range rows {
		ids = append(ids, r["event_id"])
		if r["review_state"] != casebook.StateConfirmed && r["review_state"] != casebook.StateCorrected {
			t.Errorf("redacted export has a %s fact", r["review_state"])
		}
	}
	if want := []string{"1", "4", "5", "7"}; !slices.Equal(ids, want) {
		t.Errorf("event ids = %v, want %v", ids, want)
	}
	mustNotContain(t, "redacted CSV", out, "Chol-su", "Kim", "Sun-hui", "박모", secretNote, reviewerName,
		pseudonym, contact, rejectedWords, "analyst-park", "kim-chol-su")
	first := rows[0]
	hoeryong, _ := place.Lookup("Hoeryong")
	checks := map[string]string{
		"date_from": "2019-12-03", "date_to": "2019-12-03", "type": "detention", "place": hoeryong.Name,
		"place_id": hoeryong.ID, "agency": "MSS", "target": "phone user", "report_id": "1",
		"report_sha256": strings.Repeat("a", 64), "url": "https://example.org/1",
		"evidence": "Agents of the Ministry of State Security arrested Mr. [name]",
	}
	for k, v := range checks {
		if first[k] != v {
			t.Errorf("row 1 %s = %q, want %q", k, first[k], v)
		}
	}
	if first["province"] == "" || first["lat"] == "" || first["lon"] == "" {
		t.Errorf("row 1 lacks province or coordinates: %v", first)
	}
	if rows[1]["evidence"][0] != '\'' {
		t.Errorf("formula cell not defused: %q", rows[1]["evidence"])
	}
	if ko := rows[3]; ko["evidence"] != "보안서가 밀수꾼 [name] 씨에게 3000위안을 요구했다" || ko["usd"] != "430" || ko["currency"] != "CNY" {
		t.Errorf("Korean row: %v", ko)
	}
}

func TestCSVAnalyst(t *testing.T) {
	st, _ := setup(t)
	opts, err := OptionsFor(casebook.RoleAnalyst, FormatCSV, false, false)
	if err != nil {
		t.Fatal(err)
	}
	out := run(t, st, opts)
	header, rows := readCSV(t, out)
	if len(rows) != 6 {
		t.Errorf("analyst export has %d events, want all 6", len(rows))
	}
	if slices.Contains(header, "source_pseudonym") {
		t.Error("analyst export has source columns")
	}
	mustNotContain(t, "analyst CSV", out, pseudonym, contact)
	if !strings.Contains(out, "Kim Chol-su") || !strings.Contains(out, secretNote) {
		t.Error("analyst export lost names or notes it may show")
	}
}

func TestCSVFull(t *testing.T) {
	st, sealer := setup(t)
	opts, err := OptionsFor(casebook.RoleAdmin, FormatCSV, false, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := Events(context.Background(), st, casebook.FactFilter{}, opts, &bytes.Buffer{}); casebook.ErrorKind(err) != casebook.EUNAVAILABLE {
		t.Errorf("full export without a key = %v, want unavailable", err)
	}
	opts.Sealer = sealer
	out := run(t, st, opts)
	_, rows := readCSV(t, out)
	if rows[0]["source_pseudonym"] != pseudonym || rows[0]["source_contact"] != "'"+contact || rows[0]["source_credibility"] != "2" {
		t.Errorf("full export source columns: %v", rows[0])
	}
	if rows[len(rows)-1]["source_pseudonym"] != "" {
		t.Error("a report without a source got one")
	}
}

func TestGeoJSON(t *testing.T) {
	st, _ := setup(t)
	out := run(t, st, Options{Format: FormatGeoJSON, Redact: true})
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Type     string `json:"type"`
			Geometry *struct {
				Type        string     `json:"type"`
				Coordinates [2]float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal([]byte(out), &fc); err != nil {
		t.Fatalf("bad GeoJSON: %v\n%s", err, out)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 4 {
		t.Fatalf("type %q with %d features, want FeatureCollection with 4", fc.Type, len(fc.Features))
	}
	hoeryong, _ := place.Lookup("Hoeryong")
	f0 := fc.Features[0]
	if f0.Geometry == nil || f0.Geometry.Type != "Point" || f0.Geometry.Coordinates != [2]float64{hoeryong.Lon, hoeryong.Lat} {
		t.Errorf("feature 1 geometry %+v, want Point at %v,%v", f0.Geometry, hoeryong.Lon, hoeryong.Lat)
	}
	if fc.Features[1].Geometry != nil {
		t.Error("an event without a place has a geometry")
	}
	if f0.Properties["type"] != "detention" || f0.Properties["province"] == nil {
		t.Errorf("feature 1 properties %v", f0.Properties)
	}
	mustNotContain(t, "redacted GeoJSON", out, "Chol-su", "박모", secretNote, pseudonym, contact, reviewerName)
}

func TestJSON(t *testing.T) {
	st, sealer := setup(t)
	var doc struct {
		Redacted bool         `json:"redacted"`
		Reports  []jsonReport `json:"reports"`
	}
	out := run(t, st, Options{Format: FormatJSON, Redact: true})
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if !doc.Redacted || len(doc.Reports) != 2 {
		t.Fatalf("redacted=%v with %d reports", doc.Redacted, len(doc.Reports))
	}
	r1 := doc.Reports[0]
	if r1.Text != "" || r1.Source != nil || r1.FileName != "" || r1.Title != "Mr. [name] arrested in Hoeryong" {
		t.Errorf("redacted report 1: %+v", r1)
	}
	var states []string
	for _, f := range r1.Facts {
		states = append(states, f.State)
	}
	if len(r1.Facts) != 4 || slices.Contains(states, casebook.StateMachine) || slices.Contains(states, casebook.StateRejected) {
		t.Errorf("redacted report 1 facts in states %v, want the 4 reviewed ones", states)
	}
	mustNotContain(t, "redacted JSON", out, "Chol-su", "Sun-hui", "박모", secretNote, reviewerName, pseudonym, contact, "analyst-park")

	out = run(t, st, Options{Format: FormatJSON, Full: true, Sealer: sealer})
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if r := doc.Reports[0]; r.Source == nil || r.Source.Pseudonym != pseudonym || r.Text != enText || len(r.Facts) != 6 {
		t.Errorf("full report 1: source %+v, %d facts", r.Source, len(r.Facts))
	}
}

func TestEventsAudited(t *testing.T) {
	st, _ := setup(t)
	for _, format := range Formats {
		run(t, st, Options{Format: format, Redact: true, Actor: "viewer-a"})
	}
	if len(st.audit) != len(Formats) {
		t.Fatalf("%d audit entries for %d exports", len(st.audit), len(Formats))
	}
	for i, e := range st.audit {
		if e.Actor != "viewer-a" || e.Action != "export" || !strings.Contains(e.Detail, "format="+Formats[i]) || !strings.Contains(e.Detail, "redacted") {
			t.Errorf("audit entry %+v", e)
		}
	}
	if err := Events(context.Background(), st, casebook.FactFilter{}, Options{Format: "xlsx"}, &bytes.Buffer{}); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestRedactedStates(t *testing.T) {
	st, _ := setup(t)
	var b bytes.Buffer
	err := Events(context.Background(), st, casebook.FactFilter{States: []string{casebook.StateMachine, casebook.StateRejected}},
		Options{Format: FormatCSV, Redact: true}, &b)
	if err != nil {
		t.Fatal(err)
	}
	if _, rows := readCSV(t, b.String()); len(rows) != 0 {
		t.Errorf("a redacted export asking for machine facts got %d rows", len(rows))
	}
}

func TestOptionsFor(t *testing.T) {
	tests := []struct {
		role         string
		redact, full bool
		wantErr      bool
		wantRedact   bool
		wantFull     bool
	}{
		{casebook.RoleViewer, false, false, false, true, false},
		{casebook.RoleViewer, true, false, false, true, false},
		{casebook.RoleViewer, false, true, true, false, false},
		{casebook.RoleAnalyst, false, false, false, false, false},
		{casebook.RoleAnalyst, true, false, false, true, false},
		{casebook.RoleAnalyst, false, true, true, false, false},
		{casebook.RoleAdmin, false, true, false, false, true},
		{casebook.RoleAdmin, true, true, false, true, false},
		{"", false, false, true, false, false},
		{"root", false, false, true, false, false},
	}
	for _, tt := range tests {
		o, err := OptionsFor(tt.role, FormatCSV, tt.redact, tt.full)
		if (err != nil) != tt.wantErr {
			t.Errorf("OptionsFor(%q, redact=%v, full=%v) error %v, want error=%v", tt.role, tt.redact, tt.full, err, tt.wantErr)
			continue
		}
		if err == nil && (o.Redact != tt.wantRedact || o.Full != tt.wantFull) {
			t.Errorf("OptionsFor(%q, redact=%v, full=%v) = redact %v full %v", tt.role, tt.redact, tt.full, o.Redact, o.Full)
		}
	}
	if _, err := OptionsFor(casebook.RoleAdmin, "pdf", false, false); err == nil {
		t.Error("format pdf accepted")
	}
}

// BenchmarkEventsCSV exports 5,000 confirmed events of 500 reports, redacted.
func BenchmarkEventsCSV(b *testing.B) {
	st := &fakeStore{reports: map[int64]*casebook.Report{}}
	hoeryong, _ := place.Lookup("Hoeryong")
	for r := int64(1); r <= 500; r++ {
		text := strings.Repeat("Agents of the Ministry of State Security in Hoeryong detained Mr. Kim Chol-su for a phone call. ", 10)
		st.reports[r] = &casebook.Report{ID: r, SHA256: strings.Repeat("c", 64), Text: text, Language: "en"}
		for i := range 10 {
			id := r*10 + int64(i)
			sp := casebook.Span{i * 96, i*96 + 80}
			st.facts = append(st.facts, casebook.Fact{ID: id, ReportID: r, Kind: casebook.KindEvent, State: casebook.StateConfirmed,
				Event: &casebook.Event{Type: casebook.EventDetention, Span: sp, Place: &casebook.PlaceRef{ID: hoeryong.ID, Name: hoeryong.Name}, Agency: "MSS"}})
		}
	}
	for b.Loop() {
		st.audit = nil
		if err := Events(context.Background(), st, casebook.FactFilter{}, Options{Format: FormatCSV, Redact: true}, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(st.facts))*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
