-- Full-text search over a post's text and hashtags, SQLite side: an FTS5
-- index whose content is the posts table itself, kept in sync by triggers.
-- unicode61 folds case for Cyrillic too; remove_diacritics 0 keeps й, ё
-- and the Kyrgyz letters ң ө ү apart from н о у (the default would fold
-- й to и and ё to е). Each trigger stays on one line: the migration runner
-- splits statements at a ";" that ends a line.

CREATE VIRTUAL TABLE posts_fts USING fts5(text, hashtags, content='posts', content_rowid='id', tokenize="unicode61 remove_diacritics 0");
INSERT INTO posts_fts (rowid, text, hashtags) SELECT id, text, hashtags FROM posts;
CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN INSERT INTO posts_fts (rowid, text, hashtags) VALUES (new.id, new.text, new.hashtags); END;
CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN INSERT INTO posts_fts (posts_fts, rowid, text, hashtags) VALUES ('delete', old.id, old.text, old.hashtags); END;
CREATE TRIGGER posts_fts_update AFTER UPDATE OF text, hashtags ON posts BEGIN INSERT INTO posts_fts (posts_fts, rowid, text, hashtags) VALUES ('delete', old.id, old.text, old.hashtags); INSERT INTO posts_fts (rowid, text, hashtags) VALUES (new.id, new.text, new.hashtags); END;
CREATE INDEX codings_coder ON codings (coder, post_id);
