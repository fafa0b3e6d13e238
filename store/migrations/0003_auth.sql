-- Who may do what: users with a role (an editor bound to one institution),
-- their sign-in sessions and API tokens. Tokens are never stored, only the
-- hex SHA-256 of each; passwords only as argon2id hashes with their
-- parameters and salt. Times are Unix seconds; 0 means never.

CREATE TABLE users (
    id             @ID@,
    email          TEXT NOT NULL UNIQUE,
    password_hash  TEXT NOT NULL,
    role           TEXT NOT NULL,
    institution_id BIGINT REFERENCES institutions(id),
    created_at     BIGINT NOT NULL
);

CREATE TABLE sessions (
    id         @ID@,
    token_hash TEXT NOT NULL UNIQUE,
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
    id           @ID@,
    token_hash   TEXT NOT NULL UNIQUE,
    user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL DEFAULT '',
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
