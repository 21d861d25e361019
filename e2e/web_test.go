package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// fact is the part of a fact the web tests read.
type fact struct {
	ID       int64  `json:"id"`
	ReportID int64  `json:"report_id"`
	Kind     string `json:"kind"`
	State    string `json:"state"`
	Reviewed string `json:"reviewed_by"`
	Event    *struct {
		Type  string `json:"type"`
		Place *struct {
			ID string `json:"id"`
		} `json:"place"`
		Agency string `json:"agency"`
		Amount *struct {
			USD float64 `json:"usd"`
		} `json:"amount"`
		Date *struct {
			From string `json:"from"`
			To   string `json:"to"`
		} `json:"date"`
	} `json:"event"`
	Machine *fact `json:"machine"`
}

// eventOf returns the first event fact of type typ.
func eventOf(t *testing.T, facts []fact, typ string) fact {
	t.Helper()
	for _, f := range facts {
		if f.Kind == "event" && f.Event != nil && f.Event.Type == typ {
			return f
		}
	}
	t.Fatalf("no %s event among %d facts", typ, len(facts))
	return fact{}
}

// uploadResult is one file's outcome in the API's answer to an upload.
type uploadResult struct {
	Name     string `json:"name"`
	ReportID int64  `json:"report_id"`
	Created  bool   `json:"created"`
	Error    string `json:"error"`
}

// uploadForm posts one file as the multipart form field "file" to path.
func (c *client) uploadForm(path, file string) (int, http.Header, []byte) {
	c.t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		c.t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", filepath.Base(file))
	if err != nil {
		c.t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	return c.do("POST", path, mw.FormDataContentType(), &body)
}

// upload sends one file through the API.
func (c *client) upload(file string) []uploadResult {
	c.t.Helper()
	code, _, b := c.uploadForm("/api/v1/reports", file)
	if code != http.StatusOK {
		c.t.Fatalf("upload %s: %d %s", file, code, b)
	}
	var out struct {
		Files []uploadResult `json:"files"`
	}
	if err := json.Unmarshal(b, &out); err != nil {
		c.t.Fatalf("upload %s: %v in %s", file, err, b)
	}
	return out.Files
}

// reportIDs searches through the API and returns the ids found.
func (c *client) reportIDs(query string) []int64 {
	c.t.Helper()
	var out struct {
		Total   int `json:"total"`
		Reports []struct {
			Report struct {
				ID int64 `json:"id"`
			} `json:"report"`
		} `json:"reports"`
	}
	c.getJSON("/api/v1/reports?"+query, &out)
	var ids []int64
	for _, r := range out.Reports {
		ids = append(ids, r.Report.ID)
	}
	if out.Total != len(ids) {
		c.t.Fatalf("search %s: total %d but %d reports on the first page", query, out.Total, len(ids))
	}
	return ids
}

type eventsOut struct {
	Total  int `json:"total"`
	Events []struct {
		FactID   int64   `json:"fact_id"`
		ReportID int64   `json:"report_id"`
		Type     string  `json:"type"`
		Place    string  `json:"place"`
		From     string  `json:"date_from"`
		To       string  `json:"date_to"`
		USD      float64 `json:"usd"`
		State    string  `json:"state"`
	} `json:"events"`
}

type timelineOut struct {
	Months []struct {
		Month  string         `json:"month"`
		Total  int            `json:"total"`
		ByType map[string]int `json:"by_type"`
	} `json:"months"`
}

func (tl timelineOut) count(month, typ string) int {
	for _, m := range tl.Months {
		if m.Month == month {
			return m.ByType[typ]
		}
	}
	return 0
}

type pricesOut struct {
	Years []struct {
		Year int `json:"year"`
		All  struct {
			Demanded *struct {
				Count  int     `json:"count"`
				Median float64 `json:"median_usd"`
			} `json:"demanded"`
		} `json:"all"`
	} `json:"years"`
}

type mapOut struct {
	Total  int `json:"total"`
	Places []struct {
		ID    string `json:"id"`
		Count int    `json:"count"`
	} `json:"places"`
}

// TestAnalystWeb is the analyst and the viewer in the web app: log in,
// upload a report, open it, confirm a fact and correct an event's date
// through the API, find the correction in search, the map, the timeline,
// the price index and the CSV download; then a viewer sees only reviewed
// facts, and a public export of them names nobody.
func TestAnalystWeb(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, c *casebook) {
		c.setup(map[string]string{"boss": "admin", "ana": "analyst", "vic": "viewer"})
		// Reports already in the store, unreviewed: what a viewer must not see.
		if r := c.run("", []string{"ingest"}, "-q", testdata(t, "reports")); !strings.Contains(r.stdout, fmt.Sprintf("%d added", goodReports)) {
			t.Fatalf("ingest: %s", r)
		}
		// A protected source behind the Hyesan report.
		hits := c.search("smuggler", "--place", "Hyesan")
		if len(hits.Hits) != 1 {
			t.Fatalf("search smuggler --place Hyesan: %q", hits.titles())
		}
		c.ok(`{"pseudonym":"River Crane","region":"Ryanggang","channel":"phone","reliability":"B","credibility":2}`, []string{"source", "add"})
		c.ok("", []string{"source", "link"}, strconv.FormatInt(hits.Hits[0].ID, 10), "1")
		srv := c.serve()

		anon := newClient(t, srv.url)
		if code, h, _ := anon.do("GET", "/", "", nil); code != http.StatusSeeOther || !strings.HasPrefix(h.Get("Location"), "/login") {
			t.Errorf("GET / without a session: %d to %q, want a redirect to /login", code, h.Get("Location"))
		}
		if code, _, _ := anon.do("GET", "/api/v1/reports", "", nil); code != http.StatusUnauthorized {
			t.Errorf("API without a session: %d, want 401", code)
		}
		form := strings.NewReader("name=ana&password=wrong+password+here")
		if code, _, _ := anon.do("POST", "/login", "application/x-www-form-urlencoded", form); code != http.StatusUnauthorized {
			t.Errorf("log in with a wrong password: %d, want 401", code)
		}

		ana := newClient(t, srv.url)
		ana.login("ana", password("ana"))
		if home := ana.get("/"); !bytes.Contains(home, []byte("ana")) {
			t.Errorf("home page does not show who is logged in")
		}
		// Before the correction the timeline has nothing in June 2011.
		var tl timelineOut
		ana.getJSON("/api/v1/timeline", &tl)
		if n := tl.count("2011-06", "bribe_demand"); n != 0 {
			t.Fatalf("timeline has %d bribe demands in 2011-06 before any correction", n)
		}

		// Upload through the page's form: it leads to the new report's page.
		code, h, b := ana.uploadForm("/reports", testdata(t, "upload/onsong-release.txt"))
		loc := h.Get("Location")
		var id int64
		if _, err := fmt.Sscanf(loc, "/reports/%d", &id); code != http.StatusSeeOther || err != nil || id == 0 {
			t.Fatalf("upload form: %d to %q: %.500s", code, loc, b)
		}
		// The same file again through the API: already present, same report.
		if again := ana.upload(testdata(t, "upload/onsong-release.txt")); len(again) != 1 || again[0].Created || again[0].ReportID != id {
			t.Errorf("uploading the same file again: %+v, want report %d already present", again, id)
		}
		// Broken files are refused one by one, with a reason.
		for file, reason := range map[string]string{"reports/empty.md": "empty", "reports/scanned-page.txt": "binary", "photo.png": "not a format"} {
			res := ana.upload(testdata(t, file))
			if len(res) != 1 || res[0].ReportID != 0 || res[0].Created || !strings.Contains(res[0].Error, reason) {
				t.Errorf("upload %s: %+v, want an error saying %q", file, res, reason)
			}
		}
		page := string(ana.get(loc))
		for _, want := range []string{"Onsong family pays security agents", "demanded 3,000 dollars"} {
			if !strings.Contains(strings.ReplaceAll(page, "&#39;", "'"), want) {
				t.Errorf("report page lacks %q", want)
			}
		}

		var facts []fact
		ana.getJSON(fmt.Sprintf("/api/v1/reports/%d/facts", id), &facts)
		detention := eventOf(t, facts, "detention")
		demand := eventOf(t, facts, "bribe_demand")
		if demand.Event.Amount == nil || demand.Event.Amount.USD != 3000 || demand.Event.Place == nil {
			t.Fatalf("the bribe demand was extracted as %+v", demand.Event)
		}
		place := demand.Event.Place.ID

		var got fact
		ana.postJSON(fmt.Sprintf("/api/v1/facts/%d/review", detention.ID), map[string]string{"action": "confirm"}, http.StatusOK, &got)
		if got.State != "confirmed" || got.Reviewed != "ana" {
			t.Errorf("confirmed fact: state %q by %q", got.State, got.Reviewed)
		}
		ana.postJSON(fmt.Sprintf("/api/v1/facts/%d/review", demand.ID),
			map[string]string{"action": "correct", "date_from": "2011-06-15", "date_to": "2011-06-15", "note": "a second source dates it"}, http.StatusOK, &got)
		if got.State != "corrected" || got.Event == nil || got.Event.Date == nil || got.Event.Date.From != "2011-06-15" {
			t.Fatalf("corrected fact: %+v", got)
		}
		if got.Machine == nil || got.Machine.Event == nil || got.Machine.Event.Date == nil || got.Machine.Event.Date.From == "2011-06-15" {
			t.Errorf("the correction lost the machine's date: %+v", got.Machine)
		}
		// A bad date is refused, and changes nothing.
		body, _ := json.Marshal(map[string]string{"action": "correct", "date_from": "2011-13-45"})
		if code, _, b := ana.do("POST", fmt.Sprintf("/api/v1/facts/%d/review", demand.ID), "application/json", bytes.NewReader(body)); code != http.StatusBadRequest {
			t.Errorf("correcting to 2011-13-45: %d %s, want 400", code, b)
		}
		// A POST from another site is refused even with the cookie.
		req, _ := http.NewRequest("POST", srv.url+fmt.Sprintf("/api/v1/facts/%d/review", detention.ID), strings.NewReader(`{"action":"reject"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Origin", "https://evil.example")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		if resp, err := ana.http.Do(req); err != nil {
			t.Fatal(err)
		} else if resp.Body.Close(); resp.StatusCode != http.StatusForbidden {
			t.Errorf("cross-site review: %d, want 403", resp.StatusCode)
		}

		// Search finds it by its words, and by the corrected year.
		if ids := ana.reportIDs("q=Onsong"); !slices.Contains(ids, id) {
			t.Errorf("search q=Onsong: %v, want report %d", ids, id)
		}
		if ids := ana.reportIDs("q=Onsong&year=2011&type=bribe_demand"); !slices.Contains(ids, id) {
			t.Errorf("search by the corrected year: %v, want report %d", ids, id)
		}
		if ids := ana.reportIDs("state=corrected"); !slices.Equal(ids, []int64{id}) {
			t.Errorf("search state=corrected: %v, want only report %d", ids, id)
		}
		if ids := ana.reportIDs("q=Onsong&agency=MPS"); slices.Contains(ids, id) {
			t.Errorf("search q=Onsong&agency=MPS found report %d, whose agency is MSS", id)
		}

		// The views show the event at its corrected date.
		var ev eventsOut
		ana.getJSON("/api/v1/events?year=2011", &ev)
		if ev.Total != 1 || len(ev.Events) != 1 || ev.Events[0].FactID != demand.ID || ev.Events[0].From != "2011-06-15" || ev.Events[0].State != "corrected" {
			t.Errorf("events of 2011: %+v, want only fact %d, corrected, from 2011-06-15", ev, demand.ID)
		}
		ana.getJSON("/api/v1/events?year=2021&type=bribe_demand", &ev)
		for _, e := range ev.Events {
			if e.FactID == demand.ID {
				t.Errorf("events of 2021 still hold the corrected fact %d", demand.ID)
			}
		}
		var m mapOut
		ana.getJSON("/api/v1/map?year=2011", &m)
		if m.Total != 1 || len(m.Places) != 1 || m.Places[0].ID != place || m.Places[0].Count != 1 {
			t.Errorf("map of 2011: %+v, want one event at %s", m, place)
		}
		ana.getJSON("/api/v1/timeline", &tl)
		if n := tl.count("2011-06", "bribe_demand"); n != 1 {
			t.Errorf("timeline has %d bribe demands in 2011-06 after the correction, want 1", n)
		}
		var pr pricesOut
		ana.getJSON("/api/v1/prices", &pr)
		var found bool
		for _, y := range pr.Years {
			if y.Year == 2011 {
				found = true
				if d := y.All.Demanded; d == nil || d.Count != 1 || d.Median != 3000 {
					t.Errorf("price index 2011: %+v, want one demand of $3000", d)
				}
			}
		}
		if !found {
			t.Errorf("price index has no 2011: %+v", pr.Years)
		}

		// The CSV of the current filter holds the correction.
		_, rows := readCSV(t, string(ana.get("/export?format=csv&year=2011")))
		if len(rows) != 1 {
			t.Fatalf("CSV of 2011: %d rows, want 1: %v", len(rows), rows)
		}
		row := rows[0]
		if row["event_id"] != strconv.FormatInt(demand.ID, 10) || row["date_from"] != "2011-06-15" || row["date_to"] != "2011-06-15" ||
			row["review_state"] != "corrected" || row["reviewed_by"] != "ana" || row["usd"] != "3000" || row["place_id"] != place {
			t.Errorf("CSV row of the correction: %v", row)
		}

		// A named person in a reviewed fact, for the public exports below.
		hyesan := ana.reportIDs("q=smuggler&place=hyesan")
		if len(hyesan) != 1 {
			t.Fatalf("search q=smuggler&place=hyesan: %v, want one report", hyesan)
		}
		ana.getJSON(fmt.Sprintf("/api/v1/reports/%d/facts", hyesan[0]), &facts)
		named := eventOf(t, facts, "detention")
		unreviewed := eventOf(t, facts, "bribe_demand")
		ana.postJSON(fmt.Sprintf("/api/v1/facts/%d/review", named.ID), map[string]string{"action": "confirm"}, http.StatusOK, nil)
		hoeryong := ana.reportIDs("q=" + url.QueryEscape("회령") + "&lang=ko")
		if len(hoeryong) != 1 {
			t.Fatalf("search q=회령&lang=ko: %v, want one report", hoeryong)
		}
		ana.getJSON(fmt.Sprintf("/api/v1/reports/%d/facts", hoeryong[0]), &facts)
		namedKo := eventOf(t, facts, "detention")
		ana.postJSON(fmt.Sprintf("/api/v1/facts/%d/review", namedKo.ID), map[string]string{"action": "confirm"}, http.StatusOK, nil)
		reviewed := []int64{detention.ID, demand.ID, named.ID, namedKo.ID}
		slices.Sort(reviewed)

		// A viewer sees reviewed facts only.
		vic := newClient(t, srv.url)
		vic.login("vic", password("vic"))
		vic.getJSON(fmt.Sprintf("/api/v1/reports/%d/facts", id), &facts)
		var ids []int64
		for _, f := range facts {
			if f.State != "confirmed" && f.State != "corrected" {
				t.Errorf("viewer sees fact %d in state %s", f.ID, f.State)
			}
			ids = append(ids, f.ID)
		}
		if slices.Sort(ids); !slices.Equal(ids, []int64{detention.ID, demand.ID}) {
			t.Errorf("viewer sees facts %v of report %d, want %v", ids, id, []int64{detention.ID, demand.ID})
		}
		vic.getJSON("/api/v1/events", &ev)
		ids = nil
		for _, e := range ev.Events {
			ids = append(ids, e.FactID)
			if e.State != "confirmed" && e.State != "corrected" {
				t.Errorf("viewer's events include fact %d in state %s", e.FactID, e.State)
			}
		}
		if slices.Sort(ids); ev.Total != len(reviewed) || !slices.Equal(ids, reviewed) {
			t.Errorf("viewer's events: %d %v, want %v", ev.Total, ids, reviewed)
		}
		if got := vic.reportIDs(""); len(got) != 3 {
			t.Errorf("viewer's reports: %v, want the three with reviewed facts", got)
		}
		if code, _, _ := vic.do("GET", fmt.Sprintf("/api/v1/facts/%d", unreviewed.ID), "", nil); code != http.StatusNotFound {
			t.Errorf("viewer reading unreviewed fact %d: %d, want 404", unreviewed.ID, code)
		}
		// The map, timeline and price index a viewer sees count reviewed
		// events only, even right after an analyst built the same views.
		var tlAll struct {
			Total int `json:"total"`
		}
		var mAna, mVic mapOut
		ana.getJSON("/api/v1/map", &mAna)
		ana.getJSON("/api/v1/timeline", &tlAll)
		ana.getJSON("/api/v1/prices", &pr)
		if mAna.Total <= len(reviewed) || tlAll.Total != mAna.Total {
			t.Errorf("analyst's map counts %d events and timeline %d, want all events (more than the %d reviewed)", mAna.Total, tlAll.Total, len(reviewed))
		}
		vic.getJSON("/api/v1/map", &mVic)
		vic.getJSON("/api/v1/timeline", &tlAll)
		if mVic.Total != len(reviewed) || tlAll.Total != len(reviewed) {
			t.Errorf("viewer's map counts %d events and timeline %d, want the %d reviewed", mVic.Total, tlAll.Total, len(reviewed))
		}
		vic.getJSON("/api/v1/prices", &pr)
		var priced int
		for _, y := range pr.Years {
			if d := y.All.Demanded; d != nil {
				priced += d.Count
				if y.Year != 2011 {
					t.Errorf("viewer's price index has unreviewed demands in %d", y.Year)
				}
			}
		}
		if priced != 1 {
			t.Errorf("viewer's price index counts %d demands, want the one corrected", priced)
		}

		// A viewer reads reviewed reports with names masked and no source,
		// and cannot open a report with nothing reviewed.
		var rep struct {
			ID       int64  `json:"id"`
			Text     string `json:"text"`
			SourceID int64  `json:"source_id"`
		}
		vic.getJSON(fmt.Sprintf("/api/v1/reports/%d", hyesan[0]), &rep)
		if strings.Contains(rep.Text, "Yong-nam") || rep.SourceID != 0 || !strings.Contains(rep.Text, "arrested") {
			t.Errorf("viewer's copy of report %d: source %d, text %q", hyesan[0], rep.SourceID, rep.Text)
		}
		if page := vic.get(fmt.Sprintf("/reports/%d", hyesan[0])); bytes.Contains(page, []byte("Yong-nam")) || bytes.Contains(page, []byte("River Crane")) {
			t.Errorf("viewer's report page shows a name or the source")
		}
		if page := ana.get(fmt.Sprintf("/reports/%d", hyesan[0])); !bytes.Contains(page, []byte("Pak Yong-nam")) {
			t.Errorf("analyst's report page hides the name: masking is for viewers")
		}
		if code, _, _ := vic.do("GET", fmt.Sprintf("/reports/%d", hits.Hits[0].ID+100), "", nil); code != http.StatusNotFound {
			t.Errorf("viewer opening a report that does not exist: %d, want 404", code)
		}
		for _, f := range c.search("--limit", "50").Hits {
			if f.Title == titleChongjin {
				if code, _, _ := vic.do("GET", fmt.Sprintf("/api/v1/reports/%d", f.ID), "", nil); code != http.StatusNotFound {
					t.Errorf("viewer opening report %d with no reviewed fact: %d, want 404", f.ID, code)
				}
			}
		}
		// The same search twice (the second is served from the results
		// cache) and the list page twice: masked every time.
		for i := range 2 {
			for _, path := range []string{"/reports?q=smuggler", "/api/v1/reports?q=smuggler"} {
				b := vic.get(path)
				for _, leak := range []string{"Yong-nam", `"source_id"`} {
					if at := bytes.Index(b, []byte(leak)); at >= 0 {
						t.Errorf("viewer's search %s (time %d) shows %s: …%s…", path, i+1, leak, b[max(at-150, 0):min(at+100, len(b))])
					}
				}
			}
		}
		body, _ = json.Marshal(map[string]string{"action": "reject"})
		if code, _, _ := vic.do("POST", fmt.Sprintf("/api/v1/facts/%d/review", detention.ID), "application/json", bytes.NewReader(body)); code != http.StatusForbidden {
			t.Errorf("viewer reviewing a fact: %d, want 403", code)
		}

		// Public exports: the viewer's download and the operator's --redact.
		checkPublic := func(who, csvText string) {
			t.Helper()
			header, rows := readCSV(t, csvText)
			for _, col := range header {
				if strings.HasPrefix(col, "source_") || col == "reviewed_by" || col == "note" {
					t.Errorf("%s: public CSV has column %s", who, col)
				}
			}
			var got []int64
			for _, r := range rows {
				n, _ := strconv.ParseInt(r["event_id"], 10, 64)
				got = append(got, n)
				if r["review_state"] != "confirmed" && r["review_state"] != "corrected" {
					t.Errorf("%s: public CSV has event %d in state %s", who, n, r["review_state"])
				}
			}
			if slices.Sort(got); !slices.Equal(got, reviewed) {
				t.Errorf("%s: public CSV has events %v, want %v", who, got, reviewed)
			}
			for _, name := range []string{"Pak Yong-nam", "Yong-nam", "김영희", "River Crane"} {
				if strings.Contains(csvText, name) {
					t.Errorf("%s: public CSV holds %q:\n%s", who, name, csvText)
				}
			}
			if !strings.Contains(csvText, "arrested") || !strings.Contains(csvText, "구류했다고") {
				t.Errorf("%s: the named detention's evidence is gone altogether, want only the name removed:\n%s", who, csvText)
			}
		}
		checkPublic("viewer", string(vic.get("/export?format=csv")))
		if code, _, b := vic.do("GET", "/export?format=csv&full=1", "", nil); code != http.StatusForbidden || bytes.Contains(b, []byte("River Crane")) {
			t.Errorf("viewer asking for a full export: %d, want 403 without the source", code)
		}
		if _, rows := readCSV(t, string(vic.get("/export?format=csv&state=machine"))); len(rows) != 0 {
			t.Errorf("viewer asking for unreviewed events got %d rows", len(rows))
		}
		checkPublic("analyst asking for redact", string(ana.get("/export?format=csv&redact=1")))
		// Only the admin's full export, with the key serve loaded, has the source.
		boss := newClient(t, srv.url)
		boss.login("boss", password("boss"))
		if full := string(boss.get("/export?format=csv&full=1")); !strings.Contains(full, "River Crane") {
			t.Errorf("admin's full export lacks the linked source")
		}
		checkPublic("export --redact", c.ok("", []string{"export"}, "--format", "csv", "--redact"))

		// The public JSON and GeoJSON hold the same events, names masked.
		var pub struct {
			Redacted bool `json:"redacted"`
			Reports  []struct {
				Facts []struct {
					ID    int64  `json:"id"`
					State string `json:"state"`
				} `json:"facts"`
			} `json:"reports"`
		}
		js := c.ok("", []string{"export"}, "--format", "json", "--redact")
		if err := json.Unmarshal([]byte(js), &pub); err != nil {
			t.Fatalf("export --format json --redact: %v", err)
		}
		var pubIDs []int64
		for _, r := range pub.Reports {
			for _, f := range r.Facts {
				pubIDs = append(pubIDs, f.ID)
				if f.State != "confirmed" && f.State != "corrected" {
					t.Errorf("public JSON has fact %d in state %s", f.ID, f.State)
				}
			}
		}
		if slices.Sort(pubIDs); !pub.Redacted || !slices.Equal(pubIDs, reviewed) {
			t.Errorf("public JSON (redacted %v) has facts %v, want %v", pub.Redacted, pubIDs, reviewed)
		}
		var gj struct {
			Features []struct {
				Props map[string]any `json:"properties"`
			} `json:"features"`
		}
		geo := string(vic.get("/export?format=geojson"))
		if err := json.Unmarshal([]byte(geo), &gj); err != nil {
			t.Fatalf("viewer's GeoJSON: %v", err)
		}
		if len(gj.Features) != len(reviewed) {
			t.Errorf("viewer's GeoJSON has %d features, want %d", len(gj.Features), len(reviewed))
		}
		for _, out := range []string{js, geo} {
			for _, name := range []string{"Yong-nam", "김영희", "River Crane", "reviewed_by"} {
				if strings.Contains(out, name) {
					t.Errorf("a public JSON or GeoJSON export holds %q", name)
				}
			}
		}

		// A new password, set at the command line, ends the viewer's session.
		c.ok("another horse battery staple\n", []string{"user", "passwd"}, "--password-stdin", "vic")
		if code, _, _ := vic.do("GET", "/api/v1/me", "", nil); code != http.StatusUnauthorized {
			t.Errorf("viewer's session after a password change: %d, want 401", code)
		}
		// Logging out ends the analyst's.
		if code, _, _ := ana.do("POST", "/logout", "", nil); code != http.StatusSeeOther {
			t.Errorf("log out: %d, want 303", code)
		}
		if code, _, _ := ana.do("GET", "/api/v1/me", "", nil); code != http.StatusUnauthorized {
			t.Errorf("analyst's session after logging out: %d, want 401", code)
		}

		// Every step is in an intact audit trail.
		if out := c.ok("", []string{"audit", "verify"}); !strings.HasPrefix(out, "OK: ") {
			t.Errorf("audit verify after the web session: %s", out)
		}
		list := c.ok("", []string{"audit", "list", "--limit", "1000"})
		for _, re := range []string{
			`\sana\s+login\s`,
			fmt.Sprintf(`\sana\s+ingest\s+report:%d\s+added`, id),
			fmt.Sprintf(`\sana\s+review\s+fact:%d\s`, demand.ID),
			`\svic\s+export\s`,
		} {
			if !regexp.MustCompile(re).MatchString(list) {
				t.Errorf("audit list has no line matching %s:\n%s", re, list)
			}
		}
	})
}
