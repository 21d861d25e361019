package casebook

import "context"

// Store keeps reports, facts, accounts, sources and the audit log. It is
// implemented by sqlite (the embedded default) and postgres; storetest holds
// the one suite both must pass. Methods return *Error of kind ENOTFOUND for a
// missing record and EINVALID for bad input.
type Store interface {
	// CreateReport stores a report and its machine facts in one transaction.
	// A report whose SHA256 is already stored is not stored again: created is
	// false and r is filled from the stored report.
	CreateReport(ctx context.Context, r *Report, facts []Fact) (created bool, err error)
	FindReportByID(ctx context.Context, id int64) (*Report, error)
	FindReportBySHA256(ctx context.Context, sha string) (*Report, error)
	// FindReports searches reports: ranked, paginated, with snippets, and the
	// total number of matches.
	FindReports(ctx context.Context, f ReportFilter) ([]ReportHit, int, error)
	// ReportHashes calls fn with every report's id, SHA256 and original bytes,
	// for chain-of-custody checks.
	ReportOriginals(ctx context.Context, fn func(id int64, sha string, original []byte) error) error
	// SetReportSource links a report to a source record (0 unlinks).
	SetReportSource(ctx context.Context, reportID, sourceID int64) error

	FindFactByID(ctx context.Context, id int64) (*Fact, error)
	FindFacts(ctx context.Context, f FactFilter) ([]Fact, error)
	// CreateFact adds a fact an analyst found that the extractor missed.
	CreateFact(ctx context.Context, f *Fact) error
	// UpdateFact records a review decision; a correction keeps the machine value.
	UpdateFact(ctx context.Context, id int64, u FactUpdate) (*Fact, error)
	// ReplaceMachineFacts swaps a report's machine-state facts for a newer
	// extractor's; facts an analyst reviewed or added are kept untouched.
	ReplaceMachineFacts(ctx context.Context, reportID int64, facts []Fact) error

	CreateUser(ctx context.Context, u *User) error
	FindUserByID(ctx context.Context, id int64) (*User, error)
	FindUserByName(ctx context.Context, name string) (*User, error)
	FindUsers(ctx context.Context) ([]User, error)
	UpdateUser(ctx context.Context, u *User) error
	DeleteUser(ctx context.Context, id int64) error

	CreateSession(ctx context.Context, s *Session) error
	FindSession(ctx context.Context, tokenHash string) (*Session, error)
	DeleteSession(ctx context.Context, tokenHash string) error
	DeleteUserSessions(ctx context.Context, userID int64) error

	CreateSource(ctx context.Context, s *SealedSource) error
	FindSourceByID(ctx context.Context, id int64) (*SealedSource, error)
	FindSources(ctx context.Context) ([]SealedSource, error)
	UpdateSource(ctx context.Context, s *SealedSource) error

	// AppendAudit links e to the chain: it sets Seq, PrevHash and Hash
	// atomically, so concurrent writers (several processes) never fork it.
	AppendAudit(ctx context.Context, e *AuditEntry) error
	FindAudit(ctx context.Context, afterSeq int64, limit int) ([]AuditEntry, error)

	Close() error
}
