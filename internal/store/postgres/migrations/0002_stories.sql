ALTER TABLE items ADD COLUMN origin TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN duplicate_of BIGINT REFERENCES items(id) ON DELETE SET NULL;

CREATE TABLE stories (
    item_id    BIGINT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    print      BYTEA NOT NULL
);
CREATE INDEX stories_created ON stories (created_at);
CREATE TABLE story_bands (
    band    BIGINT NOT NULL,
    item_id BIGINT NOT NULL REFERENCES stories(item_id) ON DELETE CASCADE,
    PRIMARY KEY (band, item_id)
);
CREATE INDEX story_bands_item ON story_bands (item_id);

ALTER TABLE deliveries DROP CONSTRAINT deliveries_state_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_state_check
    CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped'));
