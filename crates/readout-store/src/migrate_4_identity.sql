-- Version 4: the ledger's identity, made when the ledger is, so that what
-- is derived from it (the search index beside it) is never taken for
-- another ledger's, even one made anew at the same path from the same
-- first document.
CREATE TABLE ledger (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO ledger (key, value) VALUES ('id', lower(hex(randomblob(16))));
