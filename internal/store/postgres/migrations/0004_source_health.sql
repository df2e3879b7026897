-- A failing source backs off (retry_at) and is paused after too many
-- failures in a row; a permanent redirect moves it to its new URL.
ALTER TABLE sources ADD COLUMN retry_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN paused_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN paused_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN moved_from TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN moved_to TEXT NOT NULL DEFAULT '';
