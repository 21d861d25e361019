package auth

import (
	"testing"

	"casebook"
)

func TestCan(t *testing.T) {
	perms := []string{PermRead, PermReadMachine, PermIngest, PermReview, PermSourceName,
		PermSourceFull, PermExportFull, PermUsers, PermAudit}
	want := map[string][]string{
		casebook.RoleAdmin:   perms,
		casebook.RoleAnalyst: {PermRead, PermReadMachine, PermIngest, PermReview, PermSourceName},
		casebook.RoleViewer:  {PermRead},
		"":                   nil,
		"Admin":              nil, // roles are exact
		"root":               nil,
	}
	for role, allowed := range want {
		set := map[string]bool{}
		for _, p := range allowed {
			set[p] = true
		}
		for _, p := range append(perms, "", "everything", "READ") {
			if got := Can(role, p); got != set[p] {
				t.Errorf("Can(%q, %q) = %v, want %v", role, p, got, set[p])
			}
		}
	}
}

