// Package audit records who did what in casebook's hash-chained audit log,
// and verifies that the chain has not been edited, cut or reordered.
//
// Entries name objects by kind and id ("report:42") and never carry source
// fields or report text: the log is read by admins, printed, and kept longer
// than anything it points at.
package audit

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"casebook"
)

// Actions recorded in the log.
const (
	ActionInit         = "init"
	ActionLogin        = "login"
	ActionLoginFailed  = "login_failed"
	ActionLogout       = "logout"
	ActionIngest       = "ingest"
	ActionReview       = "review"
	ActionFactAdd      = "fact_add"
	ActionReextract    = "reextract"
	ActionExport       = "export"
	ActionUserAdd      = "user_add"
	ActionUserPasswd   = "user_passwd"
	ActionUserDel      = "user_del"
	ActionUserRole     = "user_role"
	ActionSourceAdd    = "source_add"
	ActionSourceEdit   = "source_edit"
	ActionSourceView   = "source_view"
	ActionSourceLink   = "source_link"
	ActionVerify       = "verify"
	ActionAuditVerify  = "audit_verify"
	ActionDemoAdmin    = "demo_admin"
	ActionSessionClear = "session_clear"
)

// System is the actor of entries no person caused.
const System = "system"

// maxDetail bounds a detail so that no caller can pour a report's text into
// the log by mistake.
const maxDetail = 500

// Object formats an audit object: kind and id, e.g. Object("report", 42) is
// "report:42".
func Object(kind string, id any) string { return fmt.Sprintf("%s:%v", kind, id) }

// Record appends one entry to st's audit log, stamped now. The store links
// it into the chain. detail is a short summary (a format, a count, a state);
// it is cut to 500 bytes and its line breaks turned to spaces.
func Record(ctx context.Context, st casebook.Store, actor, action, object, detail string) error {
	return RecordAt(ctx, st, time.Now(), actor, action, object, detail)
}

// RecordAt is Record with the time given, for callers with an injected clock.
func RecordAt(ctx context.Context, st casebook.Store, at time.Time, actor, action, object, detail string) error {
	if action == "" {
		return casebook.Errorf(casebook.EINVALID, "audit: an entry needs an action")
	}
	if actor == "" {
		actor = System
	}
	e := &casebook.AuditEntry{
		At:     at.UTC(),
		Actor:  clean(actor, 100),
		Action: clean(action, 50),
		Object: clean(object, 200),
		Detail: clean(detail, maxDetail),
	}
	if err := st.AppendAudit(ctx, e); err != nil {
		return fmt.Errorf("audit %s %s: %w", action, object, err)
	}
	return nil
}

// clean makes s one line of valid UTF-8 at most n bytes long.
func clean(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
