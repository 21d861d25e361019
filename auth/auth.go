// Package auth protects people: password hashing, session tokens, login rate
// limiting, role permissions, and the sealing of source records with a key
// kept outside the database.
package auth

import (
	"casebook"
)

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

// Can reports whether role has permission perm. Unknown roles and unknown
// permissions get nothing, so a typo fails closed.
//
//	                viewer  analyst  admin
//	read              ✓       ✓       ✓
//	read_machine              ✓       ✓   (also: exports need not be redacted)
//	ingest                    ✓       ✓
//	review                    ✓       ✓
//	source_name               ✓       ✓
//	source_full                       ✓
//	export_full                       ✓   (exports with source records)
//	users                             ✓
//	audit                             ✓
func Can(role, perm string) bool {
	switch role {
	case casebook.RoleAdmin:
		switch perm {
		case PermRead, PermReadMachine, PermIngest, PermReview, PermSourceName,
			PermSourceFull, PermExportFull, PermUsers, PermAudit:
			return true
		}
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
