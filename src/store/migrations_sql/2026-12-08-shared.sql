-- A document shared for live co-editing: where (server address and document name), the token
-- that reaches it, and the shared (Yjs) form as this participant last had it, so edits made
-- offline are kept across restarts and merged when the connection returns. At most one row.
CREATE TABLE shared (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    server TEXT NOT NULL,
    name TEXT NOT NULL,
    token TEXT NOT NULL,
    state BLOB NOT NULL
);
