-- The bot's update offset (so a restart never re-runs a command) and each
-- chat's chosen language.
CREATE TABLE bot_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE chat_settings (
    chat_id  BIGINT PRIMARY KEY,
    language TEXT NOT NULL DEFAULT ''
);
