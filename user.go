package casebook

import "time"

// Roles, from most to least trusted.
const (
	RoleAdmin   = "admin"   // users, sources, everything
	RoleAnalyst = "analyst" // ingest, review, sees sources' pseudonyms
	RoleViewer  = "viewer"  // confirmed facts and reports only, redacted
)

// User is an account.
type User struct {
	ID           int64     `json:"id"`
	Name         string    `json:"name"`
	Role         string    `json:"role"`
	PasswordHash string    `json:"-"` // argon2id, PHC string
	CreatedAt    time.Time `json:"created_at"`
}

// Session is a logged-in browser. TokenHash is the SHA-256 of the cookie value,
// so a stolen database does not yield live sessions.
type Session struct {
	TokenHash string
	UserID    int64
	CreatedAt time.Time
	ExpiresAt time.Time
}

// ValidRole reports whether role is one of the three roles.
func ValidRole(role string) bool {
	switch role {
	case RoleAdmin, RoleAnalyst, RoleViewer:
		return true
	}
	return false
}

// Check reports whether u can be stored: it has a name and a known role.
func (u *User) Check() error {
	if u.Name == "" {
		return Errorf(EINVALID, "a user needs a name")
	}
	if !ValidRole(u.Role) {
		return Errorf(EINVALID, "unknown role %q", u.Role)
	}
	return nil
}
