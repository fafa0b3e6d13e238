-- The data version: one counter that every transaction changing the data
-- the dashboard aggregates (institutions, accounts, snapshots, posts,
-- comments, codings, goals, campaigns, offline indicators) bumps before it
-- commits (store/version.go). Caches of computed aggregates are keyed by it,
-- so they are dropped as soon as any process writes. It is not data: a dump
-- leaves it out and a restore bumps it.

CREATE TABLE data_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  BIGINT NOT NULL
);
INSERT INTO data_version (id, n) VALUES (1, 1);

-- An institution's accounts, which the dashboard's post queries start from
-- (accounts_institution_platform covers only handle-less accounts).
CREATE INDEX accounts_institution ON accounts (institution_id);
