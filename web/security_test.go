package web

// Security tests: who may do what (every role against every route), what a
// role must not see, CSRF, sessions, XSS, SQL injection, upload names and
// sizes. Sample texts are written for these tests.

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"casebook"
	"casebook/auth"
)

// Roles in the matrix, least trusted first; "" is anonymous.
var secRoles = []string{"", casebook.RoleViewer, casebook.RoleAnalyst, casebook.RoleAdmin}

func secRank(role string) int { return slices.Index(secRoles, role) }

// secRoute is one route of routes.go with the least role that may use it
// ("public": anyone). Paths use {report}, {fact}, {place}, {agency}.
type secRoute struct {
	method, path string
	min          string // public, viewer, analyst, admin
	body         string // a POST body that changes nothing (invalid on purpose)
	contentType  string
}

const (
	formType = "application/x-www-form-urlencoded"
	jsonType = "application/json"
)

var secRoutes = []secRoute{
	{"GET", "/static/casebook.css", "public", "", ""},
	{"GET", "/healthz", "public", "", ""},
	{"GET", "/login", "public", "", ""},
	{"POST", "/login", "public", "name=nobody&password=wrong", formType},
	{"POST", "/logout", "public", "", formType},
	{"GET", "/api/v1/openapi.json", "public", "", ""},
	{"POST", "/api/v1/login", "public", `{"name":"nobody","password":"wrong"}`, jsonType},
	{"POST", "/api/v1/logout", "public", "", jsonType},

	{"GET", "/", "viewer", "", ""},
	{"GET", "/reports", "viewer", "", ""},
	{"POST", "/reports", "analyst", "x=1", formType},
	{"GET", "/reports/{report}", "viewer", "", ""},
	{"POST", "/reports/{report}/facts", "analyst", "action=bogus", formType},
	{"POST", "/facts/{fact}/review", "analyst", "action=bogus", formType},
	{"GET", "/events", "viewer", "", ""},
	{"GET", "/map", "viewer", "", ""},
	{"GET", "/timeline", "viewer", "", ""},
	{"GET", "/prices", "viewer", "", ""},
	{"GET", "/places", "viewer", "", ""},
	{"GET", "/places/{place}", "viewer", "", ""},
	{"GET", "/agencies", "viewer", "", ""},
	{"GET", "/agencies/{agency}", "viewer", "", ""},
	{"GET", "/export?format=csv", "viewer", "", ""},

	{"GET", "/api/v1/me", "viewer", "", ""},
	{"GET", "/api/v1/reports", "viewer", "", ""},
	{"POST", "/api/v1/reports", "analyst", "x=1", formType},
	{"GET", "/api/v1/reports/{report}", "viewer", "", ""},
	{"GET", "/api/v1/reports/{report}/facts", "viewer", "", ""},
	{"POST", "/api/v1/reports/{report}/facts", "analyst", `{"action":"bogus","unknown_field":1}`, jsonType},
	{"GET", "/api/v1/facts/{fact}", "viewer", "", ""},
	{"POST", "/api/v1/facts/{fact}/review", "analyst", `{"action":"bogus","unknown_field":1}`, jsonType},
	{"GET", "/api/v1/events", "viewer", "", ""},
	{"GET", "/api/v1/map", "viewer", "", ""},
	{"GET", "/api/v1/timeline", "viewer", "", ""},
	{"GET", "/api/v1/prices", "viewer", "", ""},
	{"GET", "/api/v1/places", "viewer", "", ""},
	{"GET", "/api/v1/places/{place}", "viewer", "", ""},
	{"GET", "/api/v1/agencies", "viewer", "", ""},
	{"GET", "/api/v1/agencies/{agency}", "viewer", "", ""},
	{"GET", "/api/v1/export?format=csv", "viewer", "", ""},
	{"GET", "/api/v1/no-such-route", "viewer", "", ""},
	{"GET", "/export?format=csv&full=1", "admin", "", ""},
}

// secApp is a test app with one report each role may see (the Korean one
// has a confirmed and a rejected event) and one a viewer may not (the
// English one has machine facts only).
type secApp struct {
	*testApp
	confirmed, rejected, machine casebook.Fact
	clients                      map[string]*http.Client
}

func newSecApp(t *testing.T) *secApp {
	t.Helper()
	a := &secApp{testApp: newTestApp(t), clients: map[string]*http.Client{}}
	ctx := context.Background()
	ko := a.facts(a.ko.ID)
	var koEvents []casebook.Fact
	for _, f := range ko {
		if f.Kind == casebook.KindEvent {
			koEvents = append(koEvents, f)
		}
	}
	if len(koEvents) < 2 {
		t.Fatalf("Korean sample has %d events, want 2", len(koEvents))
	}
	var err error
	if _, err = a.store.UpdateFact(ctx, koEvents[0].ID, casebook.FactUpdate{State: casebook.StateConfirmed, By: "analyst1", Note: "secret analyst note"}); err != nil {
		t.Fatal(err)
	}
	if _, err = a.store.UpdateFact(ctx, koEvents[1].ID, casebook.FactUpdate{State: casebook.StateRejected, By: "analyst1"}); err != nil {
		t.Fatal(err)
	}
	a.confirmed, a.rejected = koEvents[0], koEvents[1]
	a.machine = a.factOf(a.en.ID, casebook.KindEvent, casebook.EventDetention)
	a.server.Invalidate()
	a.clients[""] = a.client()
	for _, role := range secRoles[1:] {
		a.clients[role] = a.login(role + "1")
	}
	return a
}

func (a *secApp) expand(p string) string {
	return strings.NewReplacer("{report}", fmt.Sprint(a.ko.ID), "{fact}", fmt.Sprint(a.confirmed.ID),
		"{place}", "hyesan", "{agency}", "MSS").Replace(p)
}

// do sends one request and returns the response with its body read.
func (a *secApp) do(c *http.Client, method, path, contentType, body string, header map[string]string) (*http.Response, string) {
	a.t.Helper()
	req, err := http.NewRequest(method, a.http.URL+path, strings.NewReader(body))
	if err != nil {
		a.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		a.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// TestAuthorizationMatrix runs every route as every role: anonymous users
// are sent to log in (pages) or get 401 (API and POST); a role below the
// route's need gets 403; the others get past the guard.
func TestAuthorizationMatrix(t *testing.T) {
	a := newSecApp(t)
	for _, rt := range secRoutes {
		for _, role := range secRoles {
			name := role
			if name == "" {
				name = "anonymous"
			}
			t.Run(rt.method+" "+rt.path+" as "+name, func(t *testing.T) {
				if rt.path == "/logout" || rt.path == "/api/v1/logout" {
					// Logging out would end the shared session: use a fresh one.
					c := a.clients[""]
					if role != "" {
						c = a.login(role + "1")
					}
					resp, _ := a.do(c, rt.method, rt.path, rt.contentType, rt.body, nil)
					if resp.StatusCode >= 400 {
						t.Errorf("status %d", resp.StatusCode)
					}
					return
				}
				resp, body := a.do(a.clients[role], rt.method, a.expand(rt.path), rt.contentType, rt.body, nil)
				code := resp.StatusCode
				api := strings.HasPrefix(rt.path, "/api/")
				switch {
				case rt.min == "public":
					if code == http.StatusForbidden || code >= 500 {
						t.Errorf("public route: status %d", code)
					}
				case role == "" && rt.method == "GET" && !api:
					if code != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
						t.Errorf("anonymous page: %d to %q, want 303 to /login", code, resp.Header.Get("Location"))
					}
				case role == "":
					if code != http.StatusUnauthorized {
						t.Errorf("anonymous: status %d, want 401", code)
					}
				case secRank(role) < secRank(rt.min):
					if code != http.StatusForbidden {
						t.Errorf("%s below %s: status %d, want 403", role, rt.min, code)
					}
				case rt.path == "/export?format=csv&full=1":
					// This app has no source key: a clear 503, not a denial.
					if code != http.StatusServiceUnavailable {
						t.Errorf("admin full export without key: status %d, want 503", code)
					}
				default:
					if code == http.StatusUnauthorized || code == http.StatusForbidden || code >= 500 {
						t.Errorf("allowed role: status %d\n%.300s", code, body)
					}
				}
				if role == "" && rt.min != "public" {
					for _, secret := range []string{a.ko.Title, a.en.Title, "보위부가"} {
						if strings.Contains(body, secret) {
							t.Errorf("anonymous response reveals %q", secret)
						}
					}
				}
			})
		}
	}
}

// TestAuthorizationMatrixCoversRoutes fails when routes.go gains a route the
// matrix does not test.
func TestAuthorizationMatrixCoversRoutes(t *testing.T) {
	src, err := routesSource()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, rt := range secRoutes {
		p, _, _ := strings.Cut(rt.path, "?")
		p = regexp.MustCompile(`\{[a-z]+\}`).ReplaceAllString(p, "{id}")
		have[rt.method+" "+p] = true
	}
	have["GET /static/"] = true
	for _, m := range regexp.MustCompile(`"(GET|POST|PUT|PATCH|DELETE) (/[^"]*)"`).FindAllStringSubmatch(src, -1) {
		p := strings.TrimSuffix(m[2], "{$}")
		if p == "" {
			p = "/"
		}
		if !have[m[1]+" "+p] {
			t.Errorf("route %s %s is not in the authorization matrix", m[1], m[2])
		}
	}
}

// TestViewerMustNotSee checks, page by page and API by API, that a viewer
// never meets a machine or rejected fact, nor a report that has only those,
// while an analyst does (so each check can fail).
func TestViewerMustNotSee(t *testing.T) {
	a := newSecApp(t)
	viewer, analyst := a.clients[casebook.RoleViewer], a.clients[casebook.RoleAnalyst]

	// Records a viewer may not see are missing, not forbidden.
	for _, p := range []string{
		fmt.Sprintf("/reports/%d", a.en.ID),
		fmt.Sprintf("/api/v1/reports/%d", a.en.ID),
		fmt.Sprintf("/api/v1/reports/%d/facts", a.en.ID),
		fmt.Sprintf("/api/v1/facts/%d", a.machine.ID),
		fmt.Sprintf("/api/v1/facts/%d", a.rejected.ID),
	} {
		if code, _ := a.get(viewer, p); code != http.StatusNotFound {
			t.Errorf("viewer GET %s: %d, want 404", p, code)
		}
		if code, _ := a.get(analyst, p); code != http.StatusOK {
			t.Errorf("analyst GET %s: %d, want 200", p, code)
		}
	}

	// The Korean report: only its confirmed event, without the analyst's note.
	code, body := a.get(viewer, fmt.Sprintf("/api/v1/reports/%d/facts", a.ko.ID))
	if code != 200 {
		t.Fatalf("viewer facts of visible report: %d", code)
	}
	var facts []casebook.Fact
	if err := json.Unmarshal([]byte(body), &facts); err != nil {
		t.Fatal(err)
	}
	for _, f := range facts {
		if f.State != casebook.StateConfirmed && f.State != casebook.StateCorrected {
			t.Errorf("viewer sees fact %d in state %s", f.ID, f.State)
		}
		if f.Machine != nil || f.Note != "" || f.ReviewedBy != "" {
			t.Errorf("viewer sees the machine value, note or reviewer of fact %d: %+v", f.ID, f)
		}
	}
	_, page := a.get(viewer, fmt.Sprintf("/reports/%d", a.ko.ID))
	_, apage := a.get(analyst, fmt.Sprintf("/reports/%d", a.ko.ID))
	for _, p := range []string{fmt.Sprintf("/api/v1/reports/%d", a.ko.ID), fmt.Sprintf("/api/v1/facts/%d", a.confirmed.ID)} {
		if _, b := a.get(viewer, p); strings.Contains(b, "secret analyst note") || strings.Contains(b, "analyst1") {
			t.Errorf("viewer GET %s shows the analyst's note or name", p)
		}
	}
	if strings.Contains(page, "secret analyst note") || !strings.Contains(apage, "secret analyst note") {
		t.Errorf("analyst's note on the viewer's page: %v; on the analyst's: %v", strings.Contains(page, "secret analyst note"), strings.Contains(apage, "secret analyst note"))
	}
	anchor := fmt.Sprintf("fact-%d", a.rejected.ID)
	if strings.Contains(page, anchor) || !strings.Contains(apage, anchor) {
		t.Errorf("rejected fact on the viewer's page: %v; on the analyst's: %v", strings.Contains(page, anchor), strings.Contains(apage, anchor))
	}

	// Aggregates, lists and searches: the English report's events are all
	// machine facts against a "phone user" in Hoeryong.
	for _, p := range []string{
		"/events", "/api/v1/events", "/api/v1/events?state=machine", "/api/v1/events?state=rejected",
		"/map", "/api/v1/map", "/timeline", "/api/v1/timeline", "/prices", "/api/v1/prices",
		"/places/hoeryong", "/api/v1/places/hoeryong", "/agencies/MSS", "/api/v1/agencies/MSS",
		"/reports?q=Hoeryong", "/api/v1/reports?q=Hoeryong", "/api/v1/reports?state=machine",
		"/export?format=csv", "/export?format=csv&redact=0", "/api/v1/export?format=geojson",
		"/api/v1/export?format=json&state=machine",
	} {
		code, vbody := a.get(viewer, p)
		if code != http.StatusOK {
			t.Errorf("viewer GET %s: %d", p, code)
			continue
		}
		for _, leak := range []string{"phone user", a.en.Title, `"state":"machine"`, `"state":"rejected"`, "secret analyst note"} {
			if strings.Contains(vbody, leak) {
				t.Errorf("viewer GET %s shows %q", p, leak)
			}
		}
		if strings.Contains(p, "export") && strings.Contains(p, "csv") {
			if strings.Contains(vbody, ",machine,") || strings.Contains(vbody, ",rejected,") {
				t.Errorf("viewer CSV %s has unreviewed rows", p)
			}
		}
	}
	// The same pages do show the analyst the English events: the checks bite.
	for _, p := range []string{"/api/v1/events", "/api/v1/map", "/places/hoeryong", "/export?format=csv"} {
		if _, abody := a.get(analyst, p); !strings.Contains(abody, "phone user") && !strings.Contains(abody, "hoeryong") {
			t.Errorf("analyst GET %s lacks the English events; the viewer check proves nothing", p)
		}
	}
	if code, _ := a.get(viewer, "/export?format=csv&full=1"); code != http.StatusForbidden {
		t.Errorf("viewer full export: %d, want 403", code)
	}
	if code, _ := a.get(analyst, "/api/v1/export?format=csv&full=1"); code != http.StatusForbidden {
		t.Errorf("analyst full export: %d, want 403", code)
	}
}

// TestSourcesOnlyInAdminFullExport links a sealed source to a report and
// checks that only an admin's full export carries it.
func TestSourcesOnlyInAdminFullExport(t *testing.T) {
	a := newSecApp(t)
	ctx := context.Background()
	key := make([]byte, auth.KeySize)
	copy(key, "0123456789abcdef0123456789abcdef")
	sealer, err := auth.NewSealer(key)
	if err != nil {
		t.Fatal(err)
	}
	const pseudonym, contact = "Bittern-31", "signal:+82-10-5555-0101"
	sealed, err := sealer.Seal(casebook.Source{Pseudonym: pseudonym, Contact: contact, Region: "Ryanggang"})
	if err != nil {
		t.Fatal(err)
	}
	ss := &casebook.SealedSource{Sealed: sealed}
	if err := a.store.CreateSource(ctx, ss); err != nil {
		t.Fatal(err)
	}
	if err := a.store.SetReportSource(ctx, a.ko.ID, ss.ID); err != nil {
		t.Fatal(err)
	}
	// Without the key configured a full export fails clearly.
	if code, body := a.get(a.clients[casebook.RoleAdmin], "/export?format=csv&full=1"); code != http.StatusServiceUnavailable || !strings.Contains(body, "key") {
		t.Errorf("full export without key: %d %.200s", code, body)
	}
	srv, err := NewServer(Config{Store: a.store, Log: slog.New(slog.DiscardHandler), Sealer: sealer, CacheTTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	a.http = hs
	clients := map[string]*http.Client{}
	for _, role := range secRoles[1:] {
		clients[role] = a.login(role + "1")
	}
	for _, p := range []string{"/export?format=csv", "/export?format=geojson", "/api/v1/export?format=json",
		"/reports/%d", "/api/v1/reports/%d", "/api/v1/reports/%d/facts", "/api/v1/reports"} {
		if strings.Contains(p, "%d") {
			p = fmt.Sprintf(p, a.ko.ID)
		}
		for role, c := range clients {
			_, body := a.get(c, p)
			if strings.Contains(body, pseudonym) || strings.Contains(body, contact) {
				t.Errorf("%s GET %s shows the source", role, p)
			}
		}
	}
	code, body := a.get(clients[casebook.RoleAdmin], "/export?format=csv&full=1")
	if code != 200 || !strings.Contains(body, pseudonym) {
		t.Errorf("admin full export: %d, source present %v", code, strings.Contains(body, pseudonym))
	}
	if code, _ := a.get(clients[casebook.RoleAnalyst], "/export?format=csv&full=1"); code != http.StatusForbidden {
		t.Errorf("analyst full export with a key configured: %d, want 403", code)
	}
	// The export is in the audit log, without the source.
	es, _ := a.store.FindAudit(ctx, 0, 1000)
	found := false
	for _, e := range es {
		if strings.Contains(e.Detail+e.Object, pseudonym) || strings.Contains(e.Detail+e.Object, contact) {
			t.Errorf("audit entry %d names the source", e.Seq)
		}
		found = found || (e.Action == "export" && e.Actor == "admin1" && strings.Contains(e.Detail, "full"))
	}
	if !found {
		t.Error("the full export is not in the audit log")
	}
}

// TestCSRFRefused sends every state-changing route a cross-site request, by
// Sec-Fetch-Site and by Origin, and checks it is refused and changes nothing.
func TestCSRFRefused(t *testing.T) {
	a := newSecApp(t)
	before := len(a.auditActions())
	headers := []map[string]string{
		{"Sec-Fetch-Site": "cross-site"},
		{"Origin": "https://evil.example"},
		{"Origin": "null"},
		{"Sec-Fetch-Site": "same-site", "Origin": "https://sub.evil.example"},
	}
	for _, rt := range secRoutes {
		if rt.method == "GET" {
			continue
		}
		for _, h := range headers {
			for _, role := range []string{"", casebook.RoleAnalyst} {
				body := rt.body
				if rt.path == "/login" {
					body = "name=analyst1&password=" + url.QueryEscape(testPassword)
				}
				if rt.path == "/facts/{fact}/review" {
					body = "action=reject"
				}
				resp, _ := a.do(a.clients[role], rt.method, a.expand(rt.path), rt.contentType, body, h)
				if resp.StatusCode != http.StatusForbidden {
					t.Errorf("%s %s as %q with %v: %d, want 403", rt.method, rt.path, role, h, resp.StatusCode)
				}
				for _, c := range resp.Cookies() {
					if c.Name == "casebook" && c.Value != "" {
						t.Errorf("%s %s cross-site issued a session", rt.method, rt.path)
					}
				}
			}
		}
	}
	if got := a.factOf(a.ko.ID, casebook.KindEvent, a.confirmed.Event.Type); got.State != casebook.StateConfirmed {
		t.Errorf("a cross-site review changed a fact to %s", got.State)
	}
	if after := len(a.auditActions()); after != before {
		t.Errorf("cross-site requests wrote %d audit entries (logins, reviews?)", after-before)
	}
	// Same-origin requests still work.
	resp, _ := a.do(a.clients[casebook.RoleAnalyst], "POST", fmt.Sprintf("/facts/%d/review", a.machine.ID), formType, "action=confirm",
		map[string]string{"Origin": a.http.URL, "Sec-Fetch-Site": "same-origin"})
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("same-origin review: %d, want 303", resp.StatusCode)
	}
}

// TestSessions: a token planted before login dies at login (pages and API),
// logout kills the token for good, an expired session is refused, and with
// TLS the cookie is Secure and __Host- prefixed.
func TestSessions(t *testing.T) {
	a := newSecApp(t)
	u, _ := url.Parse(a.http.URL)
	sessionOf := func(resp *http.Response) string {
		for _, c := range resp.Cookies() {
			if c.Name == "casebook" {
				return c.Value
			}
		}
		return ""
	}
	// Fixation through the API login.
	c := a.client()
	planted := "planted-token-planted-token-planted-token-000"
	c.Jar.SetCookies(u, []*http.Cookie{{Name: "casebook", Value: planted, Path: "/"}})
	resp, _ := a.do(c, "POST", "/api/v1/login", jsonType, fmt.Sprintf(`{"name":"viewer1","password":%q}`, testPassword), nil)
	tok := sessionOf(resp)
	if resp.StatusCode != 200 || tok == "" || tok == planted {
		t.Fatalf("API login: %d, token %q", resp.StatusCode, tok)
	}
	if _, err := a.store.FindSession(context.Background(), auth.TokenHash(planted)); err == nil {
		t.Error("the planted token became a session")
	}
	// A second login issues another token, and the first stays its own.
	resp2, _ := a.do(a.client(), "POST", "/api/v1/login", jsonType, fmt.Sprintf(`{"name":"viewer1","password":%q}`, testPassword), nil)
	if tok2 := sessionOf(resp2); tok2 == "" || tok2 == tok {
		t.Error("two logins share a token")
	}
	// API logout kills the token even if replayed.
	if resp, _ := a.do(c, "POST", "/api/v1/logout", jsonType, "", nil); resp.StatusCode >= 400 {
		t.Fatalf("API logout: %d", resp.StatusCode)
	}
	replay := a.client()
	replay.Jar.SetCookies(u, []*http.Cookie{{Name: "casebook", Value: tok, Path: "/"}})
	if code, _ := a.get(replay, "/api/v1/me"); code != http.StatusUnauthorized {
		t.Errorf("token after logout: %d, want 401", code)
	}
	// Garbage tokens are refused without a server error.
	for _, bad := range []string{"", "x", strings.Repeat("A", 5000), "' OR 1=1 --", "%00"} {
		g := a.client()
		g.Jar.SetCookies(u, []*http.Cookie{{Name: "casebook", Value: bad, Path: "/"}})
		if code, _ := a.get(g, "/api/v1/me"); code != http.StatusUnauthorized {
			t.Errorf("cookie %.20q: %d, want 401", bad, code)
		}
	}

	// Expiry, on a server with a clock the test moves.
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	srv, err := NewServer(Config{Store: a.store, Log: slog.New(slog.DiscardHandler), Now: func() time.Time { return now },
		SessionTTL: time.Hour, CacheTTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	a.http = hs
	ec := a.login("analyst1")
	if code, _ := a.get(ec, "/api/v1/me"); code != 200 {
		t.Fatalf("fresh session: %d", code)
	}
	now = now.Add(59 * time.Minute)
	if code, _ := a.get(ec, "/api/v1/me"); code != 200 {
		t.Errorf("session before expiry: %d", code)
	}
	now = now.Add(2 * time.Minute)
	if code, _ := a.get(ec, "/api/v1/me"); code != http.StatusUnauthorized {
		t.Errorf("expired session: %d, want 401", code)
	}

	// With TLS: Secure, HttpOnly, __Host- cookie.
	tsrv, err := NewServer(Config{Store: a.store, Log: slog.New(slog.DiscardHandler), Secure: true, CacheTTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "https://casebook.test/login", strings.NewReader("name=viewer1&password="+url.QueryEscape(testPassword)))
	req.Header.Set("Content-Type", formType)
	tsrv.ServeHTTP(rec, req)
	var ck *http.Cookie
	for _, c := range rec.Result().Cookies() {
		if c.Value != "" {
			ck = c
		}
	}
	if ck == nil || ck.Name != "__Host-casebook" || !ck.Secure || !ck.HttpOnly || ck.Path != "/" || ck.Domain != "" || ck.SameSite == http.SameSiteNoneMode {
		t.Errorf("TLS session cookie: %+v", ck)
	}
	if rec.Header().Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS header with TLS")
	}
}

// xss payloads stored in every field a page shows.
var xssPayloads = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(2)>`,
	`"><svg/onload=alert(3)>`,
	`'-alert(4)-'`,
	`</textarea><iframe src=javascript:alert(5)>`,
}

// secReportWith stores a report whose title, text, names and facts carry s.
func (a *secApp) secReportWith(s string) *casebook.Report {
	a.t.Helper()
	text := "Hyesan " + s + " Agents of the Ministry of State Security in Hyesan detained a trader " + s + " on 2 May 2024."
	r := &casebook.Report{Original: []byte(text), MediaType: "text/plain", FileName: s + ".txt", Title: "Title " + s,
		Outlet: s, URL: "javascript:alert(9)//" + s, Author: s, Published: "2024-05-03", Language: "en", Text: text}
	ev := casebook.Event{Type: casebook.EventDetention, Span: span(a.t, text, "Agents of the Ministry of State Security in Hyesan detained a trader "+s),
		Place: &casebook.PlaceRef{ID: "hyesan", Name: "Hyesan"}, Agency: "MSS", Target: s, Date: &casebook.Interval{From: "2024-05-02", To: "2024-05-02"}}
	facts := []casebook.Fact{{Kind: casebook.KindEvent, Event: &ev, State: casebook.StateMachine, ExtractorVersion: "test"}}
	if _, err := a.store.CreateReport(context.Background(), r, facts); err != nil {
		a.t.Fatal(err)
	}
	f := a.facts(r.ID)[0]
	if _, err := a.store.UpdateFact(context.Background(), f.ID, casebook.FactUpdate{State: casebook.StateConfirmed, By: "analyst1", Note: s}); err != nil {
		a.t.Fatal(err)
	}
	return r
}

// TestXSSInert stores script payloads in report text, titles, file names and
// fact fields, and checks every page shows them as text.
func TestXSSInert(t *testing.T) {
	a := newSecApp(t)
	var ids []int64
	for _, p := range xssPayloads {
		ids = append(ids, a.secReportWith(p).ID)
	}
	a.server.Invalidate()
	// Live markup a payload would become if not escaped.
	live := regexp.MustCompile(`(?i)<script>alert|<img src=x onerror|<svg/onload|<iframe src=javascript|href="javascript:|src="javascript:`)
	pages := []string{"/", "/reports", "/reports?q=alert", "/reports?q=script", "/events", "/map", "/timeline", "/prices",
		"/places/hyesan", "/agencies/MSS", "/places", "/agencies"}
	for _, id := range ids {
		pages = append(pages, fmt.Sprintf("/reports/%d", id))
	}
	for _, role := range []string{casebook.RoleViewer, casebook.RoleAnalyst} {
		for _, p := range pages {
			code, body := a.get(a.clients[role], p)
			if code != 200 {
				t.Errorf("%s GET %s: %d", role, p, code)
				continue
			}
			if m := live.FindString(body); m != "" {
				t.Errorf("%s GET %s renders live markup %q", role, p, m)
			}
		}
	}
	// The payload is there, escaped: it was shown, not dropped.
	_, body := a.get(a.clients[casebook.RoleAnalyst], fmt.Sprintf("/reports/%d", ids[0]))
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("report page does not show the escaped payload")
	}
	// JSON answers are typed as JSON, never sniffed as HTML.
	for _, p := range []string{fmt.Sprintf("/api/v1/reports/%d", ids[0]), "/api/v1/reports?q=alert", "/api/v1/events"} {
		resp, body := a.do(a.clients[casebook.RoleAnalyst], "GET", p, "", "", nil)
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: Content-Type %q, nosniff %q", p, ct, resp.Header.Get("X-Content-Type-Options"))
		}
		if strings.Contains(body, "<script>") {
			t.Errorf("GET %s: JSON carries unescaped <script>", p)
		}
	}
	// An uploaded file name with markup.
	name := `<img src=x onerror=alert(7)>.txt`
	code, loc, upBody := a.upload(a.clients[casebook.RoleAnalyst], "/reports", name,
		"Agents of the Ministry of State Security detained a broker in Musan on 3 June 2024.")
	if live.MatchString(upBody) {
		t.Errorf("upload answer renders the file name as markup")
	}
	if code == http.StatusSeeOther && loc != "" {
		if _, body := a.get(a.clients[casebook.RoleAnalyst], loc); live.MatchString(body) {
			t.Errorf("uploaded report page renders the file name as markup")
		}
	}
}

// TestSQLInjectionInSearchFields sends injection strings in every search
// field of every list, view and export: no server error, no hidden record,
// and the tables are intact afterwards.
func TestSQLInjectionInSearchFields(t *testing.T) {
	a := newSecApp(t)
	ctx := context.Background()
	_, countBefore, err := a.store.FindReports(ctx, casebook.ReportFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	payloads := []string{
		`' OR '1'='1`, `' OR 1=1 --`, `"; DROP TABLE reports; --`, `'); DELETE FROM facts; --`,
		`1 OR 1=1`, `%`, `_`, `*`, `%' OR state='machine' --`, `" OR ""="`, `NEAR(a b)`, `"unbalanced`,
		`title:x`, `) OR (1=1`, `\`, `보위부' OR 1=1 --`, `x' UNION SELECT password_hash FROM users --`,
		"a\x00b", "tab\there", strings.Repeat("'", 300),
	}
	fields := []string{"q", "place", "agency", "type", "target", "state", "lang", "year", "page"}
	paths := []string{"/reports", "/api/v1/reports", "/events", "/api/v1/events", "/map", "/api/v1/map",
		"/api/v1/timeline", "/api/v1/prices", "/export?format=csv"}
	viewer := a.clients[casebook.RoleViewer]
	for _, field := range fields {
		for _, p := range payloads {
			for _, path := range paths {
				sep := "?"
				if strings.Contains(path, "?") {
					sep = "&"
				}
				u := path + sep + field + "=" + url.QueryEscape(p)
				code, body := a.get(viewer, u)
				if code != http.StatusOK && code != http.StatusBadRequest {
					t.Errorf("GET %s: %d", u, code)
				}
				for _, leak := range []string{a.en.Title, "phone user", "$argon2id$", `"state":"machine"`} {
					if strings.Contains(body, leak) {
						t.Errorf("GET %s as viewer reveals %q", u, leak)
					}
				}
			}
		}
	}
	_, countAfter, err := a.store.FindReports(ctx, casebook.ReportFilter{Limit: 1})
	if err != nil {
		t.Fatalf("store after injection attempts: %v", err)
	}
	if countAfter != countBefore || len(a.facts(a.en.ID)) == 0 {
		t.Errorf("reports %d → %d after injection attempts", countBefore, countAfter)
	}
	if _, err := a.store.FindUserByName(ctx, "admin1"); err != nil {
		t.Errorf("users table damaged: %v", err)
	}
}

// TestUploadNamesAndSizes: path traversal in names is reduced to a base
// name; oversized, zip and binary uploads are refused with a clear error and
// store nothing.
func TestUploadNamesAndSizes(t *testing.T) {
	a := newSecApp(t)
	ctx := context.Background()
	analyst := a.clients[casebook.RoleAnalyst]
	for i, name := range []string{"../../../../etc/passwd.txt", `..\..\windows\win.txt`, "/abs/path/report.txt",
		"..%2f..%2fescape.txt", "sub/../../x.md", "....//....//y.txt"} {
		text := fmt.Sprintf("Report %d: the Ministry of Social Security fined a trader in Musan on 5 June 2024.", i)
		code, _, body := a.upload(analyst, "/api/v1/reports", name, text)
		if code != http.StatusOK {
			t.Errorf("upload %q: %d %.200s", name, code, body)
			continue
		}
		r, err := a.store.FindReportBySHA256(ctx, sha256hex([]byte(text)))
		if err != nil {
			t.Errorf("upload %q not stored: %v", name, err)
			continue
		}
		if strings.ContainsAny(r.FileName, `/\`) || r.FileName == ".." || r.FileName == "." || r.FileName == "" {
			t.Errorf("upload %q stored as file name %q", name, r.FileName)
		}
	}

	// A traversal hidden in an RFC 2231 encoded name, which MIME decoding
	// turns into slashes.
	var mb bytes.Buffer
	mw := multipart.NewWriter(&mb)
	pw, _ := mw.CreatePart(textproto.MIMEHeader{
		"Content-Disposition": {`form-data; name="file"; filename*=UTF-8''..%2F..%2F..%2Ftmp%2Fencoded.txt`},
		"Content-Type":        {"text/plain"},
	})
	encText := "The Ministry of State Security detained a student in Chongjin on 9 June 2024."
	pw.Write([]byte(encText))
	mw.Close()
	resp, body := a.do(analyst, "POST", "/api/v1/reports", mw.FormDataContentType(), mb.String(), nil)
	if resp.StatusCode >= 500 {
		t.Errorf("encoded-name upload: %d %.200s", resp.StatusCode, body)
	}
	if r, err := a.store.FindReportBySHA256(ctx, sha256hex([]byte(encText))); err == nil &&
		(strings.ContainsAny(r.FileName, `/\`) || r.FileName == "..") {
		t.Errorf("encoded traversal stored as file name %q", r.FileName)
	}

	_, before, _ := a.store.FindReports(ctx, casebook.ReportFilter{Limit: 1})
	// A zip bomb: 20 MiB of zeros in a few KiB.
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	fw, _ := zw.Create("bomb.txt")
	fw.Write(make([]byte, 20<<20))
	zw.Close()
	if zb.Len() > 1<<20 {
		t.Fatalf("zip bomb is %d bytes", zb.Len())
	}
	binary := string([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0xff, 0xfe})
	for _, tt := range []struct{ name, content string }{
		{"bomb.zip", zb.String()},
		{"bomb.txt", zb.String()},
		{"report.pdf.exe", "MZ binary"},
		{"tool.txt", binary},
		{"page.html", "<html>" + binary + "</html>"},
	} {
		code, _, body := a.upload(analyst, "/api/v1/reports", tt.name, tt.content)
		var out struct {
			Files []struct {
				Error string `json:"error"`
			} `json:"files"`
			Error string `json:"error"`
		}
		json.Unmarshal([]byte(body), &out)
		msg := out.Error
		if len(out.Files) == 1 {
			msg = out.Files[0].Error
		}
		if code >= 500 || msg == "" || msg == "internal error" {
			t.Errorf("upload %s: %d, error %q, want a clear refusal", tt.name, code, msg)
		}
	}
	if _, after, _ := a.store.FindReports(ctx, casebook.ReportFilter{Limit: 1}); after != before {
		t.Errorf("refused uploads stored %d reports", after-before)
	}

	// Oversized: a server with a 64 KiB limit.
	srv, err := NewServer(Config{Store: a.store, Log: slog.New(slog.DiscardHandler), Ingester: extractIngester{a.store},
		MaxUpload: 64 << 10, CacheTTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	a.http = hs
	c := a.login("analyst1")
	big := strings.Repeat("The MSS fined a trader in Musan. ", 4000) // ~130 KiB
	for _, path := range []string{"/api/v1/reports", "/reports"} {
		code, _, body := a.upload(c, path, "big.txt", big)
		if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "larger than") {
			t.Errorf("oversized upload to %s: %d %.200s", path, code, body)
		}
	}
	if _, err := a.store.FindReportBySHA256(ctx, sha256hex([]byte(big))); err == nil {
		t.Error("the oversized upload was stored")
	}
}

// TestViewerSeesNoPersonalNames: a viewer reads reports with personal names
// masked — page, API and search snippets — while the facts still highlight;
// an analyst reads the text as received.
func TestViewerSeesNoPersonalNames(t *testing.T) {
	a := newSecApp(t)
	ctx := context.Background()
	text := "Musan, 4 July 2024. Agents of the Ministry of State Security detained Mr. Kim Chol-su, a trader. " +
		"보위부가 상인 김영호 씨를 구류했다고 소식통이 전했다."
	r := &casebook.Report{Original: []byte(text), MediaType: "text/plain", Title: "Mr. Kim Chol-su detained in Musan",
		Published: "2024-07-05", Language: "en", Text: text}
	ev := casebook.Event{Type: casebook.EventDetention, Span: span(t, text, "Agents of the Ministry of State Security detained Mr. Kim Chol-su"),
		Place: &casebook.PlaceRef{ID: "musan", Name: "Musan"}, Agency: "MSS", Target: "trader"}
	if _, err := a.store.CreateReport(ctx, r, []casebook.Fact{{Kind: casebook.KindEvent, Event: &ev, State: casebook.StateMachine, ExtractorVersion: "test"}}); err != nil {
		t.Fatal(err)
	}
	f := a.facts(r.ID)[0]
	if _, err := a.store.UpdateFact(ctx, f.ID, casebook.FactUpdate{State: casebook.StateConfirmed, By: "analyst1"}); err != nil {
		t.Fatal(err)
	}
	a.server.Invalidate()
	names := []string{"Chol-su", "Kim Chol", "김영호"}
	// Each search twice: the second answer may come from a cache.
	for _, p := range []string{fmt.Sprintf("/reports/%d", r.ID), fmt.Sprintf("/api/v1/reports/%d", r.ID),
		"/reports?q=trader", "/api/v1/reports?q=trader", "/reports?q=trader", "/api/v1/reports?q=trader",
		"/reports?q=Musan", "/reports?q=Musan", "/api/v1/reports?place=musan", "/api/v1/reports?place=musan"} {
		code, vbody := a.get(a.clients[casebook.RoleViewer], p)
		_, abody := a.get(a.clients[casebook.RoleAnalyst], p)
		if code != 200 {
			t.Errorf("viewer GET %s: %d", p, code)
			continue
		}
		for _, n := range names {
			if strings.Contains(vbody, n) {
				t.Errorf("viewer GET %s shows the name %q", p, n)
			}
		}
		if !strings.Contains(abody, "Chol-su") {
			t.Errorf("analyst GET %s lacks the name: the viewer check proves nothing", p)
		}
	}
	_, page := a.get(a.clients[casebook.RoleViewer], fmt.Sprintf("/reports/%d", r.ID))
	if !strings.Contains(page, "[name]") || !strings.Contains(page, fmt.Sprintf("fact-%d", f.ID)) {
		t.Error("viewer's report page lost the mark or the highlighted fact")
	}
	// The stored text is untouched.
	if got, _ := a.store.FindReportByID(ctx, r.ID); got.Text != text {
		t.Error("masking changed the stored text")
	}
}

// TestAuditEntriesBounded: a login name with line breaks and 10 KB cannot
// forge audit lines or bloat the log.
func TestAuditEntriesBounded(t *testing.T) {
	a := newSecApp(t)
	name := "mallory\nseq 99 admin user_add user:mallory\r" + strings.Repeat("x", 10000)
	a.post(a.client(), "/login", url.Values{"name": {name}, "password": {"wrong"}})
	es, err := a.store.FindAudit(context.Background(), 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range es {
		if e.Action != "login_failed" || !strings.HasPrefix(e.Actor, "mallory") {
			continue
		}
		found = true
		for _, f := range []string{e.Actor, e.Object, e.Detail} {
			if strings.ContainsAny(f, "\r\n") || len(f) > 600 {
				t.Errorf("audit field of %d bytes with line breaks %v", len(f), strings.ContainsAny(f, "\r\n"))
			}
		}
	}
	if !found {
		t.Error("the failed login is not in the audit log")
	}
}
