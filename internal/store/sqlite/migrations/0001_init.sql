-- Times are Unix milliseconds (UTC), the same in every engine.
CREATE TABLE sources (
    id                 TEXT PRIMARY KEY,
    name               TEXT NOT NULL,
    url                TEXT NOT NULL,
    etag               TEXT NOT NULL DEFAULT '',
    last_modified      TEXT NOT NULL DEFAULT '',
    initialized        INTEGER NOT NULL DEFAULT 0,
    last_polled_at     INTEGER NOT NULL DEFAULT 0,
    last_success_at    INTEGER NOT NULL DEFAULT 0,
    last_new_item_at   INTEGER NOT NULL DEFAULT 0,
    consecutive_errors INTEGER NOT NULL DEFAULT 0,
    last_error         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE targets (
    id        TEXT PRIMARY KEY,
    publisher TEXT NOT NULL
);

CREATE TABLE items (
    id           INTEGER PRIMARY KEY,
    source_id    TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    item_key     TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('seen', 'new', 'queued')),
    guid         TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    link         TEXT NOT NULL DEFAULT '',
    author       TEXT NOT NULL DEFAULT '',
    content      TEXT NOT NULL DEFAULT '', -- kept only until summarised
    published_at INTEGER NOT NULL DEFAULT 0,
    tags         TEXT NOT NULL DEFAULT '[]',
    summary      TEXT NOT NULL DEFAULT '[]',
    created_at   INTEGER NOT NULL,
    UNIQUE (source_id, item_key)
);
CREATE INDEX items_pending ON items (source_id, id) WHERE state = 'new';

CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    item_id         INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    target_id       TEXT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_until   INTEGER NOT NULL DEFAULT 0,
    -- Fences a claim: only the worker holding this token may record the
    -- outcome, so a worker whose lease expired cannot overwrite a newer one.
    claim_token     INTEGER NOT NULL DEFAULT 0,
    remote_id       TEXT NOT NULL DEFAULT '',
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (item_id, target_id)
);
-- Only unsent rows are ever scanned by the dispatcher; sent history does not
-- slow it down.
CREATE INDEX deliveries_open ON deliveries (target_id, id) WHERE state IN ('pending', 'sending');
