package casebook

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf8"
)

// Report is one published report, kept exactly as received. Its identity is the
// SHA-256 of its original bytes: a report ingested twice is one report.
type Report struct {
	ID        int64     `json:"id"`
	SHA256    string    `json:"sha256"` // hex of the original bytes
	Original  []byte    `json:"-"`      // the bytes as received, never changed
	MediaType string    `json:"media_type"`
	FileName  string    `json:"file_name,omitempty"`
	Title     string    `json:"title"`
	Outlet    string    `json:"outlet,omitempty"`
	URL       string    `json:"url,omitempty"`
	Author    string    `json:"author,omitempty"`    // author and/or translator when known
	Published string    `json:"published,omitempty"` // ISO date, empty when unknown
	Language  string    `json:"language"`            // en, ko
	Text      string    `json:"text"`                // plain text facts' spans point into
	SourceID  int64     `json:"source_id,omitempty"` // protected source record, 0 when none
	CreatedAt time.Time `json:"created_at"`
	CreatedBy string    `json:"created_by,omitempty"`
}

// ReportFilter selects reports for search. Zero fields do not filter.
type ReportFilter struct {
	Query         string   // full text: Latin-script words (the last a prefix), Korean substrings
	PlaceID       string   // a province also finds its cities and counties
	Agency        string   // agency code
	EventType     string   // reports with at least one such event
	Date          Interval // events whose interval overlaps this one (either end may be empty)
	MinUSD        float64  // an event or money amount at least this
	MaxUSD        float64  // an event or money amount at most this (0: no limit)
	Language      string
	State         string // reports with at least one fact in this review state
	ConfirmedOnly bool   // only reports with at least one confirmed or corrected fact (viewer role)
	Offset        int
	Limit         int // 0: a default page
	// CountLimit caps the count of matches: when more than CountLimit
	// reports match, the total returned is CountLimit+1, meaning "more than
	// CountLimit". 0 counts every match (exactly, and more slowly).
	CountLimit int
}

// ReportHit is one search result: the report, its rank and a snippet of the text
// around the match.
type ReportHit struct {
	Report  *Report `json:"report"`
	Rank    float64 `json:"rank"`
	Snippet string  `json:"snippet"`
}

// Check validates r before it is stored and sets its SHA256 from the
// original bytes (a given SHA256 must match them) and a default media type.
func (r *Report) Check() error {
	if len(r.Original) == 0 {
		return Errorf(EINVALID, "report has no original bytes")
	}
	if !utf8.ValidString(r.Text) {
		return Errorf(EINVALID, "report text is not valid UTF-8")
	}
	if strings.IndexByte(r.Text, 0) >= 0 || strings.IndexByte(r.Title, 0) >= 0 {
		// PostgreSQL text cannot hold NUL; every store refuses it alike.
		return Errorf(EINVALID, "report text contains NUL bytes")
	}
	sum := sha256.Sum256(r.Original)
	sha := hex.EncodeToString(sum[:])
	if r.SHA256 != "" && !strings.EqualFold(r.SHA256, sha) {
		return Errorf(EINVALID, "report SHA-256 %s does not match its original bytes (%s)", r.SHA256, sha)
	}
	r.SHA256 = sha
	if r.MediaType == "" {
		r.MediaType = "text/plain"
	}
	return nil
}
