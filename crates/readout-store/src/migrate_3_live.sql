-- Version 3: whether a document is current, and its date, read from an
-- index rather than from its row. Every search hit checks both; the row
-- holds the document's whole text in overflow pages, which the check would
-- otherwise walk.
CREATE INDEX documents_live ON documents(id, superseded_by, date);
