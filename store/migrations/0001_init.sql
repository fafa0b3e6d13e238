-- Kopuro's first schema. Portable SQL: @ID@ is replaced per dialect
-- (dialect.go); times are Unix seconds in UTC, dates are ISO text
-- ("2024-02" or "2024-02-15", which sort correctly), booleans are 0/1,
-- missing counts are NULL (never 0).

CREATE TABLE institutions (
    id        @ID@,
    code      TEXT NOT NULL UNIQUE,
    name_ky   TEXT NOT NULL DEFAULT '',
    name_ru   TEXT NOT NULL DEFAULT '',
    name_en   TEXT NOT NULL DEFAULT '',
    short_ky  TEXT NOT NULL DEFAULT '',
    short_ru  TEXT NOT NULL DEFAULT '',
    short_en  TEXT NOT NULL DEFAULT '',
    type      TEXT NOT NULL DEFAULT '',
    city      TEXT NOT NULL DEFAULT '',
    country   TEXT NOT NULL DEFAULT 'KG',
    students  BIGINT
);

-- An account with an empty handle is an institution's presence whose handle
-- is not known yet (Table 1 gives only a count); it is unique per
-- institution and platform. An account without institution is unlinked.
CREATE TABLE accounts (
    id             @ID@,
    institution_id BIGINT REFERENCES institutions(id),
    platform       TEXT NOT NULL,
    handle         TEXT NOT NULL DEFAULT '',
    url            TEXT NOT NULL DEFAULT '',
    official       INTEGER NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL
);
CREATE UNIQUE INDEX accounts_platform_handle ON accounts (platform, handle) WHERE handle <> '';
CREATE UNIQUE INDEX accounts_institution_platform ON accounts (institution_id, platform) WHERE handle = '';

CREATE TABLE snapshots (
    id         @ID@,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    metric     TEXT NOT NULL,
    value      BIGINT,
    precision  TEXT NOT NULL,
    as_of      TEXT NOT NULL,
    source     TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    UNIQUE (account_id, metric, as_of)
);

CREATE TABLE posts (
    id          @ID@,
    platform    TEXT NOT NULL,
    external_id TEXT NOT NULL,
    account_id  BIGINT NOT NULL REFERENCES accounts(id),
    url         TEXT NOT NULL DEFAULT '',
    published   BIGINT NOT NULL,
    utc_offset  INTEGER NOT NULL DEFAULT 0,
    text        TEXT NOT NULL DEFAULT '',
    format      TEXT NOT NULL DEFAULT '',
    likes       BIGINT,
    comments    BIGINT,
    shares      BIGINT,
    views       BIGINT,
    saves       BIGINT,
    hashtags    TEXT NOT NULL DEFAULT '',
    mentions    TEXT NOT NULL DEFAULT '',
    src_format  TEXT NOT NULL DEFAULT '',
    src_file    TEXT NOT NULL DEFAULT '',
    src_version TEXT NOT NULL DEFAULT '',
    imported_at BIGINT NOT NULL,
    UNIQUE (platform, external_id)
);
CREATE INDEX posts_account_published ON posts (account_id, published);
CREATE INDEX posts_published ON posts (published);

-- One row per hashtag of a post, for campaign tracking and top hashtags.
CREATE TABLE post_hashtags (
    post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    tag     TEXT NOT NULL,
    PRIMARY KEY (post_id, tag)
);
CREATE INDEX post_hashtags_tag ON post_hashtags (tag);

CREATE TABLE comments (
    id               @ID@,
    post_id          BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    external_id      TEXT NOT NULL,
    parent_id        TEXT NOT NULL DEFAULT '',
    author           TEXT NOT NULL DEFAULT '',
    from_institution INTEGER NOT NULL DEFAULT 0,
    text             TEXT NOT NULL DEFAULT '',
    published        BIGINT,
    likes            BIGINT,
    UNIQUE (post_id, external_id)
);

-- Codings: the machine's (coder '') and each human coder's labels of a
-- post. A human coding wins over the machine's everywhere.
CREATE TABLE codings (
    id         @ID@,
    post_id    BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    coder      TEXT NOT NULL DEFAULT '',
    codebook   TEXT NOT NULL DEFAULT '',
    lang       TEXT NOT NULL DEFAULT '',
    category   TEXT NOT NULL,
    tm_area    TEXT NOT NULL DEFAULT '',
    sdgs       TEXT NOT NULL DEFAULT '',
    cta        INTEGER NOT NULL DEFAULT 0,
    question   INTEGER NOT NULL DEFAULT 0,
    story      INTEGER NOT NULL DEFAULT 0,
    scores     TEXT NOT NULL DEFAULT '',
    evidence   TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    UNIQUE (post_id, coder)
);
CREATE INDEX codings_category ON codings (category, tm_area);
