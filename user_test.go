package casebook

import "testing"

func TestUserCheck(t *testing.T) {
	tests := []struct {
		name, user, role string
		wantKind         string
	}{
		{"admin", "ana", RoleAdmin, ""},
		{"analyst", "ana", RoleAnalyst, ""},
		{"viewer", "ana", RoleViewer, ""},
		{"no name", "", RoleViewer, EINVALID},
		{"unknown role", "ana", "root", EINVALID},
		{"role in capitals", "ana", "Admin", EINVALID},
		{"role with a space", "ana", "admin ", EINVALID},
		{"no role", "ana", "", EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := &User{Name: tt.user, Role: tt.role}
			if got := ErrorKind(u.Check()); got != tt.wantKind {
				t.Errorf("Check() kind = %q, want %q", got, tt.wantKind)
			}
		})
	}
}
