package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"casebook"
	"casebook/auth"
)

// filter is the one set of filters every list, map and chart shares, read
// from the query string so each view can be bookmarked and linked.
type filter struct {
	Q      string
	Place  string
	Agency string
	Type   string
	Target string
	Case   string // what the report's case is about (see caseOf)
	Split  string // price index: "" (by target) or "case"
	State  string
	Lang   string
	Year   int
	Page   int
}

const pageSize = 20

func parseFilter(r *http.Request) (filter, error) {
	q := r.URL.Query()
	f := filter{
		Q: strings.TrimSpace(q.Get("q")), Place: strings.TrimSpace(q.Get("place")),
		Agency: strings.TrimSpace(q.Get("agency")), Type: strings.TrimSpace(q.Get("type")),
		Target: strings.TrimSpace(q.Get("target")), State: strings.TrimSpace(q.Get("state")),
		Lang: strings.TrimSpace(q.Get("lang")), Case: strings.TrimSpace(q.Get("case")), Split: q.Get("split"),
	}
	bad := func(what string) (filter, error) {
		return filter{}, casebook.Errorf(casebook.EINVALID, "bad %s filter", what)
	}
	// Control characters (NUL above all) are never search text, and the
	// full-text engines fail on them.
	if utf8.RuneCountInString(f.Q) > 200 || !utf8.ValidString(f.Q) || strings.ContainsFunc(f.Q, unicode.IsControl) {
		return bad("search text (at most 200 characters)")
	}
	if f.Place != "" && !isSlug(f.Place) {
		return bad("place")
	}
	if f.Agency != "" {
		if _, ok := casebook.AgencyNames[f.Agency]; !ok {
			return bad("agency")
		}
	}
	if f.Type != "" && !slices.Contains(casebook.EventTypes, f.Type) {
		return bad("event type")
	}
	if f.State != "" && !slices.Contains([]string{casebook.StateMachine, casebook.StateConfirmed, casebook.StateCorrected, casebook.StateRejected}, f.State) {
		return bad("review state")
	}
	if f.Lang != "" && f.Lang != "en" && f.Lang != "ko" {
		return bad("language")
	}
	if len(f.Target) > 60 || !utf8.ValidString(f.Target) || strings.ContainsFunc(f.Target, unicode.IsControl) {
		return bad("target")
	}
	if len(f.Case) > 80 || !utf8.ValidString(f.Case) || strings.ContainsFunc(f.Case, unicode.IsControl) {
		return bad("case")
	}
	if f.Split != "" && f.Split != "case" {
		return bad("split (want case or nothing)")
	}
	if y := q.Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1945 || n > 2100 {
			return bad("year")
		}
		f.Year = n
	}
	f.Page = 1
	if p := q.Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 100000 {
			return bad("page")
		}
		f.Page = n
	}
	return f, nil
}

func isSlug(s string) bool {
	if len(s) > 80 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// restrict applies what a role may see: a viewer sees confirmed and
// corrected facts only, so a state filter asking for more finds nothing.
func (f filter) restrict(u *casebook.User) filter {
	if u != nil && !auth.Can(u.Role, auth.PermReadMachine) {
		if f.State != "" && f.State != casebook.StateConfirmed && f.State != casebook.StateCorrected {
			f.State = "-"
		}
	}
	return f
}

// reportFilter is the store's search filter for f.
func (f filter) reportFilter(u *casebook.User) casebook.ReportFilter {
	rf := casebook.ReportFilter{
		Query: f.Q, PlaceID: f.Place, Agency: f.Agency, EventType: f.Type, State: f.State, Language: f.Lang,
		Offset: (f.Page - 1) * pageSize, Limit: pageSize,
	}
	if f.Year > 0 {
		y := strconv.Itoa(f.Year)
		rf.Date = casebook.Interval{From: y + "-01-01", To: y + "-12-31"}
	}
	if u == nil || !auth.Can(u.Role, auth.PermReadMachine) {
		rf.ConfirmedOnly = true
	}
	return rf
}

// values encodes f without its page, for links that keep the filter.
func (f filter) values() url.Values {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("q", f.Q)
	set("place", f.Place)
	set("agency", f.Agency)
	set("type", f.Type)
	set("target", f.Target)
	set("case", f.Case)
	set("split", f.Split)
	set("state", f.State)
	set("lang", f.Lang)
	if f.Year > 0 {
		v.Set("year", strconv.Itoa(f.Year))
	}
	return v
}

// Encode is f as a query string without the page.
func (f filter) Encode() string { return f.values().Encode() }

// With returns the query string of f with one key changed ("" removes it).
func (f filter) With(key, val string) string {
	v := f.values()
	if val == "" {
		v.Del(key)
	} else {
		v.Set(key, val)
	}
	return v.Encode()
}

// Set returns the query string of f with several keys changed, given as
// key, value pairs.
func (f filter) Set(kv ...string) string {
	v := f.values()
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			v.Del(kv[i])
		} else {
			v.Set(kv[i], kv[i+1])
		}
	}
	return v.Encode()
}

// PageLink is the query string of f at page n.
func (f filter) PageLink(n int) string {
	v := f.values()
	if n > 1 {
		v.Set("page", strconv.Itoa(n))
	}
	return v.Encode()
}

// Empty reports whether no filter is set.
func (f filter) Empty() bool { return f.Encode() == "" }
