-- The first .carepath layout: the document row, one row per element, and the edit history.

-- The document's id and metadata (exactly one row).
CREATE TABLE document (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    id        TEXT NOT NULL,
    metadata  TEXT NOT NULL
);

-- One row per element, its JSON in `body`. `variant` is '' for document-level elements
-- (actor, phase, info_type, variant, comment, review) and the owning variant's id for
-- step, transition and need. `position` orders info types and variants.
CREATE TABLE element (
    kind     TEXT NOT NULL,
    variant  TEXT NOT NULL,
    id       TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    body     TEXT NOT NULL,
    PRIMARY KEY (kind, variant, id)
) WITHOUT ROWID;

-- Applied edits, oldest first; `undone` rows are the redo stack and always come last.
CREATE TABLE history (
    seq     INTEGER PRIMARY KEY,
    edit    TEXT NOT NULL,
    inverse TEXT NOT NULL,
    undone  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX history_undone ON history (undone, seq);
