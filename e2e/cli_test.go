package e2e

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// searchOut is `casebook search --json`.
type searchOut struct {
	Total int `json:"total"`
	Hits  []struct {
		ID       int64  `json:"id"`
		Title    string `json:"title"`
		Language string `json:"language"`
		Snippet  string `json:"snippet"`
	} `json:"hits"`
}

func (s searchOut) titles() []string {
	var out []string
	for _, h := range s.Hits {
		out = append(out, h.Title)
	}
	return out
}

func (s searchOut) find(title string) (int64, bool) {
	for _, h := range s.Hits {
		if h.Title == title {
			return h.ID, true
		}
	}
	return 0, false
}

func (c *casebook) search(args ...string) searchOut {
	c.t.Helper()
	var out searchOut
	b := c.ok("", []string{"search"}, append(args, "--json")...)
	if err := json.Unmarshal([]byte(b), &out); err != nil {
		c.t.Fatalf("search %v: %v in %s", args, err, b)
	}
	if out.Total < len(out.Hits) {
		c.t.Fatalf("search %v: total %d < %d hits", args, out.Total, len(out.Hits))
	}
	return out
}

// readCSV parses an export and returns its header and rows as maps.
func readCSV(t *testing.T, b string) ([]string, []map[string]string) {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("export is not CSV: %v\n%s", err, b)
	}
	if len(recs) == 0 {
		t.Fatalf("export has no header")
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, col := range recs[0] {
			m[col] = r[i]
		}
		rows = append(rows, m)
	}
	return recs[0], rows
}

// Titles of the reports in testdata/reports (first lines, as ingest takes them).
const (
	titleHyesan   = "Border guards in Hyesan take bribes from smugglers"
	titleChongjin = "Police step up phone inspections in Chongjin"
	titleSinuiju  = "Security agents watch traders in Sinuiju"
	titleHoeryong = "회령시 보위부, 탈북 시도 가족에게 뇌물 요구"
	titleMusan    = "Musan broker detained over remittances"
	titleManpo    = "만포 국경경비대 밀수꾼 단속"
)

// goodReports is how many reports testdata/reports holds that ingest must
// keep: four files and two lines of a JSONL file.
const goodReports = 6

// TestAnalystCLI is the analyst at the command line: set up, ingest a
// folder of mixed files (two of them broken), ingest it again, search,
// export for analysts and for the public, and check the originals and the
// audit trail — then tamper with the audit trail in the database itself.
func TestAnalystCLI(t *testing.T) {
	t.Parallel()
	forEachBackend(t, func(t *testing.T, c *casebook) {
		c.setup(map[string]string{"ana": "analyst"})
		users := c.ok("", []string{"user", "list"})
		if !regexp.MustCompile(`(?m)^ana\s+analyst\s`).MatchString(users) {
			t.Errorf("user list does not show ana as analyst:\n%s", users)
		}
		// A name taken already is refused.
		if r := c.run(password("ana")+"\n", []string{"user", "add"}, "--password-stdin", "ana"); r.code == 0 {
			t.Errorf("adding ana twice succeeded: %s", r)
		}
		// A password too short is refused, and nothing is added.
		if r := c.run("short\n", []string{"user", "add"}, "--password-stdin", "bob"); r.code == 0 {
			t.Errorf("user add with a 5-character password succeeded: %s", r)
		}
		if users := c.ok("", []string{"user", "list"}); strings.Contains(users, "bob") {
			t.Errorf("bob was added with a refused password:\n%s", users)
		}

		// Ingest: the good files are kept; the empty file, the binary one and
		// a JSONL line in French fail by name with a reason, and the exit
		// code says something failed.
		folder := testdata(t, "reports")
		r := c.run("", []string{"ingest"}, "-q", folder)
		if r.code != 1 {
			t.Errorf("ingest with broken files: exit %d, want 1\n%s", r.code, r)
		}
		if want := fmt.Sprintf("%d added, 0 already present, 3 failed", goodReports); !strings.Contains(r.stdout, want) {
			t.Errorf("ingest summary: want %q in\n%s", want, r.stdout)
		}
		failures := map[string]string{"empty.md": "empty", "scanned-page.txt": "binary file", "batch.jsonl:3": `language "fr" is not en or ko`}
		for name, reason := range failures {
			re := regexp.MustCompile(`(?m)^\s+failed: \S*` + regexp.QuoteMeta(name) + `: .*` + regexp.QuoteMeta(reason))
			if !re.MatchString(r.stdout) {
				t.Errorf("ingest does not say %s failed because it is %s:\n%s", name, reason, r.stdout)
			}
		}
		if n := strings.Count(r.stdout, "failed: "); n != 3 {
			t.Errorf("ingest lists %d failures, want 3:\n%s", n, r.stdout)
		}

		// Again: nothing new, the same failures.
		r = c.run("", []string{"ingest"}, "-q", folder)
		if want := fmt.Sprintf("0 added, %d already present, 3 failed", goodReports); !strings.Contains(r.stdout, want) {
			t.Errorf("second ingest: want %q in\n%s", want, r)
		}
		// A binary file given by name with an unknown extension is refused too.
		r = c.run("", []string{"ingest"}, "-q", testdata(t, "photo.png"))
		if r.code == 0 || !strings.Contains(r.stdout, "0 added, 0 already present, 1 failed") || !strings.Contains(r.stdout, "unsupported file type") {
			t.Errorf("ingest photo.png: want one failure for its type\n%s", r)
		}

		// Search: everything, then text and filters.
		all := c.search("--limit", "50")
		if all.Total != goodReports {
			t.Fatalf("search with no filter: %d reports %q, want %d", all.Total, all.titles(), goodReports)
		}
		hyesanID, _ := all.find(titleHyesan)
		for _, tc := range []struct {
			name    string
			args    []string
			want    []string // titles that must be found
			notWant []string // titles that must not
		}{
			{"text", []string{"smuggler"}, []string{titleHyesan}, []string{titleChongjin, titleSinuiju}},
			{"text and matching filters", []string{"smuggler", "--place", "Ryanggang", "--agency", "mss", "--type", "bribe_demand", "--from", "2018-03", "--to", "2018-03-31"}, []string{titleHyesan}, nil},
			{"text and another province", []string{"smuggler", "--place", "North Hamgyong"}, nil, []string{titleHyesan}},
			{"text and another year", []string{"smuggler", "--from", "2020", "--to", "2021"}, nil, []string{titleHyesan}},
			{"text and an event type it lacks", []string{"smuggler", "--type", "surveillance"}, nil, []string{titleHyesan}},
			{"place finds a province's cities", []string{"--place", "North Hamgyong"}, []string{titleChongjin, titleHoeryong, titleMusan}, []string{titleHyesan, titleSinuiju, titleManpo}},
			{"sum in dollars", []string{"--min-usd", "1500", "--agency", "MPS"}, []string{titleChongjin}, []string{titleHyesan, titleMusan}},
			{"Korean words", []string{"뇌물"}, []string{titleHoeryong}, []string{titleHyesan, titleManpo}},
			{"Korean substring", []string{"밀수꾼"}, []string{titleManpo}, []string{titleHoeryong}},
			{"Korean with a language filter", []string{"보위부", "--lang", "ko"}, []string{titleHoeryong}, []string{titleHyesan}},
			{"Korean with the wrong language", []string{"보위부", "--lang", "en"}, nil, []string{titleHoeryong}},
			{"HTML report's text", []string{"traders"}, []string{titleSinuiju}, []string{titleHyesan}},
		} {
			got := c.search(append(tc.args, "--limit", "50")...)
			for _, w := range tc.want {
				if _, ok := got.find(w); !ok {
					t.Errorf("search %s %q: %q not found in %q", tc.name, tc.args, w, got.titles())
				}
			}
			for _, w := range tc.notWant {
				if _, ok := got.find(w); ok {
					t.Errorf("search %s %q: %q found, want it filtered out", tc.name, tc.args, w)
				}
			}
		}
		// A filter the store does not know is an error, not an empty result.
		if r := c.run("", []string{"search"}, "--place", "Atlantis"); r.code == 0 {
			t.Errorf("search --place Atlantis succeeded: %s", r)
		}

		// A protected source linked to one report.
		out := c.ok(`{"pseudonym":"River Crane","region":"Ryanggang","channel":"phone","reliability":"B","credibility":2,"notes":"met twice","contact":"+86 555 0100"}`,
			[]string{"source", "add"})
		m := regexp.MustCompile(`added source (\d+)`).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("source add printed %q", out)
		}
		c.ok("", []string{"source", "link"}, strconv.FormatInt(hyesanID, 10), m[1])

		// Exports. The analyst's CSV holds every machine fact with review
		// columns; the public one holds only reviewed facts (none yet), and
		// neither holds sources unless --full.
		header, rows := readCSV(t, c.ok("", []string{"export"}, "--format", "csv"))
		for _, col := range []string{"event_id", "date_from", "date_to", "type", "place", "place_id", "province", "lat", "lon", "agency", "target", "amount", "currency", "usd", "review_state", "report_id", "report_sha256", "evidence", "reviewed_by", "note"} {
			if !slices.Contains(header, col) {
				t.Errorf("CSV export has no %s column: %q", col, header)
			}
		}
		if slices.ContainsFunc(header, func(s string) bool { return strings.HasPrefix(s, "source_") }) {
			t.Errorf("CSV export without --full has source columns: %q", header)
		}
		if len(rows) < goodReports {
			t.Fatalf("CSV export has %d events, want at least one per report", len(rows))
		}
		var hyesanDetention bool
		for _, row := range rows {
			if row["review_state"] != "machine" {
				t.Errorf("event %s is %s before any review", row["event_id"], row["review_state"])
			}
			if row["report_id"] == strconv.FormatInt(hyesanID, 10) && row["type"] == "detention" {
				hyesanDetention = true
				if row["date_from"] != "2018-03-14" || row["place_id"] == "" || row["agency"] != "MSS" || !strings.Contains(row["evidence"], "Pak Yong-nam") {
					t.Errorf("Hyesan detention exported as %v", row)
				}
			}
		}
		if !hyesanDetention {
			t.Errorf("CSV export lacks the Hyesan detention")
		}
		// The analyst's export names people: it is for the team, and the
		// public one must not.
		header, rows = readCSV(t, c.ok("", []string{"export"}, "--format", "csv", "--redact"))
		if len(rows) != 0 {
			t.Errorf("redacted export of unreviewed facts has %d rows, want none: %v", len(rows), rows)
		}
		for _, col := range []string{"reviewed_by", "note", "source_pseudonym", "source_contact"} {
			if slices.Contains(header, col) {
				t.Errorf("redacted CSV has a %s column", col)
			}
		}

		var gj struct {
			Type     string `json:"type"`
			Features []struct {
				Type     string `json:"type"`
				Geometry *struct {
					Type        string
					Coordinates []float64
				} `json:"geometry"`
				Props map[string]any `json:"properties"`
			} `json:"features"`
		}
		b := c.ok("", []string{"export"}, "--format", "geojson", "--place", "Hyesan")
		if err := json.Unmarshal([]byte(b), &gj); err != nil {
			t.Fatalf("geojson export: %v\n%s", err, b)
		}
		if gj.Type != "FeatureCollection" || len(gj.Features) == 0 {
			t.Fatalf("geojson export of Hyesan: %s", b)
		}
		for _, f := range gj.Features {
			if f.Geometry == nil || f.Geometry.Type != "Point" || len(f.Geometry.Coordinates) != 2 {
				t.Errorf("feature %v has geometry %+v, want a Point", f.Props["event_id"], f.Geometry)
				continue
			}
			// GeoJSON is longitude first; Hyesan is near 128.2 E, 41.4 N.
			if lon, lat := f.Geometry.Coordinates[0], f.Geometry.Coordinates[1]; lon < 127 || lon > 130 || lat < 40 || lat > 43 {
				t.Errorf("feature %v at %v, want Hyesan (lon, lat)", f.Props["event_id"], f.Geometry.Coordinates)
			}
			if f.Props["place_id"] != "hyesan" && !strings.HasPrefix(fmt.Sprint(f.Props["place_id"]), "hyesan") {
				t.Errorf("--place Hyesan exported an event at %v", f.Props["place_id"])
			}
		}

		full := c.ok("", []string{"export"}, "--format", "json", "--full")
		if !strings.Contains(full, "River Crane") {
			t.Errorf("full JSON export lacks the linked source's pseudonym")
		}
		var doc struct {
			Redacted bool             `json:"redacted"`
			Reports  []map[string]any `json:"reports"`
		}
		plain := c.ok("", []string{"export"}, "--format", "json")
		if err := json.Unmarshal([]byte(plain), &doc); err != nil {
			t.Fatalf("json export: %v\n%.500s", err, plain)
		}
		if len(doc.Reports) != goodReports || doc.Redacted {
			t.Errorf("json export has %d reports (redacted %v), want %d unredacted", len(doc.Reports), doc.Redacted, goodReports)
		}
		if strings.Contains(plain, "River Crane") || strings.Contains(plain, "+86 555") {
			t.Errorf("json export without --full holds source fields")
		}
		redacted := c.ok("", []string{"export"}, "--format", "json", "--redact")
		if strings.Contains(redacted, "River Crane") || strings.Contains(redacted, "Pak Yong-nam") || strings.Contains(redacted, "김영희") || strings.Contains(redacted, `"machine"`) {
			t.Errorf("redacted JSON export holds a source, a name or an unreviewed fact:\n%.2000s", redacted)
		}
		// An export written to a file is readable by its owner only.
		outFile := filepath.Join(t.TempDir(), "events.csv")
		c.ok("", []string{"export"}, "--format", "csv", "--out", outFile)
		if fi, err := os.Stat(outFile); err != nil || fi.Mode().Perm() != 0o600 || fi.Size() == 0 {
			t.Errorf("export --out: %v, mode %v, want a non-empty file of mode 0600", err, fi)
		}
		if r := c.run("", []string{"export"}, "--redact", "--full"); r.code == 0 {
			t.Errorf("export --redact --full succeeded")
		}

		// The originals are intact, and so is the audit trail.
		if out := c.ok("", []string{"verify"}); !strings.Contains(out, fmt.Sprintf("OK: %d reports match", goodReports)) {
			t.Errorf("verify: %s", out)
		}
		out = c.ok("", []string{"audit", "verify"})
		if !strings.HasPrefix(out, "OK: ") || !strings.Contains(out, "chain intact") {
			t.Fatalf("audit verify on an untouched log: %s", out)
		}

		// Someone with the database changes who was added as what.
		list := c.ok("", []string{"audit", "list", "--limit", "1000"})
		if n := len(regexp.MustCompile(`(?m)\singest\s+report:\d+\s+sha256 [0-9a-f]{64}$`).FindAllString(list, -1)); n != goodReports {
			t.Errorf("audit list has %d ingest entries, want one per stored report (%d):\n%s", n, goodReports, list)
		}
		m = regexp.MustCompile(`(?m)^(\d+)\s+\S+ \S+\s+\S+\s+user_add\s+user:ana\s`).FindStringSubmatch(list)
		if m == nil {
			t.Fatalf("audit list shows no user_add of ana:\n%s", list)
		}
		seq, _ := strconv.ParseInt(m[1], 10, 64)
		if n := c.exec(`UPDATE audit SET detail = 'role=admin' WHERE seq = ` + m[1]); n != 1 {
			t.Fatalf("tampering changed %d rows", n)
		}
		r = c.run("", []string{"audit", "verify"})
		if r.code != 1 {
			t.Errorf("audit verify after tampering: exit %d, want 1\n%s", r.code, r)
		}
		if want := fmt.Sprintf("TAMPERED seq %d (edited)", seq); !strings.Contains(r.stdout, want) {
			t.Errorf("audit verify after tampering: want %q in\n%s", want, r.stdout)
		}
		if strings.Contains(r.stdout, "OK:") {
			t.Errorf("audit verify says OK after tampering:\n%s", r.stdout)
		}
		var rep struct {
			OK       bool `json:"ok"`
			Problems []struct {
				Seq  int64  `json:"seq"`
				Kind string `json:"kind"`
			} `json:"problems"`
		}
		r = c.run("", []string{"audit", "verify"}, "--json")
		if err := json.Unmarshal(bytes.TrimSpace([]byte(r.stdout)), &rep); err != nil {
			t.Fatalf("audit verify --json: %v\n%s", err, r)
		}
		if rep.OK || len(rep.Problems) == 0 || rep.Problems[0].Seq != seq {
			t.Errorf("audit verify --json after editing seq %d: %+v", seq, rep)
		}

		// And someone edits a stored original.
		c.exec(`UPDATE reports SET original = $1 WHERE id = $2`, []byte("nothing happened in Hyesan"), hyesanID)
		r = c.run("", []string{"verify"})
		if want := fmt.Sprintf("MISMATCH report %d", hyesanID); r.code != 1 || !strings.Contains(r.stdout, want) {
			t.Errorf("verify after editing report %d's original: want exit 1 and %q\n%s", hyesanID, want, r)
		}
	})
}
