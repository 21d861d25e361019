package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"casebook"
)

// CreateUser adds an account; a taken name is ECONFLICT.
func (s *Store) CreateUser(ctx context.Context, u *casebook.User) error {
	if err := u.Check(); err != nil {
		return err
	}
	if u.CreatedAt.IsZero() {
		u.CreatedAt = s.clock()
	}
	u.CreatedAt = u.CreatedAt.UTC().Truncate(time.Microsecond)
	err := s.pool.QueryRow(ctx, `INSERT INTO users (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (name) DO NOTHING RETURNING id`, u.Name, u.Role, u.PasswordHash, u.CreatedAt).Scan(&u.ID)
	if errors.Is(err, pgx.ErrNoRows) {
		return casebook.Errorf(casebook.ECONFLICT, "user %q already exists", u.Name)
	}
	if err != nil {
		return fmt.Errorf("postgres: create user %q: %w", u.Name, err)
	}
	return nil
}

const userCols = `id, name, role, password_hash, created_at`

func scanUser(row pgx.Row) (*casebook.User, error) {
	u := &casebook.User{}
	if err := row.Scan(&u.ID, &u.Name, &u.Role, &u.PasswordHash, &u.CreatedAt); err != nil {
		return nil, err
	}
	u.CreatedAt = utc(u.CreatedAt)
	return u, nil
}

// FindUserByID returns one account.
func (s *Store) FindUserByID(ctx context.Context, id int64) (*casebook.User, error) {
	u, err := scanUser(s.pool.QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound("user", id)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: find user %d: %w", id, err)
	}
	return u, nil
}

// FindUserByName returns the account with this name.
func (s *Store) FindUserByName(ctx context.Context, name string) (*casebook.User, error) {
	u, err := scanUser(s.pool.QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE name = $1`, name))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, casebook.Errorf(casebook.ENOTFOUND, "user %q not found", name)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: find user %q: %w", name, err)
	}
	return u, nil
}

// FindUsers returns every account by name.
func (s *Store) FindUsers(ctx context.Context) ([]casebook.User, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+userCols+` FROM users ORDER BY name COLLATE "C"`)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (casebook.User, error) {
		u, err := scanUser(row)
		if err != nil {
			return casebook.User{}, err
		}
		return *u, nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: find users: %w", err)
	}
	return out, nil
}

// UpdateUser saves u's name, role and password hash.
func (s *Store) UpdateUser(ctx context.Context, u *casebook.User) error {
	if err := u.Check(); err != nil {
		return err
	}
	tag, err := s.pool.Exec(ctx, `UPDATE users SET name = $1, role = $2, password_hash = $3 WHERE id = $4`, u.Name, u.Role, u.PasswordHash, u.ID)
	if isUnique(err) {
		return casebook.Errorf(casebook.ECONFLICT, "user %q already exists", u.Name)
	}
	if err != nil {
		return fmt.Errorf("postgres: update user %d: %w", u.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return notFound("user", u.ID)
	}
	return nil
}

// DeleteUser removes an account and its sessions.
func (s *Store) DeleteUser(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM users WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("postgres: delete user %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return notFound("user", id)
	}
	return nil
}

// CreateSession stores a session of an existing user.
func (s *Store) CreateSession(ctx context.Context, sess *casebook.Session) error {
	if sess.TokenHash == "" {
		return casebook.Errorf(casebook.EINVALID, "a session needs a token hash")
	}
	if sess.CreatedAt.IsZero() {
		sess.CreatedAt = s.clock()
	}
	// The user check and the insert are one statement, so a user deleted
	// meanwhile cannot leave an orphan session behind.
	tag, err := s.pool.Exec(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
		SELECT $1, id, $3, $4 FROM users WHERE id = $2 ON CONFLICT DO NOTHING`,
		sess.TokenHash, sess.UserID, sess.CreatedAt.UTC().Truncate(time.Microsecond), sess.ExpiresAt.UTC().Truncate(time.Microsecond))
	if err != nil {
		return fmt.Errorf("postgres: create session: %w", err)
	}
	if tag.RowsAffected() == 0 {
		if _, err := s.FindUserByID(ctx, sess.UserID); err != nil {
			return err
		}
		return casebook.Errorf(casebook.ECONFLICT, "session already exists")
	}
	return nil
}

// FindSession returns the session with this token hash, expired or not: the
// caller compares ExpiresAt with its own clock.
func (s *Store) FindSession(ctx context.Context, tokenHash string) (*casebook.Session, error) {
	sess := &casebook.Session{}
	err := s.pool.QueryRow(ctx, `SELECT token_hash, user_id, created_at, expires_at FROM sessions WHERE token_hash = $1`, tokenHash).
		Scan(&sess.TokenHash, &sess.UserID, &sess.CreatedAt, &sess.ExpiresAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, casebook.Errorf(casebook.ENOTFOUND, "session not found")
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: find session: %w", err)
	}
	sess.CreatedAt, sess.ExpiresAt = utc(sess.CreatedAt), utc(sess.ExpiresAt)
	return sess, nil
}

// DeleteSession removes a session; removing one that is gone is not an error.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash); err != nil {
		return fmt.Errorf("postgres: delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions removes every session of a user.
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
		return fmt.Errorf("postgres: delete sessions of user %d: %w", userID, err)
	}
	return nil
}
