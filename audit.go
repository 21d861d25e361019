package casebook

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"
)

// AuditEntry is one link of the hash-chained audit log. Hash covers PrevHash
// and every other field, so an edited, removed or reordered entry breaks the chain.
type AuditEntry struct {
	Seq      int64     `json:"seq"`
	At       time.Time `json:"at"`
	Actor    string    `json:"actor"`  // user name, or "system"
	Action   string    `json:"action"` // login, login_failed, ingest, review, export, user_add …
	Object   string    `json:"object"` // e.g. "report:42", "fact:7"; never source fields
	Detail   string    `json:"detail,omitempty"`
	PrevHash string    `json:"prev_hash"`
	Hash     string    `json:"hash"`
}

// ChainHash returns the hash that links e into the audit chain: SHA-256 over
// the previous hash and every field but Hash itself, in a fixed encoding.
func (e *AuditEntry) ChainHash() string {
	h := sha256.New()
	fmt.Fprintf(h, "%d\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s",
		e.Seq, e.At.UTC().Format(time.RFC3339Nano), e.Actor, e.Action, e.Object, e.Detail, e.PrevHash)
	return hex.EncodeToString(h.Sum(nil))
}
