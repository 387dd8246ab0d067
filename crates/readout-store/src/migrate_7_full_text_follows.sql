-- Version 7: FTS5 may follow the statements rather than be written in each
-- document's transaction. It holds exactly the statements whose rowid is at
-- most `full_text_upto`; what lies past the mark is added in one statement
-- (`Store::update_full_text`). A long ingest adds a thousand documents at a
-- time: FTS5 writes a segment and merges per transaction, and per document
-- that cost 35% of an ingest's time. Until this version FTS5 was written
-- with every document, so it holds them all.
INSERT OR REPLACE INTO ledger (key, value)
  VALUES ('full_text_upto', (SELECT ifnull(max(rowid), 0) FROM statements));
