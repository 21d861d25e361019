package web

import (
	"net/http"

	"casebook/auth"
)

// routes lists every page and API route with the permission it needs. A
// route without need() is public: only login, static files and health.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	page := func(pattern, perm string, h http.HandlerFunc) { mux.Handle(pattern, s.need(perm, false, h)) }
	api := func(pattern, perm string, h http.HandlerFunc) { mux.Handle(pattern, s.need(perm, true, h)) }

	mux.Handle("GET /static/", cacheStatic(staticFiles()))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	mux.HandleFunc("GET /login", s.handleLoginForm)
	mux.HandleFunc("POST /login", s.handleLogin)
	mux.HandleFunc("POST /logout", s.handleLogout)

	page("GET /{$}", auth.PermRead, s.handleHome)
	page("GET /reports", auth.PermRead, s.handleReportList)
	page("POST /reports", auth.PermIngest, s.handleUpload)
	page("GET /reports/{id}", auth.PermRead, s.handleReportView)
	page("POST /reports/{id}/facts", auth.PermReview, s.handleFactAdd)
	page("POST /facts/{id}/review", auth.PermReview, s.handleFactReview)
	page("GET /events", auth.PermRead, s.handleEventList)
	page("GET /map", auth.PermRead, s.handleMap)
	page("GET /timeline", auth.PermRead, s.handleTimeline)
	page("GET /prices", auth.PermRead, s.handlePrices)
	page("GET /places", auth.PermRead, s.handlePlaceList)
	page("GET /places/{id}", auth.PermRead, s.handlePlaceView)
	page("GET /agencies", auth.PermRead, s.handleAgencyList)
	page("GET /agencies/{id}", auth.PermRead, s.handleAgencyView)
	page("GET /export", auth.PermRead, s.handleExport)

	mux.HandleFunc("GET /api/v1/openapi.json", s.handleOpenAPI)
	mux.HandleFunc("POST /api/v1/login", s.handleAPILogin)
	mux.HandleFunc("POST /api/v1/logout", s.handleLogout)
	api("GET /api/v1/me", auth.PermRead, s.handleAPIMe)
	api("GET /api/v1/reports", auth.PermRead, s.handleAPIReports)
	api("POST /api/v1/reports", auth.PermIngest, s.handleAPIUpload)
	api("GET /api/v1/reports/{id}", auth.PermRead, s.handleAPIReport)
	api("GET /api/v1/reports/{id}/facts", auth.PermRead, s.handleAPIReportFacts)
	api("POST /api/v1/reports/{id}/facts", auth.PermReview, s.handleAPIFactAdd)
	api("GET /api/v1/facts/{id}", auth.PermRead, s.handleAPIFact)
	api("POST /api/v1/facts/{id}/review", auth.PermReview, s.handleAPIFactReview)
	api("GET /api/v1/events", auth.PermRead, s.handleAPIEvents)
	api("GET /api/v1/map", auth.PermRead, s.handleAPIMap)
	api("GET /api/v1/timeline", auth.PermRead, s.handleAPITimeline)
	api("GET /api/v1/prices", auth.PermRead, s.handleAPIPrices)
	api("GET /api/v1/places", auth.PermRead, s.handleAPIPlaces)
	api("GET /api/v1/places/{id}", auth.PermRead, s.handleAPIPlace)
	api("GET /api/v1/agencies", auth.PermRead, s.handleAPIAgencies)
	api("GET /api/v1/agencies/{id}", auth.PermRead, s.handleAPIAgency)
	api("GET /api/v1/export", auth.PermRead, s.handleExport)
	mux.Handle("/api/", s.need(auth.PermRead, true, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.apiNotFound(w, r)
	})))
	return mux
}

// cacheStatic lets browsers keep the embedded assets for an hour; they change
// only with the binary.
func cacheStatic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}
