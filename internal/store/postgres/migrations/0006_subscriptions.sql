-- Readers subscribe to sources from a private chat; each chat is a delivery
-- target of its own ("chat:<id>", publisher telegram).
CREATE TABLE subscriptions (
    chat_id    BIGINT NOT NULL,
    source_id  TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (chat_id, source_id)
);
CREATE INDEX subscriptions_source ON subscriptions (source_id);
