-- readout's ledger, schema version 1. Documented in docs/schema.md.
CREATE TABLE documents (
  id             TEXT PRIMARY KEY,          -- d-… from the document's bytes
  path           TEXT NOT NULL,             -- where it was read from
  title          TEXT,
  date           TEXT,                      -- ISO day, month or year
  date_precision TEXT,                      -- day, month, year
  date_source    TEXT,                      -- text, manifest, html-meta
  publisher      TEXT NOT NULL,             -- us-gov, jp-gov, other-gov, press, unknown
  encoding       TEXT NOT NULL,
  text           TEXT NOT NULL,             -- the cleaned text spans point into
  ingested_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  superseded_by  TEXT REFERENCES documents(id)  -- a later version of the same path
);
CREATE INDEX documents_by_path ON documents(path);

CREATE TABLE statements (
  rowid      INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,          -- <document id>:<index>
  doc_id     TEXT NOT NULL REFERENCES documents(id),
  idx        INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  text       TEXT NOT NULL,
  speaker    TEXT,
  kind       TEXT NOT NULL,
  modality   TEXT
);
CREATE INDEX statements_by_doc ON statements(doc_id, idx);
CREATE INDEX statements_by_kind ON statements(kind);

CREATE TABLE statement_actors (
  statement INTEGER NOT NULL REFERENCES statements(rowid),
  actor     TEXT NOT NULL,
  PRIMARY KEY (statement, actor)
) WITHOUT ROWID;
CREATE INDEX statement_actors_by_actor ON statement_actors(actor, statement);

CREATE TABLE statement_domains (
  statement INTEGER NOT NULL REFERENCES statements(rowid),
  domain    TEXT NOT NULL,
  PRIMARY KEY (statement, domain)
) WITHOUT ROWID;
CREATE INDEX statement_domains_by_domain ON statement_domains(domain, statement);

CREATE TABLE quantities (
  statement  INTEGER NOT NULL REFERENCES statements(rowid),
  kind       TEXT NOT NULL,                 -- money, jobs, percent, count
  value      REAL NOT NULL,
  unit       TEXT,
  qualifier  TEXT NOT NULL,
  text       TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL
);
CREATE INDEX quantities_by_statement ON quantities(statement);

CREATE TABLE dates (
  statement  INTEGER NOT NULL REFERENCES statements(rowid),
  text       TEXT NOT NULL,
  value      TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL
);
CREATE INDEX dates_by_statement ON dates(statement);

-- Full-text search over statements: BM25 ranking, Porter stemming.
CREATE VIRTUAL TABLE statements_fts USING fts5(
  text, content = 'statements', content_rowid = 'rowid', tokenize = 'porter unicode61'
);
