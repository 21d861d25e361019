package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"casebook"
	"casebook/audit"
	"casebook/export"
	"casebook/extract/place"
)

// factView is one fact as the report page lists it.
type factView struct {
	casebook.Fact
	Quote   string
	Summary string
	Anchor  string
}

// visibleFacts drops the facts u may not see: a viewer sees confirmed and
// corrected facts only, without the machine value, the analyst's note or
// the reviewer's name (as in a redacted export).
func visibleFacts(facts []casebook.Fact, u *casebook.User) []casebook.Fact {
	if canMachine(u) {
		return facts
	}
	var out []casebook.Fact
	for _, f := range facts {
		if f.State == casebook.StateConfirmed || f.State == casebook.StateCorrected {
			f.Machine, f.Note, f.ReviewedBy = nil, "", ""
			out = append(out, f)
		}
	}
	return out
}

// loadReport returns a report and the facts u may see, or ENOTFOUND when u
// may not see it at all (a viewer and a report with no confirmed fact): a
// hidden record is indistinguishable from a missing one.
func (s *Server) loadReport(ctx context.Context, idText string, u *casebook.User) (*casebook.Report, []casebook.Fact, error) {
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 {
		return nil, nil, casebook.Errorf(casebook.ENOTFOUND, "no report %q", idText)
	}
	rep, err := s.store.FindReportByID(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	facts, err := s.store.FindFacts(ctx, casebook.FactFilter{ReportID: id})
	if err != nil {
		return nil, nil, err
	}
	facts = visibleFacts(facts, u)
	if !canMachine(u) {
		if len(facts) == 0 {
			return nil, nil, casebook.Errorf(casebook.ENOTFOUND, "no report %d", id)
		}
		rep = redactReport(rep)
	}
	return rep, facts, nil
}

// redactReport is what a viewer may see of a report: no source link, no
// custody details, and personal names masked in place (export.MaskNames
// keeps every byte offset, so facts' spans still fit the text).
func redactReport(r *casebook.Report) *casebook.Report {
	c := *r
	c.SourceID = 0
	c.Original = nil
	c.CreatedBy = ""
	c.FileName = ""
	c.Text = export.MaskNames(c.Text)
	c.Title = export.Redact(c.Title)
	return &c
}

func summarize(f *casebook.Fact) string {
	switch {
	case f.Place != nil:
		s := f.Place.Name
		if f.Place.Kind != "" {
			s += " (" + strings.ReplaceAll(f.Place.Kind, "_", " ") + ")"
		}
		return s
	case f.Agency != nil:
		return f.Agency.ID + " – " + f.Agency.Name
	case f.Money != nil:
		m := f.Money
		return formatAmount(&casebook.Amount{Amount: m.Amount, Max: m.Max, Currency: m.Currency, USD: m.USD}) + " · " + label(m.Role)
	case f.Event != nil:
		e := f.Event
		parts := []string{label(e.Type)}
		if e.Place != nil {
			parts = append(parts, "in "+e.Place.Name)
		}
		if e.Agency != "" {
			parts = append(parts, "by "+e.Agency)
		}
		if e.Target != "" {
			parts = append(parts, "against "+e.Target)
		}
		if e.Amount != nil {
			parts = append(parts, formatAmount(e.Amount))
		}
		parts = append(parts, formatInterval(e.Date))
		return strings.Join(parts, " · ")
	}
	return f.Kind
}

func factSpan(f *casebook.Fact) casebook.Span {
	switch {
	case f.Place != nil && len(f.Place.Spans) > 0:
		return f.Place.Spans[0]
	case f.Agency != nil && len(f.Agency.Spans) > 0:
		return f.Agency.Spans[0]
	case f.Money != nil:
		return f.Money.Span
	case f.Event != nil:
		return f.Event.Span
	}
	return casebook.Span{}
}

func (s *Server) handleReportView(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	rep, facts, err := s.loadReport(r.Context(), r.PathValue("id"), u)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	order := map[string]int{casebook.KindEvent: 0, casebook.KindPlace: 1, casebook.KindAgency: 2, casebook.KindMoney: 3}
	slices.SortStableFunc(facts, func(a, b casebook.Fact) int {
		if d := order[a.Kind] - order[b.Kind]; d != 0 {
			return d
		}
		return factSpan(&a)[0] - factSpan(&b)[0]
	})
	var views []factView
	counts := map[string]int{}
	for _, f := range facts {
		counts[f.Kind]++
		v := factView{Fact: f, Quote: quoteSpan(rep.Text, factSpan(&f), 160), Summary: summarize(&f)}
		views = append(views, v)
	}
	s.renderPage(w, r, "report", reportTitle(rep), map[string]any{
		"Report": rep, "Text": highlight(rep.Text, facts), "Facts": views, "Counts": counts,
		"Places": placeChoices(), "Flash": r.URL.Query().Get("done"),
	})
}

func reportTitle(r *casebook.Report) string {
	if r.Title != "" {
		return r.Title
	}
	return fmt.Sprintf("Report %d", r.ID)
}

// reviewInput is a review decision from a form or JSON.
type reviewInput struct {
	Action   string `json:"action"` // confirm, correct, reject
	Type     string `json:"type,omitempty"`
	Place    string `json:"place,omitempty"` // gazetteer id; "-" clears
	DateFrom string `json:"date_from,omitempty"`
	DateTo   string `json:"date_to,omitempty"`
	Amount   string `json:"amount,omitempty"`
	Currency string `json:"currency,omitempty"`
	USD      string `json:"usd,omitempty"`
	Target   string `json:"target,omitempty"`
	Agency   string `json:"agency,omitempty"`
	Note     string `json:"note,omitempty"`
	Start    *int   `json:"start,omitempty"` // new fact: byte offsets into the text
	End      *int   `json:"end,omitempty"`
	Quote    string `json:"quote,omitempty"` // new fact: its words, when offsets are absent
}

func formReview(r *http.Request) reviewInput {
	in := reviewInput{
		Action: r.PostFormValue("action"), Type: r.PostFormValue("type"), Place: r.PostFormValue("place"),
		DateFrom: r.PostFormValue("date_from"), DateTo: r.PostFormValue("date_to"),
		Amount: r.PostFormValue("amount"), Currency: r.PostFormValue("currency"), USD: r.PostFormValue("usd"),
		Target: r.PostFormValue("target"), Agency: r.PostFormValue("agency"), Note: r.PostFormValue("note"),
		Quote: r.PostFormValue("quote"),
	}
	if n, err := strconv.Atoi(r.PostFormValue("start")); err == nil {
		in.Start = &n
	}
	if n, err := strconv.Atoi(r.PostFormValue("end")); err == nil {
		in.End = &n
	}
	return in
}

var currencies = []string{"CNY", "USD", "KPW", "KRW", "JPY", "EUR"}

// applyEvent changes e by the fields the analyst filled in; empty fields keep
// the current value.
func applyEvent(e casebook.Event, in reviewInput) (casebook.Event, error) {
	if t := strings.TrimSpace(in.Type); t != "" {
		if !slices.Contains(casebook.EventTypes, t) {
			return e, casebook.Errorf(casebook.EINVALID, "unknown event type %q", t)
		}
		e.Type = t
	}
	switch p := strings.TrimSpace(in.Place); p {
	case "":
	case "-":
		e.Place = nil
	default:
		ref, err := placeRef(p)
		if err != nil {
			return e, err
		}
		e.Place = ref
	}
	if a := strings.TrimSpace(in.Agency); a != "" {
		if a == "-" {
			e.Agency = ""
		} else if _, ok := casebook.AgencyNames[a]; !ok {
			return e, casebook.Errorf(casebook.EINVALID, "unknown agency %q", a)
		} else {
			e.Agency = a
		}
	}
	if t := strings.TrimSpace(in.Target); t != "" {
		if utf8.RuneCountInString(t) > 60 {
			return e, casebook.Errorf(casebook.EINVALID, "target is longer than 60 characters")
		}
		if t == "-" {
			t = ""
		}
		e.Target = t
	}
	from, to := strings.TrimSpace(in.DateFrom), strings.TrimSpace(in.DateTo)
	if from != "" || to != "" {
		if from == "" {
			from = to
		}
		if to == "" {
			to = from
		}
		for _, d := range []string{from, to} {
			if _, err := time.Parse("2006-01-02", d); err != nil {
				return e, casebook.Errorf(casebook.EINVALID, "date %q is not YYYY-MM-DD", d)
			}
		}
		if to < from {
			return e, casebook.Errorf(casebook.EINVALID, "date range ends before it starts")
		}
		e.Date = &casebook.Interval{From: from, To: to}
	}
	if a := strings.TrimSpace(in.Amount); a != "" {
		if a == "-" {
			e.Amount = nil
		} else {
			amt, err := parseAmount(a)
			if err != nil {
				return e, err
			}
			cur := strings.ToUpper(strings.TrimSpace(in.Currency))
			if cur == "" && e.Amount != nil {
				cur = e.Amount.Currency
			}
			if !slices.Contains(currencies, cur) {
				return e, casebook.Errorf(casebook.EINVALID, "currency must be one of %s", strings.Join(currencies, ", "))
			}
			na := &casebook.Amount{Amount: amt, Currency: cur}
			if cur == "USD" {
				na.USD = amt
			} else if u := strings.TrimSpace(in.USD); u != "" {
				v, err := parseAmount(u)
				if err != nil {
					return e, err
				}
				na.USD = v
			} else if e.Amount != nil && e.Amount.Currency == cur && e.Amount.Amount > 0 && e.Amount.USD > 0 {
				na.USD = e.Amount.USD * amt / e.Amount.Amount // same month, same rate
			}
			e.Amount = na
		}
	}
	return e, nil
}

func parseAmount(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), " ", ""), 64)
	if err != nil || v < 0 || v > 1e13 {
		return 0, casebook.Errorf(casebook.EINVALID, "amount %q is not a number", s)
	}
	return v, nil
}

func placeRef(id string) (*casebook.PlaceRef, error) {
	if p, ok := place.Lookup(id); ok {
		return &casebook.PlaceRef{ID: p.ID, Name: p.Name}, nil
	}
	return nil, casebook.Errorf(casebook.EINVALID, "unknown place %q (use a gazetteer name or id such as Hoeryong)", id)
}

// reviewFact applies one decision and logs it in the audit trail.
func (s *Server) reviewFact(r *http.Request, idText string, in reviewInput) (*casebook.Fact, error) {
	u := userOf(r)
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 {
		return nil, casebook.Errorf(casebook.ENOTFOUND, "no fact %q", idText)
	}
	f, err := s.store.FindFactByID(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if utf8.RuneCountInString(in.Note) > 2000 {
		return nil, casebook.Errorf(casebook.EINVALID, "note is longer than 2000 characters")
	}
	up := casebook.FactUpdate{Note: strings.TrimSpace(in.Note), By: u.Name, At: s.now().UTC()}
	switch in.Action {
	case "confirm":
		up.State = casebook.StateConfirmed
	case "reject":
		up.State = casebook.StateRejected
	case "correct":
		up.State = casebook.StateCorrected
		if f.Event == nil {
			return nil, casebook.Errorf(casebook.EINVALID, "only events can be corrected here; reject a wrong %s and add the right one", f.Kind)
		}
		ev, err := applyEvent(*f.Event, in)
		if err != nil {
			return nil, err
		}
		up.Event = &ev
	default:
		return nil, casebook.Errorf(casebook.EINVALID, "action must be confirm, correct or reject")
	}
	nf, err := s.store.UpdateFact(r.Context(), id, up)
	if err != nil {
		return nil, err
	}
	s.events.patch(r.Context(), f.ReportID)
	s.audit(r, u.Name, audit.ActionReview, fmt.Sprintf("fact:%d", id), fmt.Sprintf("report:%d %s", f.ReportID, up.State))
	return nf, nil
}

// addEvent stores an event the extractor missed, at the words the analyst
// selected (byte offsets from the script) or typed (the no-script form).
func (s *Server) addEvent(r *http.Request, reportIDText string, in reviewInput) (*casebook.Fact, error) {
	u := userOf(r)
	rep, _, err := s.loadReport(r.Context(), reportIDText, u)
	if err != nil {
		return nil, err
	}
	sp, err := locate(rep.Text, in)
	if err != nil {
		return nil, err
	}
	if in.Type == "" {
		return nil, casebook.Errorf(casebook.EINVALID, "choose the event's type")
	}
	ev, err := applyEvent(casebook.Event{Span: sp}, in)
	if err != nil {
		return nil, err
	}
	now := s.now().UTC()
	f := &casebook.Fact{ReportID: rep.ID, Kind: casebook.KindEvent, Event: &ev, State: casebook.StateConfirmed,
		ReviewedBy: u.Name, ReviewedAt: now, Note: strings.TrimSpace(in.Note)}
	if err := s.store.CreateFact(r.Context(), f); err != nil {
		return nil, err
	}
	s.events.patch(r.Context(), rep.ID)
	s.audit(r, u.Name, audit.ActionFactAdd, fmt.Sprintf("fact:%d", f.ID), fmt.Sprintf("report:%d event %s", rep.ID, ev.Type))
	return f, nil
}

// locate turns the analyst's selection into a span: offsets when they are
// valid and agree with the quoted words, else the first place the words occur.
func locate(text string, in reviewInput) (casebook.Span, error) {
	quote := in.Quote
	if in.Start != nil && in.End != nil {
		a, b := *in.Start, *in.End
		if a >= 0 && b <= len(text) && a < b && utf8.ValidString(text[a:b]) &&
			(a == len(text) || utf8.RuneStart(text[a])) && (b == len(text) || utf8.RuneStart(text[b])) &&
			(quote == "" || text[a:b] == quote) {
			if b-a > 4000 {
				return casebook.Span{}, casebook.Errorf(casebook.EINVALID, "selection is too long for one event")
			}
			return casebook.Span{a, b}, nil
		}
	}
	q := strings.TrimSpace(quote)
	if q == "" {
		return casebook.Span{}, casebook.Errorf(casebook.EINVALID, "select or type the words that state the event")
	}
	if i := strings.Index(text, q); i >= 0 {
		return casebook.Span{i, i + len(q)}, nil
	}
	return casebook.Span{}, casebook.Errorf(casebook.EINVALID, "those words are not in the report's text")
}

func (s *Server) handleFactReview(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
	f, err := s.reviewFact(r, r.PathValue("id"), formReview(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/reports/%d?done=%s#fact-%d", f.ReportID, f.State, f.ID), http.StatusSeeOther)
}

func (s *Server) handleFactAdd(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
	f, err := s.addEvent(r, r.PathValue("id"), formReview(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/reports/%d?done=added#fact-%d", f.ReportID, f.ID), http.StatusSeeOther)
}
