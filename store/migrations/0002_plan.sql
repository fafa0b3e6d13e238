-- Goals (KPIs), shared campaigns and offline indicators (package plan).
-- Numbers that may be missing are NULL; dates are ISO text.

CREATE TABLE goals (
    id                 @ID@,
    institution_id     BIGINT NOT NULL REFERENCES institutions(id),
    metric             TEXT NOT NULL,
    platform           TEXT NOT NULL DEFAULT '',
    label              TEXT NOT NULL DEFAULT '',
    target             DOUBLE PRECISION,
    change_pct         DOUBLE PRECISION,
    baseline           DOUBLE PRECISION,
    baseline_precision TEXT NOT NULL DEFAULT 'none',
    start_date         TEXT NOT NULL DEFAULT '',
    deadline           TEXT NOT NULL,
    milestones         TEXT NOT NULL DEFAULT '',
    note               TEXT NOT NULL DEFAULT '',
    reviewed_at        BIGINT,
    created_at         BIGINT NOT NULL
);
CREATE INDEX goals_institution ON goals (institution_id);

CREATE TABLE campaigns (
    id          @ID@,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    hashtag     TEXT NOT NULL,
    from_date   TEXT NOT NULL,
    to_date     TEXT NOT NULL,
    sdgs        TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL
);

CREATE TABLE campaign_institutions (
    campaign_id    BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    PRIMARY KEY (campaign_id, institution_id)
);

CREATE TABLE offline_indicators (
    id             @ID@,
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    kind           TEXT NOT NULL,
    value          BIGINT NOT NULL,
    day            TEXT NOT NULL,
    source         TEXT NOT NULL,
    campaign_id    BIGINT REFERENCES campaigns(id),
    post_url       TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    created_at     BIGINT NOT NULL
);
CREATE INDEX offline_indicators_institution ON offline_indicators (institution_id, day);
