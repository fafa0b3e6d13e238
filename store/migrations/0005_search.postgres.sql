-- Full-text search over a post's text and hashtags, PostgreSQL side: a GIN
-- index on the 'simple' text-search configuration (lower-casing only, no
-- stemming or stop words, so Kyrgyz, Russian and English are treated
-- alike). It is an expression index rather than a generated column so that
-- the posts table keeps the same columns on both databases (dumps move
-- between them); queries repeat the expression exactly (dialect.go).

CREATE INDEX posts_search ON posts USING GIN (to_tsvector('simple', text || ' ' || hashtags));
CREATE INDEX codings_coder ON codings (coder, post_id);
