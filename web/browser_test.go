package web

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"casebook"
)

const chromiumPath = "/usr/bin/chromium"

// browser starts headless Chromium for one test, or skips (fails under CI)
// when it is not installed.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := exec.LookPath(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("chromium is required under CI: %v", err)
		}
		t.Skipf("chromium not installed at %s: browser tests skipped", chromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 1000),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelB(); cancelA() })
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// step runs actions with a deadline, so a missing element fails the test
// rather than hanging it.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(c, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(c, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %q: %v", js, err)
	}
	return v
}

// TestBrowserReviewFlow drives real Chromium through an analyst's day: log
// in, upload a report, see its facts highlighted, correct a date, add a
// missed event by selecting Korean words, and find the report through search
// and on the map.
func TestBrowserReviewFlow(t *testing.T) {
	ctx := browser(t)
	a := newTestApp(t)
	base := a.http.URL

	step(t, ctx, "log in",
		chromedp.Navigate(base+"/reports"),
		chromedp.WaitVisible(chromedp.CSS("#name")),
		chromedp.SendKeys(chromedp.CSS("#name"), "analyst1"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#files")),
	)

	// Upload a report written for this test.
	text := "Smuggler detained in Musan\n\n" +
		"State security agents detained a copper smuggler in Musan County, North Hamgyong, on 3 May 2022. " +
		"His family paid 4,000 yuan to the agents for his release."
	file := filepath.Join(t.TempDir(), "musan-smuggler.txt")
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	step(t, ctx, "upload",
		chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{file}),
		chromedp.Click(chromedp.CSS(".upload button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#report-text")),
	)
	url := eval[string](t, ctx, "location.pathname")
	if !strings.HasPrefix(url, "/reports/") {
		t.Fatalf("after upload the browser is at %s, want a report page", url)
	}
	var reportID int64
	fmt.Sscanf(strings.TrimPrefix(url, "/reports/"), "%d", &reportID)

	// Its facts are highlighted in the text, by kind.
	marks := eval[map[string]int](t, ctx, `(() => { const r = {}; for (const k of ["place","agency","money","event"]) r[k] = document.querySelectorAll("#report-text mark.hl-" + k).length; return r })()`)
	for _, k := range []string{"place", "event"} {
		if marks[k] == 0 {
			t.Errorf("no %s highlighted in the uploaded report (marks %v)", k, marks)
		}
	}
	if got := eval[string](t, ctx, `document.getElementById("report-text").textContent`); got != text {
		t.Errorf("the page's text is not the report's text:\n got %q\nwant %q", got, text)
	}

	// Correct the date of the first event.
	var ev casebook.Fact
	for _, f := range a.facts(reportID) {
		if f.Kind == casebook.KindEvent {
			ev = f
			break
		}
	}
	if ev.ID == 0 {
		t.Fatalf("the extractor found no event in the uploaded report")
	}
	pre := fmt.Sprintf("#f%d", ev.ID)
	step(t, ctx, "correct the date",
		chromedp.Click(chromedp.CSS(fmt.Sprintf("#fact-%d details.correct summary", ev.ID))),
		chromedp.WaitVisible(chromedp.CSS(pre+"-from")),
		chromedp.SetValue(chromedp.CSS(pre+"-from"), "2022-05-04"),
		chromedp.SetValue(chromedp.CSS(pre+"-to"), "2022-05-04"),
		chromedp.Click(chromedp.CSS(fmt.Sprintf("#fact-%d details.correct button[type=submit]", ev.ID))),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf("#fact-%d.state-corrected", ev.ID))),
	)
	got, err := a.store.FindFactByID(context.Background(), ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != casebook.StateCorrected || got.Event.Date == nil || got.Event.Date.From != "2022-05-04" || got.ReviewedBy != "analyst1" {
		t.Errorf("after correcting in the browser: state %s date %+v by %q", got.State, got.Event.Date, got.ReviewedBy)
	}
	who := eval[string](t, ctx, fmt.Sprintf(`document.querySelector("#fact-%d .who").textContent`, ev.ID))
	if !strings.Contains(who, "corrected by analyst1") {
		t.Errorf("fact does not say who corrected it: %q", who)
	}

	// Add a missed event by selecting Korean words: the script must turn the
	// selection into UTF-8 byte offsets.
	words := "밀수꾼 2명"
	step(t, ctx, "open the Korean report", chromedp.Navigate(fmt.Sprintf("%s/reports/%d", base, a.ko.ID)), chromedp.WaitVisible(chromedp.CSS("#report-text")))
	eval[bool](t, ctx, fmt.Sprintf(`(() => {
		const root = document.getElementById("report-text"), want = %q;
		const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let n = w.nextNode(); n; n = w.nextNode()) {
			const i = n.data.indexOf(want);
			if (i >= 0) {
				const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + want.length);
				const s = getSelection(); s.removeAllRanges(); s.addRange(r);
				root.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
				return true;
			}
		}
		return false;
	})()`, words))
	sp := span(t, koText, words)
	start := eval[string](t, ctx, `document.getElementById("add-start").value`)
	end := eval[string](t, ctx, `document.getElementById("add-end").value`)
	if start != fmt.Sprint(sp[0]) || end != fmt.Sprint(sp[1]) {
		t.Fatalf("selection offsets %s..%s, want %d..%d (UTF-8 bytes)", start, end, sp[0], sp[1])
	}
	step(t, ctx, "add the event",
		chromedp.SetValue(chromedp.CSS("#add-type"), "threat"),
		chromedp.Click(chromedp.CSS("#add-event-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".ok")),
	)
	found := false
	for _, f := range a.facts(a.ko.ID) {
		if f.Event != nil && f.Event.Type == casebook.EventThreat && f.Event.Span == sp {
			found = true
		}
	}
	if !found {
		t.Error("the selected words did not become a threat event with their span")
	}

	// Find the uploaded report through search …
	step(t, ctx, "search",
		chromedp.Navigate(base+"/reports"),
		chromedp.WaitVisible(chromedp.CSS("#q")),
		chromedp.SendKeys(chromedp.CSS("#q"), "copper smuggler"),
		chromedp.Submit(chromedp.CSS("#q")),
		// The list before the search has results too: wait for the new page.
		chromedp.WaitVisible(chromedp.CSS(`.summary[data-query="copper smuggler"]`)),
		chromedp.WaitVisible(chromedp.CSS(".results")),
	)
	if n := eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll('.results a[href="/reports/%d"]').length`, reportID)); n != 1 {
		t.Errorf("search for the uploaded report lists it %d times", n)
	}
	// … and on the map, at the corrected event's place.
	step(t, ctx, "map", chromedp.Navigate(base+"/map"), chromedp.WaitVisible(chromedp.CSS("svg.map")))
	if got.Event.Place == nil {
		t.Fatalf("the uploaded event has no place to find on the map")
	}
	sel := fmt.Sprintf(`svg.map a.pt[href^="/places/%s?"] circle`, got.Event.Place.ID)
	if n := eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)); n != 1 {
		t.Errorf("map has %d circles for %s", n, got.Event.Place.ID)
	}
	step(t, ctx, "place page from the map",
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`svg.map a.pt[href^="/places/%s?"]`, got.Event.Place.ID))),
		chromedp.WaitVisible(chromedp.CSS("table.events")),
	)
	if n := eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll('table.events a[href^="/reports/%d#"]').length`, reportID)); n == 0 {
		t.Error("the place page reached from the map does not list the uploaded report's event")
	}
}
