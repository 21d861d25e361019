package web

import (
	"encoding/json"
	"net/http"
	"strings"

	"casebook"
)

// statusOf is the one place that maps casebook error kinds to HTTP statuses.
func statusOf(kind string) int {
	switch kind {
	case casebook.ENOTFOUND:
		return http.StatusNotFound
	case casebook.EINVALID:
		return http.StatusBadRequest
	case casebook.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case casebook.EFORBIDDEN:
		return http.StatusForbidden
	case casebook.ECONFLICT:
		return http.StatusConflict
	case casebook.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case casebook.ERATELIMITED:
		return http.StatusTooManyRequests
	case casebook.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	case casebook.ENOTIMPLEMENTED:
		return http.StatusNotImplemented
	}
	return http.StatusInternalServerError
}

// isAPI reports whether r wants JSON rather than a page.
func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// apiError is the JSON body of every API error.
type apiError struct {
	Error     string `json:"error"`
	Kind      string `json:"kind"`
	RequestID string `json:"request_id,omitempty"`
}

// fail answers with err's status and safe message; an unclassified error
// shows as "internal error" and is logged with the request id.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	kind := casebook.ErrorKind(err)
	status := statusOf(kind)
	msg := casebook.ErrorMessage(err)
	id := requestID(r.Context())
	if kind == casebook.EINTERNAL {
		s.log.Error("internal error", "request_id", id, "method", r.Method, "path", r.URL.Path, "err", err)
		msg = "internal error"
	}
	if status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "60")
	}
	if isAPI(r) {
		writeJSON(w, status, apiError{Error: msg, Kind: kind, RequestID: id})
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	s.pages.render(w, r, "error", &pageData{Title: http.StatusText(status), User: userOf(r), Notice: s.noticeText(),
		Data: map[string]any{"Status": status, "Message": msg, "RequestID": id}})
}

func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, casebook.Errorf(casebook.ENOTFOUND, "no such API route"))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}
