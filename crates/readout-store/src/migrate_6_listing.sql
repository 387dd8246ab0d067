-- Version 6: the current documents in the order readout lists them (date,
-- undated last, then path and id), so that a page of the list reads twenty
-- index entries instead of sorting every document: 49 ms → 0.5 ms for the
-- first page of 31,694 documents. Partial: superseded versions are never
-- listed.
CREATE INDEX IF NOT EXISTS documents_current_by_date
  ON documents(date IS NULL, date, path, id) WHERE superseded_by IS NULL;
