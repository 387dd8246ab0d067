-- Version 2: the page each statement is on, for paged input (PDF).
ALTER TABLE statements ADD COLUMN page INTEGER;
