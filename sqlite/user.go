package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

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
	err := s.w.QueryRowContext(ctx, `INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (name) DO NOTHING RETURNING id`, u.Name, u.Role, u.PasswordHash, micro(u.CreatedAt)).Scan(&u.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return casebook.Errorf(casebook.ECONFLICT, "user %q already exists", u.Name)
	}
	if err != nil {
		return fmt.Errorf("sqlite: create user %q: %w", u.Name, err)
	}
	return nil
}

const userCols = `id, name, role, password_hash, created_at`

func scanUser(row scanner) (*casebook.User, error) {
	u := &casebook.User{}
	var created sql.NullInt64
	if err := row.Scan(&u.ID, &u.Name, &u.Role, &u.PasswordHash, &created); err != nil {
		return nil, err
	}
	u.CreatedAt = fromMicro(created)
	return u, nil
}

// FindUserByID returns one account.
func (s *Store) FindUserByID(ctx context.Context, id int64) (*casebook.User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("user", id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: find user %d: %w", id, err)
	}
	return u, nil
}

// FindUserByName returns the account with this name.
func (s *Store) FindUserByName(ctx context.Context, name string) (*casebook.User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE name = ?`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, casebook.Errorf(casebook.ENOTFOUND, "user %q not found", name)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: find user %q: %w", name, err)
	}
	return u, nil
}

// FindUsers returns every account by name.
func (s *Store) FindUsers(ctx context.Context) ([]casebook.User, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+userCols+` FROM users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find users: %w", err)
	}
	defer rows.Close()
	var out []casebook.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: find users: %w", err)
		}
		out = append(out, *u)
	}
	return out, rows.Err()
}

// UpdateUser saves u's name, role and password hash.
func (s *Store) UpdateUser(ctx context.Context, u *casebook.User) error {
	if err := u.Check(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM users WHERE name = ? AND id <> ?`, u.Name, u.ID).Scan(&other)
		if err == nil {
			return casebook.Errorf(casebook.ECONFLICT, "user %q already exists", u.Name)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("sqlite: update user %d: %w", u.ID, err)
		}
		res, err := tx.ExecContext(ctx, `UPDATE users SET name = ?, role = ?, password_hash = ? WHERE id = ?`, u.Name, u.Role, u.PasswordHash, u.ID)
		if err != nil {
			return fmt.Errorf("sqlite: update user %d: %w", u.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("user", u.ID)
		}
		return nil
	})
}

// DeleteUser removes an account and its sessions.
func (s *Store) DeleteUser(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM users WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("sqlite: delete user %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
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
	return s.tx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM users WHERE id = ?`, sess.UserID).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return notFound("user", sess.UserID)
		} else if err != nil {
			return fmt.Errorf("sqlite: create session: %w", err)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			sess.TokenHash, sess.UserID, micro(sess.CreatedAt), micro(sess.ExpiresAt))
		if err != nil {
			return fmt.Errorf("sqlite: create session: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return casebook.Errorf(casebook.ECONFLICT, "session already exists")
		}
		return nil
	})
}

// FindSession returns the session with this token hash, expired or not: the
// caller compares ExpiresAt with its own clock.
func (s *Store) FindSession(ctx context.Context, tokenHash string) (*casebook.Session, error) {
	sess := &casebook.Session{}
	var created, expires sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT token_hash, user_id, created_at, expires_at FROM sessions WHERE token_hash = ?`, tokenHash).
		Scan(&sess.TokenHash, &sess.UserID, &created, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, casebook.Errorf(casebook.ENOTFOUND, "session not found")
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: find session: %w", err)
	}
	sess.CreatedAt, sess.ExpiresAt = fromMicro(created), fromMicro(expires)
	return sess, nil
}

// DeleteSession removes a session; removing one that is gone is not an error
// (logging out twice is fine).
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = ?`, tokenHash); err != nil {
		return fmt.Errorf("sqlite: delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions removes every session of a user.
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID); err != nil {
		return fmt.Errorf("sqlite: delete sessions of user %d: %w", userID, err)
	}
	return nil
}
