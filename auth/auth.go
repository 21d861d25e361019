// Package auth protects people: password hashing, role permissions, and the
// sealing of source records with a key kept outside the database.
package auth

import (
	"casebook"
)

// HashPassword returns an argon2id PHC string for pw.
func HashPassword(pw string) (string, error) {
	return "", casebook.Errorf(casebook.ENOTIMPLEMENTED, "password hashing is not built yet")
}

// CheckPassword reports whether pw matches the PHC hash. It takes the same
// time whether or not the user exists when given a dummy hash.
func CheckPassword(hash, pw string) bool { return false }

// Permissions a route or command needs.
const (
	PermRead        = "read"         // reports and confirmed facts (every role)
	PermReadMachine = "read_machine" // unreviewed and rejected facts
	PermIngest      = "ingest"
	PermReview      = "review"
	PermSourceName  = "source_name" // a source's pseudonym
	PermSourceFull  = "source_full" // every source field; create and edit sources
	PermExportFull  = "export_full" // unredacted exports
	PermUsers       = "users"
	PermAudit       = "audit"
)

// Can reports whether role has permission perm.
func Can(role, perm string) bool {
	switch role {
	case casebook.RoleAdmin:
		return true
	case casebook.RoleAnalyst:
		switch perm {
		case PermRead, PermReadMachine, PermIngest, PermReview, PermSourceName:
			return true
		}
	case casebook.RoleViewer:
		return perm == PermRead
	}
	return false
}

// Sealer encrypts and decrypts source records.
type Sealer struct{}

// Seal encrypts a source's fields for storage.
func (s *Sealer) Seal(src casebook.Source) ([]byte, error) {
	return nil, casebook.Errorf(casebook.ENOTIMPLEMENTED, "source sealing is not built yet")
}

// Open decrypts a sealed source.
func (s *Sealer) Open(sealed []byte) (casebook.Source, error) {
	return casebook.Source{}, casebook.Errorf(casebook.ENOTIMPLEMENTED, "source sealing is not built yet")
}
