package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"casebook"
)

func TestStatusOf(t *testing.T) {
	tests := []struct {
		kind string
		want int
	}{
		{casebook.ENOTFOUND, 404}, {casebook.EINVALID, 400}, {casebook.EUNAUTHORIZED, 401},
		{casebook.EFORBIDDEN, 403}, {casebook.ECONFLICT, 409}, {casebook.ETOOLARGE, 413},
		{casebook.ERATELIMITED, 429}, {casebook.EUNAVAILABLE, 503}, {casebook.ENOTIMPLEMENTED, 501},
		{casebook.EINTERNAL, 500}, {"something else", 500},
	}
	for _, tt := range tests {
		if got := statusOf(tt.kind); got != tt.want {
			t.Errorf("statusOf(%q) = %d, want %d", tt.kind, got, tt.want)
		}
	}
}

func TestLoginRequiredAndLogout(t *testing.T) {
	a := newTestApp(t)
	c := a.client()
	resp, err := c.Get(a.http.URL + "/reports?q=x")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login?next=") {
		t.Fatalf("anonymous GET /reports: %d %q, want 303 to /login", resp.StatusCode, resp.Header.Get("Location"))
	}
	if code, _ := a.get(c, "/api/v1/reports"); code != http.StatusUnauthorized {
		t.Errorf("anonymous API: %d, want 401", code)
	}

	// Wrong password: 401, the login form again, and an audit entry.
	r, body := a.post(c, "/login", url.Values{"name": {"analyst1"}, "password": {"nope"}})
	if r.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "wrong name or password") {
		t.Fatalf("wrong password: %d", r.StatusCode)
	}
	// Session fixation: a cookie planted before login must not survive it.
	u, _ := url.Parse(a.http.URL)
	c.Jar.SetCookies(u, []*http.Cookie{{Name: "casebook", Value: "planted-token", Path: "/"}})
	r, _ = a.post(c, "/login", url.Values{"name": {"analyst1"}, "password": {testPassword}, "next": {"//evil.example/x"}})
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/" {
		t.Fatalf("login: %d to %q, want 303 to / (foreign next refused)", r.StatusCode, r.Header.Get("Location"))
	}
	var token string
	for _, ck := range r.Cookies() {
		if ck.Name == "casebook" {
			token = ck.Value
			if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode {
				t.Errorf("session cookie not HttpOnly/SameSite=Lax: %+v", ck)
			}
		}
	}
	if token == "" || token == "planted-token" {
		t.Fatalf("login did not issue a fresh token (got %q)", token)
	}
	if _, err := a.store.FindSession(context.Background(), tokenHash(token)); err != nil {
		t.Fatalf("session not stored by hash: %v", err)
	}
	if code, _ := a.get(c, "/reports"); code != 200 {
		t.Fatalf("after login: %d", code)
	}
	r, _ = a.post(c, "/logout", nil)
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", r.StatusCode)
	}
	if _, err := a.store.FindSession(context.Background(), tokenHash(token)); casebook.ErrorKind(err) != casebook.ENOTFOUND {
		t.Errorf("session still stored after logout: %v", err)
	}
	// The old token is dead even if replayed.
	c2 := a.client()
	c2.Jar.SetCookies(u, []*http.Cookie{{Name: "casebook", Value: token, Path: "/"}})
	if code, _ := a.get(c2, "/api/v1/me"); code != http.StatusUnauthorized {
		t.Errorf("replayed token after logout: %d, want 401", code)
	}
	acts := strings.Join(a.auditActions(), "\n")
	for _, want := range []string{"login_failed analyst1", "login analyst1", "logout analyst1"} {
		if !strings.Contains(acts, want) {
			t.Errorf("audit log lacks %q:\n%s", want, acts)
		}
	}
}

func TestLoginRateLimited(t *testing.T) {
	a := newTestApp(t)
	c := a.client()
	var last int
	for range 8 {
		r, _ := a.post(c, "/login", url.Values{"name": {"viewer1"}, "password": {"guess"}})
		last = r.StatusCode
	}
	if last != http.StatusTooManyRequests {
		t.Fatalf("8th wrong password: %d, want 429", last)
	}
	r, _ := a.post(c, "/login", url.Values{"name": {"viewer1"}, "password": {testPassword}})
	if r.StatusCode != http.StatusTooManyRequests {
		t.Errorf("right password while limited: %d, want 429", r.StatusCode)
	}
}

func TestSecurityHeadersAndNoInlineScript(t *testing.T) {
	a := newTestApp(t)
	c := a.login("analyst1")
	for _, p := range []string{"/reports", fmt.Sprintf("/reports/%d", a.en.ID), "/map", "/login"} {
		resp, err := c.Get(a.http.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		buf := make([]byte, 1<<16)
		for {
			n, err := resp.Body.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				break
			}
		}
		resp.Body.Close()
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", p, csp)
		}
		for _, h := range []string{"X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "X-Request-Id"} {
			if resp.Header.Get(h) == "" {
				t.Errorf("%s: no %s header", p, h)
			}
		}
		if m := regexp.MustCompile(`<script(?:\s[^>]*)?>[^<]+</script>`).FindString(b.String()); m != "" {
			t.Errorf("%s has an inline script: %s", p, m)
		}
		if strings.Contains(b.String(), "http://") && p != "/login" && strings.Contains(b.String(), "<link") {
			if regexp.MustCompile(`(src|href)="https?://`).MatchString(b.String()) {
				t.Errorf("%s loads something from elsewhere", p)
			}
		}
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	a := newTestApp(t)
	c := a.login("analyst1")
	f := a.factOf(a.en.ID, casebook.KindEvent, casebook.EventDetention)
	req, _ := http.NewRequest("POST", fmt.Sprintf("%s/facts/%d/review", a.http.URL, f.ID), strings.NewReader("action=reject"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site POST: %d, want 403", resp.StatusCode)
	}
	if got := a.factOf(a.en.ID, casebook.KindEvent, casebook.EventDetention); got.State != casebook.StateMachine {
		t.Errorf("cross-site POST changed the fact to %s", got.State)
	}
}

// TestPages renders every page as an analyst and checks what it must show.
func TestPages(t *testing.T) {
	a := newTestApp(t)
	c := a.login("analyst1")
	tests := []struct {
		path string
		want []string
	}{
		{"/", []string{"Phone user detained in Hoeryong", "혜산 밀수꾼 체포", `name="q"`, "Add reports"}},
		{"/reports?q=Hoeryong", []string{"Phone user detained in Hoeryong"}},
		{"/reports?q=" + url.QueryEscape("밀수꾼"), []string{"혜산 밀수꾼 체포"}},
		{"/reports?type=detention&year=2023", []string{"혜산 밀수꾼 체포"}},
		{fmt.Sprintf("/reports/%d", a.en.ID), []string{`class="hl-place"`, `hl-event ev-detention`, `class="hl-agency"`, "hl-money", "Confirm", "Correct", "Add an event"}},
		{fmt.Sprintf("/reports/%d", a.ko.ID), []string{`lang="ko"`, "보위부가 밀수꾼 2명을 체포했다"}},
		{"/map", []string{"<svg", `href="/places/hoeryong?`, "Nampo and Kaesong have no outline", "North Hamgyong"}},
		{"/map?type=bribe_payment", []string{`href="/places/hyesan?type=bribe_payment"`}},
		{"/timeline", []string{"<svg", "2024-03", "2023"}},
		{"/prices", []string{"<svg", "phone user", "smuggler", "$700", "$1,370"}},
		{"/events?place=north-hamgyong", []string{"Phone user detained in Hoeryong", "2024-03-14"}},
		{"/places", []string{"Hoeryong", "Ryanggang"}},
		{"/places/hoeryong", []string{"Hoeryong", "detention", "$700"}},
		{"/places/ryanggang", []string{"Hyesan"}},
		{"/agencies", []string{"MSS", "Ministry of State Security"}},
		{"/agencies/MSS", []string{"Ministry of State Security", "Hoeryong"}},
		{"/static/casebook.css", []string{"@media print"}},
		{"/static/casebook.js", []string{"TextEncoder"}},
		{"/api/v1/openapi.json", []string{`"openapi":"3.0.3"`}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, body := a.get(c, tt.path)
			if code != 200 {
				t.Fatalf("status %d: %.300s", code, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) && !strings.Contains(html.UnescapeString(body), w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
	for _, p := range []string{"/reports/999999", "/reports/abc", "/places/atlantis", "/agencies/CIA", "/api/v1/reports/999999", "/api/v1/nothing"} {
		if code, _ := a.get(c, p); code != 404 {
			t.Errorf("%s: %d, want 404", p, code)
		}
	}
	for _, p := range []string{"/reports?type=picnic", "/map?year=abc", "/reports?place=../../etc", "/api/v1/map?agency=X"} {
		if code, _ := a.get(c, p); code != 400 {
			t.Errorf("%s: %d, want 400", p, code)
		}
	}
}

// visibleText strips tags from highlighted HTML and unescapes it.
func visibleText(h string) string {
	return html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(h, ""))
}

func TestHighlightKeepsTextExact(t *testing.T) {
	text := "보위부가 회령에서 5,000 yuan을 요구했다. & <b>not html</b>"
	facts := []casebook.Fact{
		{ID: 1, Kind: casebook.KindEvent, Event: &casebook.Event{Type: casebook.EventBribeDemand, Span: casebook.Span{0, 45}}},
		{ID: 2, Kind: casebook.KindPlace, Place: &casebook.Place{Spans: []casebook.Span{span(t, text, "회령")}}},
		{ID: 3, Kind: casebook.KindMoney, Money: &casebook.Money{Span: span(t, text, "5,000 yuan")}},
		{ID: 4, Kind: casebook.KindAgency, Agency: &casebook.Agency{Spans: []casebook.Span{{1, 5}}}}, // cuts into a syllable: widened
		{ID: 5, Kind: casebook.KindMoney, Money: &casebook.Money{Span: casebook.Span{-3, 9999}}},     // out of range: clamped
	}
	got := string(highlight(text, facts))
	if v := visibleText(got); v != text {
		t.Fatalf("visible text changed:\n got %q\nwant %q", v, text)
	}
	if strings.Contains(got, "<b>") {
		t.Errorf("text was not escaped: %s", got)
	}
	for _, want := range []string{`class="hl-event ev-bribe_demand hl-place hl-money"`, `>보위</mark>`, `id="t2"`, `id="t3"`, `hl-money`} {
		if !strings.Contains(got, want) {
			t.Errorf("highlight lacks %q in %s", want, got)
		}
	}
}

func TestReviewConfirmCorrectReject(t *testing.T) {
	a := newTestApp(t)
	c := a.login("analyst1")
	det := a.factOf(a.en.ID, casebook.KindEvent, casebook.EventDetention)
	pay := a.factOf(a.en.ID, casebook.KindEvent, casebook.EventBribePayment)
	money := a.factOf(a.en.ID, casebook.KindMoney, "")

	r, _ := a.post(c, fmt.Sprintf("/facts/%d/review", det.ID), url.Values{"action": {"confirm"}})
	if r.StatusCode != http.StatusSeeOther || !strings.Contains(r.Header.Get("Location"), fmt.Sprintf("#fact-%d", det.ID)) {
		t.Fatalf("confirm: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	r, _ = a.post(c, fmt.Sprintf("/facts/%d/review", pay.ID), url.Values{"action": {"correct"},
		"date_from": {"2024-03-20"}, "date_to": {"2024-03-22"}, "target": {"phone user"}, "place": {"Musan"}, "note": {"family paid on release"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("correct: %d", r.StatusCode)
	}
	r, _ = a.post(c, fmt.Sprintf("/facts/%d/review", money.ID), url.Values{"action": {"reject"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("reject: %d", r.StatusCode)
	}
	if got := a.factOf(a.en.ID, casebook.KindEvent, casebook.EventDetention); got.State != casebook.StateConfirmed || got.ReviewedBy != "analyst1" || got.ReviewedAt.IsZero() {
		t.Errorf("confirmed fact: %+v", got)
	}
	got := a.factOf(a.en.ID, casebook.KindEvent, casebook.EventBribePayment)
	if got.State != casebook.StateCorrected || got.Event.Date == nil || got.Event.Date.From != "2024-03-20" || got.Event.Date.To != "2024-03-22" {
		t.Errorf("corrected fact: %+v %+v", got, got.Event.Date)
	}
	if got.Event.Place == nil || got.Event.Place.ID != "musan" {
		t.Errorf("corrected place: %+v", got.Event.Place)
	}
	if got.Event.Amount == nil || got.Event.Amount.USD != 700 {
		t.Errorf("correction lost the amount: %+v", got.Event.Amount)
	}
	if got.Machine == nil || got.Machine.Event == nil || got.Machine.Event.Date.From != "2024-03-21" {
		t.Errorf("machine value not kept: %+v", got.Machine)
	}
	if got := a.factOf(a.en.ID, casebook.KindMoney, ""); got.State != casebook.StateRejected {
		t.Errorf("rejected fact: %s", got.State)
	}
	// The text never changes.
	rep, _ := a.store.FindReportByID(context.Background(), a.en.ID)
	if rep.Text != enText {
		t.Error("report text changed")
	}
	// The page shows who decided and what the machine said.
	_, body := a.get(c, fmt.Sprintf("/reports/%d", a.en.ID))
	for _, w := range []string{"corrected by analyst1", "Machine said", "family paid on release"} {
		if !strings.Contains(body, w) {
			t.Errorf("report page lacks %q", w)
		}
	}
	// Bad input is a 400 and changes nothing.
	for _, form := range []url.Values{
		{"action": {"correct"}, "date_from": {"2024-13-45"}},
		{"action": {"correct"}, "type": {"picnic"}},
		{"action": {"correct"}, "place": {"Seoul"}},
		{"action": {"correct"}, "amount": {"lots"}},
		{"action": {"delete"}},
	} {
		r, _ := a.post(c, fmt.Sprintf("/facts/%d/review", det.ID), form)
		if r.StatusCode != http.StatusBadRequest {
			t.Errorf("%v: %d, want 400", form, r.StatusCode)
		}
	}
	if r, _ := a.post(c, "/facts/999999/review", url.Values{"action": {"confirm"}}); r.StatusCode != 404 {
		t.Errorf("unknown fact: %d", r.StatusCode)
	}
	acts := a.auditActions()
	n := 0
	for _, x := range acts {
		if strings.HasPrefix(x, "review analyst1 fact:") {
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d review audit entries, want 3: %v", n, acts)
	}
	// The map and the price index see the correction at once.
	_, body = a.get(c, "/api/v1/map")
	if !strings.Contains(body, `"id":"musan"`) {
		t.Errorf("map does not show the corrected place: %s", body)
	}
}

func TestAddMissedEvent(t *testing.T) {
	a := newTestApp(t)
	c := a.login("analyst1")
	words := "가족들은 석방 대가로"
	sp := span(t, koText, words)
	// With the byte offsets the script sends.
	r, body := a.post(c, fmt.Sprintf("/reports/%d/facts", a.ko.ID), url.Values{
		"start": {fmt.Sprint(sp[0])}, "end": {fmt.Sprint(sp[1])}, "quote": {words}, "type": {"release"}, "place": {"hyesan"},
		"date_from": {"2023-10-25"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("add with offsets: %d %.300s", r.StatusCode, body)
	}
	// Without script: the typed words are found in the text.
	r, body = a.post(c, fmt.Sprintf("/reports/%d/facts", a.ko.ID), url.Values{"quote": {"밀수꾼 2명"}, "type": {"threat"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("add with quote: %d %.300s", r.StatusCode, body)
	}
	var rel, thr *casebook.Fact
	for _, f := range a.facts(a.ko.ID) {
		if f.Event != nil && f.Event.Type == casebook.EventRelease {
			rel = &f
		}
		if f.Event != nil && f.Event.Type == casebook.EventThreat {
			thr = &f
		}
	}
	if rel == nil || rel.Event.Span != sp || rel.State != casebook.StateConfirmed || rel.ReviewedBy != "analyst1" || rel.ExtractorVersion != "" {
		t.Fatalf("added release: %+v", rel)
	}
	if rel.Event.Place == nil || rel.Event.Place.ID != "hyesan" {
		t.Errorf("added release place: %+v", rel.Event.Place)
	}
	if thr == nil || koText[thr.Event.Span[0]:thr.Event.Span[1]] != "밀수꾼 2명" {
		t.Fatalf("added threat: %+v", thr)
	}
	// Offsets that cut a syllable, or disagree with the words, fall back to the words.
	r, _ = a.post(c, fmt.Sprintf("/reports/%d/facts", a.ko.ID), url.Values{"start": {fmt.Sprint(sp[0] + 1)}, "end": {fmt.Sprint(sp[1])}, "type": {"threat"}})
	if r.StatusCode != http.StatusBadRequest {
		t.Errorf("bad offsets without words: %d, want 400", r.StatusCode)
	}
	r, _ = a.post(c, fmt.Sprintf("/reports/%d/facts", a.ko.ID), url.Values{"quote": {"not in the text"}, "type": {"threat"}})
	if r.StatusCode != http.StatusBadRequest {
		t.Errorf("words not in text: %d, want 400", r.StatusCode)
	}
	if !slices.ContainsFunc(a.auditActions(), func(s string) bool { return strings.HasPrefix(s, "fact_add analyst1") }) {
		t.Error("no fact_add audit entry")
	}
}

func TestViewerSeesConfirmedOnly(t *testing.T) {
	a := newTestApp(t)
	an := a.login("analyst1")
	det := a.factOf(a.en.ID, casebook.KindEvent, casebook.EventDetention)
	a.post(an, fmt.Sprintf("/facts/%d/review", det.ID), url.Values{"action": {"confirm"}})

	v := a.login("viewer1")
	code, body := a.get(v, fmt.Sprintf("/reports/%d", a.en.ID))
	if code != 200 {
		t.Fatalf("viewer report with a confirmed fact: %d", code)
	}
	if strings.Contains(body, "ev-bribe_payment") || strings.Contains(body, "Confirm</button>") || strings.Contains(body, "SHA-256") {
		t.Error("viewer sees unreviewed facts, review buttons or custody details")
	}
	// A report with nothing confirmed does not exist for a viewer.
	for _, p := range []string{fmt.Sprintf("/reports/%d", a.ko.ID), fmt.Sprintf("/api/v1/reports/%d", a.ko.ID)} {
		if code, _ := a.get(v, p); code != 404 {
			t.Errorf("viewer %s: %d, want 404", p, code)
		}
	}
	pay := a.factOf(a.en.ID, casebook.KindEvent, casebook.EventBribePayment)
	if code, _ := a.get(v, fmt.Sprintf("/api/v1/facts/%d", pay.ID)); code != 404 {
		t.Errorf("viewer unreviewed fact: %d, want 404", code)
	}
	_, body = a.get(v, "/reports")
	if strings.Contains(body, "혜산 밀수꾼 체포") || !strings.Contains(body, "Phone user detained") {
		t.Error("viewer's report list is wrong")
	}
	_, body = a.get(v, "/api/v1/prices")
	if strings.Contains(body, "smuggler") || strings.Contains(body, `"median_usd"`) {
		t.Errorf("viewer price index counts unreviewed bribes: %s", body)
	}
	_, body = a.get(v, "/api/v1/map")
	var m mapData
	if err := json.Unmarshal([]byte(body), &m); err != nil || m.Total != 1 {
		t.Errorf("viewer map: %d events (%v), want 1", m.Total, err)
	}
	// A viewer may not review or upload.
	if r, _ := a.post(v, fmt.Sprintf("/facts/%d/review", pay.ID), url.Values{"action": {"confirm"}}); r.StatusCode != 403 {
		t.Errorf("viewer review: %d, want 403", r.StatusCode)
	}
	if got := a.factOf(a.en.ID, casebook.KindEvent, casebook.EventBribePayment); got.State != casebook.StateMachine {
		t.Error("viewer changed a fact")
	}
}

func TestUpload(t *testing.T) {
	a := newTestApp(t)
	c := a.login("analyst1")
	text := "Border guard fined in Musan\n\nIn early May 2022, border guards in Musan demanded 3,000 yuan from a smuggler."
	code, loc, body := a.upload(c, "/reports", "musan.txt", text)
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/reports/") {
		t.Fatalf("upload: %d %q %.300s", code, loc, body)
	}
	_, page := a.get(c, loc)
	if !strings.Contains(page, "Border guard fined in Musan") {
		t.Error("uploaded report page lacks its title")
	}
	// The same bytes again: one report.
	code, _, body = a.upload(c, "/api/v1/reports", "../../etc/again.txt", text)
	if code != 200 || !strings.Contains(body, `"created":false`) || !strings.Contains(body, `"name":"again.txt"`) {
		t.Errorf("duplicate upload: %d %s", code, body)
	}
	code, _, body = a.upload(c, "/api/v1/reports", "evil.exe", "MZ")
	if code != 200 || !strings.Contains(body, "not a format") {
		t.Errorf("unknown format: %d %s", code, body)
	}
	if !slices.ContainsFunc(a.auditActions(), func(s string) bool { return strings.HasPrefix(s, "ingest analyst1 report:") }) {
		t.Error("no ingest audit entry")
	}
	v := a.login("viewer1")
	if code, _, _ := a.upload(v, "/reports", "x.txt", "text"); code != 403 {
		t.Errorf("viewer upload: %d, want 403", code)
	}
}

func TestAPI(t *testing.T) {
	a := newTestApp(t)
	c := a.login("analyst1")
	det := a.factOf(a.en.ID, casebook.KindEvent, casebook.EventDetention)
	tests := []struct {
		path string
		want string
	}{
		{"/api/v1/me", `"role":"analyst"`},
		{"/api/v1/reports?q=Hoeryong", `"total":1`},
		{fmt.Sprintf("/api/v1/reports/%d", a.en.ID), `"facts":[`},
		{fmt.Sprintf("/api/v1/reports/%d/facts", a.ko.ID), `"bribe_payment"`},
		{fmt.Sprintf("/api/v1/facts/%d", det.ID), `"detention"`},
		{"/api/v1/events?type=detention", `"total":2`},
		{"/api/v1/map", `"hoeryong"`},
		{"/api/v1/timeline", `"2024-03"`},
		{"/api/v1/prices?year=2024", `"median_usd":700`},
		{"/api/v1/places", `"north-hamgyong"`},
		{"/api/v1/places/ryanggang", `"events":2`},
		{"/api/v1/agencies", `"MSS"`},
		{"/api/v1/agencies/MSS", `"events":3`},
	}
	for _, tt := range tests {
		code, body := a.get(c, tt.path)
		if code != 200 || !strings.Contains(body, tt.want) {
			t.Errorf("%s: %d, want %q in %.400s", tt.path, code, tt.want, body)
		}
		if !json.Valid([]byte(body)) {
			t.Errorf("%s: not JSON", tt.path)
		}
	}
	// Review through the API.
	req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/facts/%d/review", a.http.URL, det.ID),
		strings.NewReader(`{"action":"correct","date_from":"2024-03-15"}`))
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var f casebook.Fact
	json.NewDecoder(resp.Body).Decode(&f)
	resp.Body.Close()
	if resp.StatusCode != 200 || f.State != casebook.StateCorrected || f.Event.Date.From != "2024-03-15" {
		t.Errorf("API review: %d %+v", resp.StatusCode, f)
	}
	req, _ = http.NewRequest("POST", fmt.Sprintf("%s/api/v1/reports/%d/facts", a.http.URL, a.en.ID),
		strings.NewReader(`{"type":"punishment","quote":"for her release"}`))
	resp, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Errorf("API add fact: %d", resp.StatusCode)
	}
	// Errors are JSON with a kind.
	code, body := a.get(c, "/api/v1/reports/0")
	var e apiError
	if code != 404 || json.Unmarshal([]byte(body), &e) != nil || e.Kind != casebook.ENOTFOUND {
		t.Errorf("API 404: %d %s", code, body)
	}
}

// TestOpenAPICoversRoutes checks that every API route is in the document.
func TestOpenAPICoversRoutes(t *testing.T) {
	a := newTestApp(t)
	_, body := a.get(a.client(), "/api/v1/openapi.json")
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi.json: %v %q", err, doc.OpenAPI)
	}
	src, err := routesSource()
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`"(GET|POST) /api/v1(/[^"]*)"`)
	n := 0
	for _, m := range re.FindAllStringSubmatch(src, -1) {
		if m[2] == "/openapi.json" {
			continue
		}
		n++
		if _, ok := doc.Paths[m[2]][strings.ToLower(m[1])]; !ok {
			t.Errorf("openapi.json lacks %s %s", m[1], m[2])
		}
	}
	if n < 15 {
		t.Errorf("found only %d API routes in routes.go", n)
	}
}

func TestExport(t *testing.T) {
	a := newTestApp(t)
	an := a.login("analyst1")
	for _, format := range []string{"csv", "geojson"} {
		resp, err := an.Get(a.http.URL + "/export?format=" + format + "&place=north-hamgyong")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "casebook-events."+format) {
			t.Errorf("export %s: %d %q", format, resp.StatusCode, resp.Header.Get("Content-Disposition"))
		}
	}
	if code, _ := a.get(an, "/export?format=xls"); code != 400 {
		t.Errorf("bad format: %d", code)
	}
	// A viewer's export has no unconfirmed event.
	v := a.login("viewer1")
	_, body := a.get(v, "/export?format=csv")
	if strings.Contains(body, "Hoeryong") || strings.Contains(body, "Hyesan") {
		t.Errorf("viewer export holds unconfirmed events:\n%s", body)
	}
	if !slices.ContainsFunc(a.auditActions(), func(s string) bool { return strings.HasPrefix(s, "export analyst1") }) {
		t.Error("no export audit entry")
	}
}

func TestViewerSeesNamesMasked(t *testing.T) {
	a := newTestApp(t)
	text := "Trader held in Hyesan\n\nState security agents detained Kim Chol-su, a trader, in Hyesan on 2 June 2021."
	rep := &casebook.Report{SHA256: sha256hex([]byte(text)), Original: []byte(text), MediaType: "text/plain",
		Title: "Trader held in Hyesan", Published: "2021-06-10", Language: "en", Text: text}
	ev := casebook.Fact{Kind: casebook.KindEvent, State: casebook.StateConfirmed, ReviewedBy: "analyst1",
		Event: &casebook.Event{Type: casebook.EventDetention, Span: span(t, text, "State security agents detained Kim Chol-su"), Agency: "MSS"}}
	if _, err := a.store.CreateReport(context.Background(), rep, []casebook.Fact{ev}); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/reports/%d", rep.ID)
	_, body := a.get(a.login("analyst1"), path)
	if !strings.Contains(body, "Chol-su") {
		t.Fatal("analyst does not see the name")
	}
	for _, p := range []string{path, fmt.Sprintf("/api/v1/reports/%d", rep.ID), "/reports?q=trader"} {
		code, body := a.get(a.login("viewer1"), p)
		if code != 200 || strings.Contains(body, "Chol-su") {
			t.Errorf("viewer %s: %d, name shown: %v", p, code, strings.Contains(body, "Chol-su"))
		}
	}
	// The highlight still sits on the same words: offsets survive masking.
	_, body = a.get(a.login("viewer1"), path)
	if !strings.Contains(body, "State security agents detained [name]") {
		t.Errorf("masked text is not highlighted in place:\n%s", body)
	}
}

func TestFacetCounts(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	analyst, _ := a.store.FindUserByName(ctx, "analyst1")
	money := a.factOf(a.en.ID, casebook.KindEvent, casebook.EventBribePayment)
	if _, err := a.store.UpdateFact(ctx, money.ID, casebook.FactUpdate{State: casebook.StateRejected, By: "analyst1", At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	a.server.Invalidate()
	fc, err := a.server.facetsFor(ctx, filter{Type: casebook.EventDetention}, analyst)
	if err != nil {
		t.Fatal(err)
	}
	count := func(opts []facetOption, v string) int {
		for _, o := range opts {
			if o.Value == v {
				return o.Count
			}
		}
		return -1
	}
	checks := []struct {
		name      string
		got, want int
	}{
		{"type detention (type relaxed)", count(fc.Types, casebook.EventDetention), 2},
		{"type bribe_payment (rejected one hidden)", count(fc.Types, casebook.EventBribePayment), 1},
		{"year 2024 among detentions", count(fc.Years, "2024"), 1},
		{"year 2023 among detentions", count(fc.Years, "2023"), 1},
		{"province ryanggang among detentions", count(fc.Places, "ryanggang"), 1},
		{"agency MSS among detentions", count(fc.Agencies, "MSS"), 2},
		{"state machine among detentions", count(fc.States, casebook.StateMachine), 2},
		{"state rejected among detentions", count(fc.States, casebook.StateRejected), 0},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.name, c.got, c.want)
		}
	}
	fc, _ = a.server.facetsFor(ctx, filter{}, analyst)
	if n := count(fc.States, casebook.StateRejected); n != 1 {
		t.Errorf("rejected facet with no filter: %d, want 1", n)
	}
}

// TestOtherProcessChangesAppear checks that a change made by another
// process (here: straight into the store, with its audit entry) reaches the
// aggregate views once the cache is stale, without a restart.
func TestOtherProcessChangesAppear(t *testing.T) {
	a := newTestApp(t)
	var mu sync.Mutex
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv, err := NewServer(Config{Store: a.store, Log: slog.New(slog.DiscardHandler), CacheTTL: time.Minute, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	a.http = hs
	c := a.login("analyst1")
	mapTotal := func() int {
		_, body := a.get(c, "/api/v1/map")
		var m mapData
		json.Unmarshal([]byte(body), &m)
		return m.Total
	}
	before := mapTotal()
	det := a.factOf(a.en.ID, casebook.KindEvent, casebook.EventDetention)
	ctx := context.Background()
	if _, err := a.store.UpdateFact(ctx, det.ID, casebook.FactUpdate{State: casebook.StateRejected, By: "cli", At: now}); err != nil {
		t.Fatal(err)
	}
	if err := a.store.AppendAudit(ctx, &casebook.AuditEntry{At: now, Actor: "cli", Action: "review", Object: fmt.Sprintf("fact:%d", det.ID)}); err != nil {
		t.Fatal(err)
	}
	if got := mapTotal(); got != before {
		t.Fatalf("map changed before the cache went stale: %d → %d", before, got)
	}
	mu.Lock()
	now = now.Add(2 * time.Minute)
	mu.Unlock()
	deadline := time.Now().Add(5 * time.Second)
	for mapTotal() != before-1 {
		if time.Now().After(deadline) {
			t.Fatalf("map still shows %d events, want %d after the other process's change", mapTotal(), before-1)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestAPILoginLogout(t *testing.T) {
	a := newTestApp(t)
	c := a.client()
	resp, err := c.Post(a.http.URL+"/api/v1/login", "application/json", strings.NewReader(`{"name":"viewer1","password":"wrong"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("API login with a wrong password: %d", resp.StatusCode)
	}
	resp, err = c.Post(a.http.URL+"/api/v1/login", "application/json", strings.NewReader(fmt.Sprintf(`{"name":"viewer1","password":%q}`, testPassword)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("API login: %d", resp.StatusCode)
	}
	if code, body := a.get(c, "/api/v1/me"); code != 200 || !strings.Contains(body, `"role":"viewer"`) {
		t.Fatalf("me: %d %s", code, body)
	}
	resp, err = c.Post(a.http.URL+"/api/v1/logout", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if code, _ := a.get(c, "/api/v1/me"); resp.StatusCode != http.StatusNoContent || code != http.StatusUnauthorized {
		t.Errorf("after API logout: %d then %d", resp.StatusCode, code)
	}
}

func TestPriceIndexByCase(t *testing.T) {
	a := newTestApp(t)
	c := a.login("analyst1")
	_, body := a.get(c, "/api/v1/prices?split=case")
	var p priceData
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatal(err)
	}
	want := map[int]string{2024: "phone user", 2023: "smuggler"}
	for _, y := range p.Years {
		if len(y.ByTarget) != 1 || y.ByTarget[0].Target != want[y.Year] {
			t.Errorf("%d: cases %+v, want %q", y.Year, y.ByTarget, want[y.Year])
			continue
		}
		st := y.ByTarget[0].Paid
		if st == nil || st.Count != 1 || !strings.Contains(st.Link, "case=") {
			t.Errorf("%d: paid %+v", y.Year, st)
		}
	}
	// The figure's link lists exactly its events.
	_, body = a.get(c, "/api/v1/events?type=bribe_payment&year=2024&case="+url.QueryEscape("phone user"))
	if !strings.Contains(body, `"total":1`) {
		t.Errorf("events behind the 2024 phone-user figure: %s", body)
	}
	if code, _ := a.get(c, "/prices?split=banana"); code != 400 {
		t.Errorf("bad split: %d", code)
	}
	if code, body := a.get(c, "/prices?split=case"); code != 200 || !strings.Contains(body, "phone user") {
		t.Errorf("prices by case page: %d", code)
	}
}

func TestReviewPatchesEventsInPlace(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	before, err := a.server.events.get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	gen0, _ := a.server.events.generation(ctx)
	c := a.login("analyst1")
	det := a.factOf(a.en.ID, casebook.KindEvent, casebook.EventDetention)
	a.post(c, fmt.Sprintf("/facts/%d/review", det.ID), url.Values{"action": {"correct"}, "type": {"crackdown"}})
	after, _ := a.server.events.get(ctx)
	gen1, _ := a.server.events.generation(ctx)
	if gen1 == gen0 {
		t.Error("generation did not move: cached views would stay stale")
	}
	// The report's old rows are dead, its fresh ones appended: as many
	// live rows as before.
	live := func(snap *eventSnapshot) (n int) {
		for i := range snap.hot {
			if snap.hot[i].flags&hotDead == 0 {
				n++
			}
		}
		return n
	}
	if live(after) != live(before) || len(after.hot) != after.rows.len() {
		t.Fatalf("live rows %d → %d (hot %d, rows %d)", live(before), live(after), len(after.hot), after.rows.len())
	}
	found := false
	for i := range after.hot {
		r := after.rows.at(int32(i))
		if r.FactID == det.ID && after.hot[i].flags&hotDead == 0 {
			found = r.Type == casebook.EventCrackdown && r.State == casebook.StateCorrected &&
				after.hot[i].ti == indexOf(casebook.EventTypes, casebook.EventCrackdown)
		}
	}
	if !found {
		t.Error("the corrected event is not in the patched snapshot")
	}
	for i := range before.hot {
		if r := before.rows.at(int32(i)); r.FactID == det.ID && (r.Type != casebook.EventDetention || before.hot[i].flags&hotDead != 0) {
			t.Error("the old snapshot was changed in place (readers may hold it)")
		}
	}
}

// A patch's rows share the old snapshot's chunks but never write to them,
// also when the appended rows cross a chunk's end.
func TestRowChunksAppendedLeavesOriginal(t *testing.T) {
	rows := make([]eventRow, rowChunk+10)
	for i := range rows {
		rows[i].FactID = int64(i)
	}
	old := chunked(rows)
	fresh := make([]eventRow, rowChunk)
	for i := range fresh {
		fresh[i].FactID = int64(-1 - i)
	}
	grown := old.appended(fresh)
	if old.len() != rowChunk+10 || grown.len() != 2*rowChunk+10 {
		t.Fatalf("lengths %d and %d", old.len(), grown.len())
	}
	for i := range int32(old.len()) {
		if old.at(i).FactID != int64(i) || grown.at(i).FactID != int64(i) {
			t.Fatalf("row %d changed", i)
		}
	}
	for i := range int32(len(fresh)) {
		if got := grown.at(int32(old.len()) + i).FactID; got != int64(-1-i) {
			t.Fatalf("appended row %d is %d", i, got)
		}
	}
	again := old.appended(fresh[:3]) // a second patch of the same snapshot
	if grown.at(int32(old.len())).FactID != -1 || again.at(int32(old.len())+2).FactID != -3 {
		t.Fatal("two patches of one snapshot share appended rows")
	}
}
