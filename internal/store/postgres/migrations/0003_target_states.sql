-- A target the platform refuses (chat gone, bot blocked, credentials
-- revoked) is paused with the reason until someone resumes it; a Telegram
-- group upgraded to a supergroup moves to its new chat id.
ALTER TABLE targets ADD COLUMN paused_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE targets ADD COLUMN paused_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE targets ADD COLUMN moved_from TEXT NOT NULL DEFAULT '';
ALTER TABLE targets ADD COLUMN moved_to TEXT NOT NULL DEFAULT '';
