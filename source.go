package casebook

import "time"

// Source is a protected source record: who phoned the report out. Its fields
// are sealed (encrypted) before they reach a store; see package auth.
type Source struct {
	ID          int64  `json:"id"`
	Pseudonym   string `json:"pseudonym"`
	Region      string `json:"region,omitempty"`
	Channel     string `json:"channel,omitempty"`
	Reliability string `json:"reliability,omitempty"` // Admiralty grading A–F
	Credibility int    `json:"credibility,omitempty"` // Admiralty grading 1–6
	Notes       string `json:"notes,omitempty"`
	Contact     string `json:"contact,omitempty"`
}

// SealedSource is a source as stored: only its id and encrypted fields.
type SealedSource struct {
	ID        int64
	Sealed    []byte
	CreatedAt time.Time
}
