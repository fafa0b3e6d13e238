-- Calendar entries: the posts an institution plans on a day, usually in
-- one of its rubrics (free text, the institution's own names). Titles and
-- notes are untrusted text, stored as written. Times are Unix seconds.

CREATE TABLE calendar_entries (
    id             @ID@,
    institution_id BIGINT NOT NULL REFERENCES institutions(id),
    day            TEXT NOT NULL,
    rubric         TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL,
    platform       TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX calendar_entries_day ON calendar_entries (day);
CREATE INDEX calendar_entries_institution ON calendar_entries (institution_id, day);
