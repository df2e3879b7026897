-- Summaries get their attribution and language; items telling a story
-- already posted are linked to the first one; deliveries may be skipped.
ALTER TABLE items ADD COLUMN origin TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN duplicate_of INTEGER REFERENCES items(id) ON DELETE SET NULL;

-- Story fingerprints (MinHash) of recent items, for cross-source duplicate
-- detection; rows older than the window are pruned.
CREATE TABLE stories (
    item_id    INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    print      BLOB NOT NULL
);
CREATE INDEX stories_created ON stories (created_at);
-- One row per LSH band of a story: two stories sharing a band are compared.
CREATE TABLE story_bands (
    band    INTEGER NOT NULL,
    item_id INTEGER NOT NULL REFERENCES stories(item_id) ON DELETE CASCADE,
    PRIMARY KEY (band, item_id)
) WITHOUT ROWID;
CREATE INDEX story_bands_item ON story_bands (item_id);

-- SQLite cannot change a CHECK constraint: rebuild deliveries with the
-- 'skipped' state. Nothing references deliveries, so a copy is safe.
CREATE TABLE deliveries_new (
    id              INTEGER PRIMARY KEY,
    item_id         INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    target_id       TEXT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_until   INTEGER NOT NULL DEFAULT 0,
    claim_token     INTEGER NOT NULL DEFAULT 0,
    remote_id       TEXT NOT NULL DEFAULT '',
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (item_id, target_id)
);
INSERT INTO deliveries_new SELECT id, item_id, target_id, state, attempts, next_attempt_at, claimed_until,
    claim_token, remote_id, last_error, created_at, sent_at FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_new RENAME TO deliveries;
CREATE INDEX deliveries_open ON deliveries (target_id, id) WHERE state IN ('pending', 'sending');
