-- Shared rates (a bot token's pace across replicas): the theoretical
-- arrival time (Unix ms) of the next message, as GCRA keeps it.
CREATE TABLE rates (
    key TEXT PRIMARY KEY,
    tat BIGINT NOT NULL
);
