package web

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strconv"

	"casebook"
)

// eventItem is one event in a list, with its report's title.
type eventItem struct {
	FactID      int64   `json:"fact_id"`
	ReportID    int64   `json:"report_id"`
	ReportTitle string  `json:"report_title"`
	Type        string  `json:"type"`
	Place       string  `json:"place,omitempty"`
	PlaceName   string  `json:"place_name,omitempty"`
	Agency      string  `json:"agency,omitempty"`
	Target      string  `json:"target,omitempty"`
	From        string  `json:"date_from,omitempty"`
	To          string  `json:"date_to,omitempty"`
	USD         float64 `json:"usd,omitempty"`
	State       string  `json:"state"`
}

const eventPageSize = 50

// eventPage returns one page of the rows as list items, newest first.
func (s *Server) eventPage(ctx context.Context, rows []*eventRow, page int, u *casebook.User) ([]eventItem, error) {
	sorted := make([]*eventRow, len(rows))
	copy(sorted, rows)
	sortRowsRecent(sorted)
	from := min((page-1)*eventPageSize, len(sorted))
	to := min(from+eventPageSize, len(sorted))
	titles := map[int64]string{}
	var out []eventItem
	for _, r := range sorted[from:to] {
		t, ok := titles[r.ReportID]
		if !ok {
			rep, err := s.store.FindReportByID(ctx, r.ReportID)
			if err != nil && casebook.ErrorKind(err) != casebook.ENOTFOUND {
				return nil, err
			}
			if rep != nil {
				if !canMachine(u) {
					rep = redactReport(rep)
				}
				t = reportTitle(rep)
			}
			titles[r.ReportID] = t
		}
		out = append(out, eventItem{FactID: r.FactID, ReportID: r.ReportID, ReportTitle: t, Type: r.Type,
			Place: r.PlaceID, PlaceName: r.PlaceName, Agency: r.Agency, Target: r.Target,
			From: r.From, To: r.To, USD: r.USD, State: r.State})
	}
	return out, nil
}

// viewInput reads the filter and selects the events for a view.
func (s *Server) viewInput(r *http.Request) (filter, selection, bool, error) {
	f, err := parseFilter(r)
	if err != nil {
		return f, selection{}, false, err
	}
	f = f.restrict(userOf(r))
	sel, partial, err := s.selectEvents(r.Context(), f, userOf(r))
	return f, sel, partial, err
}

// builtView is a view's data with what the filter selected.
type builtView[T any] struct {
	Data    T
	Partial bool
}

// cachedView builds (or finds) one view of the events f selects for u.
func cachedView[T any](s *Server, r *http.Request, kind string, build func(selection, filter) T) (filter, builtView[T], error) {
	f, err := parseFilter(r)
	if err != nil {
		return f, builtView[T]{}, err
	}
	u := userOf(r)
	f = f.restrict(u)
	gen, err := s.events.generation(r.Context())
	if err != nil {
		return f, builtView[T]{}, err
	}
	key := fmt.Sprintf("%s|%t|%s", kind, canMachine(u), f.Encode())
	v, err := view(s.views, key, gen, func() (builtView[T], error) {
		sel, partial, err := s.selectEvents(r.Context(), f, u)
		if err != nil {
			return builtView[T]{}, err
		}
		return builtView[T]{Data: build(sel, f), Partial: partial}, nil
	})
	return f, v, err
}

func mapView(sel selection, _ filter) mapData { return buildMap(sel) }

func timelineView(sel selection, _ filter) timelineData { return buildTimeline(sel) }

func (s *Server) handleMap(w http.ResponseWriter, r *http.Request) {
	f, v, err := cachedView(s, r, "map", mapView)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := v.Data
	d.Partial = v.Partial
	fv, err := s.filterView(r.Context(), f, userOf(r), "/map")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderPage(w, r, "map", "Map", map[string]any{"Filter": f, "FilterView": fv, "Map": d, "SVG": mapSVG(d, f)})
}

func (s *Server) handleTimeline(w http.ResponseWriter, r *http.Request) {
	f, v, err := cachedView(s, r, "timeline", timelineView)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, partial := v.Data, v.Partial
	fv, err := s.filterView(r.Context(), f, userOf(r), "/timeline")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderPage(w, r, "timeline", "Timeline", map[string]any{"Filter": f, "FilterView": fv, "T": d,
		"SVG": timelineSVG(d), "Partial": partial, "Colors": typeColors})
}

func (s *Server) handlePrices(w http.ResponseWriter, r *http.Request) {
	f, v, err := cachedView(s, r, "prices", buildPrices)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, partial := v.Data, v.Partial
	fv, err := s.filterView(r.Context(), f, userOf(r), "/prices")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderPage(w, r, "prices", "Bribe price index", map[string]any{"Filter": f, "FilterView": fv, "P": d,
		"SVG": priceSVG(d), "Partial": partial})
}

func (s *Server) handleEventList(w http.ResponseWriter, r *http.Request) {
	f, sel, partial, err := s.viewInput(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items, err := s.eventPage(r.Context(), sel.rows(), f.Page, userOf(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fv, err := s.filterView(r.Context(), f, userOf(r), "/events")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderPage(w, r, "events", "Events", map[string]any{"Filter": f, "FilterView": fv, "Items": items,
		"Total": len(sel.idx), "Page": f.Page, "Pages": (len(sel.idx) + eventPageSize - 1) / eventPageSize, "Partial": partial})
}

// placeSummary is a place with its event figures.
type placeSummary struct {
	casebook.Place
	Events int                  `json:"events"`
	ByType []facetOption        `json:"by_type"`
	ByYear []facetOption        `json:"by_year"`
	Prices priceData            `json:"prices"`
	Recent []eventItem          `json:"recent"`
	Wards  []facetOption        `json:"places,omitempty"` // places inside it with events
	Agency map[string]int       `json:"by_agency"`
	Extra  map[string]any       `json:"-"`
	Report []casebook.ReportHit `json:"reports"`
}

func (s *Server) summarize(ctx context.Context, sel selection, f filter, u *casebook.User) (placeSummary, error) {
	rows := sel.rows()
	ps := placeSummary{Events: len(rows), Agency: map[string]int{}}
	ps.ByType = countBy(rows, func(r *eventRow) string { return r.Type })
	ps.ByYear = countBy(rows, func(r *eventRow) string {
		if r.Year == 0 {
			return "undated"
		}
		return pad4(r.Year)
	})
	sort.Slice(ps.ByYear, func(i, j int) bool { return ps.ByYear[i].Value > ps.ByYear[j].Value })
	for _, r := range rows {
		if r.Agency != "" {
			ps.Agency[r.Agency]++
		}
	}
	ps.Prices = buildPrices(sel, f)
	var err error
	ps.Recent, err = s.eventPage(ctx, rows, 1, u)
	if err != nil {
		return ps, err
	}
	g := f
	g.Page = 1
	ps.Report, _, err = s.searchReports(ctx, g, u)
	return ps, err
}

func pad4(y int) string {
	s := "0000" + strconv.Itoa(y)
	return s[len(s)-4:]
}

func (s *Server) handlePlaceView(w http.ResponseWriter, r *http.Request) {
	ps, f, err := s.placeSummary(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderPage(w, r, "place", ps.Name, map[string]any{"P": ps, "Filter": f, "NoOutline": ps.ID == "nampo" || ps.ID == "kaesong"})
}

func (s *Server) placeSummary(r *http.Request) (placeSummary, filter, error) {
	id := r.PathValue("id")
	p, ok := lookupPlace(id)
	if !ok {
		return placeSummary{}, filter{}, casebook.Errorf(casebook.ENOTFOUND, "no place %q in the gazetteer", id)
	}
	f, err := parseFilter(r)
	if err != nil {
		return placeSummary{}, f, err
	}
	f.Place = p.ID
	f = f.restrict(userOf(r))
	sel, _, err := s.selectEvents(r.Context(), f, userOf(r))
	if err != nil {
		return placeSummary{}, f, err
	}
	rows := sel.rows()
	ps, err := s.summarize(r.Context(), sel, f, userOf(r))
	ps.Place = p
	ps.Wards = countBy(rows, func(r *eventRow) string { return r.PlaceID })
	for i := range ps.Wards {
		ps.Wards[i].Label = placeLabel(ps.Wards[i].Value)
	}
	return ps, f, err
}

func (s *Server) handleAgencyView(w http.ResponseWriter, r *http.Request) {
	ps, f, err := s.agencySummary(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderPage(w, r, "agency", ps.Name, map[string]any{"P": ps, "Filter": f})
}

func (s *Server) agencySummary(r *http.Request) (placeSummary, filter, error) {
	id := r.PathValue("id")
	name, ok := casebook.AgencyNames[id]
	if !ok {
		return placeSummary{}, filter{}, casebook.Errorf(casebook.ENOTFOUND, "no agency %q", id)
	}
	f, err := parseFilter(r)
	if err != nil {
		return placeSummary{}, f, err
	}
	f.Agency = id
	f = f.restrict(userOf(r))
	sel, _, err := s.selectEvents(r.Context(), f, userOf(r))
	if err != nil {
		return placeSummary{}, f, err
	}
	rows := sel.rows()
	ps, err := s.summarize(r.Context(), sel, f, userOf(r))
	ps.Place = casebook.Place{ID: id, Name: name}
	ps.Wards = countBy(rows, func(r *eventRow) string { return r.PlaceID })
	for i := range ps.Wards {
		if ps.Wards[i].Value == "" {
			ps.Wards[i].Label = "no place given"
		} else {
			ps.Wards[i].Label = placeLabel(ps.Wards[i].Value)
		}
	}
	return ps, f, err
}

// placeRow is one place in the places list.
type placeRow struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Province string `json:"province,omitempty"`
	Events   int    `json:"events"`
}

func (s *Server) placeRows(r *http.Request) ([]placeRow, error) {
	_, sel, _, err := s.viewInput(r)
	if err != nil {
		return nil, err
	}
	rows := sel.rows()
	byPlace, byProv := map[string]int{}, map[string]int{}
	for _, row := range rows {
		if row.PlaceID == "" {
			continue
		}
		byPlace[row.PlaceID]++
		if row.Province != row.PlaceID {
			byProv[row.Province]++
		}
	}
	var out []placeRow
	for _, p := range firstLevelUnits() {
		out = append(out, placeRow{p.ID, p.Name, p.Kind, "", byPlace[p.ID] + byProv[p.ID]})
		var kids []placeRow
		for id, n := range byPlace {
			if id == p.ID {
				continue
			}
			q, ok := lookupPlace(id)
			if !ok || q.Province != p.ID {
				continue
			}
			kids = append(kids, placeRow{q.ID, q.Name, q.Kind, p.ID, n})
		}
		sort.Slice(kids, func(i, j int) bool {
			if kids[i].Events != kids[j].Events {
				return kids[i].Events > kids[j].Events
			}
			return kids[i].Name < kids[j].Name
		})
		out = append(out, kids...)
	}
	return out, nil
}

func (s *Server) handlePlaceList(w http.ResponseWriter, r *http.Request) {
	rows, err := s.placeRows(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderPage(w, r, "places", "Places", map[string]any{"Places": rows})
}

// agencyRow is one agency with its events.
type agencyRow struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Events int    `json:"events"`
}

func (s *Server) agencyRows(r *http.Request) ([]agencyRow, error) {
	_, sel, _, err := s.viewInput(r)
	if err != nil {
		return nil, err
	}
	rows := sel.rows()
	n := map[string]int{}
	for _, row := range rows {
		n[row.Agency]++
	}
	var out []agencyRow
	for _, a := range []string{casebook.AgencyMSS, casebook.AgencyMPS, casebook.AgencyWPK, casebook.AgencyKPA, casebook.AgencyProsecution, casebook.AgencyOther} {
		out = append(out, agencyRow{a, casebook.AgencyNames[a], n[a]})
	}
	return out, nil
}

func (s *Server) handleAgencyList(w http.ResponseWriter, r *http.Request) {
	rows, err := s.agencyRows(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderPage(w, r, "agencies", "Agencies", map[string]any{"Agencies": rows})
}
