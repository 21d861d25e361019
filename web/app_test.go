package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"casebook"
	"casebook/auth"
	"casebook/extract"
	"casebook/sqlite"
)

// testPassword is every test account's password; hashed once per test
// binary, since argon2id is slow on purpose.
const testPassword = "correct horse battery staple"

var (
	hashOnce sync.Once
	testHash string
)

func passwordHash(t testing.TB) string {
	hashOnce.Do(func() {
		h, err := auth.HashPassword(testPassword)
		if err != nil {
			t.Fatalf("hash password: %v", err)
		}
		testHash = h
	})
	return testHash
}

// testApp is a running server over a fresh SQLite store, with one account
// per role and two sample reports written for these tests.
type testApp struct {
	t      testing.TB
	store  casebook.Store
	server *Server
	http   *httptest.Server
	en, ko *casebook.Report
}

// extractIngester is an Ingester for tests: plain text through the real
// extractor into the store.
type extractIngester struct{ st casebook.Store }

func (x extractIngester) IngestFile(ctx context.Context, name string, data []byte, by string) ([]Ingested, error) {
	text := string(data)
	if strings.TrimSpace(text) == "" {
		return nil, casebook.Errorf(casebook.EINVALID, "%s is empty", name)
	}
	r := &casebook.Report{SHA256: sha256hex(data), Original: data, MediaType: "text/plain", FileName: name,
		Title: firstLine(text), Language: extract.DetectLanguage(text), Text: text, CreatedBy: by}
	facts := extract.Extract(extract.Input{Text: text, Language: r.Language})
	created, err := x.st.CreateReport(ctx, r, casebook.FactsOf(0, facts, extract.Version))
	return []Ingested{{Name: name, ReportID: r.ID, Created: created, Err: err}}, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return strings.TrimSpace(s)
}

// Sample reports written for these tests (not from any corpus).
const (
	enText = "Phone user detained in Hoeryong\n\n" +
		"On 14 March 2024, agents of the Ministry of State Security in Hoeryong detained a woman who had used a Chinese mobile phone. " +
		"Her family paid a bribe of 5,000 yuan (about $700) for her release a week later."
	koText = "혜산 밀수꾼 체포\n\n2023년 10월 중순 혜산시에서 보위부가 밀수꾼 2명을 체포했다. 가족들은 석방 대가로 1만 위안을 뇌물로 바쳤다."
)

func span(t testing.TB, text, words string) casebook.Span {
	t.Helper()
	i := strings.Index(text, words)
	if i < 0 {
		t.Fatalf("%q not in text", words)
	}
	return casebook.Span{i, i + len(words)}
}

func newTestApp(t testing.TB) *testApp {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "casebook.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	for _, role := range []string{casebook.RoleAdmin, casebook.RoleAnalyst, casebook.RoleViewer} {
		if err := st.CreateUser(ctx, &casebook.User{Name: role + "1", Role: role, PasswordHash: passwordHash(t)}); err != nil {
			t.Fatalf("create user: %v", err)
		}
	}
	a := &testApp{t: t, store: st}
	a.en = &casebook.Report{SHA256: sha256hex([]byte(enText)), Original: []byte(enText), MediaType: "text/plain",
		Title: "Phone user detained in Hoeryong", Outlet: "Test Desk", Published: "2024-03-25", Language: "en", Text: enText}
	hoeryong := &casebook.PlaceRef{ID: "hoeryong", Name: "Hoeryong"}
	enFacts := []casebook.Fact{
		{Kind: casebook.KindPlace, Place: &casebook.Place{ID: "hoeryong", Name: "Hoeryong", Kind: "city", Province: "north-hamgyong", Spans: []casebook.Span{span(t, enText, "Hoeryong\n"), span(t, enText, "Hoeryong detained")}}},
		{Kind: casebook.KindAgency, Agency: &casebook.Agency{ID: "MSS", Name: "Ministry of State Security", Spans: []casebook.Span{span(t, enText, "Ministry of State Security")}}},
		{Kind: casebook.KindMoney, Money: &casebook.Money{Amount: 5000, Currency: "CNY", USD: 700, Role: casebook.RoleBribePayment, Span: span(t, enText, "5,000 yuan (about $700)")}},
		{Kind: casebook.KindEvent, Event: &casebook.Event{Type: casebook.EventDetention, Span: span(t, enText, "agents of the Ministry of State Security in Hoeryong detained a woman"),
			Place: hoeryong, Agency: "MSS", Target: "phone user", Date: &casebook.Interval{From: "2024-03-14", To: "2024-03-14"}}},
		{Kind: casebook.KindEvent, Event: &casebook.Event{Type: casebook.EventBribePayment, Span: span(t, enText, "Her family paid a bribe of 5,000 yuan"),
			Place: hoeryong, Agency: "MSS", Target: "phone user", Amount: &casebook.Amount{Amount: 5000, Currency: "CNY", USD: 700}, Date: &casebook.Interval{From: "2024-03-21", To: "2024-03-21"}}},
	}
	for i := range enFacts {
		enFacts[i].State, enFacts[i].ExtractorVersion = casebook.StateMachine, "test"
	}
	if _, err := st.CreateReport(ctx, a.en, enFacts); err != nil {
		t.Fatalf("create report: %v", err)
	}
	a.ko = &casebook.Report{SHA256: sha256hex([]byte(koText)), Original: []byte(koText), MediaType: "text/plain",
		Title: "혜산 밀수꾼 체포", Published: "2023-11-02", Language: "ko", Text: koText}
	koFacts := []casebook.Fact{
		{Kind: casebook.KindEvent, Event: &casebook.Event{Type: casebook.EventDetention, Span: span(t, koText, "보위부가 밀수꾼 2명을 체포했다"),
			Place: &casebook.PlaceRef{ID: "hyesan", Name: "Hyesan"}, Agency: "MSS", Target: "smuggler", Date: &casebook.Interval{From: "2023-10-11", To: "2023-10-20"}}},
		{Kind: casebook.KindEvent, Event: &casebook.Event{Type: casebook.EventBribePayment, Span: span(t, koText, "1만 위안을 뇌물로 바쳤다"),
			Place: &casebook.PlaceRef{ID: "hyesan", Name: "Hyesan"}, Target: "smuggler", Amount: &casebook.Amount{Amount: 10000, Currency: "CNY", USD: 1370}, Date: &casebook.Interval{From: "2023-10-11", To: "2023-10-31"}}},
	}
	for i := range koFacts {
		koFacts[i].State, koFacts[i].ExtractorVersion = casebook.StateMachine, "test"
	}
	if _, err := st.CreateReport(ctx, a.ko, koFacts); err != nil {
		t.Fatalf("create report: %v", err)
	}
	srv, err := NewServer(Config{Store: st, Log: slog.New(slog.DiscardHandler), Ingester: extractIngester{st}, CacheTTL: time.Hour})
	if err != nil {
		t.Fatalf("new server: %v", err)
	}
	a.server = srv
	a.http = httptest.NewServer(srv)
	t.Cleanup(a.http.Close)
	return a
}

// client returns an HTTP client that keeps cookies and does not follow
// redirects, so tests see each 303.
func (a *testApp) client() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// login returns a client logged in as name.
func (a *testApp) login(name string) *http.Client {
	a.t.Helper()
	c := a.client()
	resp, err := c.PostForm(a.http.URL+"/login", url.Values{"name": {name}, "password": {testPassword}, "next": {"/"}})
	if err != nil {
		a.t.Fatalf("login: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		a.t.Fatalf("login %s: status %d", name, resp.StatusCode)
	}
	return c
}

// get fetches path and returns status and body.
func (a *testApp) get(c *http.Client, path string) (int, string) {
	a.t.Helper()
	resp, err := c.Get(a.http.URL + path)
	if err != nil {
		a.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (a *testApp) post(c *http.Client, path string, form url.Values) (*http.Response, string) {
	a.t.Helper()
	resp, err := c.PostForm(a.http.URL+path, form)
	if err != nil {
		a.t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// facts returns the stored facts of a report.
func (a *testApp) facts(reportID int64) []casebook.Fact {
	a.t.Helper()
	fs, err := a.store.FindFacts(context.Background(), casebook.FactFilter{ReportID: reportID})
	if err != nil {
		a.t.Fatalf("find facts: %v", err)
	}
	return fs
}

func (a *testApp) factOf(reportID int64, kind, typ string) casebook.Fact {
	a.t.Helper()
	for _, f := range a.facts(reportID) {
		if f.Kind == kind && (typ == "" || f.Event != nil && f.Event.Type == typ) {
			return f
		}
	}
	a.t.Fatalf("report %d has no %s %s fact", reportID, kind, typ)
	return casebook.Fact{}
}

func (a *testApp) auditActions() []string {
	a.t.Helper()
	es, err := a.store.FindAudit(context.Background(), 0, 1000)
	if err != nil {
		a.t.Fatalf("find audit: %v", err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Action+" "+e.Actor+" "+e.Object)
	}
	return out
}

func sha256hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// upload posts one file as multipart and returns status, Location and body.
func (a *testApp) upload(c *http.Client, path, name, content string) (int, string, string) {
	a.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write([]byte(content))
	mw.Close()
	req, _ := http.NewRequest("POST", a.http.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.Do(req)
	if err != nil {
		a.t.Fatalf("upload: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(b)
}

// routesSource is routes.go, read to list the API routes it registers.
func routesSource() (string, error) {
	b, err := os.ReadFile("routes.go")
	return string(b), err
}
