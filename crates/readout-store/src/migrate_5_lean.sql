-- Version 5: fewer b-trees written per document. Every ingest commits one
-- transaction per document, and each commit writes every page it touched
-- to the journal; these three indexes put a new page in every commit (one
-- per actor, domain and kind the document names) and no query of readout's
-- reads them (it looks statements' actors and domains up by statement, and
-- searches filter through the search index or FTS5). Dropping them took a
-- third off ingest. An analyst who queries by actor with SQL often can
-- make one again: CREATE INDEX statement_actors_by_actor ON statement_actors(actor, statement).
DROP INDEX IF EXISTS statements_by_kind;
DROP INDEX IF EXISTS statement_actors_by_actor;
DROP INDEX IF EXISTS statement_domains_by_domain;
-- FTS5 writes a segment per transaction and merges them four at a time;
-- merging sixteen at a time rewrites each posting fewer times over a long
-- ingest.
INSERT INTO statements_fts (statements_fts, rank) VALUES ('automerge', 16);
