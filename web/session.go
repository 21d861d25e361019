package web

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"casebook"
	"casebook/audit"
	"casebook/auth"
)

// cookieName is the session cookie's name; with TLS it takes the __Host-
// prefix so no subdomain or plain-HTTP page can set it.
func (s *Server) cookieName() string {
	if s.cfg.Secure {
		return "__Host-casebook"
	}
	return "casebook"
}

// tokenHash is what the store keeps of a token (auth.TokenHash): a stolen
// database yields no live sessions.
func tokenHash(token string) string { return auth.TokenHash(token) }

func (s *Server) sessionUser(r *http.Request) *casebook.User {
	c, err := r.Cookie(s.cookieName())
	if err != nil || c.Value == "" || len(c.Value) > 100 {
		return nil
	}
	sess, err := s.store.FindSession(r.Context(), tokenHash(c.Value))
	if err != nil {
		if casebook.ErrorKind(err) != casebook.ENOTFOUND {
			s.log.Error("find session", "request_id", requestID(r.Context()), "err", err)
		}
		return nil
	}
	if !sess.ExpiresAt.IsZero() && !s.now().Before(sess.ExpiresAt) {
		return nil
	}
	u, err := s.store.FindUserByID(r.Context(), sess.UserID)
	if err != nil {
		return nil
	}
	return u
}

// startSession makes a new session for u, dropping the one the browser came
// with, so a token planted before login (fixation) is worth nothing after it.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, u *casebook.User) error {
	if c, err := r.Cookie(s.cookieName()); err == nil && c.Value != "" {
		s.store.DeleteSession(r.Context(), tokenHash(c.Value))
	}
	token, err := auth.NewToken()
	if err != nil {
		return fmt.Errorf("new session token: %w", err)
	}
	hash := tokenHash(token)
	now := s.now()
	sess := &casebook.Session{TokenHash: hash, UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(s.cfg.SessionTTL)}
	if err := s.store.CreateSession(r.Context(), sess); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{
		Name: s.cookieName(), Value: token, Path: "/", HttpOnly: true, Secure: s.cfg.Secure || r.TLS != nil,
		SameSite: http.SameSiteLaxMode, MaxAge: int(s.cfg.SessionTTL.Seconds()),
	})
	return nil
}

func (s *Server) endSession(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(s.cookieName()); err == nil && c.Value != "" {
		if err := s.store.DeleteSession(r.Context(), tokenHash(c.Value)); err != nil && casebook.ErrorKind(err) != casebook.ENOTFOUND {
			s.log.Error("delete session", "request_id", requestID(r.Context()), "err", err)
		}
	}
	http.SetCookie(w, &http.Cookie{Name: s.cookieName(), Value: "", Path: "/", HttpOnly: true, Secure: s.cfg.Secure,
		SameSite: http.SameSiteLaxMode, MaxAge: -1})
}

// checkLogin verifies a name and password, spending the same time on an
// unknown name as on a wrong password.
func (s *Server) checkLogin(r *http.Request, name, password string) (*casebook.User, error) {
	ip := clientIP(r)
	if wait := s.limiter.Allow(name, ip); wait > 0 {
		s.audit(r, name, audit.ActionLoginFailed, "user:"+name, "rate limited")
		return nil, casebook.Errorf(casebook.ERATELIMITED, "too many failed logins; try again in %s", wait.Round(time.Second))
	}
	u, err := s.store.FindUserByName(r.Context(), name)
	if err != nil && casebook.ErrorKind(err) != casebook.ENOTFOUND {
		return nil, err
	}
	if u == nil {
		auth.CheckPassword(auth.DummyHash(), password)
	} else if auth.CheckPassword(u.PasswordHash, password) {
		s.limiter.Succeed(name, ip)
		s.audit(r, u.Name, audit.ActionLogin, "user:"+u.Name, "")
		return u, nil
	}
	s.limiter.Fail(name, ip)
	s.audit(r, name, audit.ActionLoginFailed, "user:"+name, "")
	return nil, casebook.Errorf(casebook.EUNAUTHORIZED, "wrong name or password")
}

// clientIP is the peer address; X-Forwarded-For is not trusted, since no
// proxy is configured.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// safeNext keeps a post-login redirect on this site.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	if u, err := url.Parse(next); err != nil || u.Host != "" || u.Scheme != "" {
		return "/"
	}
	return next
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) {
	if userOf(r) != nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.renderPage(w, r, "login", "Log in", map[string]any{"Next": safeNext(r.URL.Query().Get("next"))})
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
	name := strings.TrimSpace(r.PostFormValue("name"))
	next := safeNext(r.PostFormValue("next"))
	u, err := s.checkLogin(r, name, r.PostFormValue("password"))
	if err != nil {
		kind := casebook.ErrorKind(err)
		if kind == casebook.EUNAUTHORIZED || kind == casebook.ERATELIMITED {
			if kind == casebook.ERATELIMITED {
				w.Header().Set("Retry-After", "60")
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(statusOf(kind))
			s.pages.render(w, r, "login", s.pageData(r, "Log in", map[string]any{
				"Next": next, "Name": name, "Error": casebook.ErrorMessage(err)}))
			return
		}
		s.fail(w, r, err)
		return
	}
	if err := s.startSession(w, r, u); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if u := userOf(r); u != nil {
		s.audit(r, u.Name, audit.ActionLogout, "user:"+u.Name, "")
	}
	s.endSession(w, r)
	if isAPI(r) {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (s *Server) handleAPILogin(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Name     string `json:"name"`
		Password string `json:"password"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&in); err != nil {
		s.fail(w, r, casebook.Errorf(casebook.EINVALID, "body must be JSON {name, password}"))
		return
	}
	u, err := s.checkLogin(r, strings.TrimSpace(in.Name), in.Password)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.startSession(w, r, u); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, u)
}

func (s *Server) handleAPIMe(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, userOf(r))
}

// audit appends to the hash-chained log; a failure is logged, never shown,
// and never stops the user's action, which has already happened.
func (s *Server) audit(r *http.Request, actor, action, object, detail string) {
	if actor == "" {
		actor = "anonymous"
	}
	// RecordAt makes each field one bounded line: a typed login name can
	// neither forge log lines nor fill the log.
	if err := audit.RecordAt(r.Context(), s.store, s.now(), actor, action, object, detail); err != nil {
		s.log.Error("append audit", "request_id", requestID(r.Context()), "action", action, "err", err)
	}
}
