-- Several processes may share one store: a singleton job (the bot's update
-- intake) runs where its lease is held; a source's due poll is taken by one
-- process (poll_slot: the due time, Unix ms, last claimed).
CREATE TABLE leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
ALTER TABLE sources ADD COLUMN poll_slot INTEGER NOT NULL DEFAULT 0;
