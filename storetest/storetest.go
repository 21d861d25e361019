// Package storetest is the one conformance suite every casebook.Store must
// pass: the SQLite and PostgreSQL stores run the same tests, so they behave
// alike. Each test gets a fresh, empty store from newStore; the store must
// take its time from Clock.
package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"casebook"
)

// Epoch is the time Clock returns: what a store stamps on records whose time
// the caller left zero.
var Epoch = time.Date(2026, 3, 4, 5, 6, 7, 123456000, time.UTC)

// Clock is the fixed clock stores under test must use.
func Clock() time.Time { return Epoch }

// Run runs the conformance suite; newStore returns a fresh empty store that
// takes its time from Clock and is closed by the caller's cleanup.
func Run(t *testing.T, newStore func(t *testing.T) casebook.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st casebook.Store)
	}{
		{"Reports", testReports},
		{"ReportDedupe", testReportDedupe},
		{"ReportDedupeConcurrent", testReportDedupeConcurrent},
		{"ReportInvalid", testReportInvalid},
		{"ReportOriginals", testReportOriginals},
		{"ReportSource", testReportSource},
		{"Facts", testFacts},
		{"FactFilters", testFactFilters},
		{"Review", testReview},
		{"CreateFact", testCreateFact},
		{"ReplaceMachineFacts", testReplaceMachineFacts},
		{"SearchText", testSearchText},
		{"SearchKorean", testSearchKorean},
		{"SearchFilters", testSearchFilters},
		{"SearchOneEvent", testSearchOneEvent},
		{"SearchPages", testSearchPages},
		{"SearchSnippets", testSearchSnippets},
		{"SearchRank", testSearchRank},
		{"SearchLongReport", testSearchLongReport},
		{"SearchOddText", testSearchOddText},
		{"Users", testUsers},
		{"Sessions", testSessions},
		{"Sources", testSources},
		{"Audit", testAudit},
		{"AuditConcurrent", testAuditConcurrent},
		{"NotFound", testNotFound},
		{"CreateReportAudited", testCreateReportAudited},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := newStore(t)
			tt.fn(t, st)
		})
	}
}

// Sample reports, written for these tests.
const (
	textHoeryong = "Agents of the Ministry of State Security detained a remittance broker in Hoeryong last month, a source said. " +
		"The agents demanded 20,000 yuan (about $2,800) for his release. Brokers along the Tumen river now pay more."
	textHoeryongKo = "함경북도 회령시에서 보위부가 지난달 국경 지역 주민들을 집중 단속했다고 소식통이 전했다. " +
		"보위부원들은 휴대전화 사용자를 적발하고 벌금으로 5000위안을 요구했다."
	textHyesan = "Police in Hyesan took a bribe of $500 from a smuggler in May 2018 and let him go. " +
		"Market prices in Ryanggang province rose after the crackdown."
	textPyongyang = "Pyongyang markets were quiet this week. Rice sold for 5,000 won a kilogram and the exchange rate held."
)

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func ctxT(t *testing.T) context.Context { return t.Context() }

func newReport(title, text, lang string) *casebook.Report {
	return &casebook.Report{
		Original: []byte(title + "\n\n" + text), MediaType: "text/plain", FileName: strings.ToLower(strings.Fields(title)[0]) + ".txt",
		Title: title, Outlet: "Test Outlet", URL: "https://example.org/" + sum([]byte(title))[:8], Author: "A. Writer",
		Published: "2019-12-06", Language: lang, Text: text,
	}
}

func span(text, s string) casebook.Span {
	i := strings.Index(text, s)
	if i < 0 {
		panic("storetest: no " + s + " in sample")
	}
	return casebook.Span{i, i + len(s)}
}

// fixture stores the four sample reports with facts and returns them.
type fixture struct {
	hoeryong, hoeryongKo, hyesan, pyongyang *casebook.Report
}

const extractorV = "test-1"

func hoeryongFacts() casebook.Facts {
	t := textHoeryong
	return casebook.Facts{
		Places:   []casebook.Place{{ID: "hoeryong", Name: "Hoeryong", Kind: "city", Province: "north-hamgyong", Lat: 42.44, Lon: 129.75, Spans: []casebook.Span{span(t, "Hoeryong")}}},
		Agencies: []casebook.Agency{{ID: "MSS", Name: "Ministry of State Security", Spans: []casebook.Span{span(t, "Ministry of State Security")}}},
		Money:    []casebook.Money{{Amount: 20000, Currency: "CNY", USD: 2800, Role: casebook.RoleBribeDemand, Span: span(t, "20,000 yuan")}},
		Events: []casebook.Event{
			{Type: casebook.EventDetention, Span: span(t, "detained a remittance broker"), Place: &casebook.PlaceRef{ID: "hoeryong", Name: "Hoeryong"}, Agency: "MSS", Target: "remittance broker", Date: &casebook.Interval{From: "2019-11-01", To: "2019-11-30"}},
			{Type: casebook.EventBribeDemand, Span: span(t, "demanded 20,000 yuan"), Place: &casebook.PlaceRef{ID: "hoeryong", Name: "Hoeryong"}, Agency: "MSS", Amount: &casebook.Amount{Amount: 20000, Currency: "CNY", USD: 2800}, Date: &casebook.Interval{From: "2019-11-01", To: "2019-11-30"}},
		},
	}
}

func hoeryongKoFacts() casebook.Facts {
	t := textHoeryongKo
	return casebook.Facts{
		Places:   []casebook.Place{{ID: "hoeryong", Name: "Hoeryong", Kind: "city", Province: "north-hamgyong", Spans: []casebook.Span{span(t, "회령시")}}},
		Agencies: []casebook.Agency{{ID: "MSS", Name: "Ministry of State Security", Spans: []casebook.Span{span(t, "보위부")}}},
		Money:    []casebook.Money{{Amount: 5000, Currency: "CNY", USD: 700, Role: casebook.RoleFine, Span: span(t, "5000위안")}},
		Events: []casebook.Event{
			{Type: casebook.EventCrackdown, Span: span(t, "집중 단속했다"), Place: &casebook.PlaceRef{ID: "hoeryong", Name: "Hoeryong"}, Agency: "MSS", Date: &casebook.Interval{From: "2019-11-01", To: "2019-11-30"}},
		},
	}
}

func hyesanFacts() casebook.Facts {
	t := textHyesan
	return casebook.Facts{
		Places:   []casebook.Place{{ID: "hyesan", Name: "Hyesan", Kind: "city", Province: "ryanggang", Spans: []casebook.Span{span(t, "Hyesan")}}, {ID: "ryanggang", Name: "Ryanggang", Kind: "province", Spans: []casebook.Span{span(t, "Ryanggang")}}},
		Agencies: []casebook.Agency{{ID: "MPS", Name: "Ministry of Social Security (police)", Spans: []casebook.Span{span(t, "Police")}}},
		Money:    []casebook.Money{{Amount: 500, Currency: "USD", Role: casebook.RoleBribePayment, Span: span(t, "$500")}},
		Events: []casebook.Event{
			{Type: casebook.EventBribePayment, Span: span(t, "took a bribe of $500"), Place: &casebook.PlaceRef{ID: "hyesan", Name: "Hyesan"}, Agency: "MPS", Amount: &casebook.Amount{Amount: 500, Currency: "USD"}, Date: &casebook.Interval{From: "2018-05-01", To: "2018-05-31"}},
		},
	}
}

func mustCreate(t *testing.T, st casebook.Store, r *casebook.Report, f casebook.Facts) []casebook.Fact {
	t.Helper()
	facts := casebook.FactsOf(0, f, extractorV)
	created, err := st.CreateReport(ctxT(t), r, facts)
	if err != nil {
		t.Fatalf("CreateReport(%q): %v", r.Title, err)
	}
	if !created {
		t.Fatalf("CreateReport(%q): created = false for a new report", r.Title)
	}
	if r.ID == 0 {
		t.Fatalf("CreateReport(%q): no ID set", r.Title)
	}
	return facts
}

func load(t *testing.T, st casebook.Store) fixture {
	t.Helper()
	fx := fixture{
		hoeryong:   newReport("Broker detained in Hoeryong", textHoeryong, "en"),
		hoeryongKo: newReport("회령 보위부 단속", textHoeryongKo, "ko"),
		hyesan:     newReport("Hyesan police bribe", textHyesan, "en"),
		pyongyang:  newReport("Pyongyang market prices", textPyongyang, "en"),
	}
	fx.hoeryong.Published = "2019-12-06"
	fx.hoeryongKo.Published = "2019-12-10"
	fx.hyesan.Published = "2018-06-01"
	fx.pyongyang.Published = "2020-01-15"
	mustCreate(t, st, fx.hoeryong, hoeryongFacts())
	mustCreate(t, st, fx.hoeryongKo, hoeryongKoFacts())
	mustCreate(t, st, fx.hyesan, hyesanFacts())
	mustCreate(t, st, fx.pyongyang, casebook.Facts{})
	return fx
}

func wantKind(t *testing.T, err error, kind string) {
	t.Helper()
	if got := casebook.ErrorKind(err); got != kind {
		t.Fatalf("error kind = %q (%v), want %q", got, err, kind)
	}
}

func ids(hits []casebook.ReportHit) []int64 {
	out := []int64{}
	for _, h := range hits {
		out = append(out, h.Report.ID)
	}
	slices.Sort(out)
	return out
}

func sorted(xs ...int64) []int64 {
	out := append([]int64{}, xs...)
	slices.Sort(out)
	if out == nil {
		out = []int64{}
	}
	return out
}

func testReports(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	r := newReport("Broker detained in Hoeryong", textHoeryong, "en")
	r.CreatedBy = "kim"
	orig := append([]byte{}, r.Original...)
	mustCreate(t, st, r, hoeryongFacts())
	if r.SHA256 != sum(orig) {
		t.Errorf("SHA256 = %s, want %s", r.SHA256, sum(orig))
	}
	if !r.CreatedAt.Equal(Epoch) {
		t.Errorf("CreatedAt = %v, want the store clock's %v", r.CreatedAt, Epoch)
	}
	for name, find := range map[string]func() (*casebook.Report, error){
		"by id":         func() (*casebook.Report, error) { return st.FindReportByID(ctx, r.ID) },
		"by sha":        func() (*casebook.Report, error) { return st.FindReportBySHA256(ctx, r.SHA256) },
		"by sha, upper": func() (*casebook.Report, error) { return st.FindReportBySHA256(ctx, strings.ToUpper(r.SHA256)) },
	} {
		got, err := find()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if string(got.Original) != string(orig) {
			t.Errorf("%s: original bytes changed", name)
		}
		if got.ID != r.ID || got.SHA256 != r.SHA256 || got.Title != r.Title || got.Text != r.Text || got.Outlet != r.Outlet ||
			got.URL != r.URL || got.Author != r.Author || got.Published != r.Published || got.Language != r.Language ||
			got.MediaType != r.MediaType || got.FileName != r.FileName || got.CreatedBy != "kim" || !got.CreatedAt.Equal(Epoch) {
			t.Errorf("%s: got %+v\nwant %+v", name, got, r)
		}
	}
	at := time.Date(2020, 1, 2, 3, 4, 5, 6000, time.UTC)
	r2 := newReport("Pyongyang market prices", textPyongyang, "en")
	r2.CreatedAt = at
	mustCreate(t, st, r2, casebook.Facts{})
	got, err := st.FindReportByID(ctx, r2.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.CreatedAt.Equal(at) {
		t.Errorf("CreatedAt = %v, want the given %v", got.CreatedAt, at)
	}
	if r2.ID == r.ID {
		t.Errorf("two reports share ID %d", r.ID)
	}
}

func testReportDedupe(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	r := newReport("Broker detained in Hoeryong", textHoeryong, "en")
	mustCreate(t, st, r, hoeryongFacts())
	again := newReport("Broker detained in Hoeryong", textHoeryong, "en")
	again.Title = "A different title for the same bytes"
	created, err := st.CreateReport(ctx, again, casebook.FactsOf(0, hoeryongFacts(), extractorV))
	if err != nil {
		t.Fatal(err)
	}
	if created {
		t.Fatal("the same bytes stored twice: created = true")
	}
	if again.ID != r.ID || again.Title != r.Title {
		t.Errorf("second CreateReport not filled from the stored report: id %d title %q, want %d %q", again.ID, again.Title, r.ID, r.Title)
	}
	facts, err := st.FindFacts(ctx, casebook.FactFilter{ReportID: r.ID})
	if err != nil {
		t.Fatal(err)
	}
	if want := len(casebook.FactsOf(0, hoeryongFacts(), "")); len(facts) != want {
		t.Errorf("after a duplicate: %d facts, want %d", len(facts), want)
	}
	_, total, err := st.FindReports(ctx, casebook.ReportFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 {
		t.Errorf("%d reports, want 1", total)
	}
}

func testReportDedupeConcurrent(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	const n = 8
	var wg sync.WaitGroup
	var mu sync.Mutex
	created := 0
	idSet := map[int64]bool{}
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			r := newReport("Broker detained in Hoeryong", textHoeryong, "en")
			c, err := st.CreateReport(ctx, r, casebook.FactsOf(0, hoeryongFacts(), extractorV))
			if err != nil {
				errs <- err
				return
			}
			mu.Lock()
			defer mu.Unlock()
			if c {
				created++
			}
			idSet[r.ID] = true
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent CreateReport: %v", err)
	}
	if created != 1 || len(idSet) != 1 {
		t.Errorf("created %d times with %d ids, want once with one id", created, len(idSet))
	}
	facts, err := st.FindFacts(ctx, casebook.FactFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if want := len(casebook.FactsOf(0, hoeryongFacts(), "")); len(facts) != want {
		t.Errorf("%d facts, want %d", len(facts), want)
	}
}

func testReportInvalid(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	tests := []struct {
		name string
		r    *casebook.Report
		f    []casebook.Fact
	}{
		{"no original", &casebook.Report{Title: "x", Text: "x"}, nil},
		{"wrong sha", &casebook.Report{Original: []byte("abc"), SHA256: sum([]byte("abd")), Text: "abc"}, nil},
		{"text not UTF-8", &casebook.Report{Original: []byte("a\xff"), Text: "a\xff"}, nil},
		{"fact without value", &casebook.Report{Original: []byte("abc"), Text: "abc"}, []casebook.Fact{{Kind: casebook.KindPlace}}},
		{"fact of wrong kind", &casebook.Report{Original: []byte("abc"), Text: "abc"}, []casebook.Fact{{Kind: casebook.KindMoney, Place: &casebook.Place{ID: "x"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := st.CreateReport(ctx, tt.r, tt.f)
			wantKind(t, err, casebook.EINVALID)
		})
	}
	// A failed report leaves nothing behind.
	if _, err := st.FindReportBySHA256(ctx, sum([]byte("abc"))); casebook.ErrorKind(err) != casebook.ENOTFOUND {
		t.Errorf("a report whose facts were refused was stored: %v", err)
	}
}

func testReportOriginals(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	fx := load(t, st)
	seen := map[int64]string{}
	err := st.ReportOriginals(ctx, func(id int64, sha string, original []byte) error {
		if sum(original) != sha {
			t.Errorf("report %d: stored sha %s, original hashes to %s", id, sha, sum(original))
		}
		seen[id] = sha
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*casebook.Report{fx.hoeryong, fx.hoeryongKo, fx.hyesan, fx.pyongyang} {
		if seen[r.ID] != r.SHA256 {
			t.Errorf("report %d: ReportOriginals gave %q, want %q", r.ID, seen[r.ID], r.SHA256)
		}
	}
	if len(seen) != 4 {
		t.Errorf("ReportOriginals visited %d reports, want 4", len(seen))
	}
	stop := errors.New("stop")
	n := 0
	err = st.ReportOriginals(ctx, func(int64, string, []byte) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("ReportOriginals did not stop at fn's error: err %v after %d calls", err, n)
	}
}

func testReportSource(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	r := newReport("Broker detained in Hoeryong", textHoeryong, "en")
	mustCreate(t, st, r, casebook.Facts{})
	src := &casebook.SealedSource{Sealed: []byte("sealed-bytes")}
	if err := st.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	if err := st.SetReportSource(ctx, r.ID, src.ID); err != nil {
		t.Fatal(err)
	}
	got, err := st.FindReportByID(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.SourceID != src.ID {
		t.Errorf("SourceID = %d, want %d", got.SourceID, src.ID)
	}
	if err := st.SetReportSource(ctx, r.ID, 0); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.FindReportByID(ctx, r.ID); got.SourceID != 0 {
		t.Errorf("after unlinking SourceID = %d", got.SourceID)
	}
	wantKind(t, st.SetReportSource(ctx, r.ID, src.ID+100), casebook.ENOTFOUND)
	wantKind(t, st.SetReportSource(ctx, r.ID+100, src.ID), casebook.ENOTFOUND)
}

func testFacts(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	r := newReport("Broker detained in Hoeryong", textHoeryong, "en")
	want := mustCreate(t, st, r, hoeryongFacts())
	got, err := st.FindFacts(ctx, casebook.FactFilter{ReportID: r.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d facts, want %d", len(got), len(want))
	}
	for i := range want {
		if want[i].ID == 0 || want[i].ReportID != r.ID {
			t.Errorf("fact %d: ID %d ReportID %d not set by CreateReport", i, want[i].ID, want[i].ReportID)
		}
		g := got[i]
		if g.ID != want[i].ID || g.Kind != want[i].Kind || g.State != casebook.StateMachine || g.ExtractorVersion != extractorV || g.Machine != nil {
			t.Errorf("fact %d: got %+v, want %+v", i, g, want[i])
		}
		if fmt.Sprint(value(g)) != fmt.Sprint(value(want[i])) {
			t.Errorf("fact %d value: got %s, want %s", i, value(g), value(want[i]))
		}
	}
	one, err := st.FindFactByID(ctx, want[3].ID)
	if err != nil {
		t.Fatal(err)
	}
	if one.Event == nil || one.Event.Type != casebook.EventDetention || one.Event.Place == nil || one.Event.Place.ID != "hoeryong" {
		t.Errorf("FindFactByID: %+v", one)
	}
}

// value renders a fact's value for comparison.
func value(f casebook.Fact) string {
	switch {
	case f.Place != nil:
		return fmt.Sprintf("%+v", *f.Place)
	case f.Agency != nil:
		return fmt.Sprintf("%+v", *f.Agency)
	case f.Money != nil:
		return fmt.Sprintf("%+v", *f.Money)
	case f.Event != nil:
		e := *f.Event
		s := fmt.Sprintf("%s %v %s %s", e.Type, e.Span, e.Agency, e.Target)
		if e.Place != nil {
			s += " " + e.Place.ID
		}
		if e.Amount != nil {
			s += fmt.Sprintf(" %+v", *e.Amount)
		}
		if e.Date != nil {
			s += " " + e.Date.From + ".." + e.Date.To
		}
		return s
	}
	return "none"
}

func testFactFilters(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	fx := load(t, st)
	all, err := st.FindFacts(ctx, casebook.FactFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// Count expected matches from the facts themselves, with the filter's meaning.
	count := func(pred func(f casebook.Fact) bool) int {
		n := 0
		for _, f := range all {
			if pred(f) {
				n++
			}
		}
		return n
	}
	provinceOf := map[string]string{"hoeryong": "north-hamgyong", "hyesan": "ryanggang", "ryanggang": "ryanggang"}
	tests := []struct {
		name   string
		filter casebook.FactFilter
		want   int
	}{
		{"report", casebook.FactFilter{ReportID: fx.hyesan.ID}, count(func(f casebook.Fact) bool { return f.ReportID == fx.hyesan.ID })},
		{"kind", casebook.FactFilter{Kind: casebook.KindEvent}, 4},
		{"event type", casebook.FactFilter{EventType: casebook.EventCrackdown}, 1},
		{"city", casebook.FactFilter{PlaceID: "hoeryong"}, 5},
		{"province finds its cities", casebook.FactFilter{PlaceID: "north-hamgyong"}, 5},
		{"province finds itself", casebook.FactFilter{PlaceID: "ryanggang"}, count(func(f casebook.Fact) bool {
			return (f.Place != nil && provinceOf[f.Place.ID] == "ryanggang") || (f.Event != nil && f.Event.Place != nil && provinceOf[f.Event.Place.ID] == "ryanggang")
		})},
		{"agency", casebook.FactFilter{Agency: "MSS"}, 5},
		{"date overlap", casebook.FactFilter{Date: casebook.Interval{From: "2019-11-15", To: "2019-12-31"}}, 3},
		{"date from only", casebook.FactFilter{Date: casebook.Interval{From: "2019-01-01"}}, 3},
		{"date to only", casebook.FactFilter{Date: casebook.Interval{To: "2018-12-31"}}, 1},
		{"date outside", casebook.FactFilter{Date: casebook.Interval{From: "2021-01-01", To: "2021-12-31"}}, 0},
		{"min usd", casebook.FactFilter{MinUSD: 1000}, 2},
		{"usd range", casebook.FactFilter{MinUSD: 400, MaxUSD: 800}, 3},
		{"max usd", casebook.FactFilter{MaxUSD: 600}, 2},
		{"states", casebook.FactFilter{States: []string{casebook.StateConfirmed, casebook.StateCorrected}}, 0},
		{"states machine", casebook.FactFilter{States: []string{casebook.StateMachine}}, len(all)},
		{"combined", casebook.FactFilter{Kind: casebook.KindEvent, PlaceID: "north-hamgyong", Agency: "MSS", MinUSD: 1000, Date: casebook.Interval{From: "2019-01-01", To: "2019-12-31"}}, 1},
		{"limit", casebook.FactFilter{Limit: 3}, 3},
		{"offset", casebook.FactFilter{Offset: len(all) - 2}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.FindFacts(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want {
				var s []string
				for _, f := range got {
					s = append(s, value(f))
				}
				t.Errorf("%d facts, want %d: %s", len(got), tt.want, strings.Join(s, "; "))
			}
		})
	}
	// Pages of the same filter do not overlap and come in a stable order.
	p1, _ := st.FindFacts(ctx, casebook.FactFilter{Limit: 2})
	p2, _ := st.FindFacts(ctx, casebook.FactFilter{Limit: 2, Offset: 2})
	if len(p1) != 2 || len(p2) != 2 || p1[0].ID != all[0].ID || p2[0].ID != all[2].ID {
		t.Errorf("fact pages are not slices of the full list")
	}
}

func testReview(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	r := newReport("Broker detained in Hoeryong", textHoeryong, "en")
	facts := mustCreate(t, st, r, hoeryongFacts())
	at := time.Date(2020, 5, 6, 7, 8, 9, 0, time.UTC)

	got, err := st.UpdateFact(ctx, facts[0].ID, casebook.FactUpdate{State: casebook.StateConfirmed, By: "lee", At: at, Note: "checked"})
	if err != nil {
		t.Fatal(err)
	}
	if got.State != casebook.StateConfirmed || got.ReviewedBy != "lee" || !got.ReviewedAt.Equal(at) || got.Note != "checked" || got.Machine != nil {
		t.Errorf("confirmed: %+v", got)
	}

	// A correction keeps the machine value, also across a second correction.
	money := facts[2]
	fixed := *money.Money
	fixed.Amount, fixed.USD = 2000, 280
	got, err = st.UpdateFact(ctx, money.ID, casebook.FactUpdate{State: casebook.StateCorrected, Money: &fixed, By: "lee"})
	if err != nil {
		t.Fatal(err)
	}
	if got.State != casebook.StateCorrected || got.Money == nil || got.Money.Amount != 2000 || got.Machine == nil || got.Machine.Money == nil || got.Machine.Money.Amount != 20000 {
		t.Fatalf("corrected: %+v machine %+v", got, got.Machine)
	}
	if !got.ReviewedAt.Equal(Epoch) {
		t.Errorf("ReviewedAt = %v, want the store clock's %v", got.ReviewedAt, Epoch)
	}
	fixed.Amount = 3000
	got, err = st.UpdateFact(ctx, money.ID, casebook.FactUpdate{State: casebook.StateCorrected, Money: &fixed, By: "park"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Money.Amount != 3000 || got.Machine == nil || got.Machine.Money.Amount != 20000 || got.ReviewedBy != "park" {
		t.Errorf("second correction: %+v machine %+v", got.Money, got.Machine)
	}
	// The correction moves the fact in the filters: 280 USD now, not 2800.
	if fs, _ := st.FindFacts(ctx, casebook.FactFilter{Kind: casebook.KindMoney, MinUSD: 1000}); len(fs) != 0 {
		t.Errorf("a corrected sum still filters by its machine value")
	}
	// Correcting an event's place updates the place filter.
	ev := facts[4]
	moved := *ev.Event
	moved.Place = &casebook.PlaceRef{ID: "hyesan", Name: "Hyesan"}
	if _, err := st.UpdateFact(ctx, ev.ID, casebook.FactUpdate{State: casebook.StateCorrected, Event: &moved, By: "lee"}); err != nil {
		t.Fatal(err)
	}
	if fs, _ := st.FindFacts(ctx, casebook.FactFilter{Kind: casebook.KindEvent, PlaceID: "hyesan"}); len(fs) != 1 || fs[0].ID != ev.ID {
		t.Errorf("corrected event place not found by its new place: %v", fs)
	}

	got, err = st.UpdateFact(ctx, facts[1].ID, casebook.FactUpdate{State: casebook.StateRejected, By: "lee"})
	if err != nil || got.State != casebook.StateRejected {
		t.Errorf("rejected: %+v, %v", got, err)
	}

	_, err = st.UpdateFact(ctx, facts[0].ID, casebook.FactUpdate{State: "approved", By: "lee"})
	wantKind(t, err, casebook.EINVALID)
	_, err = st.UpdateFact(ctx, facts[0].ID, casebook.FactUpdate{State: casebook.StateCorrected, Money: &fixed, By: "lee"})
	wantKind(t, err, casebook.EINVALID)
	_, err = st.UpdateFact(ctx, facts[0].ID+1000, casebook.FactUpdate{State: casebook.StateConfirmed, By: "lee"})
	wantKind(t, err, casebook.ENOTFOUND)
}

func testCreateFact(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	r := newReport("Broker detained in Hoeryong", textHoeryong, "en")
	mustCreate(t, st, r, hoeryongFacts())
	f := &casebook.Fact{ReportID: r.ID, Kind: casebook.KindEvent, ReviewedBy: "lee", ExtractorVersion: "ignored",
		Event: &casebook.Event{Type: casebook.EventRelease, Span: span(textHoeryong, "for his release"), Place: &casebook.PlaceRef{ID: "hoeryong", Name: "Hoeryong"}}}
	if err := st.CreateFact(ctx, f); err != nil {
		t.Fatal(err)
	}
	got, err := st.FindFactByID(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ExtractorVersion != "" || got.State != casebook.StateConfirmed || got.ReviewedBy != "lee" || got.Event == nil || got.Event.Type != casebook.EventRelease {
		t.Errorf("analyst fact: %+v", got)
	}
	// An added event's place gets its province from the report's place facts.
	if fs, _ := st.FindFacts(ctx, casebook.FactFilter{EventType: casebook.EventRelease, PlaceID: "north-hamgyong"}); len(fs) != 1 {
		t.Errorf("added event not found by its province: %d", len(fs))
	}
	wantKind(t, st.CreateFact(ctx, &casebook.Fact{ReportID: r.ID + 100, Kind: casebook.KindAgency, Agency: &casebook.Agency{ID: "MSS"}}), casebook.ENOTFOUND)
	wantKind(t, st.CreateFact(ctx, &casebook.Fact{ReportID: r.ID, Kind: casebook.KindAgency}), casebook.EINVALID)
}

func testReplaceMachineFacts(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	r := newReport("Broker detained in Hoeryong", textHoeryong, "en")
	facts := mustCreate(t, st, r, hoeryongFacts())
	// facts: 0 place, 1 agency, 2 money, 3 detention, 4 bribe demand.
	if _, err := st.UpdateFact(ctx, facts[0].ID, casebook.FactUpdate{State: casebook.StateConfirmed, By: "lee"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.UpdateFact(ctx, facts[1].ID, casebook.FactUpdate{State: casebook.StateRejected, By: "lee"}); err != nil {
		t.Fatal(err)
	}
	fixed := *facts[2].Money
	fixed.Amount = 2000
	if _, err := st.UpdateFact(ctx, facts[2].ID, casebook.FactUpdate{State: casebook.StateCorrected, Money: &fixed, By: "lee"}); err != nil {
		t.Fatal(err)
	}
	added := &casebook.Fact{ReportID: r.ID, Kind: casebook.KindAgency, Agency: &casebook.Agency{ID: "MPS", Name: "Ministry of Social Security (police)"}}
	if err := st.CreateFact(ctx, added); err != nil {
		t.Fatal(err)
	}
	// The new extractor finds everything again, plus a threat.
	next := hoeryongFacts()
	next.Events = append(next.Events, casebook.Event{Type: casebook.EventThreat, Span: span(textHoeryong, "now pay more")})
	if err := st.ReplaceMachineFacts(ctx, r.ID, casebook.FactsOf(r.ID, next, "test-2")); err != nil {
		t.Fatal(err)
	}
	got, err := st.FindFacts(ctx, casebook.FactFilter{ReportID: r.ID})
	if err != nil {
		t.Fatal(err)
	}
	byState := map[string]int{}
	versions := map[string]int{}
	for _, f := range got {
		byState[f.State]++
		versions[f.ExtractorVersion]++
	}
	// Kept: confirmed place, rejected agency, corrected money, added MPS (4).
	// New machine facts: the two old events and the threat (the place, agency
	// and money equal decided facts and are not added again).
	if byState[casebook.StateConfirmed] != 2 || byState[casebook.StateRejected] != 1 || byState[casebook.StateCorrected] != 1 || byState[casebook.StateMachine] != 3 {
		t.Errorf("after re-extraction states %v, want 2 confirmed, 1 rejected, 1 corrected, 3 machine", byState)
	}
	if versions["test-2"] != 3 || versions[extractorV] != 3 || versions[""] != 1 {
		t.Errorf("after re-extraction versions %v", versions)
	}
	for _, id := range []int64{facts[0].ID, facts[1].ID, facts[2].ID, added.ID} {
		if _, err := st.FindFactByID(ctx, id); err != nil {
			t.Errorf("reviewed fact %d gone: %v", id, err)
		}
	}
	if _, err := st.FindFactByID(ctx, facts[3].ID); casebook.ErrorKind(err) != casebook.ENOTFOUND {
		t.Errorf("old machine fact %d still there: %v", facts[3].ID, err)
	}
	wantKind(t, st.ReplaceMachineFacts(ctx, r.ID+100, nil), casebook.ENOTFOUND)
}

func search(t *testing.T, st casebook.Store, f casebook.ReportFilter) ([]casebook.ReportHit, int) {
	t.Helper()
	hits, total, err := st.FindReports(ctxT(t), f)
	if err != nil {
		t.Fatalf("FindReports(%+v): %v", f, err)
	}
	return hits, total
}

func testSearchText(t *testing.T, st casebook.Store) {
	fx := load(t, st)
	tests := []struct {
		query string
		want  []int64
	}{
		{"remittance", []int64{fx.hoeryong.ID}},
		{"REMITTANCE broker", []int64{fx.hoeryong.ID}},
		{"remit", []int64{fx.hoeryong.ID}},                 // the start of a word
		{"hoeryong", []int64{fx.hoeryong.ID}},              // title and text
		{"market", []int64{fx.hyesan.ID, fx.pyongyang.ID}}, // Markets, Market
		{"markets quiet", []int64{fx.pyongyang.ID}},        // every term must match
		{`"exchange rate"`, []int64{fx.pyongyang.ID}},      // a phrase
		{`"rate exchange"`, []int64{}},                     // phrase order counts
		{"20,000", []int64{fx.hoeryong.ID}},                // digits and punctuation
		{"$500", []int64{fx.hyesan.ID}},
		{"go", []int64{fx.hyesan.ID}},           // two letters
		{"ribe", []int64{}},                     // words, not their insides
		{"Hoeryŏng", []int64{fx.hoeryong.ID}},   // diacritics folded
		{"500", []int64{fx.hyesan.ID}},          // a number whole: not 5,000
		{"smuggler let", []int64{fx.hyesan.ID}}, // each term anywhere
		{`"smuggler let"`, []int64{}},           // a phrase in a row
		{"nothing-like-this", []int64{}},
		{"", []int64{fx.hoeryong.ID, fx.hoeryongKo.ID, fx.hyesan.ID, fx.pyongyang.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, total := search(t, st, casebook.ReportFilter{Query: tt.query})
			if got := ids(hits); !slices.Equal(got, sorted(tt.want...)) || total != len(tt.want) {
				t.Errorf("got %v (total %d), want %v", got, total, sorted(tt.want...))
			}
		})
	}
	// Romanised names with diacritics and apostrophes in the text are found
	// without them, and with other apostrophes.
	mr := newReport("Ch'ŏngjin arrests", "Agents in Ch'ŏngjin and Hoeryŏng arrested two traders from P’yŏngsŏng.", "en")
	if _, err := st.CreateReport(ctxT(t), mr, nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Hoeryong", "hoeryŏng", "Ch'ongjin", "ch’ŏngjin", "Chongjin", "Chʼŏngjin", `"traders from Pyongsong"`, "P'yongsong"} {
		hits, _ := search(t, st, casebook.ReportFilter{Query: q, Language: "en"})
		found := false
		for _, h := range hits {
			found = found || h.Report.ID == mr.ID
		}
		if !found {
			t.Errorf("%q does not find a text that writes Ch'ŏngjin and Hoeryŏng: %v", q, ids(hits))
		}
	}
}

func testSearchKorean(t *testing.T, st casebook.Store) {
	fx := load(t, st)
	ko := fx.hoeryongKo.ID
	tests := []struct {
		query string
		want  []int64
	}{
		{"보위부", []int64{ko}}, // inside 보위부가, 보위부원들은
		{"회령", []int64{ko}},  // two syllables, inside 회령시에서 (and the title)
		{"단속", []int64{ko}},  // two syllables
		{"함경북도", []int64{ko}},
		{"회령시에서 보위부", []int64{ko}},
		{"휴대전화 사용자", []int64{ko}},
		{"5000위안", []int64{ko}},
		{"위안", []int64{ko}},
		{"회", []int64{ko}}, // one syllable
		{"평양", []int64{}},
		{"보위 평양", []int64{}},
		{"회령 broker", []int64{}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, total := search(t, st, casebook.ReportFilter{Query: tt.query})
			if got := ids(hits); !slices.Equal(got, sorted(tt.want...)) || total != len(tt.want) {
				t.Errorf("got %v (total %d), want %v", got, total, sorted(tt.want...))
			}
		})
	}
}

// testSearchOneEvent checks that event filters (type, date, amount) ask about
// one event: "bribe demands in North Hamgyong in 2019 above $1,000" must not
// match a report whose 2015 bribe demand was in Hyesan and whose 2019 arrest
// was in Hoeryong.
func testSearchOneEvent(t *testing.T, st casebook.Store) {
	split := newReport("Two cases", "A bribe demand in Hyesan. An arrest in Hoeryong.", "en")
	whole := newReport("One case", "A bribe demand in Musan.", "en")
	ev := func(typ, place string, date string, usd float64) casebook.Event {
		e := casebook.Event{Type: typ, Span: casebook.Span{0, 5}, Place: &casebook.PlaceRef{ID: place}, Agency: "MSS",
			Date: &casebook.Interval{From: date, To: date}}
		if usd > 0 {
			e.Amount = &casebook.Amount{Amount: usd, Currency: "USD"}
		}
		return e
	}
	mustCreate(t, st, split, casebook.Facts{Events: []casebook.Event{
		ev(casebook.EventBribeDemand, "hyesan", "2015-03-01", 2000),
		ev(casebook.EventDetention, "hoeryong", "2019-05-01", 0),
	}})
	mustCreate(t, st, whole, casebook.Facts{Events: []casebook.Event{
		ev(casebook.EventBribeDemand, "musan", "2019-03-01", 1500),
	}})
	y2019 := casebook.Interval{From: "2019-01-01", To: "2019-12-31"}
	tests := []struct {
		name   string
		filter casebook.ReportFilter
		want   []int64
	}{
		{"type, province and year", casebook.ReportFilter{EventType: casebook.EventBribeDemand, PlaceID: "north-hamgyong", Date: y2019}, []int64{whole.ID}},
		{"type and amount", casebook.ReportFilter{EventType: casebook.EventDetention, MinUSD: 1000}, []int64{}},
		{"province and amount", casebook.ReportFilter{PlaceID: "ryanggang", MinUSD: 1000}, []int64{split.ID}},
		{"year and amount", casebook.ReportFilter{Date: y2019, MinUSD: 1000}, []int64{whole.ID}},
		{"type alone", casebook.ReportFilter{EventType: casebook.EventBribeDemand}, []int64{split.ID, whole.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, total := search(t, st, tt.filter)
			if got := ids(hits); !slices.Equal(got, sorted(tt.want...)) || total != len(tt.want) {
				t.Errorf("got %v (total %d), want %v", got, total, sorted(tt.want...))
			}
		})
	}
}

func testSearchFilters(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	fx := load(t, st)
	hy, ko, en := fx.hyesan.ID, fx.hoeryongKo.ID, fx.hoeryong.ID
	tests := []struct {
		name   string
		filter casebook.ReportFilter
		want   []int64
	}{
		{"city", casebook.ReportFilter{PlaceID: "hoeryong"}, []int64{en, ko}},
		{"province finds its cities", casebook.ReportFilter{PlaceID: "north-hamgyong"}, []int64{en, ko}},
		{"province", casebook.ReportFilter{PlaceID: "ryanggang"}, []int64{hy}},
		{"unknown place", casebook.ReportFilter{PlaceID: "nowhere"}, []int64{}},
		{"agency", casebook.ReportFilter{Agency: "MPS"}, []int64{hy}},
		{"event type", casebook.ReportFilter{EventType: casebook.EventBribeDemand}, []int64{en}},
		{"date overlap", casebook.ReportFilter{Date: casebook.Interval{From: "2019-11-20", To: "2020-01-31"}}, []int64{en, ko}},
		{"date open end", casebook.ReportFilter{Date: casebook.Interval{To: "2018-12-31"}}, []int64{hy}},
		{"min usd", casebook.ReportFilter{MinUSD: 1000}, []int64{en}},
		{"usd range", casebook.ReportFilter{MinUSD: 400, MaxUSD: 800}, []int64{hy, ko}},
		{"language", casebook.ReportFilter{Language: "ko"}, []int64{ko}},
		{"state", casebook.ReportFilter{State: casebook.StateMachine}, []int64{en, ko, hy}},
		{"state confirmed", casebook.ReportFilter{State: casebook.StateConfirmed}, []int64{}},
		{"text and filters", casebook.ReportFilter{Query: "broker", PlaceID: "north-hamgyong", Agency: "MSS"}, []int64{en}},
		{"Korean text and filters", casebook.ReportFilter{Query: "회령", PlaceID: "north-hamgyong", Language: "ko"}, []int64{ko}},
		{"the question of the issue", casebook.ReportFilter{EventType: casebook.EventBribeDemand, PlaceID: "north-hamgyong", Date: casebook.Interval{From: "2019-01-01", To: "2019-12-31"}, MinUSD: 1000}, []int64{en}},
		{"filters that exclude", casebook.ReportFilter{Query: "broker", Agency: "MPS"}, []int64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, total := search(t, st, tt.filter)
			if got := ids(hits); !slices.Equal(got, sorted(tt.want...)) || total != len(tt.want) {
				t.Errorf("got %v (total %d), want %v", got, total, sorted(tt.want...))
			}
		})
	}
	// Review states: a rejected fact no longer makes a report match; viewers
	// (ConfirmedOnly) see reports through confirmed or corrected facts only.
	facts, err := st.FindFacts(ctx, casebook.FactFilter{ReportID: hy, Kind: casebook.KindAgency})
	if err != nil || len(facts) != 1 {
		t.Fatalf("agency facts of the Hyesan report: %v %v", facts, err)
	}
	if _, err := st.UpdateFact(ctx, facts[0].ID, casebook.FactUpdate{State: casebook.StateRejected, By: "lee"}); err != nil {
		t.Fatal(err)
	}
	events, _ := st.FindFacts(ctx, casebook.FactFilter{ReportID: hy, Kind: casebook.KindEvent})
	if hits, _ := search(t, st, casebook.ReportFilter{Agency: "MPS"}); !slices.Equal(ids(hits), []int64{hy}) {
		t.Errorf("the event still names MPS: got %v", ids(hits))
	}
	if _, err := st.UpdateFact(ctx, events[0].ID, casebook.FactUpdate{State: casebook.StateRejected, By: "lee"}); err != nil {
		t.Fatal(err)
	}
	if hits, _ := search(t, st, casebook.ReportFilter{Agency: "MPS"}); len(hits) != 0 {
		t.Errorf("rejected facts still match: %v", ids(hits))
	}
	if hits, _ := search(t, st, casebook.ReportFilter{State: casebook.StateRejected}); !slices.Equal(ids(hits), []int64{hy}) {
		t.Errorf("state rejected: %v", ids(hits))
	}
	if hits, _ := search(t, st, casebook.ReportFilter{ConfirmedOnly: true}); len(hits) != 0 {
		t.Errorf("ConfirmedOnly with nothing confirmed: %v", ids(hits))
	}
	enFacts, _ := st.FindFacts(ctx, casebook.FactFilter{ReportID: en, Kind: casebook.KindPlace})
	if _, err := st.UpdateFact(ctx, enFacts[0].ID, casebook.FactUpdate{State: casebook.StateConfirmed, By: "lee"}); err != nil {
		t.Fatal(err)
	}
	if hits, _ := search(t, st, casebook.ReportFilter{ConfirmedOnly: true}); !slices.Equal(ids(hits), []int64{en}) {
		t.Errorf("ConfirmedOnly: %v, want the report with a confirmed fact", ids(hits))
	}
	if hits, _ := search(t, st, casebook.ReportFilter{ConfirmedOnly: true, Agency: "MSS"}); len(hits) != 0 {
		t.Errorf("ConfirmedOnly filters on an unconfirmed agency: %v", ids(hits))
	}
	if hits, _ := search(t, st, casebook.ReportFilter{ConfirmedOnly: true, PlaceID: "north-hamgyong"}); !slices.Equal(ids(hits), []int64{en}) {
		t.Errorf("ConfirmedOnly with the confirmed place: %v", ids(hits))
	}
}

func testSearchPages(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	const n = 25
	for i := range n {
		r := newReport(fmt.Sprintf("Market report number %d", i), fmt.Sprintf("Rice prices in week %d were steady in the market.", i), "en")
		r.Published = fmt.Sprintf("2020-01-%02d", i+1)
		if _, err := st.CreateReport(ctx, r, nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{"", "rice"} {
		seen := map[int64]bool{}
		var order []string
		for off := 0; off < n+5; off += 10 {
			hits, total := search(t, st, casebook.ReportFilter{Query: q, Limit: 10, Offset: off})
			if total != n {
				t.Errorf("query %q: total %d, want %d", q, total, n)
			}
			if want := min(10, max(n-off, 0)); len(hits) != want {
				t.Errorf("query %q offset %d: %d hits, want %d", q, off, len(hits), want)
			}
			for _, h := range hits {
				if seen[h.Report.ID] {
					t.Errorf("query %q: report %d on two pages", q, h.Report.ID)
				}
				seen[h.Report.ID] = true
				order = append(order, h.Report.Published)
			}
		}
		if len(seen) != n {
			t.Errorf("query %q: pages cover %d reports, want %d", q, len(seen), n)
		}
		if q == "" && !slices.IsSortedFunc(order, func(a, b string) int { return strings.Compare(b, a) }) {
			t.Errorf("without a query reports are not newest first: %v", order)
		}
	}
	hits, _ := search(t, st, casebook.ReportFilter{})
	if len(hits) != 20 {
		t.Errorf("default page: %d hits, want 20", len(hits))
	}
	// A capped count is exact up to the cap and cap+1 ("more") past it; the
	// page is the same either way.
	for _, tt := range []struct {
		query      string
		limit, off int
		countLimit int
		wantTotal  int
		wantHits   int
	}{
		{"", 10, 0, 5, 6, 10},
		{"rice", 10, 0, 5, 6, 10},
		{"rice", 10, 20, 24, 25, 5},
		{"rice", 10, 20, 25, 25, 5},
		{"", 10, 10, 100, 25, 10},
		{"number 7", 10, 0, 3, 1, 1}, // not 17: a number is a whole word
		{"number", 10, 0, 3, 4, 10},
	} {
		hits, total := search(t, st, casebook.ReportFilter{Query: tt.query, Limit: tt.limit, Offset: tt.off, CountLimit: tt.countLimit})
		if total != tt.wantTotal || len(hits) != tt.wantHits {
			t.Errorf("%+v: %d hits of %d, want %d of %d", tt, len(hits), total, tt.wantHits, tt.wantTotal)
		}
	}
}

func testSearchSnippets(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	long := strings.Repeat("Nothing happened on this quiet day in the county. ", 40) + "Then the border guards arrested a smuggler near the river. " + strings.Repeat("Life went on as before. ", 40)
	r := newReport("A long report", long, "en")
	if _, err := st.CreateReport(ctx, r, nil); err != nil {
		t.Fatal(err)
	}
	ko := newReport("회령 보위부 단속", textHoeryongKo, "ko")
	if _, err := st.CreateReport(ctx, ko, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ query, want string }{
		{"smuggler", "smuggler"},
		{"SMUGGLER", "smuggler"},
		{"휴대전화", "휴대전화"},
		{"회령", "회령"},
	}
	for _, tt := range tests {
		hits, _ := search(t, st, casebook.ReportFilter{Query: tt.query})
		if len(hits) != 1 {
			t.Fatalf("%q: %d hits", tt.query, len(hits))
		}
		s := hits[0].Snippet
		if !strings.Contains(s, tt.want) {
			t.Errorf("%q: snippet %q lacks the match", tt.query, s)
		}
		if len([]rune(s)) > 200 || strings.Contains(s, "\n") {
			t.Errorf("%q: snippet is not one short line: %q", tt.query, s)
		}
		if hits[0].Report.Original != nil && string(hits[0].Report.Original) != string(r.Original) && string(hits[0].Report.Original) != string(ko.Original) {
			t.Errorf("%q: hit carries wrong original bytes", tt.query)
		}
	}
	hits, _ := search(t, st, casebook.ReportFilter{Query: "smuggler"})
	if !strings.HasPrefix(hits[0].Snippet, "…") || !strings.HasSuffix(hits[0].Snippet, "…") {
		t.Errorf("a snippet from the middle is not marked as cut: %q", hits[0].Snippet)
	}
}

func testSearchRank(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	weak := newReport("Weather notes", "The harvest was poor. One smuggler was mentioned once. "+strings.Repeat("The weather stayed cold and dry for weeks. ", 30), "en")
	strong := newReport("Smuggler arrested", "A smuggler was caught. The smuggler paid. Another smuggler fled and smuggler networks grew.", "en")
	for _, r := range []*casebook.Report{weak, strong} {
		if _, err := st.CreateReport(ctx, r, nil); err != nil {
			t.Fatal(err)
		}
	}
	hits, _ := search(t, st, casebook.ReportFilter{Query: "smuggler"})
	if len(hits) != 2 {
		t.Fatalf("%d hits, want 2", len(hits))
	}
	if hits[0].Report.ID != strong.ID || !(hits[0].Rank > hits[1].Rank) {
		t.Errorf("the report about smugglers does not rank first: %v (ranks %v, %v)", ids(hits), hits[0].Rank, hits[1].Rank)
	}
}

// testSearchLongReport searches a report longer than a word index may keep
// positions for (PostgreSQL's tsvector: 16,383 positions, 256 per word):
// its phrases, its words and its Korean are found all the same, and only
// where they occur in a row.
func testSearchLongReport(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	long := newReport("Market notes", strings.Repeat("Prices rose at the market again this week. ", 3000)+
		"The exchange rate fell. 보위부원들이 단속했다.", "en")
	short := newReport("Rate notes", "The rate of exchange held.", "en")
	for _, r := range []*casebook.Report{long, short} {
		if _, err := st.CreateReport(ctx, r, nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		query string
		want  []int64
	}{
		{`"exchange rate"`, []int64{long.ID}},
		{`"rate exchange"`, []int64{}},
		{"rate exchange", []int64{long.ID, short.ID}},
		{"exchange", []int64{long.ID, short.ID}},
		{"market week", []int64{long.ID}},
		{"보위부", []int64{long.ID}},
		{"부보위", []int64{}},
	} {
		hits, total := search(t, st, casebook.ReportFilter{Query: tc.query, Language: "en"})
		if got := ids(hits); !slices.Equal(got, tc.want) || total != len(tc.want) {
			t.Errorf("%q: %v (%d in all), want %v", tc.query, got, total, tc.want)
		}
	}
}

// testSearchOddText stores texts full of what a word index's syntax might
// choke on (quotes, backslashes, modifier letters, private-use and
// combining characters, a 2,000-letter word) and finds them by their words.
func testSearchOddText(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	odd := newReport("Odd 'quoted' \\ title", "Ch\u02bcŏngjin's market: 'bribe' \\ back\\slash, İstanbul, \ue000private\ue001, e\u0301te\u0301, "+
		"①②, 𝐁𝐫𝐢𝐛𝐞, "+strings.Repeat("x", 2000)+" end.", "en")
	if _, err := st.CreateReport(ctx, odd, nil); err != nil {
		t.Fatalf("store odd text: %v", err)
	}
	quoting := newReport("Agents named", "Sources called them bowibu.\nIn Korean: 보위부원들이 MSS라고 불렀다.\nNothing else.", "en")
	if _, err := st.CreateReport(ctx, quoting, nil); err != nil {
		t.Fatal(err)
	}
	// Korean quoted inside an English report is found as Korean is.
	for _, q := range []string{"보위부", "MSS라고", `"보위부원들이 MSS라고"`} {
		hits, _ := search(t, st, casebook.ReportFilter{Query: q})
		if got := ids(hits); !slices.Equal(got, []int64{quoting.ID}) {
			t.Errorf("%q: %v, want [%d]", q, got, quoting.ID)
		}
	}
	for _, q := range []string{"bribe", "quoted", "slash", "market", "ete", "end", "xxxx"} {
		hits, _ := search(t, st, casebook.ReportFilter{Query: q})
		if got := ids(hits); !slices.Equal(got, []int64{odd.ID}) {
			t.Errorf("%q: %v, want [%d]", q, got, odd.ID)
		}
	}
	// Punctuation is found in English-only text too, short or long.
	punct := newReport("!!!", "Prices rose --> again.\nSee *** below.", "en")
	if _, err := st.CreateReport(ctx, punct, nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`"!!!"`, "!!!", "-->", "***", "->"} {
		hits, _ := search(t, st, casebook.ReportFilter{Query: q})
		if got := ids(hits); !slices.Equal(got, []int64{punct.ID}) {
			t.Errorf("%q: %v, want [%d]", q, got, punct.ID)
		}
	}
}

func testUsers(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	u := &casebook.User{Name: "kim", Role: casebook.RoleAnalyst, PasswordHash: "$argon2id$x"}
	if err := st.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if u.ID == 0 || !u.CreatedAt.Equal(Epoch) {
		t.Errorf("CreateUser set ID %d CreatedAt %v", u.ID, u.CreatedAt)
	}
	wantKind(t, st.CreateUser(ctx, &casebook.User{Name: "kim", Role: casebook.RoleViewer}), casebook.ECONFLICT)
	wantKind(t, st.CreateUser(ctx, &casebook.User{Name: "", Role: casebook.RoleViewer}), casebook.EINVALID)
	wantKind(t, st.CreateUser(ctx, &casebook.User{Name: "x", Role: "god"}), casebook.EINVALID)
	lee := &casebook.User{Name: "lee", Role: casebook.RoleViewer}
	if err := st.CreateUser(ctx, lee); err != nil {
		t.Fatal(err)
	}
	got, err := st.FindUserByName(ctx, "kim")
	if err != nil || got.ID != u.ID || got.Role != casebook.RoleAnalyst || got.PasswordHash != "$argon2id$x" || !got.CreatedAt.Equal(Epoch) {
		t.Errorf("FindUserByName: %+v %v", got, err)
	}
	if got, err := st.FindUserByID(ctx, lee.ID); err != nil || got.Name != "lee" {
		t.Errorf("FindUserByID: %+v %v", got, err)
	}
	all, err := st.FindUsers(ctx)
	if err != nil || len(all) != 2 || all[0].Name != "kim" || all[1].Name != "lee" {
		t.Errorf("FindUsers: %+v %v", all, err)
	}
	u.Role, u.PasswordHash = casebook.RoleAdmin, "$argon2id$y"
	if err := st.UpdateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.FindUserByID(ctx, u.ID); got.Role != casebook.RoleAdmin || got.PasswordHash != "$argon2id$y" {
		t.Errorf("after UpdateUser: %+v", got)
	}
	lee.Name = "kim"
	wantKind(t, st.UpdateUser(ctx, lee), casebook.ECONFLICT)
	wantKind(t, st.UpdateUser(ctx, &casebook.User{ID: lee.ID + 100, Name: "ghost", Role: casebook.RoleViewer}), casebook.ENOTFOUND)
	if err := st.DeleteUser(ctx, lee.ID); err != nil {
		t.Fatal(err)
	}
	_, err = st.FindUserByID(ctx, lee.ID)
	wantKind(t, err, casebook.ENOTFOUND)
	wantKind(t, st.DeleteUser(ctx, lee.ID), casebook.ENOTFOUND)
}

func testSessions(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	u := &casebook.User{Name: "kim", Role: casebook.RoleAnalyst}
	if err := st.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	exp := Epoch.Add(12 * time.Hour)
	for _, h := range []string{"h1", "h2"} {
		if err := st.CreateSession(ctx, &casebook.Session{TokenHash: h, UserID: u.ID, ExpiresAt: exp}); err != nil {
			t.Fatal(err)
		}
	}
	wantKind(t, st.CreateSession(ctx, &casebook.Session{TokenHash: "h1", UserID: u.ID, ExpiresAt: exp}), casebook.ECONFLICT)
	wantKind(t, st.CreateSession(ctx, &casebook.Session{TokenHash: "h9", UserID: u.ID + 100, ExpiresAt: exp}), casebook.ENOTFOUND)
	s, err := st.FindSession(ctx, "h1")
	if err != nil || s.UserID != u.ID || !s.ExpiresAt.Equal(exp) || !s.CreatedAt.Equal(Epoch) {
		t.Errorf("FindSession: %+v %v", s, err)
	}
	if err := st.DeleteSession(ctx, "h1"); err != nil {
		t.Fatal(err)
	}
	_, err = st.FindSession(ctx, "h1")
	wantKind(t, err, casebook.ENOTFOUND)
	if err := st.DeleteSession(ctx, "h1"); err != nil {
		t.Errorf("deleting a gone session: %v", err)
	}
	if err := st.CreateSession(ctx, &casebook.Session{TokenHash: "h3", UserID: u.ID, ExpiresAt: exp}); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteUserSessions(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	for _, h := range []string{"h2", "h3"} {
		_, err = st.FindSession(ctx, h)
		wantKind(t, err, casebook.ENOTFOUND)
	}
	// Deleting a user ends its sessions.
	if err := st.CreateSession(ctx, &casebook.Session{TokenHash: "h4", UserID: u.ID, ExpiresAt: exp}); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteUser(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	_, err = st.FindSession(ctx, "h4")
	wantKind(t, err, casebook.ENOTFOUND)
}

func testSources(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	a := &casebook.SealedSource{Sealed: []byte{0, 1, 2, 255}}
	b := &casebook.SealedSource{Sealed: []byte("second")}
	for _, s := range []*casebook.SealedSource{a, b} {
		if err := st.CreateSource(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if a.ID == 0 || a.ID == b.ID || !a.CreatedAt.Equal(Epoch) {
		t.Errorf("CreateSource: %+v %+v", a, b)
	}
	got, err := st.FindSourceByID(ctx, a.ID)
	if err != nil || string(got.Sealed) != string(a.Sealed) || !got.CreatedAt.Equal(Epoch) {
		t.Errorf("FindSourceByID: %+v %v", got, err)
	}
	a.Sealed = []byte("resealed")
	if err := st.UpdateSource(ctx, a); err != nil {
		t.Fatal(err)
	}
	all, err := st.FindSources(ctx)
	if err != nil || len(all) != 2 || string(all[0].Sealed) != "resealed" || all[1].ID != b.ID {
		t.Errorf("FindSources: %+v %v", all, err)
	}
	wantKind(t, st.UpdateSource(ctx, &casebook.SealedSource{ID: b.ID + 100, Sealed: []byte("x")}), casebook.ENOTFOUND)
	wantKind(t, st.CreateSource(ctx, &casebook.SealedSource{}), casebook.EINVALID)
}

// verifyChain checks the links of a whole audit chain.
func verifyChain(t *testing.T, entries []casebook.AuditEntry) {
	t.Helper()
	prev := ""
	for i, e := range entries {
		if e.Seq != int64(i+1) {
			t.Errorf("entry %d has seq %d", i, e.Seq)
		}
		if e.PrevHash != prev {
			t.Errorf("entry %d: prev_hash %q, want %q (the chain forks)", e.Seq, e.PrevHash, prev)
		}
		if e.Hash != e.ChainHash() {
			t.Errorf("entry %d: stored hash does not match its fields", e.Seq)
		}
		prev = e.Hash
	}
}

func testAudit(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	at := time.Date(2021, 2, 3, 4, 5, 6, 789123456, time.UTC)
	in := []*casebook.AuditEntry{
		{Actor: "system", Action: "ingest", Object: "report:1", Detail: "file a.txt"},
		{Actor: "kim", Action: "review", Object: "fact:7", At: at},
		{Actor: "lee", Action: "login"},
	}
	for _, e := range in {
		if err := st.AppendAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if in[0].Seq != 1 || in[0].PrevHash != "" || in[1].PrevHash != in[0].Hash || in[2].Seq != 3 || in[1].Hash != in[1].ChainHash() {
		t.Errorf("AppendAudit did not link the entries: %+v", in)
	}
	if !in[0].At.Equal(Epoch) {
		t.Errorf("At = %v, want the store clock's", in[0].At)
	}
	got, err := st.FindAudit(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d entries, want 3", len(got))
	}
	verifyChain(t, got)
	if got[1].Actor != "kim" || got[1].Object != "fact:7" || got[0].Detail != "file a.txt" || !got[1].At.Equal(in[1].At) {
		t.Errorf("stored entries differ: %+v", got)
	}
	page, err := st.FindAudit(ctx, 1, 1)
	if err != nil || len(page) != 1 || page[0].Seq != 2 {
		t.Errorf("FindAudit(1, 1): %+v %v", page, err)
	}
	wantKind(t, st.AppendAudit(ctx, &casebook.AuditEntry{Action: "x"}), casebook.EINVALID)
}

func testAuditConcurrent(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	const writers, each = 6, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				if err := st.AppendAudit(ctx, &casebook.AuditEntry{Actor: fmt.Sprintf("w%d", w), Action: "review", Object: fmt.Sprintf("fact:%d", i)}); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	var all []casebook.AuditEntry
	for after := int64(0); ; {
		page, err := st.FindAudit(ctx, after, 7)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		all = append(all, page...)
		after = page[len(page)-1].Seq
	}
	if len(all) != writers*each {
		t.Errorf("%d entries, want %d", len(all), writers*each)
	}
	verifyChain(t, all)
}

func testNotFound(t *testing.T, st casebook.Store) {
	ctx := ctxT(t)
	checks := map[string]func() error{
		"report by id":  func() error { _, err := st.FindReportByID(ctx, 42); return err },
		"report by sha": func() error { _, err := st.FindReportBySHA256(ctx, sum([]byte("none"))); return err },
		"fact":          func() error { _, err := st.FindFactByID(ctx, 42); return err },
		"user by id":    func() error { _, err := st.FindUserByID(ctx, 42); return err },
		"user by name":  func() error { _, err := st.FindUserByName(ctx, "nobody"); return err },
		"session":       func() error { _, err := st.FindSession(ctx, "none"); return err },
		"source":        func() error { _, err := st.FindSourceByID(ctx, 42); return err },
	}
	for name, check := range checks {
		if err := check(); casebook.ErrorKind(err) != casebook.ENOTFOUND {
			t.Errorf("%s: error %v (kind %q), want %q", name, err, casebook.ErrorKind(err), casebook.ENOTFOUND)
		}
	}
	if hits, total, err := st.FindReports(ctx, casebook.ReportFilter{Query: "anything"}); err != nil || total != 0 || hits == nil {
		t.Errorf("empty store search: %v %d %v (want an empty, non-nil list)", hits, total, err)
	}
}

// auditedCreator is the optional one-transaction report-and-audit insert.
type auditedCreator interface {
	CreateReportAudited(ctx context.Context, r *casebook.Report, facts []casebook.Fact, e *casebook.AuditEntry) (bool, error)
}

func testCreateReportAudited(t *testing.T, st casebook.Store) {
	ac, ok := st.(auditedCreator)
	if !ok {
		t.Skip("the store has no CreateReportAudited")
	}
	ctx := ctxT(t)
	if err := st.AppendAudit(ctx, &casebook.AuditEntry{Actor: "kim", Action: "login"}); err != nil {
		t.Fatal(err)
	}
	r := newReport("Broker detained in Hoeryong", textHoeryong, "en")
	e := &casebook.AuditEntry{Actor: "system", Action: "ingest", Detail: "test"}
	created, err := ac.CreateReportAudited(ctx, r, casebook.FactsOf(0, hoeryongFacts(), extractorV), e)
	if err != nil || !created {
		t.Fatalf("CreateReportAudited: %v %v", created, err)
	}
	if e.Object != fmt.Sprintf("report:%d", r.ID) || e.Seq != 2 {
		t.Errorf("audit entry %+v", e)
	}
	again := newReport("Broker detained in Hoeryong", textHoeryong, "en")
	e2 := &casebook.AuditEntry{Actor: "system", Action: "ingest"}
	if created, err := ac.CreateReportAudited(ctx, again, nil, e2); err != nil || created {
		t.Fatalf("duplicate: %v %v", created, err)
	}
	all, err := st.FindAudit(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 {
		t.Errorf("%d audit entries, want 2 (none for the duplicate)", len(all))
	}
	verifyChain(t, all)
	// A report refused for bad facts leaves no audit entry.
	bad := &casebook.Report{Original: []byte("x"), Text: "x"}
	if _, err := ac.CreateReportAudited(ctx, bad, []casebook.Fact{{Kind: casebook.KindPlace}}, &casebook.AuditEntry{Actor: "system", Action: "ingest"}); casebook.ErrorKind(err) != casebook.EINVALID {
		t.Errorf("bad facts: %v", err)
	}
	if all, _ := st.FindAudit(ctx, 0, 0); len(all) != 2 {
		t.Errorf("a refused report left an audit entry")
	}
}

// OtherWriters checks that server, a store with a filter index, follows
// what other, another process's store on the same database, writes: new
// reports, reviews and fact changes reach its next search.
func OtherWriters(t *testing.T, server, other casebook.Store) {
	ctx := ctxT(t)
	find := func() []int64 {
		t.Helper()
		hits, _, err := server.FindReports(ctx, casebook.ReportFilter{Query: "broker", Agency: "MSS", PlaceID: "north-hamgyong"})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, h := range hits {
			ids = append(ids, h.Report.ID)
		}
		return ids
	}
	if got := find(); len(got) != 0 {
		t.Fatalf("empty store found %v", got)
	}
	text := "State security agents detained a broker in Hoeryong."
	r := &casebook.Report{Original: []byte(text), Title: "Broker held", Published: "2024-03-01", Language: "en", Text: text}
	facts := []casebook.Fact{
		{Kind: casebook.KindAgency, Agency: &casebook.Agency{ID: "MSS", Name: "Ministry of State Security", Spans: []casebook.Span{{0, 22}}}},
		{Kind: casebook.KindPlace, Place: &casebook.Place{ID: "hoeryong", Name: "Hoeryong", Province: "north-hamgyong", Spans: []casebook.Span{{44, 52}}}},
	}
	if _, err := other.CreateReport(ctx, r, facts); err != nil {
		t.Fatal(err)
	}
	if got := find(); len(got) != 1 || got[0] != r.ID {
		t.Fatalf("after another process ingested: %v, want [%d]", got, r.ID)
	}
	stored, err := other.FindFacts(ctx, casebook.FactFilter{ReportID: r.ID, Kind: casebook.KindAgency})
	if err != nil || len(stored) != 1 {
		t.Fatalf("agency facts: %v %v", stored, err)
	}
	if _, err := other.UpdateFact(ctx, stored[0].ID, casebook.FactUpdate{State: casebook.StateRejected, By: "lee"}); err != nil {
		t.Fatal(err)
	}
	if got := find(); len(got) != 0 {
		t.Fatalf("after another process rejected the agency: %v", got)
	}
}
