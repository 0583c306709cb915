-- When each edit was made (UTC, RFC 3339), so a history panel can show it.
-- Rows from before this migration have no time.
ALTER TABLE history ADD COLUMN at TEXT;
