-- Collector runs: one row per collection of one account, for
-- `kopuro status` and for the next run to know where the last one ended.
-- error is the user-safe message, already free of credentials; no token is
-- ever stored.

CREATE TABLE collect_runs (
    id         @ID@,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    platform   TEXT NOT NULL,
    started    BIGINT NOT NULL,
    finished   BIGINT NOT NULL,
    status     TEXT NOT NULL,
    snapshots  INTEGER NOT NULL DEFAULT 0,
    posts      INTEGER NOT NULL DEFAULT 0,
    comments   INTEGER NOT NULL DEFAULT 0,
    errors     INTEGER NOT NULL DEFAULT 0,
    error      TEXT NOT NULL DEFAULT '',
    retry_at   BIGINT
);
CREATE INDEX collect_runs_account_started ON collect_runs (account_id, started);
CREATE INDEX collect_runs_started ON collect_runs (started);
