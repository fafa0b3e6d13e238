package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"kopuro"
)

// Users, sessions and API tokens. The store never sees a password or a
// token: callers pass the argon2id hash of a password and the SHA-256 hash
// of a token (package auth makes both).

const userCols = `u.id, u.email, u.role, COALESCE(i.code, ''), u.created_at`
const userFrom = ` FROM users u LEFT JOIN institutions i ON i.id = u.institution_id`

func scanUser(sc interface{ Scan(...any) error }, extra ...any) (kopuro.User, error) {
	var u kopuro.User
	var created int64
	err := sc.Scan(append([]any{&u.ID, &u.Email, &u.Role, &u.Institution, &created}, extra...)...)
	u.Created = unixTime(created)
	return u, err
}

// AddUser stores a new user with a password hash and returns it with its
// id. An email already taken is a conflict; an editor's institution must
// exist.
func (db *DB) AddUser(ctx context.Context, u kopuro.User, passwordHash string) (kopuro.User, error) {
	if err := u.Validate(); err != nil {
		return u, err
	}
	if passwordHash == "" {
		return u, errors.New("store: AddUser without a password hash")
	}
	u.Created = db.Now().UTC().Truncate(time.Second)
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, db.q(`SELECT COUNT(*) FROM users WHERE email = ?`), u.Email).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return kopuro.Errorf(kopuro.EConflict, "error.user_exists", "a user with the email %s already exists", u.Email).
				WithArg("Email", u.Email).InField("email")
		}
		var inst any
		if u.Institution != "" {
			var id int64
			err := tx.QueryRowContext(ctx, db.q(`SELECT id FROM institutions WHERE code = ?`), u.Institution).Scan(&id)
			if errors.Is(err, sql.ErrNoRows) {
				return kopuro.Errorf(kopuro.EInvalid, "error.unknown_institution", "unknown institution %q", u.Institution).
					WithArg("Code", u.Institution).InField("institution")
			}
			if err != nil {
				return err
			}
			inst = id
		}
		return tx.QueryRowContext(ctx, db.q(`INSERT INTO users (email, password_hash, role, institution_id, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`),
			u.Email, passwordHash, string(u.Role), inst, u.Created.Unix()).Scan(&u.ID)
	})
	return u, err
}

// Users returns every user by email.
func (db *DB) Users(ctx context.Context) ([]kopuro.User, error) {
	return queryAll(ctx, db, `SELECT `+userCols+userFrom+` ORDER BY u.email`, func(rows *sql.Rows) (kopuro.User, error) {
		return scanUser(rows)
	})
}

// errNoUser is what a lookup by email finds when there is no such user.
func errNoUser(email string) error {
	return kopuro.Errorf(kopuro.ENotFound, "error.user_not_found", "no user with the email %s", email).WithArg("Email", email)
}

// UserByEmail returns the user with email (in any case), or a not-found
// error.
func (db *DB) UserByEmail(ctx context.Context, email string) (kopuro.User, error) {
	u, _, err := db.Credentials(ctx, email)
	return u, err
}

// Credentials returns the user with email and their password hash, for
// signing in; a not-found error when there is none.
func (db *DB) Credentials(ctx context.Context, email string) (kopuro.User, string, error) {
	email = kopuro.NormalizeEmail(email)
	var hash string
	u, err := scanUser(db.sql.QueryRowContext(ctx, db.q(`SELECT `+userCols+`, u.password_hash`+userFrom+` WHERE u.email = ?`), email), &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return u, "", errNoUser(email)
	}
	return u, hash, err
}

// errNoCredential is what a session or token lookup finds for a hash that
// is unknown, expired or revoked; callers treat it as "not signed in".
var errNoCredential = kopuro.Errorf(kopuro.ENotFound, "error.credential_not_found", "no such session or token")

// CreateSession stores a session for user under the token's hash, valid
// for ttl from now, and returns when it expires.
func (db *DB) CreateSession(ctx context.Context, user int64, tokenHash string, ttl time.Duration) (time.Time, error) {
	now := db.Now()
	expires := now.Add(ttl).UTC().Truncate(time.Second)
	_, err := db.sql.ExecContext(ctx, db.q(`INSERT INTO sessions (token_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)`),
		tokenHash, user, expires.Unix(), now.Unix())
	return expires, err
}

// SessionUser returns the user of the unexpired session stored under
// tokenHash, or a not-found error.
func (db *DB) SessionUser(ctx context.Context, tokenHash string) (kopuro.User, error) {
	u, err := scanUser(db.sql.QueryRowContext(ctx, db.q(`SELECT `+userCols+userFrom+`
JOIN sessions s ON s.user_id = u.id WHERE s.token_hash = ? AND s.expires_at > ?`), tokenHash, db.Now().Unix()))
	if errors.Is(err, sql.ErrNoRows) {
		return u, errNoCredential
	}
	return u, err
}

// DeleteSession ends the session stored under tokenHash (signing out); an
// unknown hash is not an error.
func (db *DB) DeleteSession(ctx context.Context, tokenHash string) error {
	_, err := db.sql.ExecContext(ctx, db.q(`DELETE FROM sessions WHERE token_hash = ?`), tokenHash)
	return err
}

// DeleteExpiredSessions removes sessions past their expiry and returns how
// many it removed.
func (db *DB) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	res, err := db.sql.ExecContext(ctx, db.q(`DELETE FROM sessions WHERE expires_at <= ?`), db.Now().Unix())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// APIToken describes a stored API token (never the token itself).
type APIToken struct {
	ID       int64     `json:"id"`
	User     int64     `json:"user"`
	Name     string    `json:"name"`
	Created  time.Time `json:"created"`
	LastUsed time.Time `json:"last_used"` // zero: never used
}

// CreateAPIToken stores a named API token for user under the token's hash.
func (db *DB) CreateAPIToken(ctx context.Context, user int64, name, tokenHash string) (APIToken, error) {
	t := APIToken{User: user, Name: name, Created: db.Now().UTC().Truncate(time.Second)}
	err := db.sql.QueryRowContext(ctx, db.q(`INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?) RETURNING id`),
		tokenHash, user, name, t.Created.Unix()).Scan(&t.ID)
	return t, err
}

// tokenTouchEvery is how stale last_used may get: recording every API call
// would make each read a write.
const tokenTouchEvery = 60

// TokenUser returns the user of the API token stored under tokenHash and
// records that the token was used; a not-found error for an unknown token.
func (db *DB) TokenUser(ctx context.Context, tokenHash string) (kopuro.User, error) {
	var u kopuro.User
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var tokenID, last int64
		var err error
		u, err = scanUser(tx.QueryRowContext(ctx, db.q(`SELECT `+userCols+`, t.id, t.last_used_at`+userFrom+`
JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = ?`), tokenHash), &tokenID, &last)
		if errors.Is(err, sql.ErrNoRows) {
			return errNoCredential
		}
		if err != nil {
			return err
		}
		if now := db.Now().Unix(); now-last >= tokenTouchEvery {
			_, err = tx.ExecContext(ctx, db.q(`UPDATE api_tokens SET last_used_at = ? WHERE id = ?`), now, tokenID)
		}
		return err
	})
	return u, err
}

// APITokens returns the tokens of a user, oldest first.
func (db *DB) APITokens(ctx context.Context, user int64) ([]APIToken, error) {
	return queryAll(ctx, db, `SELECT id, user_id, name, created_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY id`,
		func(rows *sql.Rows) (APIToken, error) {
			var t APIToken
			var created, last int64
			err := rows.Scan(&t.ID, &t.User, &t.Name, &created, &last)
			t.Created, t.LastUsed = unixTime(created), unixTime(last)
			return t, err
		}, user)
}
