package web

import (
	"encoding/json"
	"net/http"
	"strconv"

	"casebook"
)

// reportOut is a report as the API shows it, with its facts.
type reportOut struct {
	*casebook.Report
	Facts []casebook.Fact `json:"facts"`
}

// reportList is one page of search results.
type reportList struct {
	Total    int                  `json:"total"`
	More     bool                 `json:"more,omitempty"` // more than Total match: the count stopped there
	Page     int                  `json:"page"`
	PageSize int                  `json:"page_size"`
	Reports  []casebook.ReportHit `json:"reports"`
}

func (s *Server) handleAPIReports(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilter(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	hits, total, err := s.searchReports(r.Context(), f, userOf(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if hits == nil {
		hits = []casebook.ReportHit{}
	}
	more := total > countLimit(f)
	if more {
		total--
	}
	writeJSON(w, http.StatusOK, reportList{Total: total, More: more, Page: f.Page, PageSize: pageSize, Reports: hits})
}

func (s *Server) handleAPIReport(w http.ResponseWriter, r *http.Request) {
	rep, facts, err := s.loadReport(r.Context(), r.PathValue("id"), userOf(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, reportOut{Report: rep, Facts: nonNilFacts(facts)})
}

func (s *Server) handleAPIReportFacts(w http.ResponseWriter, r *http.Request) {
	_, facts, err := s.loadReport(r.Context(), r.PathValue("id"), userOf(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, nonNilFacts(facts))
}

func nonNilFacts(f []casebook.Fact) []casebook.Fact {
	if f == nil {
		return []casebook.Fact{}
	}
	return f
}

func (s *Server) handleAPIFact(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.fail(w, r, casebook.Errorf(casebook.ENOTFOUND, "no fact %q", r.PathValue("id")))
		return
	}
	f, err := s.store.FindFactByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	vis := visibleFacts([]casebook.Fact{*f}, userOf(r))
	if len(vis) == 0 {
		s.fail(w, r, casebook.Errorf(casebook.ENOTFOUND, "no fact %d", id))
		return
	}
	writeJSON(w, http.StatusOK, vis[0])
}

func decodeReview(w http.ResponseWriter, r *http.Request) (reviewInput, error) {
	var in reviewInput
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return in, casebook.Errorf(casebook.EINVALID, "body must be a JSON review object: %v", err)
	}
	return in, nil
}

func (s *Server) handleAPIFactReview(w http.ResponseWriter, r *http.Request) {
	in, err := decodeReview(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, err := s.reviewFact(r, r.PathValue("id"), in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, f)
}

func (s *Server) handleAPIFactAdd(w http.ResponseWriter, r *http.Request) {
	in, err := decodeReview(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, err := s.addEvent(r, r.PathValue("id"), in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, f)
}

func (s *Server) handleAPIUpload(w http.ResponseWriter, r *http.Request) {
	res, err := s.receiveUploads(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"files": res})
}

func (s *Server) handleAPIEvents(w http.ResponseWriter, r *http.Request) {
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
	if items == nil {
		items = []eventItem{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": len(sel.idx), "page": f.Page, "page_size": eventPageSize, "partial": partial, "events": items})
}

func (s *Server) handleAPIMap(w http.ResponseWriter, r *http.Request) {
	_, v, err := cachedView(s, r, "map", mapView)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := v.Data
	d.Partial = v.Partial
	if d.Places == nil {
		d.Places = []placeCount{}
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) handleAPITimeline(w http.ResponseWriter, r *http.Request) {
	_, v, err := cachedView(s, r, "timeline", timelineView)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := v.Data
	if d.Months == nil {
		d.Months = []monthCount{}
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) handleAPIPrices(w http.ResponseWriter, r *http.Request) {
	_, v, err := cachedView(s, r, "prices", buildPrices)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := v.Data
	if d.Years == nil {
		d.Years = []priceYear{}
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) handleAPIPlaces(w http.ResponseWriter, r *http.Request) {
	rows, err := s.placeRows(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rows)
}

func (s *Server) handleAPIPlace(w http.ResponseWriter, r *http.Request) {
	ps, _, err := s.placeSummary(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ps)
}

func (s *Server) handleAPIAgencies(w http.ResponseWriter, r *http.Request) {
	rows, err := s.agencyRows(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rows)
}

func (s *Server) handleAPIAgency(w http.ResponseWriter, r *http.Request) {
	ps, _, err := s.agencySummary(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ps)
}
