package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"casebook"
	"casebook/export"
)

// handleExport downloads the events of the current filter as CSV or GeoJSON
// (JSON too, for the API). What each role may see is export's business
// (export.OptionsFor): a viewer's export is always redacted, and only an
// admin with the source key gets a full one (?full=1).
func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	f, err := parseFilter(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f = f.restrict(u)
	format := r.URL.Query().Get("format")
	ctype := map[string]string{"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json", "json": "application/json"}[format]
	if ctype == "" {
		s.fail(w, r, casebook.Errorf(casebook.EINVALID, "format must be csv, geojson or json"))
		return
	}
	ff := casebook.FactFilter{Kind: casebook.KindEvent, EventType: f.Type, PlaceID: f.Place, Agency: f.Agency}
	if f.Year > 0 {
		y := strconv.Itoa(f.Year)
		ff.Date = casebook.Interval{From: y + "-01-01", To: y + "-12-31"}
	}
	switch {
	case f.State == "-":
		ff.States = []string{"-"}
	case f.State != "":
		ff.States = []string{f.State}
	case !canMachine(u):
		ff.States = []string{casebook.StateConfirmed, casebook.StateCorrected}
	}
	q := r.URL.Query()
	full := q.Get("full") == "1"
	opts, err := export.OptionsFor(u.Role, format, q.Get("redact") == "1", full)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	opts.Actor, opts.Sealer = u.Name, s.cfg.Sealer
	// Written to memory first, so a failure is an error page, not half a file.
	var buf bytes.Buffer
	if err := export.Events(r.Context(), s.store, ff, opts, &buf); err != nil {
		s.fail(w, r, err)
		return
	}
	// export.Events has written the audit entry itself.
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="casebook-events.%s"`, format))
	w.Write(buf.Bytes())
}
