package web

import (
	"casebook/internal/index"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"casebook"
	"casebook/audit"
	"casebook/auth"
	"casebook/export"
)

// facetOption is one choice of a filter, with the number of events behind it.
type facetOption struct {
	Value, Label string
	Count        int
}

type facets struct {
	Places, Agencies, Types, Years, States []facetOption
}

// filterView is what the shared filter form needs.
type filterView struct {
	Filter    filter
	Action    string
	Facets    facets
	YearValue string
}

// uploadResult is the outcome of one uploaded file.
type uploadResult struct {
	Name     string `json:"name"`
	ReportID int64  `json:"report_id,omitempty"`
	Created  bool   `json:"created"`
	Error    string `json:"error,omitempty"`
}

func canMachine(u *casebook.User) bool { return u != nil && auth.Can(u.Role, auth.PermReadMachine) }

// facetsFor counts, for each filter dimension, the events each choice would
// select with the other filters kept: the counts say what a click will find.
func (s *Server) facetsFor(ctx context.Context, f filter, u *casebook.User) (facets, error) {
	var fc facets
	snap, err := s.events.get(ctx)
	if err != nil {
		return fc, err
	}
	// With a text search the counts would need every matching report's id
	// (thousands of search hits): the choices are offered without counts.
	if f.Q != "" || f.Lang != "" {
		return plainFacets(f, canMachine(u)), nil
	}
	machine := canMachine(u)
	c := snap.compile(f, machine, nil)
	ids := places.list()
	byPlace, byProvince := make([]int, len(ids)), make([]int, len(ids))
	placeNames := map[string]string{}
	var byAgency, byState [8]int
	var byType [16]int
	byYear := map[int]int{}
	years := make([]int, 3000)
	// One pass: a row counts for a dimension's choices when it misses no
	// filter but, perhaps, that dimension's own.
	for i := range snap.hot {
		row := &snap.hot[i]
		m := row.misses(&c)
		if m&missOther != 0 || m&(m-1) != 0 {
			continue // fails a fixed filter, or two dimensions
		}
		if (m == 0 || m == missPlace) && row.pi >= 0 {
			byPlace[row.pi]++
			if row.prov != row.pi && row.prov >= 0 {
				byProvince[row.prov]++
			}
		}
		if (m == 0 || m == missAgency) && row.ai >= 0 {
			byAgency[row.ai]++
		}
		if (m == 0 || m == missType) && row.ti >= 0 {
			byType[row.ti]++
		}
		if (m == 0 || m == missYear) && row.year > 0 && int(row.year) < len(years) {
			years[row.year]++
		}
		if machine && (m == 0 || m == missState) && row.si >= 0 {
			byState[row.si]++
		}
	}
	for y, n := range years {
		if n > 0 {
			byYear[y] = n
		}
	}
	countOf := func(id string) (int, int) {
		if i, ok := places.idx0(id); ok && int(i) < len(ids) {
			return byPlace[i], byProvince[i]
		}
		return 0, 0
	}
	for i, n := range byPlace {
		if n > 0 {
			placeNames[ids[i]] = placeLabel(ids[i])
		}
	}
	for _, p := range firstLevelUnits() {
		a, b := countOf(p.ID)
		fc.Places = append(fc.Places, facetOption{p.ID, p.Name, a + b})
	}
	var others []facetOption
	for i, n := range byPlace {
		if id := ids[i]; n > 0 && !isFirstLevel(id) {
			others = append(others, facetOption{id, "· " + placeNames[id], n})
		}
	}
	sort.Slice(others, func(i, j int) bool {
		if others[i].Count != others[j].Count {
			return others[i].Count > others[j].Count
		}
		return others[i].Value < others[j].Value
	})
	if len(others) > 60 {
		others = others[:60]
	}
	if a, _ := countOf(f.Place); f.Place != "" && !isFirstLevel(f.Place) && a == 0 {
		others = append(others, facetOption{f.Place, "· " + placeLabel(f.Place), 0})
	}
	fc.Places = append(fc.Places, others...)
	for i, a := range agencyCodes {
		fc.Agencies = append(fc.Agencies, facetOption{a, a + " – " + casebook.AgencyNames[a], byAgency[i]})
	}
	for i, t := range casebook.EventTypes {
		fc.Types = append(fc.Types, facetOption{t, label(t), byType[i]})
	}
	years = years[:0]
	for y := range byYear {
		years = append(years, y)
	}
	if f.Year > 0 && byYear[f.Year] == 0 {
		years = append(years, f.Year)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(years)))
	for _, y := range years {
		fc.Years = append(fc.Years, facetOption{strconv.Itoa(y), strconv.Itoa(y), byYear[y]})
	}
	if machine {
		for i, st := range stateCodes {
			fc.States = append(fc.States, facetOption{st, label(st), byState[i]})
		}
	}
	return fc, nil
}

// plainFacets offers every choice without counts.
func plainFacets(f filter, machine bool) facets {
	var fc facets
	for _, p := range firstLevelUnits() {
		fc.Places = append(fc.Places, facetOption{Value: p.ID, Label: p.Name})
	}
	if f.Place != "" && !isFirstLevel(f.Place) {
		fc.Places = append(fc.Places, facetOption{Value: f.Place, Label: "· " + placeLabel(f.Place)})
	}
	for _, a := range []string{casebook.AgencyMSS, casebook.AgencyMPS, casebook.AgencyWPK, casebook.AgencyKPA, casebook.AgencyProsecution, casebook.AgencyOther} {
		fc.Agencies = append(fc.Agencies, facetOption{Value: a, Label: a + " – " + casebook.AgencyNames[a]})
	}
	for _, t := range casebook.EventTypes {
		fc.Types = append(fc.Types, facetOption{Value: t, Label: label(t)})
	}
	for y := time.Now().Year(); y >= 2000; y-- {
		fc.Years = append(fc.Years, facetOption{Value: strconv.Itoa(y), Label: strconv.Itoa(y)})
	}
	if machine {
		for _, st := range []string{casebook.StateMachine, casebook.StateConfirmed, casebook.StateCorrected, casebook.StateRejected} {
			fc.States = append(fc.States, facetOption{Value: st, Label: label(st)})
		}
	}
	return fc
}

func (s *Server) filterView(ctx context.Context, f filter, u *casebook.User, action string) (filterView, error) {
	gen, err := s.events.generation(ctx)
	if err != nil {
		return filterView{}, err
	}
	key := fmt.Sprintf("facets|%t|%s", canMachine(u), f.With("page", ""))
	fc, err := view(s.views, key, gen, func() (facets, error) { return s.facetsFor(ctx, f, u) })
	fv := filterView{Filter: f, Action: action, Facets: fc}
	if f.Year > 0 {
		fv.YearValue = strconv.Itoa(f.Year)
	}
	return fv, err
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) { s.handleReportList(w, r) }

// searchReports runs the report search for f as u may see it.
func (s *Server) searchReports(ctx context.Context, f filter, u *casebook.User) ([]casebook.ReportHit, int, error) {
	f = f.restrict(u)
	if f.State == "-" {
		return nil, 0, nil
	}
	rf := f.reportFilter(u)
	// Count up to a cap past this page: exact counts of broad searches cost
	// more than the page; total > rf.CountLimit then means "more than".
	rf.CountLimit = max(countCap, rf.Offset+rf.Limit)
	gen, err := s.events.generation(ctx)
	if err != nil {
		return nil, 0, err
	}
	key := fmt.Sprintf("%t|%d|%s", rf.ConfirmedOnly, f.Page, f.Encode())
	hits, total, ok := s.results.get(key, gen)
	if !ok {
		hits, total, err = s.store.FindReports(ctx, rf)
		if err != nil {
			return nil, 0, err
		}
		s.results.put(key, gen, hits, total)
	}
	// Mask after the cache as well as after the store: the cache holds what an
	// analyst may see, and every copy a viewer gets must be masked.
	if !canMachine(u) {
		hits, total = maskHits(hits, total, rf.Query)
	}
	return hits, total, nil
}

// maskHits masks personal names in hits for a role that may not read them,
// and drops hits the query matched only inside a masked name, so a search
// cannot be used to test whether a person appears in a report.
func maskHits(hits []casebook.ReportHit, total int, query string) ([]casebook.ReportHit, int) {
	terms := index.Terms(query)
	kept := hits[:0]
	for _, h := range hits {
		h.Report = redactReport(h.Report)
		h.Snippet = export.Redact(h.Snippet)
		visible := strings.ToLower(h.Report.Title + "\n" + h.Report.Text)
		matched := true
		for _, t := range terms {
			if !strings.Contains(visible, strings.ToLower(t)) {
				matched = false
				break
			}
		}
		if !matched {
			total--
			continue
		}
		kept = append(kept, h)
	}
	return kept, max(total, len(kept))
}

func (s *Server) handleReportList(w http.ResponseWriter, r *http.Request) {
	s.reportList(w, r, nil)
}

func (s *Server) reportList(w http.ResponseWriter, r *http.Request, uploaded []uploadResult) {
	u := userOf(r)
	f, err := parseFilter(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	hits, total, err := s.searchReports(r.Context(), f, u)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fv, err := s.filterView(r.Context(), f, u, "/reports")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	more := total > countLimit(f)
	if more {
		total--
	}
	pages := (total + pageSize - 1) / pageSize
	if more {
		pages = max(pages, f.Page+1)
	}
	s.renderPage(w, r, "reports", "Reports", map[string]any{
		"Filter": f, "FilterView": fv, "Hits": hits, "Total": total, "More": more, "Page": f.Page, "Pages": pages,
		"First": (f.Page-1)*pageSize + 1, "Uploaded": uploaded,
	})
}

// ingestFormats are the file endings the ingest package reads.
var ingestFormats = map[string]bool{".txt": true, ".md": true, ".html": true, ".htm": true, ".pdf": true, ".jsonl": true}

// receiveUploads reads each uploaded file (bounded by MaxUpload) and hands
// it to the ingester, one result per file.
func (s *Server) receiveUploads(w http.ResponseWriter, r *http.Request) ([]uploadResult, error) {
	if s.cfg.Ingester == nil {
		return nil, casebook.Errorf(casebook.ENOTIMPLEMENTED, "uploads are not available: no ingester configured")
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			return nil, casebook.Errorf(casebook.ETOOLARGE, "upload is larger than %d MiB", s.cfg.MaxUpload>>20)
		}
		return nil, casebook.Errorf(casebook.EINVALID, "upload must be a multipart form with files in field \"file\"")
	}
	defer r.MultipartForm.RemoveAll()
	files := r.MultipartForm.File["file"]
	if len(files) == 0 {
		return nil, casebook.Errorf(casebook.EINVALID, "no file was uploaded")
	}
	u := userOf(r)
	var out []uploadResult
	for _, fh := range files {
		out = append(out, s.ingestOne(r, fh, u)...)
	}
	// A few new reports are patched into the events; many are reloaded.
	var added []int64
	for _, res := range out {
		if res.Created {
			added = append(added, res.ReportID)
		}
	}
	if len(added) > 20 {
		s.events.invalidate()
	} else {
		for _, id := range added {
			s.events.patch(r.Context(), id)
		}
	}
	return out, nil
}

func (s *Server) ingestOne(r *http.Request, fh *multipart.FileHeader, u *casebook.User) []uploadResult {
	// Only the base name is kept: a name is a label, never a path.
	name := filepath.Base(strings.ReplaceAll(fh.Filename, "\\", "/"))
	if name == "." || name == "/" || name == "" {
		name = "upload"
	}
	fail := func(err error) []uploadResult {
		if casebook.ErrorKind(err) == casebook.EINTERNAL {
			s.log.Error("ingest upload", "request_id", requestID(r.Context()), "err", err)
		}
		s.audit(r, u.Name, audit.ActionIngest, "upload", "failed: "+casebook.ErrorMessage(err))
		return []uploadResult{{Name: name, Error: casebook.ErrorMessage(err)}}
	}
	if !ingestFormats[strings.ToLower(filepath.Ext(name))] {
		return []uploadResult{{Name: name, Error: "not a format casebook reads (txt, md, html, pdf, jsonl)"}}
	}
	data, err := readPart(fh)
	if err != nil {
		return fail(err)
	}
	got, err := s.cfg.Ingester.IngestFile(r.Context(), name, data, u.Name)
	if err != nil {
		return fail(err)
	}
	var out []uploadResult
	for _, g := range got {
		res := uploadResult{Name: filepath.Base(g.Name), ReportID: g.ReportID, Created: g.Created}
		if g.Err != nil {
			res.Error = casebook.ErrorMessage(g.Err)
			if casebook.ErrorKind(g.Err) == casebook.EINTERNAL {
				s.log.Error("ingest upload", "request_id", requestID(r.Context()), "err", g.Err)
			}
			s.audit(r, u.Name, audit.ActionIngest, "upload", "failed: "+res.Error)
		} else {
			detail := "duplicate"
			if g.Created {
				detail = "added"
			}
			s.audit(r, u.Name, audit.ActionIngest, fmt.Sprintf("report:%d", g.ReportID), detail)
		}
		out = append(out, res)
	}
	return out
}

func readPart(fh *multipart.FileHeader) ([]byte, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, fmt.Errorf("open upload: %w", err)
	}
	defer f.Close()
	return io.ReadAll(f)
}

func (s *Server) handleUpload(w http.ResponseWriter, r *http.Request) {
	res, err := s.receiveUploads(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(res) == 1 && res[0].Error == "" {
		http.Redirect(w, r, fmt.Sprintf("/reports/%d", res[0].ReportID), http.StatusSeeOther)
		return
	}
	r.URL.RawQuery = ""
	s.reportList(w, r, res)
}

// countCap is how many matches a report search counts at least; past it the
// page says "more than".
const countCap = 1000

// countLimit is the count cap searchReports sets for f's page.
func countLimit(f filter) int { return max(countCap, f.Page*pageSize) }
