package ingest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/korean"

	"casebook"
	"casebook/sqlite"
)

func newIngester(t *testing.T) (*Ingester, casebook.Store) {
	t.Helper()
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "casebook.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	return &Ingester{Store: st, Now: func() time.Time { return now }, Actor: "tester", Audit: true}, st
}

func ingestBytes(t *testing.T, in *Ingester, name string, b []byte) Result {
	t.Helper()
	res, err := in.IngestFile(t.Context(), name, bytes.NewReader(b), Meta{})
	if err != nil {
		t.Fatalf("IngestFile(%s): %v", name, err)
	}
	if len(res) != 1 {
		t.Fatalf("IngestFile(%s): %d results, want 1", name, len(res))
	}
	return res[0]
}

const sampleText = "Border guards arrested two smugglers in Hyesan\n\nGuards of the border unit detained two smugglers near the river on Tuesday, residents said. Each paid 3,000 yuan to be released.\n"

func TestText(t *testing.T) {
	in, st := newIngester(t)
	res := ingestBytes(t, in, "a/report.txt", []byte(sampleText))
	if res.Err != nil || !res.Created || res.ReportID == 0 {
		t.Fatalf("first ingest: %+v", res)
	}
	r, err := st.FindReportByID(t.Context(), res.ReportID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Border guards arrested two smugglers in Hyesan" || r.Text != sampleText || string(r.Original) != sampleText ||
		r.FileName != "report.txt" || r.Language != "en" || r.CreatedBy != "tester" || !strings.HasPrefix(r.MediaType, "text/plain") {
		t.Errorf("stored report: %+v", r)
	}
	again := ingestBytes(t, in, "b/copy.txt", []byte(sampleText))
	if again.Err != nil || again.Created || again.ReportID != res.ReportID {
		t.Errorf("second ingest of the same bytes: %+v", again)
	}
	entries, err := st.FindAudit(t.Context(), 0, 0)
	if err != nil || len(entries) != 1 || entries[0].Action != "ingest" || entries[0].Object != fmt.Sprintf("report:%d", res.ReportID) {
		t.Errorf("audit after ingest: %+v %v", entries, err)
	}
}

func TestMarkdownKorean(t *testing.T) {
	in, st := newIngester(t)
	md := "# 회령에서 보위부 단속\n\n함경북도 회령시에서 보위부가 주민들을 단속했다고 소식통이 전했다.\n"
	res := ingestBytes(t, in, "r.md", []byte(md))
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	r, _ := st.FindReportByID(t.Context(), res.ReportID)
	if r.Title != "회령에서 보위부 단속" || r.Language != "ko" || !strings.HasPrefix(r.MediaType, "text/markdown") {
		t.Errorf("markdown report: title %q language %q media %q", r.Title, r.Language, r.MediaType)
	}
}

const samplePage = `<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>Smugglers caught | Example News</title>
<meta property="og:title" content="Smugglers caught in Hyesan">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2019-12-06T09:00:00+09:00">
<link rel="canonical" href="https://news.example.org/2019/12/smugglers">
<script>var secret = "do-not-store-this-script";</script>
<style>.x{color:red}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/economy">Economy</a></nav>
<article>
<h1>Smugglers caught in Hyesan</h1>
<p>Border guards in Hyesan detained two smugglers on Tuesday as they carried goods across the frozen river, according to residents of the city who spoke to this outlet by phone.</p>
<p>Each of the men paid 3,000 yuan to officers of the Ministry of State Security to be released two days later, the residents said, adding that bribes had risen sharply this winter.</p>
<p>Prices in the local market rose after the arrests, as traders feared further crackdowns along the border with China during the coming months.</p>
<img src="x" onerror="alert(1)">
</article>
<footer>Copyright Example News. <a href="javascript:alert(1)">Subscribe</a></footer>
</body></html>`

func TestHTML(t *testing.T) {
	in, st := newIngester(t)
	res := ingestBytes(t, in, "page.html", []byte(samplePage))
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	r, _ := st.FindReportByID(t.Context(), res.ReportID)
	checks := []struct{ name, got, want string }{
		{"title", r.Title, "Smugglers caught in Hyesan"},
		{"author", r.Author, "Jane Reporter"},
		{"published", r.Published, "2019-12-06"},
		{"outlet", r.Outlet, "Example News"},
		{"url", r.URL, "https://news.example.org/2019/12/smugglers"},
		{"language", r.Language, "en"},
		{"media", r.MediaType, "text/html"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !strings.Contains(r.Text, "paid 3,000 yuan to officers") || !strings.Contains(r.Text, "\n") {
		t.Errorf("article text missing or without paragraphs: %q", r.Text)
	}
	for _, bad := range []string{"do-not-store-this-script", "color:red", "alert(1)", "<p>", "Politics"} {
		if strings.Contains(r.Text, bad) {
			t.Errorf("text keeps %q: %q", bad, r.Text)
		}
	}
	if string(r.Original) != samplePage {
		t.Error("original page bytes not kept")
	}
}

func TestHTMLEUCKR(t *testing.T) {
	in, st := newIngester(t)
	page := `<html lang="ko"><head><meta charset="euc-kr"><title>회령 소식</title></head><body><p>함경북도 회령시에서 보위부가 국경 지역 주민들을 단속했다고 소식통이 전했다.</p></body></html>`
	enc, err := korean.EUCKR.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	res := ingestBytes(t, in, "ko.html", enc)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	r, _ := st.FindReportByID(t.Context(), res.ReportID)
	if !strings.Contains(r.Text, "회령시에서 보위부가") || r.Title != "회령 소식" || r.Language != "ko" || !bytes.Equal(r.Original, enc) {
		t.Errorf("EUC-KR page: title %q text %q", r.Title, r.Text)
	}
}

func TestJSONL(t *testing.T) {
	in, st := newIngester(t)
	lines := strings.Join([]string{
		`{"id":"r1","published":"2019-12-06","language":"en","text":"Police in Hoeryong demanded 500 dollars from a trader.","title":"Hoeryong police","url":"https://x.example/1","outlet":"X","author":"Y"}`,
		`{"id":"r2","published":"","language":"","text":"보위부가 무산군에서 주민을 체포했다."}`,
		`not json`,
		`{"id":"r4","text":"   "}`,
		``,
		`{"id":"r5","published":"yesterday","text":"x"}`,
		`{"id":"r1","published":"2019-12-06","language":"en","text":"Police in Hoeryong demanded 500 dollars from a trader.","title":"Hoeryong police","url":"https://x.example/1","outlet":"X","author":"Y"}`,
	}, "\n")
	res, err := in.IngestFile(t.Context(), "batch.jsonl", strings.NewReader(lines), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	var sum Summary
	for _, r := range res {
		sum.Add(r)
	}
	if sum.Added != 2 || sum.Present != 1 || sum.Failed != 3 {
		t.Errorf("summary %+v, want 2 added, 1 present, 3 failed", sum)
	}
	for _, f := range sum.Failures {
		if !strings.HasPrefix(f.Name, "batch.jsonl:") || casebook.ErrorKind(f.Err) != casebook.EINVALID {
			t.Errorf("failure %s: %v", f.Name, f.Err)
		}
	}
	r, err := st.FindReportByID(t.Context(), res[0].ReportID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Hoeryong police" || r.URL != "https://x.example/1" || r.Outlet != "X" || r.Author != "Y" || r.Published != "2019-12-06" || r.Language != "en" {
		t.Errorf("jsonl report: %+v", r)
	}
	ko, _ := st.FindReportByID(t.Context(), res[1].ReportID)
	if ko.Language != "ko" || ko.Title == "" {
		t.Errorf("jsonl Korean report: language %q title %q", ko.Language, ko.Title)
	}
}

func TestRefused(t *testing.T) {
	in, _ := newIngester(t)
	in.MaxBytes = 1 << 10
	tests := []struct {
		name string
		b    []byte
		kind string
	}{
		{"bin.txt", []byte("abc\x00def"), casebook.EINVALID},
		{"latin1.txt", []byte("caf\xe9"), casebook.EINVALID},
		{"empty.txt", []byte(" \n\t\n"), casebook.EINVALID},
		{"big.txt", bytes.Repeat([]byte("a"), 2<<10), casebook.ETOOLARGE},
		{"image.png", []byte("\x89PNG"), casebook.EINVALID},
		{"fake.pdf", []byte("not a pdf"), casebook.EINVALID},
		{"empty.jsonl", []byte("\n\n"), casebook.EINVALID},
		{"bin.html", []byte("<p>a\x00</p>"), casebook.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := in.IngestFile(t.Context(), tt.name, bytes.NewReader(tt.b), Meta{})
			if err == nil {
				for _, r := range res {
					err = r.Err
				}
			}
			if casebook.ErrorKind(err) != tt.kind || casebook.ErrorMessage(err) == "" {
				t.Errorf("error %v (kind %q), want kind %q", err, casebook.ErrorKind(err), tt.kind)
			}
		})
	}
}

// minimalPDF builds a one-page PDF showing line, with correct xref offsets.
func minimalPDF(line string) []byte {
	content := fmt.Sprintf("BT /F1 12 Tf 72 720 Td (%s) Tj ET", line)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func TestPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing in CI")
		}
		t.Skip("pdftotext not installed")
	}
	in, st := newIngester(t)
	pdf := minimalPDF("Guards in Musan seized phones from residents.")
	res := ingestBytes(t, in, "r.pdf", pdf)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	r, _ := st.FindReportByID(t.Context(), res.ReportID)
	if !strings.Contains(r.Text, "Guards in Musan seized phones") || r.MediaType != "application/pdf" || !bytes.Equal(r.Original, pdf) || r.Title == "" {
		t.Errorf("pdf report: title %q text %q media %q", r.Title, r.Text, r.MediaType)
	}
	res2, err := in.IngestFile(t.Context(), "broken.pdf", bytes.NewReader(pdf[:len(pdf)/3]), Meta{})
	if err == nil && res2[0].Err == nil {
		t.Error("a truncated PDF was accepted")
	}
}

func TestIngestPath(t *testing.T) {
	in, st := newIngester(t)
	dir := t.TempDir()
	write := func(rel, body string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Report one\nMSS agents searched houses in Hoeryong.")
	write("sub/b.md", "# Report two\nPolice fined traders in Hyesan.")
	write("sub/deeper/c.html", samplePage)
	write("sub/dup.txt", "Report one\nMSS agents searched houses in Hoeryong.")
	write("sub/bad.txt", "\x00\x01binary")
	write("two.jsonl", `{"id":"x","text":"Guards in Onsong took bribes."}`+"\n"+`{"id":"y","text":"Guards in Sinuiju took bribes."}`)
	write(".hidden/h.txt", "hidden report")
	write("notes.docx", "not a format casebook reads")
	var calls, lastTotal int
	sum := in.IngestPath(context.Background(), dir, func(results []Result, done, total int) {
		calls++
		lastTotal = total
	})
	// A file of an unknown type is a failure named in the summary, never
	// dropped in silence.
	if sum.Added != 5 || sum.Present != 1 || sum.Failed != 2 {
		t.Errorf("summary %+v, want 5 added, 1 present, 2 failed", sum)
	}
	failed := map[string]string{}
	for _, f := range sum.Failures {
		failed[filepath.Base(f.Name)] = f.Err.Error()
	}
	if !strings.Contains(failed["bad.txt"], "binary") || !strings.Contains(failed["notes.docx"], "unsupported file type") {
		t.Errorf("failures: %+v", sum.Failures)
	}
	if calls != 7 || lastTotal != 7 {
		t.Errorf("progress called %d times with total %d, want 7 and 7", calls, lastTotal)
	}
	_, total, _ := st.FindReports(t.Context(), casebook.ReportFilter{})
	if total != 5 {
		t.Errorf("%d reports stored, want 5", total)
	}
	again := in.IngestPath(context.Background(), dir, nil)
	if again.Added != 0 || again.Present != 6 || again.Failed != 2 {
		t.Errorf("second run: %+v, want everything present", again)
	}
	missing := in.IngestPath(context.Background(), filepath.Join(dir, "nope"), nil)
	if missing.Failed != 1 {
		t.Errorf("missing path: %+v", missing)
	}
}
